"""The conversation through a real front end and real HTTP against the fake Bot API: the same tests for aiogram
and python-telegram-bot (in-process, long polling; the subprocess smoke tests cover `husly run` and webhooks)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_telegram import Call, FakeTelegram, ManualClock
from tests.telegram_harness import FRAMEWORKS, InProcessBot, callback_datas, plain, press, wait_sent, with_button

CHAT = 4242
MENU = {"menu:housing", "menu:money", "menu:urgent", "menu:staff", "menu:lang", "menu:data", "menu:hide"}


@pytest.fixture(params=FRAMEWORKS)
def bot(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path,
        knowledge) -> Iterator[InProcessBot]:
    with InProcessBot(fake_telegram, request.param, tmp_path / "data", knowledge=knowledge) as running:
        yield running
    assert fake_telegram.unanswered_callback_queries() == [], "every callback query must be answered"


def test_start_shows_the_menu_with_buttons_then_the_privacy_notice(bot: InProcessBot) -> None:
    tg = bot.tg
    bot.send(tg.command(CHAT, "start"))
    menu, privacy = wait_sent(tg, CHAT, 2)
    bot.wait_idle(1)

    assert "Husly" in plain(menu) and "112" in plain(menu)
    assert set(callback_datas(menu)) == MENU
    assert menu.params["parse_mode"] == "HTML"
    assert "/privatliv" in plain(privacy) and "/slet" in plain(privacy)
    assert "gemmer så lidt som muligt" in plain(privacy)
    # Exactly these two: /start shows the notice once, not a second time as "first contact".
    assert len([c for c in tg.calls_of("sendMessage") if c.params["chat_id"] == CHAT]) == 2


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_typing_is_shown_only_while_an_answer_is_slow(framework: str, fake_telegram: FakeTelegram, tmp_path: Path,
                                                      knowledge) -> None:
    tg = fake_telegram
    # The typing indicator's time is the test's: its delay passes when the test says, nothing waits for real.
    clock = ManualClock()
    with InProcessBot(tg, framework, tmp_path / "data", knowledge=knowledge, typing_delay=1.0) as bot:
        bot.runtime.typing_sleep, bot.runtime.typing_clock = clock.sleep, clock.time
        bot.send(tg.command(CHAT, "start"))
        wait_sent(tg, CHAT, 2)
        bot.wait_idle(1)
        clock.wait_sleeping(0)  # the answer was queued before the delay: its timer is given up...
        clock.advance(1.0)
        assert tg.calls_of("sendChatAction") == [], "...so a quick answer needs no typing indicator"

        # A slow answer: still being worked out when the delay has passed.
        answer_ready = threading.Event()
        handle_many = bot.app.core.handle_many

        def slow(incomings):
            answer_ready.wait(10)
            return handle_many(incomings)

        bot.app.core.handle_many = slow

        def slow_answer(text: str, typing_expected: bool) -> list[Call]:
            """Send ``text``, let the typing delay pass while the answer is worked out; the calls made for it."""
            answer_ready.clear()
            mark = tg.mark()
            bot.send(tg.text_update(CHAT, text))
            clock.wait_sleeping(1)
            clock.advance(1.0)
            if typing_expected:
                tg.wait_for("sendChatAction", since=mark)
            answer_ready.set()
            wait_sent(tg, CHAT, 1, since=mark)
            return tg.calls[mark:]

        calls = slow_answer("hvordan får jeg boligstøtte?", typing_expected=True)
        typing = [c for c in calls if c.method == "sendChatAction"]
        assert [(c.params["chat_id"], c.params["action"]) for c in typing] == [(CHAT, "typing")]
        answer = next(c for c in calls if c.method == "sendMessage")
        assert calls.index(typing[0]) < calls.index(answer), "typing shows while waiting, before the answer"

        # Within Telegram's 5 s of "typing…" the indicator is not sent again; after them it is.
        calls = slow_answer("hvad er et indskudslån", typing_expected=False)
        clock.advance(5.0)
        calls += slow_answer("hvordan får jeg boligstøtte?", typing_expected=True)
        assert [c.params["action"] for c in calls if c.method == "sendChatAction"] == ["typing"]
        assert len(tg.calls_of("sendChatAction")) == 2


def test_the_command_menu_is_set_for_danish_and_english(bot: InProcessBot) -> None:
    tg = bot.tg
    danish, english = tg.commands(), tg.commands(language_code="en")
    assert [c["command"] for c in danish] == [c["command"] for c in english]
    assert {"start", "help", "sprog", "kommune"} <= {c["command"] for c in danish}
    descriptions = {c["command"]: (c["description"], e["description"]) for c, e in zip(danish, english, strict=True)}
    assert descriptions["start"] == ("hovedmenu", "main menu")
    assert descriptions["sprog"][0] != descriptions["sprog"][1]
    calls = tg.calls_of("setMyCommands")
    assert sorted(c.params.get("language_code", "") for c in calls) == ["", "en"]


def test_a_caseworker_who_joins_gets_the_case_commands_in_their_own_menu(bot: InProcessBot) -> None:
    from bot.db import session_scope
    from bot.staff.service import create_invite
    from tests.support import wait_until

    tg, staff_chat = bot.tg, 7_070_707
    with session_scope(bot.engine) as session:
        code = create_invite(session, role="caseworker", municipality="aarhus", provider=None,
                             now=bot.app.deps.clock())
    bot.send(tg.command(staff_chat, "start", args=code))
    wait_sent(tg, staff_chat, 1)
    scope = {"type": "chat", "chat_id": staff_chat}
    wait_until(lambda: tg.commands(scope=scope), what="the caseworker's own command menu")
    names = [c["command"] for c in tg.commands(scope=scope)]
    assert names[0] == "start" and {"sager", "tag", "svar", "luk"} <= set(names)
    assert "sager" not in [c["command"] for c in tg.commands()]  # the bot-wide menu stays the young people's

    # Revoked: their chat's own menu is removed, so it shows the one everyone has.
    from sqlmodel import select

    from bot.cases.staffing import revoke
    from bot.staff.models import Staff

    with session_scope(bot.engine) as session:
        member = session.exec(select(Staff).where(Staff.chat_id == staff_chat)).one()
        assert revoke(session, staff_id=member.id or 0, now=bot.app.deps.clock(), settings=bot.app.settings) == []
    wait_until(lambda: not tg.commands(scope=scope), what="the caseworker's menu removed")
    assert any(c.method == "deleteMyCommands" and c.params.get("scope") == scope for c in tg.calls)


def test_a_question_gets_an_answer_with_its_source_related_topics_and_feedback_buttons(bot: InProcessBot) -> None:
    tg = bot.tg
    bot.send(tg.command(CHAT, "start"))
    bot.wait_idle(1)
    mark = tg.mark()
    bot.send(tg.text_update(CHAT, "hvordan får jeg boligstøtte?"))
    (answer,) = wait_sent(tg, CHAT, 1, since=mark)
    bot.wait_idle(2)

    text = plain(answer)
    assert "Kilde:" in text
    links = [e for e in answer.result.get("entities", []) if e["type"] == "text_link"]
    assert any(link["url"].startswith("https://") for link in links), "the source is a link"
    data = callback_datas(answer)
    assert any(d.startswith("t:") for d in data), "related topics are offered"
    feedback = {b["text"]: b["callback_data"] for row in answer.params["reply_markup"]["inline_keyboard"]
                for b in row if b.get("callback_data", "").startswith("fb:")}
    topic = feedback["👍"].split(":")[1]
    # fb:<topic>:<vote>:<token>: the token lets a 👎 hand the question to the curator queue.
    assert {text: data.split(":")[:3] for text, data in feedback.items()} == {
        "👍": ["fb", topic, "1"], "👎": ["fb", topic, "0"]}

    mark = tg.mark()
    update = press(tg, answer, feedback["👍"])
    bot.send(update)
    (answered,) = tg.wait_for("answerCallbackQuery", since=mark)
    bot.wait_idle(3)
    assert answered.params["callback_query_id"] == update["callback_query"]["id"]
    assert answered.params["text"].startswith("Tak!")
    assert [c for c in tg.calls[mark:] if c.method == "sendMessage"] == [], "a 👍 is thanked in the popup only"


def test_sprog_and_the_language_button_switch_the_language(bot: InProcessBot) -> None:
    tg = bot.tg
    bot.send(tg.command(CHAT, "sprog"))
    wait_sent(tg, CHAT, 2)  # the privacy notice (first contact), then the question
    question, _data = with_button(tg, CHAT, "lang:en")
    assert set(callback_datas(question)) == {"lang:da", "lang:en"}

    mark = tg.mark()
    bot.send(press(tg, question, "lang:en"))
    (confirmation,) = wait_sent(tg, CHAT, 1, since=mark)
    assert plain(confirmation) == "Okay, I'll write in English from now on."
    assert "🏠 Find housing" in [b["text"] for row in confirmation.params["reply_markup"]["inline_keyboard"]
                                for b in row]
    (popup,) = tg.wait_for("answerCallbackQuery", since=mark)
    assert popup.params["text"] == "Language: English"

    # The 🌐 button in the menu asks again, now in English; Danish switches back.
    mark = tg.mark()
    bot.send(press(tg, confirmation, "menu:lang"))
    (question,) = wait_sent(tg, CHAT, 1, since=mark)
    assert plain(question) == "Which language do you want?"
    mark = tg.mark()
    bot.send(press(tg, question, "lang:da"))
    (confirmation,) = wait_sent(tg, CHAT, 1, since=mark)
    assert plain(confirmation) == "Okay, jeg skriver på dansk fra nu af."
    bot.wait_idle(4)


def test_kommune_sets_the_municipality(bot: InProcessBot) -> None:
    tg = bot.tg
    bot.send(tg.command(CHAT, "start"))
    bot.wait_idle(1)
    assert not any("Din kommune" in plain(c) for c in tg.calls_of("sendMessage"))
    mark = tg.mark()
    bot.send(tg.command(CHAT, "kommune"))
    (question,) = wait_sent(tg, CHAT, 1, since=mark)
    assert {"mun:aarhus", "mun:koebenhavn", "mun:hoeje-taastrup"} <= set(callback_datas(question))

    mark = tg.mark()
    bot.send(press(tg, question, "mun:aarhus"))
    (confirmation,) = wait_sent(tg, CHAT, 1, since=mark)
    assert plain(confirmation).startswith("Okay, Aarhus.")
    (popup,) = tg.wait_for("answerCallbackQuery", since=mark)
    assert popup.params["text"] == "Aarhus"

    mark = tg.mark()
    bot.send(tg.command(CHAT, "start"))
    menu, _privacy = wait_sent(tg, CHAT, 2, since=mark)
    assert "Din kommune: Aarhus" in plain(menu)
    bot.wait_idle(4)


def test_a_crisis_message_gets_112_and_livslinien_first(bot: InProcessBot) -> None:
    tg = bot.tg
    bot.send(tg.command(CHAT, "start"))
    bot.wait_idle(1)
    mark = tg.mark()
    bot.send(tg.text_update(CHAT, "jeg har lyst til at tage mit eget liv"))
    bot.wait_idle(2)
    replies = [plain(c) for c in tg.calls[mark:] if c.method == "sendMessage" and c.params["chat_id"] == CHAT]
    assert len(replies) >= 2, "safety first, then what happens next"
    first = replies[0]
    assert first.startswith("Er du i fare lige nu, så ring 112.")
    assert "Livslinien" in first and first.index("112") < first.index("Livslinien")
    assert "70 20 12 01" in first, "Livslinien's number is in the first message"


def test_an_urgent_message_gets_the_safety_information_first(bot: InProcessBot) -> None:
    tg = bot.tg
    bot.send(tg.command(CHAT, "start"))
    bot.wait_idle(1)
    mark = tg.mark()
    bot.send(tg.text_update(CHAT, "jeg har ingen steder at sove i nat"))
    bot.wait_idle(2)
    replies = [c for c in tg.calls[mark:] if c.method == "sendMessage" and c.params["chat_id"] == CHAT]
    assert plain(replies[0]).startswith("Du skal ikke stå alene med det her.")
    assert "menu:staff" in callback_datas(replies[0])
    # Then, and only then, the offer of a caseworker.
    assert len(replies) == 2 and set(callback_datas(replies[1])) == {"cy:go", "cy:no"}


def test_skjul_deletes_the_chat_messages_through_telegram(bot: InProcessBot) -> None:
    tg = bot.tg
    start = tg.command(CHAT, "start")
    bot.send(start)
    question = tg.text_update(CHAT, "hvordan får jeg boligstøtte?")
    bot.send(question)
    wait_sent(tg, CHAT, 3)
    bot.wait_idle(2)
    sent_ids = {c.result["message_id"] for c in tg.calls_of("sendMessage") if c.params["chat_id"] == CHAT}
    mark = tg.mark()
    hide = tg.command(CHAT, "skjul")
    bot.send(hide)
    tg.wait_for("deleteMessages", since=mark)
    (neutral,) = wait_sent(tg, CHAT, 1, since=mark)
    bot.wait_idle(2)
    deleted = {int(i) for c in tg.calls_of("deleteMessages") for i in c.params["message_ids"]}
    own = {start["message"]["message_id"], question["message"]["message_id"], hide["message"]["message_id"]}
    assert sent_ids | own <= deleted
    assert plain(neutral) == "🌤"
