"""Asking in words to delete what Husly saved ("slet mine data", "delete my data pls") gets /slet's own question, with
no case open too.

On main only a case's flows heard it (case30); with no case, "slet mine data" was searched as a question and got the
privacy topic, and the person had to find the /slet command. A longer message about deleting something else, and a
crisis that mentions deleting, are read as before (guards).
"""

from __future__ import annotations

import pytest

from tests.support import Chat

ASKED = [("slet mine data", "da"), ("kan i slette alt om mig", "da"), ("delete my data pls", "en")]


@pytest.mark.parametrize(("said", "lang"), ASKED)
def test_asking_in_words_to_delete_gets_the_question_and_deletes(engine, make_app, said: str, lang: str) -> None:
    chat = Chat(make_app(engine), chat_id=778001, lang=lang)
    chat.command("start", "roskilde")
    chat.say("hvordan søger jeg boligstøtte" if lang == "da" else "how do i apply for housing benefit")
    sent = chat.say(said)
    assert [b.data for m in sent for b in m.buttons] == ["priv:erase-yes", "priv:erase-no"], [m.text for m in sent]
    done = chat.press("priv:erase-yes")
    assert ("slettet" if lang == "da" else "deleted") in done[-1].text


def test_a_question_about_deleting_something_else_is_answered_as_a_question(sqlite_engine, make_app) -> None:
    chat = Chat(make_app(sqlite_engine), chat_id=778002)
    sent = chat.say("hvordan sletter jeg min profil på boligportal")
    assert not any((b.data or "").startswith("priv:erase") for m in sent for b in m.buttons)
