"""Asking what Husly can do, and asking to be told about a topic.

Played as a first message: "hvad kan du?" got "I don't know the answer to that", "hvad kan du hjælpe med?" got the
call for help with 112 (its "hjælpe"), and "hej husly, hvad kan du" got the topic on temporary housing ("husly" is
the Danish word for shelter). "fortæl mig om boligstøtte" and "fortæl mig om SU" got "I'm not sure I understood"
("fortæl" named the topic on telling the authorities about earnings), and "info om boligstøtte" got the municipality's
contact details. Now what Husly can do is said with the menu, and the words of a request name no topic.
"""

from __future__ import annotations

import pytest

from tests.support import Chat, texts

ABILITIES_DA = "Jeg svarer på spørgsmål om bolig, penge og støtte til unge"
ABILITIES_EN = "I answer questions about housing, money and support for young people"


@pytest.mark.parametrize("message", [
    "hvad kan du?", "hej husly, hvad kan du", "hvad kan du hjælpe med?", "Hvad kan jeg bruge dig til",
    "hej! hvordan virker det her?", "hvad kan jeg spørge om"])
def test_what_husly_can_do_in_danish(chat: Chat, message: str) -> None:
    sent = chat.say(message)
    assert texts(sent).startswith(ABILITIES_DA), texts(sent)
    assert "112" not in texts(sent), "asking what Husly does is no call for help"
    assert any(b.data == "menu:urgent" for b in sent[-1].buttons)


@pytest.mark.parametrize("message", ["what can you do?", "hi husly, what can you help me with", "how does this work"])
def test_what_husly_can_do_in_english(chat: Chat, message: str) -> None:
    assert texts(chat.say(message)).startswith(ABILITIES_EN)


@pytest.mark.parametrize(("message", "title"), [
    ("fortæl mig om boligstøtte", "Boligstøtte"), ("fortæl mig om SU", "SU (Statens Uddannelsesstøtte)"),
    ("info om boligstøtte", "Boligstøtte"), ("kan du fortælle mig om indskudslån?", "Lån til indskud"),
    ("tell me about housing benefit", "Housing benefit"), ("info on kollegier please", "Student halls"),
])
def test_a_request_to_be_told_about_a_topic_gets_the_topic(chat: Chat, message: str, title: str) -> None:
    shown = texts(chat.say(message))
    assert shown.startswith(title), shown


@pytest.mark.parametrize("message", [
    # Guards: a question that says more than what Husly does is that question.
    "hvad kan du fortælle om boligstøtte", "hvad kan du gøre hvis jeg ikke kan betale husleje"])
def test_a_real_question_beginning_like_one_is_answered(chat: Chat, message: str) -> None:
    shown = texts(chat.say(message))
    assert not shown.startswith(ABILITIES_DA) and "Kilde:" in shown, shown


def test_telling_the_authorities_about_earnings_still_finds_its_topic(chat: Chat) -> None:
    # "fortæl" as the thing asked about, not a request to be told.
    assert "Kilde:" in texts(chat.say("skal jeg fortælle jobcentret at jeg har fået et fritidsjob ved siden af?"))


@pytest.mark.parametrize("message", [
    "jeg har brug for en bolig", "I need a place to live asap", "jeg mangler en lejlighed nu", "need an apartment",
    "i need somewhere to live", "kan i hjælpe mig med at finde et sted at bo"])
def test_needing_a_home_gets_how_to_search_not_i_dont_understand(chat: Chat, message: str) -> None:
    # The bot's first use: "jeg har brug for en bolig" got "I'm not sure I understood" and three choices.
    shown = texts(chat.say(message))
    assert shown.startswith(("Sådan søger du en billig bolig", "How to search for cheap housing")), shown


@pytest.mark.parametrize("message", ["I need a place to sleep tonight", "jeg har brug for et sted at sove i nat"])
def test_a_bed_tonight_is_still_urgent(chat: Chat, message: str) -> None:
    # Guard: the new examples of needing a home are no reason to lower a night without a bed.
    assert "112" in texts(chat.say(message))
