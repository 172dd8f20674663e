"""The coordinators' report splits partners' referrals by organisation: links made in the period, of them used,
and cases opened through them (small numbers hidden as everywhere), in JSON, CSV and HTML (docs/report.md)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from sqlalchemy import Engine

from bot.cases.models import REFERRED, Case, Referral
from bot.db import session_scope
from tests.test_cli import run

BIG = "Boligsocialt Hus Aarhus"
SMALL = "Gadeholdet Randers"


def _links(engine: Engine, provider: str, municipality: str, made: int, used: int, now: dt.datetime) -> None:
    with session_scope(engine) as session:
        for i in range(made):
            session.add(Referral(code_hash=f"{provider[:8]}-{i}".ljust(64, "0"), provider=provider,
                                 municipality=municipality, created_at=now, expires_at=now + dt.timedelta(days=30),
                                 uses=1 if i < used else 0, max_uses=1))
        for i in range(used):
            session.add(Case(transport="telegram", chat_id=900_000 + hash((provider, i)) % 10_000, urgency="urgent",
                             municipality=municipality, reasons=[REFERRED], referred_by=provider, consent=True,
                             status="closed", created_at=now, closed_at=now))


def test_the_report_splits_referrals_by_organisation(database_env: Engine, capsys) -> None:
    now = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
    _links(database_env, BIG, "aarhus", made=7, used=5, now=now)
    _links(database_env, SMALL, "randers", made=2, used=1, now=now)
    code, out, err = run(capsys, "report", "--format", "json")
    assert code == 0, err
    rows = {r["organisation"]: r for r in json.loads(out)["cases"]["referrals"]}
    assert rows[BIG] == {"organisation": BIG, "made": 7, "used": 5, "cases": 5}, rows
    assert rows[SMALL] == {"organisation": SMALL, "made": "<5", "used": "<5", "cases": "<5"}, "small numbers hidden"
    code, out, err = run(capsys, "report", "--format", "csv")
    table = [r for r in csv.reader(io.StringIO(out)) if r[:2] == ["cases", "referrals"]]
    assert ["cases", "referrals", BIG, "made", "7"] in table and ["cases", "referrals", BIG, "cases", "5"] in table
    code, out, err = run(capsys, "report", "--format", "html")
    assert "Henvisninger fra partnere" in out and BIG in out, out[-2000:]


def test_one_municipalitys_report_counts_only_its_referrals(database_env: Engine, capsys) -> None:
    now = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
    _links(database_env, BIG, "aarhus", made=6, used=5, now=now)
    _links(database_env, SMALL, "randers", made=6, used=0, now=now)
    code, out, err = run(capsys, "report", "--format", "json", "--municipality", "aarhus")
    assert code == 0, err
    assert [r["organisation"] for r in json.loads(out)["cases"]["referrals"]] == [BIG]
