"""A thank-you, an ok or a goodbye on a waiting case, and "Talk to a caseworker" pressed again.

"tak", "ok", "👍" and "farvel", written while the case waited (in its questions or after them), got "I have put your
message on your case (number 1) ..." as if they were a message for the caseworker; now they get a short warm reply
and stay off the case. While a caseworker has the case and talks with the person, they still go to the caseworker.
And "Talk to a caseworker" pressed again with a case waiting repeated the safety information, the whole "I have sent
your case" notice and the question on screen; now it says where the case stands in a line or two.
"""

from __future__ import annotations

import pytest

from bot.cases import relay
from tests.cases_support import Desk, events, to

# The case opened in English (the young person wrote in English); the Danish is checked through Telegram
# (tests/test_telegram_case_thanks.py).
WELCOME = "You're welcome. You get a message here when a caseworker takes your case."
OKAY = "Okay. You get a message here when a caseworker takes your case."
BYE = "Take care. You get a message here when a caseworker takes your case. If you are in danger, call 112."


def _waiting(engine, make_app, clock):
    clock.advance(hours=-5)  # Friday 10:00: the office is open, nobody has taken the case
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    desk.team(mette)
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    return desk, mette, youth


def _wrote(engine) -> int:
    return sum(e.action == "youth_wrote" for e in events(engine))


@pytest.mark.parametrize(("text", "kind"), [("tak", "thanks"), ("okay tak", "thanks"), ("mange tak!", "thanks"),
                                            ("ok", "ack"), ("👍", "ack"), ("👍🏻", None), ("🙏", "ack"),
                                            ("farvel", "bye"), ("ok farvel", "bye"), ("😭", None),
                                            ("nej", None), ("ja", None), ("hmm", None),
                                            ("ok jeg venter på jer", None), ("tak, hvornår kommer i?", None)])
def test_what_only_thanks_says_ok_or_goodbye(text: str, kind: str | None) -> None:
    assert relay.closing(text) == kind


def test_thanks_ok_and_goodbye_after_the_questions_get_a_warm_reply_and_stay_off_the_case(
        engine, make_app, clock) -> None:
    _desk, _mette, youth = _waiting(engine, make_app, clock)
    for question in ("words", "age", "tonight", "consent"):
        youth.press(f"cy:skip:1:{question}")
    before = _wrote(engine)
    assert [s.text for s in to(youth.say("tak"), youth)] == [WELCOME]
    assert [s.text for s in to(youth.say("okay tak"), youth)] == [WELCOME]
    assert [s.text for s in to(youth.say("👍"), youth)] == [OKAY]
    assert [s.text for s in to(youth.say("ok"), youth)] == [OKAY]
    assert [s.text for s in to(youth.say("farvel"), youth)] == [BYE]
    assert _wrote(engine) == before, "none of them was put on the case"
    # A real message still reaches the case.
    said = [s.text for s in to(youth.say("my mum says I can come home on sunday"), youth)]
    assert said[0].startswith("I have put your message on your case (number 1)"), said
    assert _wrote(engine) == before + 1


def test_thanks_during_the_questions_gets_a_warm_reply_and_the_question_again(engine, make_app, clock) -> None:
    _desk, _mette, youth = _waiting(engine, make_app, clock)
    youth.press("cy:words:1:yes")
    said = [s.text for s in to(youth.say("tak"), youth)]
    assert said[0] == WELCOME and not any("I have put your message" in t for t in said), said
    assert said[-1] == "How old are you?", said
    assert _wrote(engine) == 0


def test_thanks_to_a_caseworker_who_has_the_case_still_reaches_them(engine, make_app, clock) -> None:
    _desk, mette, youth = _waiting(engine, make_app, clock)
    youth.press("cy:words:1:yes")
    mette.command("claim", "1")
    mette.command("reply", "1 Hi, I'm Mette. Where are you now?")
    sent = youth.say("tak")
    assert [s.text for s in to(sent, mette)] == ["💬 Case #1, the young person writes:\ntak"]
    assert not to(sent, youth)


def test_talk_to_a_caseworker_again_says_where_the_case_stands(engine, make_app, clock) -> None:
    _desk, _mette, youth = _waiting(engine, make_app, clock)
    said = [s.text for s in to(youth.press("menu:staff"), youth)]
    assert said == ["Your case (number 1) is with the caseworkers at Aarhus Municipality. Nobody has taken it yet. You "
                    "get a message here when one of them takes it. If you are in danger, call 112."], said
