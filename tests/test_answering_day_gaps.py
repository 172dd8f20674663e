"""Gaps found by playing a young person's day through the bot (bot/answering.py, bot/data/triage.yaml, the lexicon).

- Someone under 18 with no safe bed tonight gets the help for minors (the under-18 topic: BørneTelefonen, "say you
  are under 18", the police on 114 reaching the social on-call service), in Danish and in English, in every
  municipality: never the local text for a night without a bed that was written for adults ("over 25 ... Perron 4",
  "Roskildehjemmet, if you are over 18"). On main an English-writing 17-year-old thrown out in Randers got that text
  first, and "I'm only 16", "17yo" or "17 y/o" were not read as an age at all.
- A car or van parked on a street is not a night on the street: no urgent flag and no confident answer about having
  nowhere to sleep. Sleeping in it still is.
- "I can't cope any more, who can I talk to" gets the topic about the mind (Livslinien, headspace, Cyberhus), not
  "I'm not sure".

Every probe was written for this test and is checked against the real-message collections (rapidfuzz
token_set_ratio and partial_ratio below 80 after lowercasing).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answering import answer
from bot.conversation.texts import MINOR_REASONS
from bot.replies import esc
from bot.triage import Urgency, by_rules, triage
from knowledge.schema import MUNICIPALITIES
from tests.corpus import our_own

TODAY = dt.date(2026, 12, 5)

MINORS_WITHOUT_A_BED = (
    ("en", "mum chucked me out an hour ago and im 17, where do i go"),
    ("en", "my stepdad kicked me out tonight, im only 16"),
    ("en", "got thrown out by my parents this evening, 16yo btw"),
    ("en", "dad threw me out after a fight, 17 y/o, no clue where to sleep"),
    ("en", "im 15 and my mother threw me out of the flat tonight"),
    ("da", "stedfar smed mig ud her til aften, er kun 16 år"),
    ("da", "17 årig her, far har netop smidt mig ud, hvor sover jeg"),
    ("da", "jeg er 15 og har ingen steder at sove i nat efter min mor smed mig ud"),
)
ADULT_WITHOUT_A_BED = (("en", "my flatmate kicked me out tonight, im 22"),
                       ("da", "min kæreste har smidt mig ud i aften, jeg er 23"))
PARKED = (
    "just parked the van on the street by my new flat",
    "my car has stood parked on the same street a week, can they tow it away",
    "har parkeret den gamle bil på gaden foran opgangen",
    "min kæreste holder med sin store bil på gaden, må han det",
    "where can i leave my car on the street near the kollegium",
)
SLEEPING_IN_A_VEHICLE = (
    "sleepin in my van for weeks now",
    "jeg bor i varevognen nu",
    "jeg sover i min bil for tiden",
    "sover i bilen i nat, har ikke andet",
)
NOT_COPING = (
    ("da", "hvad stiller man op, når man slet ikke kan klare mere"),
    ("da", "kan snart ikke mere, mangler nogen at ringe til"),
    ("da", "hvem ringer man til når man ikke kan klare mere"),
    ("da", "jeg kan ikke klare det mere, er der nogen jeg kan snakke med"),
    ("en", "any tips for when i cant cope anymore with it all"),
    ("en", "honestly cant cope any more, who could i talk to"),
)
AGES = ("kicked out again lol, im only 16 tho", "kicked out tonight, 17yo", "kicked out tonight, 16 y/o",
        "er blevet smidt ud, er kun 17")
MINOR_LETTER = ("Stedfar smed mig ud i aften fordi jeg kom for sent hjem fra træning, og jeg er kun 16. Jeg sidder på "
                "en bænk ved Tronholmen i Randers med min gymnastiktaske. Min moster svarer ikke på sms, og min bedste "
                "ven er i Spanien med sin familie. Jeg har 200 kr på mobilepay, men det rækker ikke til noget. Jeg har "
                "også terminsprøve på mandag og har ikke mine bøger med. Hvad gør jeg?")
DESPAIR_LETTER = ("Jeg har boet hos min moster i et halvt år, og det går egentlig fint med hende. Men skolen går "
                  "dårligt, og jeg sover næsten ikke om natten. Jeg ved ikke hvad jeg skal gøre når jeg ikke kan "
                  "klare mere. Jeg har gemt en hel pakke panodil i skuffen. Min moster ved ikke noget om det, og jeg "
                  "tør ikke sige det til hende.")
# Local texts written for adults (the acute-homelessness topic's), by municipality.
ADULT_NIGHT = "hjemloes-akut"
MINOR = "under-18"


def ask(knowledge, text: str, lang: str | None = None, municipality: str | None = None):
    kb, index = knowledge
    return answer(kb, index, text, today=TODAY, threshold=0.4, lang=lang, municipality=municipality)  # type: ignore[arg-type]


def shown(found) -> str:
    return "\n\n".join(reply.html for reply in found.replies)


@pytest.mark.parametrize("municipality", MUNICIPALITIES)
@pytest.mark.parametrize(("lang", "text"), MINORS_WITHOUT_A_BED)
def test_a_minor_without_a_bed_gets_the_help_for_minors_never_the_adults_night_text(
        knowledge, lang: str, text: str, municipality: str) -> None:
    kb, _ = knowledge
    found = ask(knowledge, text, lang, municipality)
    assert found.triage.urgency is Urgency.URGENT, text
    assert MINOR_REASONS & set(found.triage.reasons), text
    assert found.kind == "urgent" and found.confident and found.topic == MINOR, (text, found.topic)
    html = shown(found)
    adults = kb.topics[ADULT_NIGHT].municipalities[municipality].get(lang)
    assert esc(adults) not in html, (text, municipality)
    assert "Perron 4" not in html and "Roskildehjemmet" not in html, (text, municipality)
    minors = kb.topics[MINOR].municipalities[municipality].get(lang)
    assert html.count(esc(minors)) == 1, (text, municipality)  # once, not in the safety essentials and again
    assert "116 111" in html


def test_without_its_topic_after_it_the_safety_essentials_carry_the_minors_local_text(knowledge) -> None:
    # A letter about a minor's night is answered with choices after the safety essentials: the local help for a
    # minor is then in the essentials themselves.
    kb, _ = knowledge
    found = ask(knowledge, "far smed mig ud for en time siden, er kun 17", "da", "randers")
    essentials = found.reply.html
    assert esc(kb.topics[MINOR].municipalities["randers"].get("da")) not in essentials  # the topic after has it
    found = ask(knowledge, MINOR_LETTER, "da", "randers")
    assert found.triage.urgency is Urgency.URGENT and MINOR_REASONS & set(found.triage.reasons)
    assert found.kind == "urgent" and not found.confident  # its best topics as choices after the essentials
    assert "Perron" not in shown(found)
    assert esc(kb.topics[MINOR].municipalities["randers"].get("da")) in found.reply.html


@pytest.mark.parametrize(("lang", "text"), ADULT_WITHOUT_A_BED)
def test_an_adult_without_a_bed_still_gets_the_local_night_text(knowledge, lang: str, text: str) -> None:
    kb, _ = knowledge
    found = ask(knowledge, text, lang, "randers")
    assert found.triage.urgency is Urgency.URGENT
    assert not MINOR_REASONS & set(found.triage.reasons)
    assert esc(kb.topics[ADULT_NIGHT].municipalities["randers"].get(lang)) in found.reply.html


@pytest.mark.parametrize("text", AGES)
def test_short_forms_of_an_age_under_18_are_read(text: str) -> None:
    assert MINOR_REASONS & set(by_rules(text, "en" if "kicked" in text else "da").reasons), text


@pytest.mark.parametrize("text", PARKED)
def test_a_parked_car_is_no_night_on_the_street(knowledge, text: str) -> None:
    found = ask(knowledge, text)
    assert found.triage.urgency is Urgency.NONE, (text, found.triage)
    assert not (found.confident and found.topic in {ADULT_NIGHT, "natvarmestue", "herberg"}), (text, found.topic)


@pytest.mark.parametrize("text", SLEEPING_IN_A_VEHICLE)
def test_sleeping_in_a_car_or_van_stays_urgent(knowledge, text: str) -> None:
    found = ask(knowledge, text)
    assert found.triage.urgency is Urgency.URGENT, text
    assert "sleeps_outside" in found.triage.reasons, text
    assert found.kind == "urgent" and found.topic == ADULT_NIGHT, (text, found.topic)


# The learned topic scorer's margin (in the confidence) does not back the topic about the mind for these: saying
# that one cannot cope is what makes it the answer (bot/answering.py, _not_coping_is_about_the_mind).
@pytest.mark.parametrize(("lang", "text"), NOT_COPING)
def test_not_coping_any_more_gets_someone_to_talk_to(knowledge, lang: str, text: str) -> None:
    found = ask(knowledge, text, lang)
    assert found.topic == "psykisk-sundhed", (text, found.topic)
    html = shown(found)
    assert "70 20 12 01" in html and "headspace" in html, text  # Livslinien, a free talk
    if found.triage.urgency is Urgency.NONE:
        assert found.confident and found.kind == "answer", text
    else:
        assert found.kind == "urgent", text


def test_despair_said_in_a_danish_subordinate_clause_is_read_in_a_letter() -> None:
    # A letter: despair beside an indirect hint is a danger to life. "hvis jeg ikke kan klare mere" is the same
    # despair as "jeg kan ikke klare mere", in the word order of a clause after "hvis" or "når".
    assert len(DESPAIR_LETTER.split()) > 40
    assert triage(DESPAIR_LETTER, "da").urgency is Urgency.EMERGENCY


# The rows of the first three lists are (language, sentence): the sentence second.
test_the_probes_are_our_own_not_near_copies_of_real_messages = our_own(
    [t for _, t in (*MINORS_WITHOUT_A_BED, *ADULT_WITHOUT_A_BED, *NOT_COPING)], PARKED, SLEEPING_IN_A_VEHICLE, AGES,
    MINOR_LETTER, DESPAIR_LETTER, "far smed mig ud for en time siden, er kun 17")
