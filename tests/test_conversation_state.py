"""The conversation state is typed, one part per flow or feature: none of them wipes another's part."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine
from sqlmodel import select

from bot.app import App
from bot.cases.state import CaseOffer, Questions, ReplyTo
from bot.conversation.qa import ShownTopic
from bot.conversation.state import State
from bot.db import session_scope
from bot.listings.partner_form import Form
from bot.models import Profile
from tests.cases_support import URGENT_TEXT
from tests.support import Chat

MakeApp = Callable[..., App]
NOW = dt.datetime(2026, 11, 27, 14, 0, tzinfo=dt.UTC)


def test_starting_and_ending_flows_leaves_the_other_parts_alone() -> None:
    state = State(Profile(transport="telegram", chat_id=1))
    state.put(ShownTopic(topic="boligstoette", at=NOW))
    state.put(CaseOffer(urgency="urgent", reasons=["thrown_out"], words="I was thrown out"))
    state.start(Form(step="title", data={"rooms": 2}))
    # Another flow starts: the form ends (one flow at a time), the topic and the offer stay.
    state.start(Questions(case=7, step="age"))
    assert state.flow == "case" and state.get(Form) is None
    assert state.get(ShownTopic) == ShownTopic(topic="boligstoette", at=NOW)
    assert state.get(CaseOffer) == CaseOffer(urgency="urgent", reasons=["thrown_out"], words="I was thrown out")
    state.end(ReplyTo)  # not the active flow: nothing ends
    assert state.get(Questions) == Questions(case=7, step="age")
    state.drop(CaseOffer)
    state.end()
    assert state.flow is None and state.get(Questions) is None and state.get(CaseOffer) is None
    assert state.get(ShownTopic) is not None


def test_a_state_written_by_an_older_version_reads_as_no_flow_data() -> None:
    profile = Profile(transport="telegram", chat_id=1, state={"flow": "case", "case": 3, "step": "age",
                                                              "shown_topic": {"topic": 5}})
    state = State(profile)
    assert state.flow == "case" and state.get(Questions) is None and state.get(ShownTopic) is None
    state.end()
    assert profile.state == {"shown_topic": {"topic": 5}}


def test_a_case_offer_and_its_questions_keep_the_topic_just_shown(engine: Engine, make_app: MakeApp) -> None:
    youth = Chat(make_app(engine), chat_id=8101, lang="en")
    youth.say("hvordan søger jeg boligstøtte")
    shown = _stored(engine, 8101)["shown_topic"]
    youth.say(URGENT_TEXT)
    assert _stored(engine, 8101)["case_offer"]["words"] == URGENT_TEXT
    youth.press("cy:go")
    stored = _stored(engine, 8101)
    assert stored["flow"] == "case" and stored["case"]["step"] == "words" and "case_offer" not in stored
    youth.press("cy:words:1:no")
    assert _stored(engine, 8101)["shown_topic"] == shown  # before typed parts, each of these steps wiped it


def _stored(engine: Engine, chat_id: int) -> dict[str, Any]:
    with session_scope(engine) as session:
        profile = session.exec(select(Profile).where(Profile.chat_id == chat_id)).one()
        return dict(profile.state)
