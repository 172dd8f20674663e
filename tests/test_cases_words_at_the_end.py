"""The young person's first words are not lost when the words question goes unanswered.

Playing a night in crisis: a 17-year-old thrown out in Randers wrote what happened, said yes to a caseworker, and
wrote on instead of tapping "Må medarbejderne læse det, du skriver til mig her?". The questions went on, ended with
"Tak, det var alt", and the first words were dropped: a late tap on the old "yes" kept only what came after. Now
the words question comes once more after the last question, and a late yes passes on the words written before it
(kept in the person's own state only until that answer or until the case closes; never without a yes).
"""

from __future__ import annotations

from bot.cases import actions
from bot.cases.state import WaitingWords
from bot.conversation.state import State
from bot.db import session_scope
from bot.profiles import profile_of
from bot.staff.models import Staff
from tests.cases_support import Desk, case, staff_id, to

THROWN_OUT = "min far har smidt mig ud i nat og jeg står på gaden i randers, jeg er 17"
LAST_QUESTION = "Sidste spørgsmål: Må medarbejderne læse det, du har skrevet til mig?"


def _texts(sent: list) -> str:
    return "\n".join(m.text for m in sent)


def _team_saw(desk: Desk) -> str:
    return _texts([m for m in desk.sender.sent if m.chat_id < 0])


def _past_the_questions(engine, make_app):
    """The young person writes on twice at the words question, then skips where they sleep and stays anonymous."""
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette", municipality="randers"))
    youth = desk.youth("randers", lang="da")
    youth.say(THROWN_OUT)
    youth.say("ja")
    youth.say("jeg ved ikke hvad jeg skal gøre, det er så koldt")
    youth.say("hvornår skriver de til mig")
    youth.press("cy:skip:1:tonight")
    last = to(youth.press("cy:anon:1"), youth)
    return desk, youth, last


def test_the_words_question_comes_once_more_after_the_last_question(engine, make_app) -> None:
    desk, youth, last = _past_the_questions(engine, make_app)
    assert LAST_QUESTION in _texts(last) and "Tak, det var alt" not in _texts(last)
    assert "smidt mig ud" not in _team_saw(desk), "nothing is passed on before a yes"
    done = to(youth.press("cy:words:1:yes"), youth)
    assert "Tak, det var alt" in _texts(done)
    assert case(engine).words_consent is True
    shared = _team_saw(desk)
    assert "smidt mig ud" in shared and "så koldt" in shared


def test_a_late_yes_after_the_questions_ended_passes_on_the_earlier_words(engine, make_app) -> None:
    desk, youth, _last = _past_the_questions(engine, make_app)
    youth.say("jeg sidder på banegården nu")
    ended = to(youth.say("min telefon er ved at dø"), youth)
    assert "Tak, det var alt" in _texts(ended) and "Sidste spørgsmål" not in _texts(ended)
    assert "smidt mig ud" not in _team_saw(desk)
    youth.press("cy:words:1:yes")  # the old button, after the questions ended
    assert case(engine).words_consent is True
    shared = _team_saw(desk)
    assert "smidt mig ud" in shared and "banegården" in shared
    assert _waiting(engine, youth) is None, "kept only until the answer"


def test_a_no_or_a_closed_case_forgets_the_waiting_words(engine, make_app) -> None:
    desk, youth, _last = _past_the_questions(engine, make_app)
    youth.say("jeg sidder på banegården nu")
    youth.say("min telefon er ved at dø")
    assert _waiting(engine, youth) is not None
    youth.press("cy:words:1:no")
    assert _waiting(engine, youth) is None and case(engine).words_consent is False
    assert "smidt mig ud" not in _team_saw(desk)



def test_the_waiting_words_go_when_the_case_closes(engine, make_app) -> None:
    desk, youth, _last = _past_the_questions(engine, make_app)
    youth.say("jeg sidder på banegården nu")
    youth.say("min telefon er ved at dø")
    assert _waiting(engine, youth) is not None
    ole = desk.staff("Ole", municipality="randers")
    with session_scope(engine) as session:
        closed = actions.close(session, desk.app.deps, session.get(Staff, staff_id(engine, ole)), 1, "henvist",
                               desk.app.deps.clock(), confirmed=True)
    assert closed.ok
    assert _waiting(engine, youth) is None, "kept only for the answer about an open case"


def _waiting(engine, youth) -> WaitingWords | None:
    with session_scope(engine) as session:
        profile = profile_of(session, youth.transport, youth.chat_id)
        assert profile is not None
        return State(profile).get(WaitingWords)
