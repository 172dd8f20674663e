"""Suicide, self-harm or violence named only to deny it, or as a figure of speech, is no emergency at once.

Ordinary letters say "not that I have suicidal thoughts, but ...", "ikke fordi jeg vil skade mig selv", "he doesn't
hit me, he just yells", "jeg keder mig ihjel". They were a flat emergency: 112 and Livslinien first and a case opened
at once, for words that said the opposite. Now:
- suicide denied in so many words, then "but" and what still reads as a crisis, is urgent with the question whether the
  person is in danger now (MAYBE_IN_DANGER: "Er du i fare lige nu?", with 112 and the crisis line on a line each);
- a wish said negated ("I don't want to kill myself", "jeg vil ikke dø") is that question, not an emergency;
- violence denied, danger denied and a plain figure of speech give no urgency from those words.
Indirect wishes to die keep their level, and a denial doubted ("not sure I won't ...") denies nothing.
"""

from __future__ import annotations

from sqlmodel import Session, select

from bot.cases.models import Case
from bot.triage import MAYBE_IN_DANGER, Urgency, triage
from tests.corpus import our_own
from tests.test_console_understanding import converse, replies
from tests.triage_cases import expect

# Suicide or self-harm denied or said negated: never an emergency (each was one before).
DENIED = [
    "not that i have suicidal thoughts or anything but ive been soo tired of everything latley",
    "ikke fordi jeg vil skade mig selv altså, men jeg er mega træt af at bo hos min far",
    "its not like i want to kill myself lol i just need a room that isnt 6000 a month",
    "i dont want to kill myself or anything, i just really need a place to live soon",
    "jeg vil ikke slå mig selv ihjel, jeg vil bare gerne ha min egen lejlighed",
    "jeg har aldrig tænkt på selvmord men jeg er så stresset over huslejen at jeg ikk kan sove",
]

# The question whether the person is in danger, not nothing: a wish said negated, or a denial then "but" and a crisis.
ASKED = [
    ("jeg har ikke selvmordstanker men jeg orker snart ikke mere af det hele", "da"),
    ("i dont want to die or anything, i just need somewhere to sleep thats not my moms", "en"),
    ("jeg vil jo ikke dø altså, jeg vil bare ha at hele familien lader mig være i fred et par dage", "da"),
]

# Violence or danger denied, and figures of speech: no urgency from these words (each was an emergency before).
FIGURATIVE = [
    "my stepdad doesnt hit me or anything, he just shouts about the dishes every nite",
    "min kæreste slår mig ikke, men han er sur hver gang jeg er sammen med mine venner",
    "nobody is hurting me at home, i just want my own place before uni starts",
    "jeg er ikke i fare haha, jeg skal bare bruge et billigt værelse i aarhus",
    "jeg keder mig simpelthen ihjel på det her kollegie, er der nogen fællesrum?",
    "jeg kunne slå min lillebror ihjel, han har spist alt mit pålæg igen",
]

# Guards: indirect wishes to die, a denial doubted, a danger beside a denial. Each stays an emergency.
STILL_EMERGENCY = [
    "I dont want to kill myself, i just dont want to wake up anymore tbh",
    "i dont want to die i just want all the pain to stop",
    "ærlig talt vil jeg ikke være her mere, jeg magter ik en eneste dag til",
    "i wish i could just disappear and nobody would notice",
    "im not sure i wont kill myself tonight honestly",
    "ikk fordi jeg vil dø, jeg gider bare ikke leve mere i det her lort",
    "stedfar slår mig ikke kun, i går truede han mig også med en kniv i køkkenet",
    "han slår mig ikke hver dag men han slog mig i aftes og jeg tør ikke gå hjem",
    "i dont wanna hurt myself but i cant stop thinking about it",
]

# Half-negated: at least the question, never less ("jeg vil ikke dø, men jeg kan ikke mere").
AT_LEAST_URGENT = [
    "jeg vil ik dø ok, men jeg kan sgu snart ikke mere og ingen gider lytte",
    "i dont want to die ok, i just cant do this anymore with everyone yelling at me",
]

test_a_denied_or_negated_wish_is_no_emergency = expect(DENIED, Urgency.URGENT, how="at most", lang="detected")
test_the_violence_or_figure_of_speech_is_no_urgency = expect(FIGURATIVE, Urgency.NONE, lang="detected")
test_indirect_wishes_and_doubted_denials_stay_emergencies = expect(STILL_EMERGENCY, Urgency.EMERGENCY,
                                                                   lang="detected")
test_half_negated_wishes_are_never_below_urgent = expect(AT_LEAST_URGENT, Urgency.URGENT, how="at least",
                                                         lang="detected")


def test_a_denial_then_a_crisis_is_asked_about() -> None:
    for text, lang in ASKED:
        found = triage(text, lang)
        assert found.urgency is Urgency.URGENT and MAYBE_IN_DANGER in found.reasons, (text, found)


def test_a_negated_letter_in_the_chat_gets_the_question_not_112_and_a_case(sqlite_engine, make_app) -> None:
    transcript = converse(make_app(sqlite_engine), ASKED[0][0], "/quit")
    asked = [r for r in replies(transcript) if "Er du i fare lige nu?" in r]
    assert asked and asked[0].startswith("Husly: Jeg vil gerne være sikker på, at du er okay."), transcript
    assert "☎ 112" in transcript and "Ja, jeg er i fare" in transcript, "the way to 112 is one line, with a yes"
    assert "Er du i fare lige nu, så ring 112." not in transcript, "not the emergency's flat 112 line"
    assert "sagsnummer" not in transcript, "no case opened at once"
    with Session(sqlite_engine) as session:
        assert not list(session.exec(select(Case))), "no case opened at once"


test_the_messages_are_our_own = our_own(DENIED, ASKED, FIGURATIVE, STILL_EMERGENCY, AT_LEAST_URGENT)
