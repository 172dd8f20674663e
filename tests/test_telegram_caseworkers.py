"""Caseworkers can trust it: the ten findings of an Aarhus Friday at 17:00 (two caseworkers, a team group, young
people in crisis), each a test through the real HTTP path against the fake Bot API, for aiogram and
python-telegram-bot. Each would have failed before the fix it names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cases import jobs
from bot.cases.buttons import Youth
from tests.fake_telegram import FakeTelegram
from tests.telegram_desk import TEAM, Desk
from tests.telegram_harness import FRAMEWORKS, InProcessBot, callback_datas, plain

METTE, OLE = 7101, 7102
SARA, JONAS, EMMA = 5201, 5202, 5203


class MovableClock:
    """Friday 27 November 2026, 17:00 in Aarhus, running in real time, and movable by a test."""

    def __init__(self) -> None:
        self.start = dt.datetime.now(dt.UTC)
        self.offset = dt.datetime(2026, 11, 27, 16, 0, tzinfo=dt.UTC) - self.start

    def __call__(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + self.offset

    def advance(self, **kwargs: float) -> None:
        self.offset += dt.timedelta(**kwargs)


class ClockedDesk(Desk):
    """The desk of a bot that runs on a clock the test moves."""

    def __init__(self, bot: InProcessBot, clock: MovableClock) -> None:
        super().__init__(bot)
        self.clock = clock


@pytest.fixture(params=FRAMEWORKS)
def desk(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path,
         knowledge) -> Iterator[ClockedDesk]:
    clock = MovableClock()
    with InProcessBot(fake_telegram, request.param, tmp_path / "data", knowledge=knowledge, clock=clock) as bot:
        desk = ClockedDesk(bot, clock)
        desk.join(METTE, "Mette")
        desk.join(OLE, "Ole")
        desk.team(METTE)
        yield desk
        assert bot.app.core.failures == 0, "a handler raised (someone got the apology)"
    assert fake_telegram.unanswered_callback_queries() == [], "every button press is answered"


def _card_message(desk: Desk, number: int):
    return next(c for c in desk.to(TEAM) if c.method == "sendMessage" and plain(c).startswith(("🔴", "🟠", "🟡"))
                and f"Sag #{number} " in plain(c))


def test_1_an_ordinary_reply_to_a_card_in_the_team_group_stays_in_the_group(desk: Desk) -> None:
    desk.youth(SARA)
    desk.open_case(SARA, "jeg er 16 og min stedfar slår mig")
    card = _card_message(desk, 1)
    mark = desk.reply_to(TEAM, card, "Jeg tager den her om 10 min", user=METTE)
    assert desk.to(SARA, mark) == [], "meant for colleagues: never to the young person"
    assert any("Gemt som intern note på sag #1" in t for t in desk.texts(TEAM, mark))
    assert desk.case().claimed_by is None, "and it did not claim the case"
    # The explicit ways still reach the young person.
    mark = desk.in_team(METTE, "svar", "1 Hej Sara, jeg hedder Mette og har din sag nu")
    assert desk.texts(SARA, mark)[-1].startswith("Medarbejder fra Aarhus Kommune: Hej Sara")


def test_2_the_caseworker_sees_what_the_young_person_wrote(desk: Desk) -> None:
    desk.youth(SARA)
    mark = desk.write(SARA, "jeg har taget en masse piller")
    assert any("Må medarbejderne læse det, du skriver til mig her?" in t for t in desk.texts(SARA, mark))
    question, _data = desk.last_with(SARA, "cy:words:")
    desk.press(question, "cy:words:1:yes")
    assert "jeg har taget en masse piller" in desk.card(1), "the team sees the words, not only a reason code"
    mark = desk.in_team(METTE, "sag", "1")
    assert any("jeg har taget en masse piller" in t for t in desk.texts(METTE, mark)), "and in /sag, privately"
    # Without consent, the card says so instead.
    desk.youth(JONAS)
    desk.open_case(JONAS, "jeg har ingen steder at sove i nat", words=False)
    assert "har ikke sagt ja til, at deres egne ord gemmes" in desk.card(2)
    assert "ingen steder at sove" not in desk.card(2)


def test_3_a_message_on_an_unclaimed_case_reaches_the_team(desk: Desk) -> None:
    desk.youth(SARA)
    desk.open_case(SARA, "min kæreste slår mig og jeg tør ikke tage hjem")
    mark = desk.write(SARA, "hallo? er der nogen? han er på vej hjem nu")
    told = " ".join(desk.texts(SARA, mark))
    assert "Jeg har lagt din besked på din sag (nummer 1)" in told and "Medarbejderne kan læse den" in told
    assert "Jeg er ikke sikker på, at jeg forstod dig" not in told
    pings = [plain(c) for c in desk.to(TEAM, mark) if c.method == "sendMessage"]
    assert pings and "han er på vej hjem nu" in pings[-1], "a new message pings the group (an edit is silent)"
    assert "han er på vej hjem nu" in desk.card(1), "and the card shows the last words"
    assert any("cs:claim:1" in callback_datas(c) for c in desk.to(TEAM, mark))


def test_4_a_transfer_to_a_municipality_with_nobody_is_refused(desk: Desk) -> None:
    desk.youth(SARA)
    desk.open_case(SARA, "jeg har ingen steder at sove i nat")
    mark = desk.in_team(METTE, "flyt", "1 favrskov")
    assert any("Sag #1 er ikke flyttet: ingen fra Favrskov er på Husly" in t for t in desk.texts(TEAM, mark))
    assert desk.case().municipality == "aarhus"
    assert desk.to(SARA, mark) == [], "the young person is not told a story"
    # Somewhere with a caseworker works.
    desk.join(7103, "Rikke", municipality="randers")
    mark = desk.in_team(METTE, "flyt", "1 randers")
    assert desk.case().municipality == "randers"
    assert any("Randers Kommune" in t for t in desk.texts(SARA, mark))


def test_5_closing_an_unclaimed_emergency_asks_first_and_can_be_undone(desk: Desk) -> None:
    desk.youth(SARA)
    desk.open_case(SARA, "jeg er 16 og har taget en masse piller")
    mark = desk.in_team(OLE, "luk", "1 andet")
    assert desk.case().status == "open", "not closed on one command"
    question, confirm = desk.last_with(OLE, "cs:ok:1:", mark)
    assert "ingen har taget den" in plain(question) and "nødsituation" in plain(question)
    assert desk.to(SARA, mark) == []
    mark = desk.press(question, confirm, user_id=OLE)
    assert desk.case().status == "closed"
    closing, again = desk.last_with(SARA, "cy:again:1", mark)
    assert "Har du brug for hjælp igen" in plain(closing), "told kindly, with a way back"
    mark = desk.command(OLE, "genaabn", "1")
    reopened = desk.case()
    assert (reopened.status, reopened.claimed_by) == ("claimed", 2), "undone, and Ole has it"
    assert any("åben igen" in t for t in desk.texts(SARA, mark))
    assert Youth.unpack(again) is not None


def test_6_a_claimed_case_that_goes_quiet_is_reminded_then_released_and_can_be_handed_over(desk: ClockedDesk) -> None:
    desk.youth(SARA)
    desk.open_case(SARA, "jeg har ingen steder at sove i nat")
    desk.in_team(METTE, "tag", "1")
    clock = desk.clock
    clock.advance(minutes=31)
    mark = desk.tg.mark()
    assert jobs.tick(desk.bot.engine, desk.bot.app.deps, clock())["owner_reminded"] == 1
    desk.sync()
    assert any("den unge har ventet 31 min. på dit svar" in t for t in desk.texts(METTE, mark))
    clock.advance(minutes=30)
    mark = desk.tg.mark()
    jobs.tick(desk.bot.engine, desk.bot.app.deps, clock())
    desk.sync()
    assert any("ventet 1 t. 1 min. på svar fra Mette" in t for t in desk.texts(TEAM, mark)), "the team is told"
    clock.advance(minutes=30)
    mark = desk.tg.mark()
    assert jobs.tick(desk.bot.engine, desk.bot.app.deps, clock())["returned"] == 1
    desk.sync()
    assert desk.case().claimed_by is None and desk.case().status == "open"
    assert any("tilbage hos teamet" in t for t in desk.texts(TEAM, mark))
    # Release and hand over by hand.
    desk.in_team(OLE, "tag", "1")
    mark = desk.command(OLE, "overdrag", "1 Mette")
    assert desk.case().claimed_by == 1
    assert any("Ole har givet dig sag #1" in t for t in desk.texts(METTE, mark))
    desk.command(METTE, "slip", "1")
    assert desk.case().status == "open"


def test_7_the_expectation_follows_who_is_on_duty_and_hours_are_set_from_the_bot(desk: Desk) -> None:
    desk.youth(SARA)
    mark = desk.write(SARA, "jeg har ingen steder at sove i nat")
    offer, go = desk.last_with(SARA, "cy:go", mark)
    mark = desk.press(offer, go)
    assert any("Kommunen har lukket nu" in t for t in desk.texts(SARA, mark)), "Friday 17:00: closed, nobody on duty"
    desk.command(OLE, "vagt")
    desk.youth(JONAS)
    mark = desk.write(JONAS, "jeg har ingen steder at sove i nat")
    offer, go = desk.last_with(JONAS, "cy:go", mark)
    mark = desk.press(offer, go)
    told = " ".join(desk.texts(JONAS, mark))
    assert "En medarbejder har vagt nu og har fået besked" in told and "Kommunen har lukket nu" not in told
    # A coordinator sets the hours from the bot.
    desk.join(7104, "Karin", role="coordinator")
    mark = desk.command(7104, "aabningstider", "man-fre 08:00-18:00")
    assert any("Åbningstiden for Aarhus er nu: man-fre 08:00-18:00" in t for t in desk.texts(7104, mark))
    mark = desk.command(METTE, "aabningstider", "24/7")
    assert "kun for koordinatorer" in desk.texts(METTE, mark)[-1], "a caseworker cannot change the hours"


def test_8_cards_are_danish_without_codes_and_the_waiting_time_stays_current(desk: ClockedDesk) -> None:
    desk.youth(SARA)
    desk.open_case(SARA, "mor har smidt mig ud, jeg sover på gaden")
    card = desk.card(1)
    assert card.startswith("🟠 Sag #1 · AKUT") and "Case #" not in card
    assert "sleeps_outside" not in card and "sover ude" in card, "reasons in words, once, no raw codes"
    clock = desk.clock
    clock.advance(minutes=4)
    mark = desk.in_team(OLE, "sager")
    assert any("venter 4 min" in t for t in desk.texts(TEAM, mark))
    assert "venter 4 min" in desk.card(1), "reading the queue updates the card"


def test_9_a_young_person_who_comes_back_gets_their_case_again(desk: Desk) -> None:
    desk.youth(SARA)
    desk.open_case(SARA, "jeg er 16 og min stedfar slår mig")
    desk.send(desk.tg.contact(SARA, "+4522334455", first_name="Sara"))
    desk.sync()
    desk.in_team(METTE, "tag", "1")
    question, confirm = None, None
    mark = desk.command(METTE, "luk", "1 herberg")
    question, confirm = desk.last_with(METTE, "cs:ok:1:", mark)  # an emergency: confirmed
    desk.press(question, confirm, user_id=METTE)
    mark = desk.write(SARA, "han slår mig igen")
    again = desk.cases()
    assert len(again) == 1 and again[0].status == "open", "the same case, open again"
    assert again[0].urgency == "emergency" and again[0].age_band == "under_18" and again[0].phone
    assert "åben igen" in " ".join(desk.texts(TEAM, mark))


def test_10_the_team_group_has_its_own_help_menu_danish_commands_and_ranks_suicide_first(desk: ClockedDesk) -> None:
    for name in ("help", "help@husly_test_bot", "start", "hjaelp"):
        mark = desk.in_team(METTE, name)
        assert any("/sager" in t and "/luk" in t for t in desk.texts(TEAM, mark)), f"/{name} in the team group"
    group_menu = [c["command"] for c in desk.tg.commands(scope={"type": "chat", "chat_id": TEAM})]
    assert {"sager", "tag", "svar", "luk", "genaabn", "slip", "overdrag", "vagt"} <= set(group_menu)
    assert "slet" not in group_menu and "skjul" not in group_menu
    clock = desk.clock
    desk.youth(JONAS)
    desk.open_case(JONAS, "han har en kniv og truer mig")  # an emergency, waiting longest
    clock.advance(minutes=3)
    desk.youth(SARA)
    desk.open_case(SARA, "jeg vil ikke leve mere")  # suicide risk, newer
    mark = desk.in_team(METTE, "sager")
    lines = next(t for t in desk.texts(TEAM, mark) if t.startswith("Åbne sager")).splitlines()[1:]
    assert lines[0].startswith("🔴 #2"), "suicide risk first, though the other waited longer"
    mark = desk.in_team(METTE, "luk", "2 herberg")  # Danish outcome names (English ones work too)
    question, confirm = desk.last_with(METTE, "cs:ok:2:shelter", mark)
    desk.press(question, confirm, user_id=METTE)
    assert desk.case(2).outcome == "shelter"
    desk.in_team(METTE, "close", "1 no-contact")
    question, confirm = desk.last_with(METTE, "cs:ok:1:no-contact")
    desk.press(question, confirm, user_id=METTE)
    assert desk.case(1).outcome == "no-contact"
