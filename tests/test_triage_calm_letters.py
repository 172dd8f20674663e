"""A long letter that names violence or suicide only as something else is no emergency (an emergency opens a case at
once and shows 112 and the crisis line): a thought that strikes the writer ("det slår mig, at ...", "it hit me that
..."), being made to do something that is no force against the body ("my mum forces me to share a room"), a former
partner's trait ("my ex-boyfriend is abusive"), suicide denied as never ("I've never been suicidal", "I would never
kill myself"), or suicide named as a subject (a film about it, its statistics, a figure of speech: "social suicide",
"cut myself off from my friends"). Each of these was an emergency before.

A danger now said in the same words stays one: a father who hits the writer, force to have sex, an ex who still
threatens, a plan after "never told anyone", a cut made again last night, a violent parent who hits a child at home.

Counted on the real messages (never reading a held-out text): of the held-out parts' false emergencies, three came
from "violence going on" read in a letter's idiom or everyday force. Every sentence here was written for this test
and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency, triage
from tests.corpus import closeness_to_real_messages

# A neutral letter around each sentence: long enough to be read as a letter (more than 40 words), about housing.
DA_BEFORE = ("Hej. Jeg er 20 år og læser på erhvervsskolen i Vejle, og jeg bor til leje i en toværelses sammen "
             "med en ven.")
DA_AFTER = ("Nu vil jeg gerne finde et billigere værelse tættere på skolen. Hvordan kommer jeg på ventelisten til et "
            "kollegium, og kan jeg få boligstøtte, når jeg har et fritidsjob?")
EN_BEFORE = "Hi. I'm 20, I study at a college in Leeds and I rent a two-bed flat together with a friend from my course."
EN_AFTER = ("Now I would like to find a cheaper room closer to college. How do I get on the waiting list for student "
            "halls, and can I get help with the rent when I have a part-time job?")


def letter(sentence: str, lang: str) -> str:
    before, after = (DA_BEFORE, DA_AFTER) if lang == "da" else (EN_BEFORE, EN_AFTER)
    return f"{before} {sentence} {after}"


CALM = [
    # A thought that strikes, not a blow.
    ("Det slår mig, at udlejeren aldrig svarer på mine mails om fugten på badeværelset.", "da"),
    ("Then it hit me that the landlord never answers my emails, and again today nothing came.", "en"),
    # Made to do something, not force against the body.
    ("My mum forces me to share a room with my little sister when I stay over at hers.", "en"),
    ("Min mor tvinger mig til at dele værelse med min lillesøster, når jeg sover hjemme.", "da"),
    # A former partner's trait: the relationship is over.
    ("My ex-boyfriend is abusive, so we split up in the spring after two years together.", "en"),
    ("Min ekskæreste er voldelig, så vi gik fra hinanden i foråret efter to år sammen.", "da"),
    # Suicide denied as never.
    ("I get stressed about money sometimes, but I've never been suicidal or anything like that.", "en"),
    ("Packing up the flat has worn me out, though I would never kill myself over a move.", "en"),
    ("Flytningen har været hård, men jeg har aldrig haft selvmordstanker, så det er ikke det.", "da"),
    # Suicide named as a subject.
    ("In social studies we watched a film about suicide, and afterwards we talked about housing prices.", "en"),
    ("I samfundsfag så vi en film om selvmord, og bagefter talte vi om boligpriser i de store byer.", "da"),
    ("Moving back in with my parents now would be social suicide, everyone at college would laugh.", "en"),
    ("When the stress got bad in the autumn I cut myself off from my friends for a few weeks.", "en"),
]

# The same words, and a danger now: these stay emergencies.
NOW = [
    ("Min far slår mig, når han er fuld, og jeg tør ikke tage hjem i aften.", "da"),
    ("Min stedfar slår mig som en hund, når han har drukket.", "da"),
    ("Han slår mig hvor det ikke kan ses, så ingen på skolen opdager det.", "da"),
    ("Last night my dad hit me in the face again and I am scared to go home after college today.", "en"),
    ("On the evenings my mum works late, my stepdad forces me to have sex in the spare room.", "en"),
    ("Min stedfar tvinger mig til sex, når min mor er på arbejde om aftenen.", "da"),
    ("The flat is in his name, my boyfriend is abusive and he hits me after his football nights.", "en"),
    ("My ex keeps threatening me and he turned up at my door again last night.", "en"),
    ("Min ekskæreste truer mig stadig og stod uden for min dør i går aftes.", "da"),
    ("Nobody at college knows, and I have never said it out loud, but I want to kill myself.", "en"),
    ("Jeg har aldrig haft det så dårligt, og jeg har selvmordstanker hver dag.", "da"),
    ("After a film last night I keep thinking about killing myself.", "en"),
    ("I cut myself again last night and I can't stop.", "en"),
    ("My dad is violent and hits my little brother and me every day.", "en"),
    ("Min far er voldelig og slår min lillebror og mig hver dag.", "da"),
]


@pytest.mark.parametrize(("sentence", "lang"), CALM)
def test_named_as_something_else_is_no_emergency(sentence: str, lang: str) -> None:
    assert triage(letter(sentence, lang), lang).urgency is not Urgency.EMERGENCY


@pytest.mark.parametrize(("sentence", "lang"), NOW)
def test_a_danger_now_stays_an_emergency(sentence: str, lang: str) -> None:
    assert triage(letter(sentence, lang), lang).urgency is Urgency.EMERGENCY


def test_there_are_more_guards_than_calm_cases() -> None:
    assert len(NOW) >= len(CALM)


def test_the_letters_are_letters() -> None:
    assert all(len(letter(s, lang).split()) > 40 for s, lang in (*CALM, *NOW))


@pytest.mark.parametrize("text", [letter(s, lang) for s, lang in (*CALM, *NOW)] + [s for s, _ in (*CALM, *NOW)])
def test_the_sentences_are_our_own(text: str) -> None:
    assert closeness_to_real_messages(text) < 80
