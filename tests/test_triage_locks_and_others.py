"""Urgent messages the triage missed: a lock changed said with the lock as its subject, and someone else with nowhere
to go said by a helper.

- Locked out, the lock as the subject: "kom hjem fra lejrskole og låsen var lavet om" and "the locks had been changed
  when I got home" were nothing to the rules (they read "changed the locks" and "skiftet låsen", someone doing it), and
  the Danish one nothing to the learned model either: a young person shut out of home was left alone. The lock said
  changed counts beside coming home, one's things or a door kept shut (``lock_subject_changed`` with
  ``lock_home_sign``); the stairwell's new lock ("låsen er skiftet i opgangen", a notice) was a night outside to the
  rules ("i opgangen") and is no crisis, nor is a new lock on the bike shed (``lock_notice``).
- Someone else with nowhere to go: a friend who writes "my friend got kicked out" and then "she has nowhere to go" got
  nothing for the second message (the rule for nowhere to go needs the writer). In a chat message it is urgent now,
  for her: bot/someone_else.py reads it as asked for someone else, so no case opens in the helper's name.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from bot.cases.models import Case
from bot.reading import read as read_message
from bot.someone_else import for_someone_else
from bot.triage import Urgency
from tests.corpus import our_own
from tests.test_console_understanding import converse, replies
from tests.triage_cases import DETECTED, expect

LOCK_CHANGED_ON_ME = [
    "kom hjem fra lejrskole og låsen var lavet om",
    "låsene er blevet skiftet og mine ting står udenfor",
    "da jeg kom hjem fra min mormor, var låsen skiftet og ingen lukker op",
    "Jeg kom hjem fra arbejde i går, og min nøgle passede ikke længere. Min far åbner ikke.",
    "they changed the lock while I was away on the school trip",
    "got back from the school trip and the lock was changed, my stuff is in a bag on the steps",
]
LOCK_OF_THE_BUILDING = [
    "låsen er skiftet i opgangen",
    "låsen i opgangen bliver skiftet på torsdag, husk at hente ny nøgle",
    "låsen til cykelkælderen er blevet skiftet",
    "we got new locks on the bike shed",
    "the lock on the stairwell door was changed, where do I get a key",
    "kan min udlejer skifte låsen mens jeg er på ferie?",
]
# Someone else with nowhere to go, in a chat message (a helper's words, often after "my friend got kicked out").
THEIR_NOWHERE = [
    "she has nowhere to go, her mum took her keys",
    "he's got nowhere to go, his stepdad binned his clothes",
    "hun har ingen steder at tage hen efter skænderiet med sin far",
    "han har ingen steder at sove i nat",
    "they have nowhere to go tonight, the two of them got chucked out by their uncle",
]
# ... not said as ahead, over, of a pet, or of people in general.
THEIR_NOWHERE_CALM = [
    "he ll have nowhere to go once he turns 18 next summer",
    "hun havde ingen steder at tage hen dengang, men nu har hun en lejlighed",
    "my cat has nowhere to go while we are on holiday",
]

# Asked for someone else, and the writer in it too.
WHAT_CAN_I_DO = "hun har ingen steder at sove i nat, hvad kan jeg gøre?"
ME_TOO = "he has nowhere to go tonight and me neither, we both got thrown out"

test_a_lock_changed_on_the_writer_is_urgent = expect(LOCK_CHANGED_ON_ME, Urgency.URGENT, how="at least",
                                                     lang=DETECTED, by="rules and bot")
test_a_lock_of_the_building_is_no_crisis = expect(LOCK_OF_THE_BUILDING, Urgency.NONE, lang=DETECTED)
test_someone_else_with_nowhere_to_go_is_urgent = expect(THEIR_NOWHERE, Urgency.URGENT, how="at least", lang=DETECTED,
                                                        by="rules and bot")
test_someone_else_with_nowhere_later_or_over_is_not = expect(THEIR_NOWHERE_CALM, Urgency.NONE, lang=DETECTED,
                                                             by="rules and bot")


def test_their_nowhere_is_read_as_asked_for_someone_else() -> None:
    assert for_someone_else(read_message(THEIR_NOWHERE[0]))
    assert for_someone_else(read_message(THEIR_NOWHERE[3]))
    assert for_someone_else(read_message(WHAT_CAN_I_DO))
    assert not for_someone_else(read_message(ME_TOO))


@pytest.mark.parametrize(("first", "second", "about_them", "safety"), [
    ("my best mate got kicked out by his dad", "he's got nowhere to go, his stepdad binned his clothes",
     "about the young person", "call 112"),
    ("min veninde er blevet smidt ud af sin mor", "hun har ingen steder at tage hen efter skænderiet med sin far",
     "om den unge", "ring 112"),
])
def test_a_helpers_second_message_gets_help_for_the_friend_and_no_case_in_their_name(
        sqlite_engine, make_app, first: str, second: str, about_them: str, safety: str) -> None:
    app = make_app(sqlite_engine)
    said = replies(converse(app, first, "/quit"))
    # The same chat goes on: the terminal chat prints only the replies to the new message (no welcome again).
    answer = replies(converse(make_app(sqlite_engine), second, "/quit"))
    both = said + answer
    assert answer, "the second message got no answer"
    assert any(safety in r for r in answer), answer
    assert any(about_them in r for r in answer), "a caseworker offered about the friend, not the helper"
    assert not any("Du skal ikke stå alene" in r or "You should not be alone" in r for r in both)
    with Session(app.engine) as session:
        assert session.exec(select(Case)).first() is None


test_the_messages_are_our_own = our_own(LOCK_CHANGED_ON_ME, LOCK_OF_THE_BUILDING, THEIR_NOWHERE, THEIR_NOWHERE_CALM,
                                        [WHAT_CAN_I_DO, ME_TOO], ["my best mate got kicked out by his dad",
                                                                  "min veninde er blevet smidt ud af sin mor"])
