"""The report counts what scripted conversations did: questions and how they were answered, people, 👍/👎,
urgent cases and their times against the promise, how they ended, follow-ups, housing searches; small
counts hidden in JSON, CSV and HTML; erasure changes nothing in it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

import pytest
from sqlmodel import select

from bot.cases import jobs as case_jobs
from bot.cases.models import Case
from bot.db import session_scope
from bot.listings.demo import create_demo
from bot.report.formats import make_report, render
from bot.report.period import Period
from bot.staff.models import Staff
from tests.support import Chat, texts

ANSWERED = "hvordan søger jeg boligstøtte"
UNSURE = "hvad koster en kolonihave"
ENGLISH = "how do i apply for housing benefit"
EMERGENCY = "min kæreste slår mig og jeg er bange"
# Minutes from each case to a caseworker taking it; the emergency promise is 5 minutes.
WAITS = [1, 2, 3, 4, 5, 6, 7, 8, 10, 30]
CASEWORKER = 900_001


def ask(app, chat_id: int, text: str, municipality: str = "", lang: str = "da") -> tuple[Chat, list]:
    chat = Chat(app, chat_id=chat_id, lang=lang)
    chat.command("start", municipality)
    return chat, chat.say(text)


@pytest.fixture
def scripted(engine, make_app, clock):
    """Two days of scripted activity; returns the app and the chats that took part."""
    app = make_app(engine)
    with session_scope(engine) as session:
        session.add(Staff(transport="telegram", user_id=CASEWORKER, chat_id=CASEWORKER, role="caseworker",
                          municipality="aarhus", display_name="Mette"))
        create_demo(session, count=60, now=clock.now)
    chats: dict[str, list[Chat]] = {"aarhus": [], "cases": []}
    answers = []
    for i in range(7):
        chat, sent = ask(app, 1000 + i, ANSWERED, "aarhus")
        chats["aarhus"].append(chat)
        answers.append(sent[-1])
    for i in range(6):
        _, sent = ask(app, 2000 + i, UNSURE, "koebenhavn")
        assert "ikke sikker" in sent[-1].text  # the conversation really was unsure
    for i in range(5):
        _, sent = ask(app, 3000 + i, ENGLISH, lang="en")
        assert "Source:" in sent[-1].text
    for i in range(2):
        _, sent = ask(app, 3500 + i, ANSWERED, "roskilde")
        assert "Kilde:" in sent[-1].text
    assert all("Kilde:" in a.text for a in answers)
    for vote, chat, answer in zip([1, 1, 1, 1, 1, 0, 0], chats["aarhus"], answers, strict=True):
        chat.press_button([answer], "👍" if vote else "👎")
    # Housing: 5 searches that find something, 6 that find nothing (no home in Randers for 2.000 kr.).
    for i in range(5):
        _, sent = ask(app, 4000 + i, "værelse i aarhus max 4000 kr")
        assert "passer" in sent[-1].text.lower()
    for i in range(6):
        _, sent = ask(app, 5000 + i, "lejlighed i randers max 2000 kr")
        assert "Ingen boliger passer" in sent[-1].text
    # Ten emergencies, each taken after its wait, then closed: five housed, five at a shelter.
    staff = Chat(app, chat_id=CASEWORKER)
    for i, wait in enumerate(WAITS):
        chat, _ = ask(app, 6000 + i, EMERGENCY, "aarhus")
        chats["cases"].append(chat)
        clock.advance(minutes=wait)
        case_id = case_of(engine, chat.chat_id)
        assert "Du har sag" in texts(staff.command("claim", str(case_id)))
        clock.advance(minutes=20)
        outcome = "housed" if i % 2 == 0 else "shelter"
        staff.command("close", f"{case_id} {outcome}")
        staff.press(f"cs:ok:{case_id}:{outcome}")  # closing an emergency is confirmed
    # The next day: five of the Aarhus people ask again, and the follow-ups go out; six answer "safe".
    clock.advance(days=1, hours=2)
    for chat in chats["aarhus"][:5]:
        chat.say(ANSWERED)
    clock.advance(days=1)
    assert case_jobs.tick(engine, app.deps, clock.now)["followups"] == 10
    for chat in chats["cases"][:6]:
        chat.press(f"cy:fu:{case_of(engine, chat.chat_id)}:yes")
    return app, chats


def case_of(engine, chat_id: int) -> int:
    with session_scope(engine) as session:
        case = session.exec(select(Case).where(Case.chat_id == chat_id)).one()
        assert case.id is not None
        return case.id


def report(app, clock) -> dict[str, Any]:
    period = Period.make(dt.date(2026, 11, 23), dt.date(2026, 12, 6), clock.now)
    with session_scope(app.engine) as session:
        return make_report(session, kb=app.deps.kb, settings=app.settings, period=period, now=clock.now)


def test_the_report_counts_what_the_conversations_did(scripted, clock) -> None:
    app, _chats = scripted
    r = report(app, clock)
    q = r["questions"]
    # The ten emergencies got the crisis information: counted under questions too, as well as under cases.
    assert q["total"] == 7 + 6 + 5 + 2 + 5 + 10
    assert q["outcomes"]["answered"] == {"count": 19, "share": 19 / 35}
    assert q["outcomes"]["unsure"] == {"count": 6, "share": 6 / 35}
    assert q["outcomes"]["unanswered"]["count"] == 0 and q["outcomes"]["safety"] == {"count": 10, "share": 10 / 35}
    places = {row["municipality"]: row for row in q["by_municipality"]}
    assert places["aarhus"]["answered"] == 12 and places["koebenhavn"]["unsure"] == 6
    assert places["aarhus"]["safety"] == 10
    # Two from Roskilde: "<5"; then the smallest other count in the column (the 5 English questions) is
    # hidden too, or 19 - 12 - 5 would give the 2 away.
    assert places["roskilde"]["answered"] == "<5" and places["unknown"]["answered"] == "x"
    assert q["people"] == {"new": 30, "returning": 5, "total": 35}
    topic = next(t for t in q["by_topic"] if t["topic"] == "boligstoette")
    assert topic["total"] == 19 and topic["by_municipality"]["aarhus"] == 12
    # 5 x 👍 and 2 x 👎: the 2 is small, so the 5 is hidden too (the total 7 would give it away).
    assert (q["feedback"]["up"], q["feedback"]["down"], q["feedback"]["total"]) == ("x", "<5", 7)
    assert r["unanswered"]["total"] == 6 and r["unanswered"]["share"] == 6 / 35
    assert r["languages"]["questions"]["da"]["count"] == 30 and r["languages"]["questions"]["en"]["count"] == 5

    c = r["cases"]
    emergency = c["by_urgency"]["emergency"]
    assert c["total"] == 10 and emergency["count"] == 10 and emergency["contacted"] == 10
    # p50 of 1..8,10,30 = (5 + 6) / 2; p90 by linear interpolation between 10 and 30 at rank 8.1.
    assert emergency["p50_minutes"] == 5.5 and emergency["p90_minutes"] == 12.0
    assert (emergency["met"], emergency["missed"], emergency["waiting"]) == (5, 5, 0)
    assert emergency["share_met"] == 0.5 and emergency["sla_minutes"] == 5
    assert c["outcomes"] == {"closed": 10, "housed": 5, "shelter": 5, "referred": 0, "no-contact": 0, "other": 0}
    assert c["followup"] == {"asked": 10, "safe": "x", "not_safe": 0, "no_answer": "<5"}
    assert {r["reason"]: r["count"] for r in c["reasons"]}["violence_or_threats"] == 10

    s = r["listings"]["searches"]
    assert (s["total"], s["found"], s["no_result"]) == (11, 5, 6)
    randers = next(row for row in r["listings"]["no_result_by_rent"]["rows"] if row["municipality"] == "randers")
    assert randers["bands"]["0-3000"] == 6 and randers["total"] == 6


def test_small_counts_are_hidden_in_json_csv_and_html(scripted, clock) -> None:
    app, _chats = scripted
    r = report(app, clock)
    small = [(path, value) for path, value in counts(r) if isinstance(value, int) and 1 <= value <= 4]
    assert not small, small
    data = json.loads(render(r, "json"))
    roskilde = next(row for row in data["questions"]["by_municipality"] if row["municipality"] == "roskilde")
    assert (roskilde["answered"], roskilde["total"]) == ("<5", "<5")
    rows = list(csv.DictReader(io.StringIO(render(r, "csv").decode())))
    cell = next(row for row in rows if row["table"] == "by_municipality" and row["row"] == "roskilde"
                and row["column"] == "answered")
    assert cell["value"] == "<5"
    assert not [row for row in rows if row["value"] in ("1", "2", "3", "4") and row["column"] not in NOT_COUNTS]
    page = render(r, "html").decode()
    row = page.split("<td>Roskilde</td>", 1)[1].split("</tr>", 1)[0]
    assert "<td>&lt;5</td>" in row and "<td>2</td>" not in row


NOT_COUNTS = {"days", "sla_minutes", "p50_minutes", "p90_minutes", "share", "share_met", "review_after_days",
              "topics", "last_reviewed", "date"}


def counts(value: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every count in the report, with where it is (settings, minutes and shares left out)."""
    if isinstance(value, dict):
        return [c for key, v in value.items() if key not in NOT_COUNTS for c in counts(v, f"{path}.{key}")]
    if isinstance(value, list):
        return [c for i, v in enumerate(value) for c in counts(v, f"{path}[{i}]")]
    return [(path, value)] if isinstance(value, int) and not isinstance(value, bool) else []


def test_erasing_people_leaves_the_report_unchanged(scripted, clock) -> None:
    app, chats = scripted
    before = report(app, clock)
    # /slet through the core: someone who asked questions, and someone who had a case.
    for chat in (chats["aarhus"][0], chats["cases"][0], chats["cases"][9]):
        chat.command("slet")
        done = chat.press("priv:erase-yes")
        assert "slettet" in texts(chat.mine(done))
    after = report(app, clock)
    assert after == before


def test_a_case_still_open_is_erased_without_changing_how_cases_ended(engine, make_app, clock) -> None:
    app = make_app(engine)
    for i in range(6):
        ask(app, 7000 + i, EMERGENCY, "aarhus")
    before = report(app, clock)
    case_id = case_of(engine, 7000)
    chat = Chat(app, chat_id=7000)
    chat.command("slet")
    chat.press("priv:erase-yes")
    # Erasure closes the open case (the caseworker is told), but that is not how the case ended.
    with session_scope(engine) as session:
        erased = session.get(Case, case_id)
        assert erased is not None and erased.status == "closed" and erased.chat_id == 0
    assert report(app, clock) == before
    assert before["cases"]["outcomes"]["closed"] == 0
