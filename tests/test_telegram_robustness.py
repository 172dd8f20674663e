"""What real Telegram traffic throws at the bot, for aiogram and python-telegram-bot alike: attachments, edits,
groups, forged buttons, long and hostile text, flood limits, server errors, blocked users, redelivered webhook
updates and requests without the webhook secret.

In-process (tests/telegram_harness.InProcessBot) with real HTTP against the fake Bot API server, which fails a
test on any call Telegram would reject (text over 4096 characters, broken HTML, callback_data over 64 bytes).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, select

from bot.conversation.cards import render_answer
from bot.models import Outbox, Profile
from bot.replies import CALLBACK_DATA_MAX_BYTES, TEXT_MAX, to_plain
from tests.fake_telegram import Call, FakeTelegram
from tests.telegram_harness import (
    FRAMEWORKS,
    WEBHOOK_SECRET,
    InProcessBot,
    callback_datas,
    plain,
    post_webhook,
    press,
    sent_to,
    wait_sent,
    with_button,
)

CHAT = 5151
ONLY_TEXT = "Jeg kan kun læse tekst her."
STALE = "Den knap virker ikke længere. Skriv /start for at starte forfra."

Starter = Callable[..., InProcessBot]


@pytest.fixture(params=FRAMEWORKS)
def framework(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def start_bot(framework: str, fake_telegram: FakeTelegram, tmp_path: Path, knowledge) -> Iterator[Starter]:
    """Start the bot for this test's framework, in polling (default) or webhook mode."""
    running: list[InProcessBot] = []

    def start(mode: str = "polling", **settings: Any) -> InProcessBot:
        bot = InProcessBot(fake_telegram, framework, tmp_path / "data", mode, knowledge=knowledge, **settings)
        running.append(bot.__enter__())
        return bot

    yield start
    for bot in running:
        bot.stop()
    assert fake_telegram.unanswered_callback_queries() == [], "every callback query must be answered"


@pytest.fixture
def bot(start_bot: Starter) -> InProcessBot:
    return start_bot()


def started(bot: InProcessBot, chat: int = CHAT) -> int:
    """Send /start (menu and privacy notice, so later replies stand alone); returns the mark after it."""
    handled = len(bot.handled)
    bot.send(bot.tg.command(chat, "start"))
    bot.wait_idle(handled + 1)
    return bot.tg.mark()


def sends(tg: FakeTelegram, chat: int, since: int = 0) -> list[Call]:
    """Every sendMessage attempt to ``chat`` (failed ones too)."""
    return [c for c in tg.calls[since:] if c.method == "sendMessage" and c.params.get("chat_id") == chat]


# ---- what people send ---------------------------------------------------------------------------------------

def test_attachments_without_a_purpose_get_a_kind_text_only_answer(bot: InProcessBot) -> None:
    tg = bot.tg
    mark = started(bot)
    csv_id = tg.add_file(b"title;rent\nRoom;3000\n", "boliger.csv", "text/csv")
    updates = [tg.sticker(CHAT), tg.photo(CHAT), tg.voice(CHAT), tg.location(CHAT),
               tg.contact(CHAT, "+4512345678", first_name="Mikkeline"), tg.document_update(CHAT, csv_id)]
    for update in updates:
        bot.send(update)
    bot.wait_idle(1 + len(updates))
    replies = sent_to(tg, CHAT, mark)
    assert len(replies) == len(updates)
    assert all(plain(r).startswith(ONLY_TEXT) for r in replies), [plain(r) for r in replies]
    assert all("menu:housing" in callback_datas(r) for r in replies)
    assert any(c.method == "getFile" for c in tg.calls[mark:]), "a small document is fetched to offer it to features"


@pytest.mark.parametrize("mode", ["polling", "webhook"])
def test_an_edited_message_gets_no_answer(start_bot: Starter, mode: str) -> None:
    bot = start_bot(mode)
    tg = bot.tg
    mark = started(bot)
    bot.send(tg.text_update(CHAT, "hvordan får jeg boligstøtte?"))
    bot.wait_idle(2)
    answered = len(sent_to(tg, CHAT))
    # Polling: the bot does not even ask for edits (allowed_updates). Webhook: they arrive and are dropped.
    bot.send(tg.edited_text(CHAT, "hvordan får jeg boligsikring?"))
    bot.send(tg.command(CHAT, "help"))  # a barrier: handled after the edit would have been
    bot.wait_idle(3 if mode == "polling" else 4)
    # Polling: never even fetched. Webhook: taken in (and confirmed), then dropped without an answer.
    assert len(bot.entered) == (3 if mode == "polling" else 4)
    assert len(sent_to(tg, CHAT)) == answered + 1
    assert "/kommune" in plain(sent_to(tg, CHAT, mark)[-1]), "the barrier was answered (with /help)"


def test_groups_are_ignored_except_staff_commands_addressed_to_the_bot(bot: InProcessBot) -> None:
    tg = bot.tg
    group = -1001234567890
    ignored = [
        tg.group_text(group, "hej, hvordan får jeg boligstøtte?", chat_type="supergroup"),
        tg.group_text(group, "@husly_test_bot jeg har ingen steder at sove i nat", chat_type="supergroup"),
        tg.command(group, "start", user_id=777, chat_type="supergroup"),
        tg.command(group, "queue@another_bot", user_id=777, chat_type="supergroup"),
    ]
    for update in ignored:
        bot.send(update)
    # A staff command from someone who is not staff, in a group that is no team chat: refused, in silence.
    bot.send(tg.command(group, "queue@husly_test_bot", user_id=777, chat_type="supergroup"))
    bot.wait_idle(len(ignored) + 1)
    replies = sends(tg, group)
    assert replies == [], [plain(r) for r in replies]
    assert bot.app.core.refused == 2 and bot.app.core.failures == 0  # /start and /queue; the rest is not for us
    assert not any(c.method == "sendChatAction" and c.params["chat_id"] == group for c in tg.calls)


def test_forged_and_old_buttons_get_a_polite_answer_and_no_crash(bot: InProcessBot) -> None:
    tg = bot.tg
    mark = started(bot)
    forged = ["zz:unknown", "fb:no-such-topic:1", "mun:atlantis", "lang:xx", "menu:nope", "cy:skip:99999:age",
              "cy:mun:abc:aarhus", "cs:claim:1", "t:", "x"]
    updates = [tg.callback(CHAT, data, message_id=9000 + i) for i, data in enumerate(forged)]
    for update in updates:
        bot.send(update)
    bot.wait_idle(1 + len(updates))
    answers = {c.params["callback_query_id"]: c.params.get("text") for c in tg.calls_of("answerCallbackQuery")}
    for update, data in zip(updates, forged, strict=True):
        assert answers.get(update["callback_query"]["id"]), f"{data!r} was not answered politely"
    assert answers[updates[0]["callback_query"]["id"]] == STALE
    assert sent_to(tg, CHAT, mark) == [], "a forged button changes nothing and says nothing more"
    # Still alive and well.
    mark = tg.mark()
    bot.send(tg.text_update(CHAT, "hvordan får jeg boligstøtte?"))
    assert "fb:" in str(callback_datas(wait_sent(tg, CHAT, 1, since=mark)[0])), "answered as usual"


def test_a_6000_character_question_is_read_and_a_long_answer_is_split(
        framework: str, fake_telegram: FakeTelegram, tmp_path: Path, knowledge) -> None:
    # No curated answer is longer than one message, so give one topic a very long "read more" for this test.
    from types import MappingProxyType

    from knowledge.index import Index
    from knowledge.loader import KnowledgeBase
    from knowledge.schema import Text

    kb = knowledge[0]
    topic = "boligstoette"
    paragraph = "Boligstøtte er penge til din husleje, og du søger på borger.dk. "
    long_more = "\n\n".join(f"{n}. {paragraph * 8}" for n in range(1, 13))
    changed = kb.topics[topic].model_copy(update={"more": Text(da=long_more, en=long_more)})
    big = KnowledgeBase(MappingProxyType({**kb.topics, topic: changed}), kb.services, kb.root)
    tg = fake_telegram
    with InProcessBot(tg, framework, tmp_path / "data", knowledge=(big, Index(big))) as bot:
        mark = started(bot)
        bot.send(tg.text_update(CHAT, ("telefonnummer til kommunen " * 300)[:6000]))
        bot.wait_idle(2)
        replies = sent_to(tg, CHAT, mark)
        assert plain(replies[0]) == "Det var en lang besked. Jeg har læst de første 2000 tegn."
        assert len(replies) >= 2, "and then an answer"

        size = len(to_plain(render_answer(big, topic, "da", None, bot.app.deps.clock().date(), more=True).html))
        assert size > TEXT_MAX, "precondition: the answer is longer than one message"
        mark = tg.mark()
        bot.send(tg.callback(CHAT, f"more:{topic}", replies[-1].result["message_id"]))
        bot.wait_idle(3)
        parts = sent_to(tg, CHAT, mark)
        texts = [plain(p) for p in parts]
        assert len(parts) >= 2
        assert all(0 < len(t) <= TEXT_MAX for t in texts)
        assert texts[0].startswith(big.topics[topic].title.get("da"))
        assert "Kilde:" in texts[-1], "the source line comes last"
        assert all(callback_datas(p) == [] for p in parts[:-1]), "buttons go under the last part only"
        assert f"fb:{topic}:1" in callback_datas(parts[-1])
        assert sum(len(t) for t in texts) >= size - 10 * len(parts), "nothing was cut off"
    assert tg.unanswered_callback_queries() == []


def test_html_in_what_people_write_is_escaped(bot: InProcessBot) -> None:
    tg = bot.tg
    mark = started(bot)
    bot.send(tg.text_update(CHAT, "/<b>x</b><script>alert(1)</script>&amp"))
    bot.send(tg.text_update(CHAT, "<b>boligstøtte</b> <script>alert(1)</script> & husleje?"))
    bot.wait_idle(3)
    unknown, answer = sent_to(tg, CHAT, mark)
    # The command name is cut at 32 characters; what is shown is shown literally.
    assert "kommandoen /<b>x</b><script>alert(1)</script." in plain(unknown)
    assert "&lt;b&gt;x&lt;/b&gt;&lt;script&gt;" in unknown.params["text"]
    assert not unknown.result.get("entities"), "nothing the person wrote became markup"
    # The question with markup is answered (whatever the answer): the fake accepted its HTML.
    assert answer.ok and plain(answer)


def test_every_button_fits_in_64_bytes(bot: InProcessBot) -> None:
    tg = bot.tg
    started(bot)
    bot.send(tg.text_update(CHAT, "hvordan får jeg boligstøtte?"))
    bot.send(tg.command(CHAT, "kommune"))
    bot.send(tg.command(CHAT, "sprog"))
    bot.send(tg.text_update(CHAT, "jeg har ingen steder at sove i nat"))
    bot.wait_idle(5)
    offer, go = with_button(tg, CHAT, "cy:go")
    bot.send(press(tg, offer, go))
    bot.wait_idle(6)
    words, yes = with_button(tg, CHAT, "cy:words:")
    bot.send(press(tg, words, yes))
    bot.wait_idle(7)
    question, _data = with_button(tg, CHAT, "cy:mun:")
    bot.send(press(tg, question, max(callback_datas(question), key=len)))
    bot.wait_idle(8)
    datas = [d for c in tg.calls if c.method in ("sendMessage", "editMessageText") for d in callback_datas(c)]
    assert len(datas) > 30 and any(d.startswith("cy:age:") for d in datas)
    assert max(len(d.encode()) for d in datas) <= CALLBACK_DATA_MAX_BYTES


# ---- what Telegram throws back --------------------------------------------------------------------------------

def test_429_retry_after_is_honoured_and_the_message_arrives_once(bot: InProcessBot) -> None:
    tg = bot.tg
    tg.fail_next("sendMessage", status=429, retry_after=1)
    bot.send(tg.command(CHAT, "start"))
    menu, privacy = wait_sent(tg, CHAT, 2)
    bot.wait_idle(1)
    (limited,) = [c for c in sends(tg, CHAT) if c.status == 429]
    assert menu.time >= limited.time + 1.0, "sent again only after retry_after"
    assert [plain(c) for c in sent_to(tg, CHAT)] == [plain(menu), plain(privacy)], "once each, in order"
    assert menu.params["text"] == limited.params["text"]


def test_server_errors_are_retried_with_backoff_and_the_message_arrives_once(bot: InProcessBot) -> None:
    tg = bot.tg
    tg.fail_next("sendMessage", status=500)
    bot.send(tg.command(CHAT, "start"))
    wait_sent(tg, CHAT, 2)
    bot.wait_idle(1)
    attempts = sends(tg, CHAT)
    assert [c.status for c in attempts] == [500, 200, 200]
    failed, retried = attempts[:2]
    assert failed.params["text"] == retried.params["text"]
    assert retried.time - failed.time >= 1.0, "after a back-off, not at once"
    assert len({c.params["text"] for c in attempts if c.ok}) == 2, "each message once"


def test_a_user_who_blocked_the_bot_is_marked_and_not_retried(bot: InProcessBot) -> None:
    tg = bot.tg
    tg.block_user(CHAT)
    bot.send(tg.command(CHAT, "start"))  # two messages queued: the menu and the privacy notice
    bot.wait_idle(1)
    attempts = sends(tg, CHAT)
    assert [c.status for c in attempts] == [403], "the first 403 stops delivery to this chat"
    with Session(bot.engine) as session:
        profile = session.exec(select(Profile).where(Profile.chat_id == CHAT)).one()
        rows = session.exec(select(Outbox).where(Outbox.chat_id == CHAT)).all()
    assert profile.blocked
    assert [r.status for r in rows] == ["dropped", "dropped"]
    # Others are not held up.
    bot.send(tg.command(CHAT + 1, "start"))
    wait_sent(tg, CHAT + 1, 2)
    assert len(sends(tg, CHAT)) == 1


def test_the_blocked_notice_from_telegram_marks_the_profile(bot: InProcessBot) -> None:
    tg = bot.tg
    started(bot)
    tg.block_user(CHAT, notify=True)
    bot.wait_idle(2)
    with Session(bot.engine) as session:
        assert session.exec(select(Profile).where(Profile.chat_id == CHAT)).one().blocked


def test_an_update_delivered_twice_to_the_webhook_gets_one_reply(start_bot: Starter) -> None:
    bot = start_bot("webhook")
    tg = bot.tg
    update = {"update_id": 777, **tg.text_update(CHAT, "hvordan får jeg boligstøtte?")}
    assert tg.deliver(update) == 200
    bot.wait_idle(1)
    assert tg.deliver(update) == 200
    bot.wait_idle(2)
    texts = [plain(c) for c in sent_to(tg, CHAT)]
    assert len(texts) == 2 and "gemmer så lidt som muligt" in texts[0], texts  # privacy notice, then the answer
    assert bot.handled == [777, 777]


def test_webhook_requests_without_the_right_secret_are_refused(start_bot: Starter, framework: str,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    bot = start_bot("webhook")
    tg = bot.tg
    refused = 403
    update = {"update_id": 901, **tg.text_update(CHAT, "hvordan får jeg boligstøtte?")}
    assert post_webhook(bot.webhook_url, update) == refused
    wrong = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET[:-1] + "X"}
    assert post_webhook(bot.webhook_url, {**update, "update_id": 902}, wrong) == refused
    # A header a modified client sends with characters outside ASCII: refused the same way, no traceback.
    malformed = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET[:-1] + "ø"}
    assert post_webhook(bot.webhook_url, {**update, "update_id": 904}, malformed) == refused
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "refused quietly, no traceback"
    # The real one goes through; the refused ones never reached the core.
    assert tg.deliver({**update, "update_id": 903}) == 200
    bot.wait_idle(1)
    assert bot.entered == [903]
    assert len(sent_to(tg, CHAT)) == 2
