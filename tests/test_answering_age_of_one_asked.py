"""The age of the one asked about, said as one says one's own ("min søn er 17", "my son is 17", "min datter er lige
fyldt 16", "she's 16"; bot/reading.py, ages_said), and money asked for by or for someone under 18 (bot/answering.py,
_benefit_for_a_minor).

A parent's question about a 16-year-old who wants to move out got "not sure" with the topic on moving away from home
first: the age was not read, and the help for those under 18 came second or not at all. "jeg er 16 og har brug for
penge" was answered with kontanthjælp at 0.54: the knowledge base has no sourced answer on what money someone under 18
can get, and the municipality answers that. Now that message gets an honest "I don't have a sure answer", the topic
for those under 18 and the way to the municipality, and no amount. Over 18, kontanthjælp answers as before.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.answering import answer
from bot.reading import ages_said
from tests.corpus import our_own
from tests.fake_telegram import FakeTelegram
from tests.support import Chat, texts
from tests.telegram_desk import Desk as TelegramDesk
from tests.telegram_harness import FRAMEWORKS, InProcessBot

TODAY = dt.date(2026, 12, 7)

AGES = [
    ("min søn er 17 og vil gerne have sin egen lejlighed til foråret", 17),
    ("my son is 17 and keeps asking about renting a room near his school", 17),
    ("min datter er lige fyldt 16 og overvejer at bo hos sin far i en anden kommune", 16),
    ("my daughter wants to move in with her aunt across town, she's 16", 16),
    ("he just turned 15 and says he wants to live at his grandmother's", 15),
]
NO_AGES = [
    "han er 20 minutter forsinket til mødet på kommunen i morgen",
    "she is 14 weeks pregnant and the flat we rent is far too small",
    "min datter er 3 og vi skal finde en større lejlighed inden sommer",
]


@pytest.mark.parametrize(("text", "age"), AGES)
def test_the_age_of_the_one_asked_about_is_read(text: str, age: int) -> None:
    assert age in ages_said(text)
    assert age in ages_said(text, of_writer=False)


@pytest.mark.parametrize("text", NO_AGES)
def test_a_length_of_time_or_a_small_childs_age_is_no_young_persons_age(text: str) -> None:
    assert ages_said(text) == []


HELPERS = [
    "my daughter keeps saying she wants to move out and get her own place, she's 16",
    "our son is 17 and wants to rent a room of his own after the summer holidays",
    "min datter er lige fyldt 16 og vil gerne flytte hjemmefra efter sommerferien, hvad gør vi",
]


@pytest.mark.parametrize("text", HELPERS)
def test_a_helper_asking_for_someone_under_18_is_offered_the_minors_topic_first(knowledge, text: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    choices = [b.data for row in found.reply.buttons for b in row if (b.data or "").startswith("t:")]
    if found.confident:
        assert found.topic == "under-18" or found.faq == "under-18-flytte", (found.topic, found.faq)
    else:
        assert choices[:1] == ["t:under-18"], choices


MONEY_MINOR = [
    "jeg er 16 og skal bruge penge til busbillet og mad hver måned, hvad gør jeg",
    "im 17 and need money for rent, can i get kontanthjælp from the kommune",
    "min søn er 17 og har ingen penge, kan han få kontanthjælp",
]


@pytest.mark.parametrize("text", MONEY_MINOR)
def test_money_for_someone_under_18_is_no_adults_benefit(knowledge, text: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    assert not (found.confident and found.topic == "kontanthjaelp"), (found.topic, found.search.confidence)
    choices = [b.data for row in found.reply.buttons for b in row if (b.data or "").startswith("t:")]
    assert choices[:1] == ["t:under-18"], choices
    assert "t:kontanthjaelp" not in choices
    assert "menu:staff" in [b.data for row in found.reply.buttons for b in row]
    # No amount invented: no kroner in the reply.
    assert "kr" not in found.reply.html.lower().split()


def test_the_reply_says_honestly_the_municipality_answers_it(knowledge) -> None:
    kb, index = knowledge
    found = answer(kb, index, MONEY_MINOR[0], today=TODAY, threshold=0.4, lang="da")
    assert "under 18" in found.reply.html and "Kommunen" in found.reply.html, found.reply.html
    assert found.outcome == "unsure"  # kept for the curators, not counted as answered


def test_over_18_kontanthjaelp_is_still_offered(knowledge) -> None:
    kb, index = knowledge
    text = "jeg er 19 og skal bruge penge til busbillet og mad hver måned, hvad gør jeg"
    found = answer(kb, index, text, today=TODAY, threshold=0.4)
    choices = [b.data for row in found.reply.buttons for b in row if (b.data or "").startswith("t:")]
    assert found.topic == "kontanthjaelp"
    assert found.confident or choices[:1] == ["t:kontanthjaelp"], choices


test_the_messages_are_our_own = our_own(AGES, NO_AGES, HELPERS, MONEY_MINOR)


# In the chat and through both Telegram front ends (aiogram, python-telegram-bot): the same honest reply.
MONEY_SHOWN = "Hvilke penge man kan få, når man er under 18"
KONTANTHJAELP_ANSWER = "Siden 1. juli 2025 er der kun én ydelse"


def test_in_the_chat_money_at_16_gets_the_honest_reply(chat: Chat) -> None:
    sent = texts(chat.say(MONEY_MINOR[0]))
    assert MONEY_SHOWN in sent and KONTANTHJAELP_ANSWER not in sent, sent


@pytest.fixture(params=FRAMEWORKS)
def telegram(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path,
             knowledge) -> Iterator[TelegramDesk]:
    with InProcessBot(fake_telegram, request.param, tmp_path / "data", knowledge=knowledge) as bot:
        yield TelegramDesk(bot)
        assert bot.app.core.failures == 0, "a handler raised (someone got the apology)"


def test_through_telegram_money_at_16_gets_the_honest_reply(telegram: TelegramDesk) -> None:
    chat = telegram.youth(5402, "favrskov")
    mark = telegram.write(chat, MONEY_MINOR[0])
    shown = "\n".join(telegram.texts(chat, mark))
    assert MONEY_SHOWN in shown and KONTANTHJAELP_ANSWER not in shown, shown
