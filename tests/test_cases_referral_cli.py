"""`husly referral`: a coordinator makes a partner's referral link on the server (a partner without Telegram, a note
on paper); it works like one from /henvis: the young person is greeted in the organisation's name and only their yes
opens a case naming it; only the code's hash is kept."""

from __future__ import annotations

import asyncio
import io
import json

from sqlmodel import select

from bot.cases import models
from bot.db import session_scope
from handlers.console import chat
from tests.cases_support import case, husly

ORG = "Natcafé Østbyen"


def test_a_coordinators_referral_link_opens_a_case_in_the_organisations_name(sqlite_engine, make_app,
                                                                           capsys) -> None:
    app = make_app(sqlite_engine)
    husly(app, capsys, "staff", "add", "--municipality", "aarhus", "--name", "Mette")
    made = json.loads(husly(app, capsys, "referral", "--provider", ORG, "--municipality", "aarhus", "--bot",
                            "husly_test_bot", "--json"))
    code = made["code"]
    assert made["link"] == f"https://t.me/husly_test_bot?start={code}" and made["start"] == f"/start {code}"
    with session_scope(sqlite_engine) as session:
        stored = session.exec(select(models.Referral)).one()
        assert (stored.provider, stored.municipality, stored.uses, stored.created_by) == (ORG, "aarhus", 0, None)
        assert code not in stored.code_hash
    out = io.StringIO()
    lines = (f"/start {code}", "1", "/quit")  # [1] Ja, forbind mig
    asyncio.run(chat(app, stdin=io.StringIO("".join(line + "\n" for line in lines)), out=out, lang="da"))
    assert f"Hej! {ORG} har sendt dig til mig" in out.getvalue()
    assert case(sqlite_engine).referred_by == ORG


def test_the_plain_output_gives_the_start_code(sqlite_engine, make_app, capsys) -> None:
    out = husly(make_app(sqlite_engine), capsys, "referral", "--provider", ORG, "--municipality", "aarhus")
    assert out.splitlines()[0].startswith("/start ref_") and ORG in out
