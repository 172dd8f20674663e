"""The report as people get it: `husly stats demo` then `husly report` in each format, the HTML opened in
headless Chromium (charts really drawn, nothing fetched from the network), and /report for admins only."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image
from sqlmodel import select

from bot.db import open_database, session_scope
from bot.models import Profile
from bot.staff.models import Staff
from handlers.cli import cli
from tests.chromium import find_chromium, open_page
from tests.support import Chat, texts


def run(*args: str) -> tuple[int, str, bytes]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output, result.stdout_bytes


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One demo database for the module (the demo drives the whole bot for 10 days: some seconds)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite3'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HUSLY_DATABASE_URL", url)
        code, output, _ = run("stats", "demo", "--days", "10", "--seed", "7")
    assert code == 0, output
    assert "demo: 10 days" in output
    return url


@pytest.fixture
def demo(demo_database: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("HUSLY_DATABASE_URL", demo_database)
    return demo_database


def test_the_demo_fills_the_database_through_the_bot(demo: str) -> None:
    code, _, out = run("report", "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["period"]["demo"] is True
    # By default the last 90 days, but not before the first question: no empty weeks before the service began.
    assert report["period"]["days"] in (10, 11)
    assert isinstance(report["questions"]["total"], int) and report["questions"]["total"] > 50
    assert isinstance(report["cases"]["total"], int) and report["cases"]["total"] >= 5
    assert report["listings"]["searches"]["total"] not in (0, "<5")
    engine = open_database(demo)
    with session_scope(engine) as session:
        # Every chat of the demo is on its own transport: nothing could ever be delivered to a real person.
        assert {p.transport for p in session.exec(select(Profile)).all()} == {"demo"}
    engine.dispose()


def test_the_demo_refuses_a_database_that_is_not_empty(demo: str) -> None:
    code, output, _ = run("stats", "demo", "--days", "2")
    assert code == 1 and "only fills an empty database" in output


def test_json_has_the_agreed_top_level_keys(demo: str) -> None:
    report = json.loads(run("report", "--format", "json", "--lang", "en")[2])
    assert list(report) == ["period", "questions", "unanswered", "cases", "listings", "languages", "knowledge"]


def test_csv_has_one_number_per_line_and_no_small_count(demo: str) -> None:
    rows = list(csv.DictReader(io.StringIO(run("report", "--format", "csv")[2].decode())))
    assert rows and set(rows[0]) == {"section", "table", "row", "column", "value"}
    not_counts = ("share", "share_met", "p50_minutes", "p90_minutes", "sla_minutes", "last_reviewed", "date")
    numbers = [r for r in rows if r["column"] not in not_counts and r["section"] != "period"]
    assert not [r for r in numbers if r["value"] in ("1", "2", "3", "4")]
    assert any(r["value"] == "<5" for r in numbers)


def test_the_report_for_one_municipality_and_a_bad_period(demo: str) -> None:
    report = json.loads(run("report", "--format", "json", "--municipality", "aarhus")[2])
    assert [row["municipality"] for row in report["questions"]["by_municipality"]] == ["aarhus"]
    code, output, _ = run("report", "--from", "2026-12-01", "--to", "2026-11-01")
    assert code == 2 and "after" in output


def test_html_report_in_english_is_one_file_with_charts(demo: str, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    code, _, _ = run("report", "--out", str(out), "--lang", "en")
    page = out.read_text(encoding="utf-8")
    assert code == 0 and page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "Husly: insight for the network" in page and "DEMO" in page
    assert page.count("<svg") >= 3 and "<script" not in page and "@font-face" not in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", page)
    assert "@page" in page and "A4" in page


@pytest.mark.skipif(find_chromium() is None and os.environ.get("CI") != "true",
                    reason="Chromium is not installed (.ci/run installs it: apt-get install chromium)")
def test_html_report_renders_its_charts_in_chromium_without_the_network(demo: str, tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    assert run("report", "--out", str(out))[0] == 0
    page = open_page(out, "figure.chart svg")
    # Only the file itself was requested: no font, script, style or picture from anywhere else.
    assert page.requests == [out.resolve().as_uri()], page.requests
    assert not page.failed and not page.console, (page.failed, page.console)
    assert len(page.shots) >= 4
    colourful = 0
    for box, shot in zip(page.boxes, page.shots, strict=True):
        pixels = np.asarray(Image.open(io.BytesIO(shot)).convert("RGB"), dtype=int)
        assert box[2] > 400 and box[3] > 100, box  # laid out at a readable size
        inked = float((pixels.sum(axis=2) < 720).mean())
        coloured = float((pixels.max(axis=2) - pixels.min(axis=2) > 60).mean())
        # Axes, labels and grey hidden cells are ink; bars are colour. A blank or broken chart has neither.
        assert inked > 0.03, (box, inked)
        colourful += coloured > 0.01
    assert colourful >= 3
    whole = Image.open(io.BytesIO(page.full))
    assert whole.size[1] > 3000  # the whole report, not only the first screen


def test_admins_get_the_report_in_the_chat_and_others_are_refused(sqlite_engine, make_app) -> None:
    app = make_app(sqlite_engine)
    with session_scope(sqlite_engine) as session:
        session.add(Staff(transport="telegram", user_id=70, chat_id=70, role="admin", display_name="Ane"))
        session.add(Staff(transport="telegram", user_id=71, chat_id=71, role="caseworker", municipality="aarhus",
                          display_name="Bo"))
    Chat(app, chat_id=72).say("hvordan søger jeg boligstøtte")
    sent = Chat(app, chat_id=70).command("report", "aarhus")
    document = sent[-1].reply.document
    assert document is not None and document.file_name.endswith("-aarhus.html")
    assert document.mime_type == "text/html" and b"<svg" in document.content and b"Husly: indsigt" in document.content
    for refused in (71, 72):
        answer = Chat(app, chat_id=refused).command("report")
        assert answer[-1].reply.document is None and "kun administratorer" in texts(answer)
    bad = Chat(app, chat_id=70).command("report", "i går")
    assert bad[-1].reply.document is None and "/report 2026-11-01 2026-11-30" in texts(bad)


def test_starting_the_bot_imports_no_plotting_or_report_code() -> None:
    """The report's libraries cost nothing until a report is made (start-up time and memory matter)."""
    import subprocess
    import sys

    probe = ("import sys; from bot.conversation.features import build_router; import handlers.cli; build_router(); "
             "print(sorted(m for m in ('matplotlib', 'numpy.ma', 'faker', 'phonenumbers', 'bot.report.build', "
             "'bot.report.html') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
