"""The real `husly run`, as a subprocess, for aiogram and python-telegram-bot, with long polling and a webhook.

One whole conversation each, at HUSLY_LOG_LEVEL=DEBUG: /start, a question, 👍, a crisis message that opens a
case (its card goes to the team chat set with `husly team set`), the case questions answered by text, button and
a shared contact. Then the process is stopped with SIGTERM and its log is checked: a clean exit, no errors, and
no personal data (what was written, the first name, the phone number) and no bot token or webhook secret.

The four processes start together (aiogram alone needs ~4 s to import), so the set costs one start-up.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import pytest

from tests.fake_telegram import FakeTelegram
from tests.telegram_harness import (
    FRAMEWORKS,
    MODES,
    WEBHOOK_SECRET,
    HuslyProcess,
    callback_datas,
    husly_cli,
    plain,
    press,
    wait_button,
    wait_sent,
)

CHAT = 71_234_567
TEAM_CHAT = -100123
NAME = "Mikkeline"
PHONE = "+45 61 72 83 94"
QUESTION = "hvordan får jeg boligstøtte?"
CRISIS = "jeg har lyst til at tage mit eget liv"
AGE = "jeg er 19 år gammel"

Running = dict[tuple[str, str], tuple[FakeTelegram, HuslyProcess]]


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """All four `husly run` processes, started at once, each on its own fake server and fresh data dir."""
    started: Running = {}
    try:
        for framework, mode in itertools.product(FRAMEWORKS, MODES):
            data = tmp_path_factory.mktemp(f"{framework}-{mode}")
            husly_cli(data, "team", "set", "--municipality", "aarhus", "--chat-id", str(TEAM_CHAT))
            tg = FakeTelegram().start()
            started[(framework, mode)] = (tg, HuslyProcess(tg, framework, mode, data, log_level="DEBUG",
                                                                # "typing" at once, so the log covers that call too.
                                                                env={"HUSLY_TYPING_DELAY": "0"}).start())
        for _tg, process in started.values():
            process.wait_ready()
        yield started
    finally:
        for tg, process in started.values():
            process.kill()
            tg.stop()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_husly_run_holds_a_whole_conversation_and_logs_no_personal_data(
        running: Running, framework: str, mode: str) -> None:
    tg, bot = running[(framework, mode)]

    def say(text: str) -> int:
        mark = tg.mark()
        bot.send(tg.text_update(CHAT, text, first_name=NAME))
        return mark

    # The command menu in Danish (the default) and English.
    assert tg.commands()[0] == {"command": "start", "description": "hovedmenu"}
    assert tg.commands(language_code="en")[0] == {"command": "start", "description": "main menu"}

    # /start: "typing" (HUSLY_TYPING_DELAY=0: shown at once), the menu with its buttons, then the privacy notice.
    bot.send(tg.command(CHAT, "start", first_name=NAME))
    menu, privacy = wait_sent(tg, CHAT, 2)
    assert "menu:urgent" in callback_datas(menu) and "/privatliv" in plain(privacy)
    assert any(c.method == "sendChatAction" and c.params == {"chat_id": CHAT, "action": "typing"} for c in tg.calls)

    # A question, and 👍 under the answer (the callback query is answered).
    mark = say(QUESTION)
    (answer,) = wait_sent(tg, CHAT, 1, since=mark)
    thumbs_up = next(d for d in callback_datas(answer) if d.startswith("fb:") and d.split(":")[2] == "1")
    assert "Kilde:" in plain(answer)
    mark = tg.mark()
    bot.send(press(tg, answer, thumbs_up, first_name=NAME))
    tg.wait_for("answerCallbackQuery", since=mark)

    # A crisis: 112 and Livslinien first, a case, then the questions: may the caseworkers read it (yes, typed),
    # the municipality (typed), whereupon the card goes to that municipality's team chat.
    mark = say(CRISIS)
    first = wait_sent(tg, CHAT, 1, since=mark)[0]
    assert plain(first).startswith("Er du i fare lige nu, så ring 112.") and "Livslinien" in plain(first)
    wait_button(tg, CHAT, "cy:words:", since=mark)
    mark = say("ja")
    wait_button(tg, CHAT, "cy:mun:", since=mark)
    mark = say("Aarhus")
    card = wait_sent(tg, TEAM_CHAT, 1, since=mark)[0]
    assert "cs:claim:" in "".join(callback_datas(card))
    wait_button(tg, CHAT, "cy:age:", since=mark)
    mark = say(AGE)
    question, _data = wait_button(tg, CHAT, "cy:tn:", since=mark)
    mark = tg.mark()
    bot.send(press(tg, question, next(d for d in callback_datas(question) if d.endswith(":outside")),
                   first_name=NAME))
    wait_button(tg, CHAT, "cy:anon:", since=mark)
    mark = tg.mark()
    bot.send(tg.contact(CHAT, PHONE, first_name=NAME))
    done = tg.wait_for(lambda c: c.method == "sendMessage" and c.ok and c.params["chat_id"] == CHAT
                       and bool((c.params.get("reply_markup") or {}).get("remove_keyboard")), count=2, since=mark)
    assert len(done) == 2
    # The card in the team chat was kept up to date with the answers.
    assert any(c.method == "editMessageText" and c.ok and c.params["chat_id"] == TEAM_CHAT for c in tg.calls)
    assert tg.unanswered_callback_queries() == []

    log = bot.stop()
    assert bot.returncode == 0, log
    assert "Traceback" not in log and "level=ERROR" not in log, log
    assert "level=DEBUG" in log, "the log level was DEBUG"
    # What start-up built is set aside from garbage collection (bot/startup_gc.py): a full collection walking it
    # stopped every answer for ~0.1 s several times a minute under load.
    kept = re.search(r"built in [\d.]+ s; (\d+) start-up objects kept out of garbage collection", log)
    assert kept is not None and int(kept.group(1)) > 50_000, log[-2000:]
    tg.assert_no_violations()

    secrets = [QUESTION, CRISIS, AGE, "boligstøtte", "eget liv", NAME, tg.token, tg.token.split(":")[1],
               WEBHOOK_SECRET]
    leaked = [s for s in secrets if s.lower() in log.lower()]
    assert leaked == [], f"personal data or secrets in the log: {leaked}"
    digits = re.sub(r"\D", "", PHONE)
    for number in (digits, digits[2:]):
        assert number.replace(" ", "") not in log.replace(" ", ""), f"the phone number is in the log: {number}"
