"""A night's several urgent messages while the offer of a caseworker is on screen.

Playing a night in English: "i got kicked out tonight", "im in aarhus", "its so cold outside", "i have nowhere to
go". Each message got the whole safety information again (the same long paragraph four times on a phone), the offer
as a message of its own, and the words a case would open with were only the last message's: the caseworker would
have read "i have nowhere to go" and not that the person was kicked out tonight. Now a second urgent message gets 112,
a line that what was said still holds, its own topic if it is a new one, and the offer, in one message; the
municipality typed as the answer to "which municipality are you in?" gets its local help and the offer, not the whole
safety information again; the words wait together until the person says yes.
"""

from __future__ import annotations

from tests.cases_support import Desk, case
from tests.corpus import our_own
from tests.support import Chat, cases_of, texts

KICKED_OUT = "my stepdad kicked me out tonight after the fight about the rent money"
NOWHERE = "i have nowhere to go and my phone battery is nearly dead"
COLD = "its so cold outside tonight, where can i get warm for a few hours"
THROWN_OUT_DA = "min stedfar har smidt mig ud i aften efter skænderiet om huslejen"
NOWHERE_DA = "jeg har ingen steder at tage hen og min telefon er på 9 procent"

SAFETY_EN = "Here is where you can get help tonight"
SAFETY_DA = "Her kan du få hjælp i nat"
OFFER_EN = "Do you want a caseworker"
OFFER_DA = "Vil du have, at en medarbejder"

test_own = our_own(KICKED_OUT, NOWHERE, COLD, THROWN_OUT_DA, NOWHERE_DA,
                   "my landlord is evicting me on friday and i have found no new place yet",
                   "actually he changed the locks today, i have nowhere to sleep tonight")


def test_a_second_urgent_message_gets_no_second_copy_of_the_safety_information(chat: Chat) -> None:
    first = texts(chat.say(KICKED_OUT))
    assert SAFETY_EN in first and OFFER_EN in first
    second = chat.say(NOWHERE)
    shown = texts(second)
    assert SAFETY_EN not in shown
    assert "call 112" in shown and "What I wrote above still holds" in shown
    assert len(second) == 1 and shown.count(OFFER_EN) == 1, "one message: the line, then the offer"
    assert not cases_of(chat)


def test_in_danish_too(chat: Chat) -> None:
    chat.say(THROWN_OUT_DA)
    shown = texts(chat.say(NOWHERE_DA))
    assert SAFETY_DA not in shown
    assert "ring 112" in shown and "Det, jeg skrev ovenfor, gælder stadig" in shown and OFFER_DA in shown


def test_a_new_topic_still_comes_after_the_short_line(chat: Chat) -> None:
    chat.say(KICKED_OUT)
    chat.say("aarhus")
    shown = texts(chat.say(COLD))
    assert SAFETY_EN not in shown
    assert "Somewhere to sleep or get warm tonight" in shown and OFFER_EN in shown


def test_the_municipality_typed_gets_its_local_help_and_the_offer_in_one_message(chat: Chat) -> None:
    chat.say(THROWN_OUT_DA)
    sent = chat.say("Randers")
    shown = texts(sent)
    assert SAFETY_DA not in shown, "the general safety information is on screen just above"
    assert "randers.dk" in shown and "Vil du have, at en medarbejder fra Randers Kommune" in shown
    assert len(sent) == 1


def test_the_municipality_said_inside_a_later_message_brings_its_local_help(chat: Chat) -> None:
    chat.say(KICKED_OUT)
    shown = texts(chat.say("im at the bus station in randers and i have nowhere to sleep"))
    assert SAFETY_EN not in shown
    assert "randers.dk" in shown and "caseworker from Randers Municipality" in shown


def test_an_emergency_after_the_offer_still_gets_all_of_its_safety_lines(chat: Chat) -> None:
    chat.say(KICKED_OUT)
    shown = texts(chat.say("he is outside the door now and he says he will kill me"))
    assert "What I wrote above still holds" not in shown
    assert "112" in shown


def test_the_case_opens_with_every_message_written_before_the_yes(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette", municipality="aarhus"))
    youth = desk.youth("aarhus", lang="en")
    youth.say(KICKED_OUT)
    youth.say(NOWHERE)
    youth.say("yes")
    youth.press("cy:words:1:yes")
    shared = "\n".join(m.text for m in desk.sender.sent if m.chat_id < 0)
    assert case(engine).words_consent is True
    assert "kicked me out tonight" in shared and "phone battery is nearly dead" in shared


def test_tonight_after_a_crisis_days_away_gets_tonights_help(chat: Chat) -> None:
    first = texts(chat.say("my landlord is evicting me on friday and i have found no new place yet"))
    assert SAFETY_EN not in first
    shown = texts(chat.say("actually he changed the locks today, i have nowhere to sleep tonight"))
    assert SAFETY_EN in shown and "What I wrote above still holds" not in shown


def test_a_need_said_after_the_topic_gets_its_own_place(chat: Chat) -> None:
    # "jeg fryser" just after the topic on being thrown out was read as a follow-up to it and got its detail.
    chat.say(THROWN_OUT_DA)
    chat.say("jeg er i roskilde")
    shown = texts(chat.say("jeg fryser"))
    assert "Et sted at sove eller få varmen i nat" in shown
