"""A case about someone under 18 never lists a shelter that takes only adults.

Playing a helper's evening: "my friend is 17 and her dad hit her ..." opened a case, and with nobody from Roskilde on
Husly the honest notice listed "If you need help right now" with Roskildehjemmet, a § 110 shelter for those over 18.
The safety information already left adults' shelters out for minors; the case notices now do too. An adult's case
still gets it.

Every message was written for this test and is checked against the real-message collections (tests/corpus.py).
"""

from __future__ import annotations

from tests.corpus import our_own
from tests.support import Chat, texts

FRIEND_17 = "my friend is 17 and her dad hit her, she is sleeping at my place tonight but cant stay"
ADULT = "jeg er 22 og har ingen steder at sove i nat"
ADULT_SHELTER = "Roskildehjemmet"


def test_a_case_about_a_17_year_old_lists_no_adults_shelter(chat: Chat) -> None:
    chat.say(FRIEND_17)
    chat.say("yes")
    reply = texts(chat.say("Roskilde"))
    assert "BørneTelefonen" in reply
    assert ADULT_SHELTER not in reply


def test_an_adults_case_still_lists_it(chat: Chat) -> None:
    chat.say(ADULT)
    chat.say("ja")
    reply = texts(chat.say("Roskilde"))
    assert ADULT_SHELTER in reply


test_the_messages_are_our_own = our_own([FRIEND_17, ADULT])
