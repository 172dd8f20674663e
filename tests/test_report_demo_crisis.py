"""The coordinators' report counts a crisis message that got the crisis information, as it counts a question.

`make report` showed "Kriseinformation 0" beside 70 urgent cases: a question was counted (bot.models.QueryStat) only
when the question flow answered it, and a crisis message goes to the case flow, which counted nothing. The demo runs
through the real bot, so the real report had the same hole: a young person who got 112 and the crisis line and said
no to a caseworker was in no number at all. Now the case flow counts the message the way the question flow does
(outcome "safety"), and the case it may become is counted under cases as before.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import func
from sqlmodel import select

from bot.cases.models import Case
from bot.db import open_database, session_scope
from bot.models import QueryStat
from handlers.cli import cli
from tests.corpus import our_own
from tests.support import Chat, texts

THROWN_OUT = "jeg har ingen steder at sove i nat fordi min mor har smidt mig ud efter et skænderi"
HIT = "min stedfar har slået mig i aften og jeg tør ikke gå hjem til ham"

test_the_sentences_are_our_own = our_own([THROWN_OUT, HIT])


def stats(chat: Chat) -> list[QueryStat]:
    with session_scope(chat.app.engine) as session:
        return list(session.exec(select(QueryStat)).all())


@pytest.fixture
def chat(sqlite_engine, make_app) -> Chat:
    return Chat(make_app(sqlite_engine))


def test_a_crisis_message_is_counted_as_crisis_information_without_its_words(chat: Chat) -> None:
    chat.command("start", "aarhus")
    sent = chat.say(THROWN_OUT)
    assert "112" in texts(sent)  # the safety information was shown
    (stat,) = stats(chat)
    assert (stat.outcome, stat.urgency, stat.municipality, stat.visitor) == ("safety", "urgent", "aarhus", "new")
    assert "skænderi" not in str(stat.model_dump())


def test_a_crisis_where_the_caseworker_is_declined_still_counts(chat: Chat) -> None:
    chat.command("start", "roskilde")
    chat.say(THROWN_OUT)
    chat.press("cy:no")
    assert [s.outcome for s in stats(chat)] == ["safety"]


def test_an_emergency_counts_once_and_becomes_a_case(chat: Chat) -> None:
    chat.command("start", "koebenhavn")
    chat.say(HIT)
    assert [(s.outcome, s.urgency) for s in stats(chat)] == [("safety", "emergency")]
    with session_scope(chat.app.engine) as session:
        assert session.exec(select(func.count()).select_from(Case)).one() == 1


def run(*args: str) -> tuple[int, str, bytes]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output, result.stdout_bytes


def test_the_demo_report_shows_crisis_information_beside_its_urgent_cases(tmp_path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    monkeypatch.setenv("HUSLY_DATABASE_URL", url)
    code, output, _ = run("stats", "demo", "--days", "10", "--seed", "7")
    assert code == 0, output
    code, _, out = run("report", "--format", "json")
    report = json.loads(out)
    safety, cases = report["questions"]["outcomes"]["safety"]["count"], report["cases"]["total"]
    assert isinstance(cases, int) and cases >= 5
    # Every case began with a typed crisis message that got the crisis information (some were declined, some came
    # on a case already open): never fewer than the cases, and never the 0 the demo report showed.
    assert isinstance(safety, int) and safety >= cases
    with session_scope(open_database(url)) as session:
        urgent = session.exec(select(func.count()).select_from(QueryStat).where(QueryStat.urgency != "none")).one()
        counted = session.exec(select(func.count()).select_from(QueryStat)
                               .where(QueryStat.outcome == "safety")).one()
    assert counted == safety and urgent >= cases
