"""Claiming a case that waited, and writing again and again while it waits, through the real HTTP path (aiogram and
python-telegram-bot against the fake Bot API). Each failed before its fix:

- Sara's case waited 2 hours 10 minutes before Ole took it with /tag; his briefing and the card said "den unge har
  ventet 0 min. på svar". Jonas's case waited 25 minutes before Mette pressed Overtag: "0 min." too.
- In office hours, with the case not yet taken, every "hallo?" got the same three sentences again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cases import jobs
from tests.fake_telegram import FakeTelegram
from tests.telegram_desk import TEAM, Desk
from tests.telegram_harness import FRAMEWORKS, InProcessBot, plain
from tests.test_telegram_caseworkers import MovableClock

METTE, OLE, SARA, JONAS = 7311, 7312, 5411, 5412
SHORT = "Jeg har lagt din besked på din sag (nummer 1). Er du i fare, så ring 112."
LONG = "Ingen har taget din sag endnu"


@pytest.fixture(params=FRAMEWORKS)
def desk(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path,
         knowledge) -> Iterator[tuple[Desk, MovableClock]]:
    clock = MovableClock()  # Friday 17:00 in Aarhus
    with InProcessBot(fake_telegram, request.param, tmp_path / "data", knowledge=knowledge, clock=clock) as bot:
        desk = Desk(bot)
        desk.join(METTE, "Mette")
        desk.join(OLE, "Ole")
        desk.team(METTE)
        yield desk, clock
        assert bot.app.core.failures == 0, "a handler raised (someone got the apology)"
    assert fake_telegram.unanswered_callback_queries() == [], "every button press is answered"


def _skip_questions(desk: Desk, chat: int, number: int) -> None:
    for question in (f"cy:skip:{number}:age", f"cy:skip:{number}:tonight", f"cy:anon:{number}"):
        asked, data = desk.last_with(chat, question)
        desk.press(asked, data)


def test_claiming_a_case_that_waited_shows_the_real_wait_in_hours(desk: tuple[Desk, MovableClock]) -> None:
    desk_, clock = desk
    desk_.youth(SARA)
    desk_.open_case(SARA, "jeg har ingen steder at sove i nat")
    clock.advance(hours=2, minutes=10)
    mark = desk_.in_team(OLE, "sager")
    assert any("ikke taget, venter 2 t. 10 min." in t for t in desk_.texts(TEAM, mark)), desk_.texts(TEAM, mark)
    mark = desk_.in_team(OLE, "tag", "1")
    briefing = " ".join(t for t in desk_.texts(OLE, mark) if "Du har sag #1" in t)
    assert "den unge har ventet 2 t. 10 min. på svar" in briefing, briefing
    assert "den unge har ventet 2 t. 10 min. på svar" in desk_.card(1)
    # The claim button, after 25 minutes.
    desk_.youth(JONAS)
    desk_.open_case(JONAS, "min mor har smidt mig ud og jeg har ingen steder at sove")
    clock.advance(minutes=25)
    card, claim = desk_.last_with(TEAM, "cs:claim:2")
    mark = desk_.press(card, claim, user_id=METTE)
    briefing = " ".join(t for t in desk_.texts(METTE, mark) if "Du har sag #2" in t)
    assert "den unge har ventet 25 min. på svar" in briefing, briefing
    assert "den unge har ventet 25 min. på svar" in desk_.card(2)


def test_in_office_hours_writing_again_and_again_hears_the_notice_once(desk: tuple[Desk, MovableClock]) -> None:
    desk_, clock = desk
    clock.advance(hours=-5)  # Friday 12:00: the office is open, the case waits for someone to take it
    desk_.youth(SARA)
    desk_.open_case(SARA, "jeg har ingen steder at sove i nat")
    _skip_questions(desk_, SARA, 1)
    first = desk_.texts(SARA, desk_.write(SARA, "hvornår skriver i mon"))
    assert len(first) == 1 and LONG in first[0], first
    clock.advance(minutes=2)
    # (Not "okay fint": a bare ok gets its own short reply and stays off the case, tests/test_cases_waiting_thanks.py.)
    assert desk_.texts(SARA, desk_.write(SARA, "min telefon har 10 procent strøm")) == [SHORT]
    clock.advance(minutes=2)
    # After that in words that change: the same sentence under every message read as a wall.
    assert desk_.texts(SARA, desk_.write(SARA, "fint, jeg venter")) == ["Den er også lagt på din sag."]
    # Every message reached the case.
    assert "fint, jeg venter" in desk_.card(1)
    # "hallooo??" and "jeg fryser" get a warm line of their own, still short.
    assert desk_.texts(SARA, desk_.write(SARA, "hallooo??")) == [
        "Du er ikke glemt. Det er også med på din sag. Er du i fare, så ring 112."]
    cold = desk_.texts(SARA, desk_.write(SARA, "jeg fryser"))
    # In the same message, where to get warm tonight in Aarhus (sourced), not the whole topic after it.
    assert cold[0].startswith("Jeg er ked af, at det er så hårdt lige nu. Den er også lagt på din sag.\n\n"
                              "Fryser du meget, så ring 112. Her kan du få varmen i nat:"), cold
    assert len(cold) == 1 and "Udrykningsteamet" in cold[0], cold
    # Three hours later, the whole notice again.
    clock.advance(hours=3, minutes=1)
    later = desk_.texts(SARA, desk_.write(SARA, "min telefon har 10 procent strøm"))
    assert len(later) == 1 and LONG in later[0], later
    # Taken and given back: a change, so the whole notice again.
    desk_.in_team(OLE, "tag", "1")
    desk_.command(OLE, "slip", "1")
    again = desk_.texts(SARA, desk_.write(SARA, "min telefon har 10 procent strøm"))
    assert len(again) == 1 and LONG in again[0], again
    assert [plain(c) for c in desk_.to(SARA)].count(SHORT) == 1


def test_a_friday_evening_case_given_back_then_handed_over_after_hours(desk: tuple[Desk, MovableClock]) -> None:
    """Given back by the safety net at 17:05, the card and the next briefing kept Sara's wait (they said "0 min."),
    and she heard "you get a message when one of them takes it"; handed over to a colleague off duty, neither she
    nor Ole heard that nobody may answer before Monday. A question asked again came with its whole introduction."""
    desk_, clock = desk
    clock.advance(hours=-2, minutes=-5)  # Friday 14:55: the office is open
    desk_.youth(SARA)
    desk_.open_case(SARA, "jeg har ingen steder at sove i nat")
    said = desk_.texts(SARA, desk_.write(SARA, "hallo?? er der nogen"))
    assert said[0].startswith("Du er ikke glemt.") and said[-1] == "Hvor gammel er du?", said
    clock.advance(minutes=35)
    desk_.in_team(METTE, "tag", "1")
    clock.advance(minutes=95)  # 17:05: Mette never answered; the office is closed and nobody is on duty
    mark = desk_.tg.mark()
    assert jobs.tick(desk_.bot.engine, desk_.bot.app.deps, clock())["returned"] == 1
    desk_.sync()
    assert "Ikke taget · venter 2 t. 10 min." in desk_.card(1)
    told = desk_.texts(SARA, mark)
    assert len(told) == 1 and "mandag kl. 08:00" in told[0] and "Du får en besked, når" not in told[0], told
    desk_.command(OLE, "vagt")
    mark = desk_.in_team(OLE, "tag", "1")
    briefing = " ".join(t for t in desk_.texts(OLE, mark) if "Du har sag #1" in t)
    assert "den unge har ventet 2 t. 10 min. på svar" in briefing, briefing
    desk_.command(OLE, "vagt", "fra")
    mark = desk_.command(OLE, "overdrag", "1 Mette")
    assert any("Bemærk: Mette har ikke vagt nu" in t for t in desk_.texts(OLE, mark)), desk_.texts(OLE, mark)
    handed = " ".join(desk_.texts(SARA, mark))
    assert "har overtaget din sag" in handed and "mandag kl. 08:00" in handed, handed


def test_an_answer_to_the_caseworker_during_the_questions_reaches_the_caseworker(
        desk: tuple[Desk, MovableClock]) -> None:
    """Sara's "ja hos en veninde i aften", typed after Mette asked whether she was safe, was read as the answer to
    "where will you sleep tonight?" still on her screen: Mette never saw it, and Sara got the bot's next question."""
    desk_, _clock = desk
    desk_.youth(SARA)
    desk_.open_case(SARA, "jeg har ingen steder at sove i nat")
    asked, data = desk_.last_with(SARA, "cy:skip:1:age")
    desk_.press(asked, data)
    desk_.in_team(METTE, "tag", "1")
    desk_.command(METTE, "svar", "1 Hej, er du et trygt sted lige nu?")
    mark = desk_.write(SARA, "ja hos en veninde i aften")
    assert any("ja hos en veninde i aften" in t for t in desk_.texts(METTE, mark)), desk_.texts(METTE, mark)
    assert not any("telefonnummer" in t for t in desk_.texts(SARA, mark)), "no bot question in between"
