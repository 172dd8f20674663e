"""A crisis days or weeks ahead is told to act now, not where to get help tonight; it is still flagged.

Playing the bot: "har ikke noget sted at bo efter nytår" (a month away) and "jeg bliver sat ud på fredag" opened with
"Her kan du få hjælp i nat", as if the night outside had come. Now the first line says to contact the municipality
now; the offer of a caseworker comes as before. Any word of now ("i dag", "tonight", "stadig") keeps the night's text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.failsafe import safety_now
from bot.replies import Incoming, to_plain
from bot.triage import Urgency, crisis_ahead, triage
from tests.corpus import our_own
from tests.support import Chat
from tests.triage_cases import DETECTED, expect

AHEAD_DA = "Kontakt din kommune nu, og sig, at du snart står uden et sted at bo"
AHEAD_EN = "Contact your municipality now and say that you will soon have nowhere to live"
TONIGHT_DA = "Her kan du få hjælp i nat"
TONIGHT_EN = "Here is where you can get help tonight"

AHEAD = [
    ("udlejer har opsagt mig og efter nytår har jeg ikke noget sted at bo", "da"),
    ("jeg bliver sat ud på fredag og ved ikk hvor jeg skal bo", "da"),
    ("fogeden kommer i overmorgen, jeg bliver sat ud", "da"),
    ("jeg er snart hjemløs fordi kontrakten er opsagt", "da"),
    ("my landlord evicts me next week and i've got nowhere to go", "en"),
    ("the bailiff comes to evict me on monday, pls help", "en"),
]
TONIGHT = [
    ("efter festen har jeg intet sted at sove i nat", "da"),
    ("jeg bliver sat ud i dag og har ingen steder at tage hen", "da"),
    ("jeg er hjemløs nu og skal også ud af min vens lejlighed på fredag", "da"),
    ("i've been sleeping outdoors since monday", "en"),
    ("i have nowhere to sleep tonight and i get evicted on friday anyway", "en"),
]

# Feared, not said to come: a worry, as the labelling rules of tests/data/README.md have it.
FEARED = ["worried i will be homeless soon, the flat is being sold in spring",
          "frygter at blive hjemløs snart, udlejer vil sælge huset til foråret",
          "jeg kan måske blive hjemløs snart når kollegiet lukker til sommer"]


def shown(sent: list) -> str:
    return "\n".join(m.text for m in sent)


@pytest.mark.parametrize(("text", "lang"), AHEAD)
def test_a_crisis_ahead_says_to_contact_the_municipality_now(chat: Chat, text: str, lang: str) -> None:
    reply = shown(chat.say(text))
    assert (AHEAD_EN if lang == "en" else AHEAD_DA) in reply
    assert (TONIGHT_EN if lang == "en" else TONIGHT_DA) not in reply
    # Still flagged: the 112 line and the offer of a caseworker come as for any urgent message.
    assert "112" in reply
    assert ("Do you want a caseworker" if lang == "en" else "Vil du have, at en medarbejder") in reply


@pytest.mark.parametrize(("text", "lang"), TONIGHT)
def test_a_crisis_now_keeps_tonights_help(chat: Chat, text: str, lang: str) -> None:
    reply = shown(chat.say(text))
    assert (TONIGHT_EN if lang == "en" else TONIGHT_DA) in reply
    assert (AHEAD_EN if lang == "en" else AHEAD_DA) not in reply


def test_the_municipality_typed_after_keeps_the_words_of_a_crisis_ahead(chat: Chat) -> None:
    chat.say("jeg bliver sat ud på fredag og har ikke noget sted at bo")
    reply = shown(chat.say("Aarhus"))
    assert AHEAD_DA in reply and TONIGHT_DA not in reply
    assert "Vil du have, at en medarbejder fra Aarhus Kommune" in reply


def test_a_helper_reads_the_words_for_the_young_person(chat: Chat) -> None:
    reply = shown(chat.say("min søn på 19 bliver sat ud på fredag og har ikke noget sted at bo, hvad kan han gøre"))
    assert "Den unge skal kontakte sin kommune nu" in reply
    assert "Her kan den unge få hjælp i nat" not in reply


def test_the_failsafe_says_it_too(knowledge) -> None:
    kb, _ = knowledge
    incoming = Incoming("telegram", 1, 1, "text", update_id=1, text="jeg bliver sat ud på fredag", language_code="da")
    reply = safety_now(kb, incoming, dt.date(2026, 12, 4))
    assert reply is not None and AHEAD_DA in to_plain(reply.html)


# Thrown out, said as coming or as over: the verb's form tells them apart ("smider mig ud på fredag" is ahead,
# "smed mig ud på fredag" is over). Fear or danger at home now keeps the night's text whatever the day.
THROWN_OUT_COMING = [
    ("min mor smider mig ud på fredag", "da"),
    ("jeg bliver smidt ud på lørdag af min far og har ingen steder at tage hen", "da"),
    ("my stepdad is gonna kick me out next week", "en"),
    # Urgent by the learned model's reading alone: ahead too, as no night outside is said.
    ("jeg skal være ude af værelset på torsdag", "da"),
    ("mum says she is gonna throw me out on sunday when my stuff is packed", "en"),
]
THROWN_OUT_OVER = [
    ("min mor smed mig ud på fredag, hvad gør jeg", "da"),
    ("they threw me out on friday", "en"),
    ("jeg tør ikke tage hjem og min far smider mig ud på fredag", "da"),
    ("my girlfriend is kicking me out tonight", "en"),
    ("sover i bilen, skal være ude på fredag", "da"),
]


@pytest.mark.parametrize(("text", "lang"), THROWN_OUT_COMING)
def test_being_thrown_out_in_days_says_to_contact_the_municipality_now(chat: Chat, text: str, lang: str) -> None:
    reply = shown(chat.say(text))
    assert (AHEAD_EN if lang == "en" else AHEAD_DA) in reply
    assert (TONIGHT_EN if lang == "en" else TONIGHT_DA) not in reply
    assert ("Do you want a caseworker" if lang == "en" else "Vil du have, at en medarbejder") in reply


@pytest.mark.parametrize(("text", "lang"), THROWN_OUT_OVER)
def test_thrown_out_already_or_unsafe_now_keeps_tonights_help(chat: Chat, text: str, lang: str) -> None:
    result = triage(text)
    assert result.urgency is Urgency.URGENT and not crisis_ahead(text, result)
    reply = shown(chat.say(text))
    assert (TONIGHT_EN if lang == "en" else TONIGHT_DA) in reply


test_homelessness_only_feared_is_no_crisis = expect(FEARED, Urgency.NONE, lang=DETECTED)
test_the_messages_are_our_own = our_own([text for text, _ in AHEAD + TONIGHT + THROWN_OUT_COMING + THROWN_OUT_OVER],
                                         FEARED)
