"""Long everyday letters were flagged urgent or an emergency: the rules and the learned model read words of a crisis in
ordinary letters about a team, a chat, a shop, a bad night, a bike or a parent's "kill me".

Found with our own letters (tests/data/triage_everyday_letters.tsv, 3-8 sentences, Danish and English, none of them
corpus text):
- thrown out of a team, a class's chat, a game's server or a shop ("jeg blev smidt ud af fodboldholdet", "kicked out of
  the Minecraft server", "thrown out of the mall") read as thrown out of a home (``out_of_no_home`` masks it);
- a bad night in bed ("jeg har sovet virkelig dårligt", "I sleep a bit badly") and the bedroom ("soveværelset") read as
  a night without a bed (``slept_badly``, ``bedroom_word``);
- a parent's "kill me" over a bill or a test ("min mor kommer til at slå mig ihjel", "my parents will kill me because
  they paid for it") read as a threat to life (``parent_kill_idiom``);
- nowhere to park a bike ("ikke noget sted at stille min cykel") read as nowhere to sleep (``nowhere_for_a_thing``);
- the Danish "en gang" (once) read as a gang (``gang_as_time``); smoke that comes "into my room" as someone entering it;
- a sleepless night with the verb first ("i nat kunne jeg ikke sove fordi ...") read as a night without a bed
  (``insomnia``); a worry that the housing association will end the lease after a party as being thrown out
  (``hypothetical``); a sofa bed at the parent one lives with, or a floor at a friend's for a concert, as a crisis the
  learned model may confirm in a letter (``lives_with_parent``, ``trip_purpose`` in ``signs_told_apart_by``);
- a parent's letter: a daughter put out of her "dansegruppe", a son back home "sleeping in his old room"
  (``out_of_no_home``, ``sleeps_in_own_room``).
And one danger the other way: "truet med at slå mig ihjel hvis jeg går" was a joke's "ihjel hvis" (``kill_threat_if``),
so a partner's beating tonight told in the same sentence raised nothing.
The danger letters (thrown out tonight, a stairwell, couch surfing with no home, violence going on, suicidal now) must
keep their level.
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency, triage
from tests.triage_letters import letter_rows

# Letters still flagged, with why: strict, so a fix shows up as a passing xfail to move out of this list.
NOT_YET = {
    "My neighbour in the dorm smokes weed": "the learned model reads a neighbour's smoke 'every night' beside a home "
                                            "word ('dorm') as urgent; no rule names it and the home word is a real "
                                            "urgent need elsewhere",
}



def _marked(rows: list[tuple[str, ...]]) -> list[object]:
    out: list[object] = []
    for lang, level, text in rows:
        why = next((w for start, w in NOT_YET.items() if text.startswith(start)), None)
        marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
        out.append(pytest.param(lang, level, text, marks=marks, id=text[:60]))
    return out


EVERYDAY = letter_rows("triage_everyday_letters.tsv", "everyday", ("lang", "level", "text"))
DANGER = letter_rows("triage_everyday_letters.tsv", "danger", ("lang", "level", "text"))


def test_the_probe_lists_are_long_letters_in_both_languages() -> None:
    assert len(EVERYDAY) >= 100
    assert len(DANGER) >= 30
    assert {lang for lang, _, _ in EVERYDAY} == {"da", "en"}
    assert {lang for lang, _, _ in DANGER} == {"da", "en"}
    assert sum(len(text.split()) > 30 for _, _, text in EVERYDAY + DANGER) >= 0.9 * len(EVERYDAY + DANGER)


@pytest.mark.parametrize(("lang", "level", "text"), _marked(EVERYDAY))
def test_an_everyday_letter_is_not_urgent(lang: str, level: str, text: str) -> None:
    assert triage(text, lang).urgency is Urgency(level)


@pytest.mark.parametrize(("lang", "level", "text"), _marked(DANGER))
def test_a_letter_of_real_danger_keeps_its_level(lang: str, level: str, text: str) -> None:
    assert triage(text, lang).urgency.rank >= Urgency(level).rank


@pytest.mark.parametrize(("everyday", "danger"), [
    ("jeg blev smidt ud af fodboldholdet i går", "jeg blev smidt ud hjemmefra i går og har ingen steder at sove"),
    ("I got kicked out of the group chat for my class", "my dad kicked me out of the house tonight"),
    ("jeg har sovet dårligt i flere uger pga naboen", "jeg har sovet i en opgang i nat"),
    ("I have nowhere to park my bike at the new flat", "I have nowhere to sleep tonight"),
    ("My parents will kill me because they paid for the lessons", "My boyfriend says he will kill me if I leave"),
    ("i nat kunne jeg ikke sove pga min eksamen", "i nat kunne jeg ikke sove nogen steder, far smed mig ud"),
    ("I'm worried the landlord will kick us out after the party", "my landlord kicked us out tonight after the party"),
])
def test_the_everyday_wording_and_the_danger_beside_it(everyday: str, danger: str) -> None:
    lang = "da" if " jeg " in f" {everyday} " else "en"
    assert triage(everyday, lang).urgency is Urgency.NONE
    assert triage(danger, lang).urgency is not Urgency.NONE
