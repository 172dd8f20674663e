"""A teacher or social worker worried about a young person under 18 is told of their duty to notify the municipality.

Playing a teacher's evening: "Jeg er lærer ... en af mine elever på 16 tør ikke tage hjem, fordi hendes mors kæreste
slår. Hvad skal jeg gøre?" got the safety essentials for the girl and the offer of a caseworker, but not the one
thing a professional must do (the skærpede underretningspligt: notify the municipality on a worry).
"""

from __future__ import annotations

import pytest

from tests.support import Chat

DUTY_DA = "pligt til at underrette kommunen"
DUTY_EN = "must notify the municipality"


def _text(sent: list) -> str:
    return "\n".join(m.text for m in sent)


@pytest.mark.parametrize(("message", "duty"), [
    ("Jeg er lærer på en efterskole. En af mine elever på 16 fortalte i dag, at hun ikke tør tage hjem i weekenden, "
     "fordi hendes mors kæreste slår. Hvad skal jeg gøre?", DUTY_DA),
    ("I'm a teacher. One of my students is 15 and says her parents threw her out, and she sleeps at different "
     "friends' places. How can I help her?", DUTY_EN),
    ("jeg er pædagog på et opholdssted og en dreng på 14 siger han bliver slået derhjemme", DUTY_DA),
])
def test_a_worried_professional_is_told_to_notify_the_municipality_with_its_source(chat: Chat, message: str,
                                                                                  duty: str) -> None:
    sent = chat.say(message)
    assert duty in sent[-1].text, _text(sent)  # last, after the help and the offer of a caseworker
    assert "Børns Vilkår" in sent[-1].text  # its source
    assert "112" in sent[0].text  # the safety essentials still come first


@pytest.mark.parametrize("message", [
    # A parent has no such duty.
    "Min datter på 16 tør ikke tage hjem, fordi hendes stedfar slår. Hvad skal jeg gøre?",
    # A plain housing question from a teacher is no worry about a child.
    "I am a teacher, what can a student of mine do to get a youth flat?",
    # A student named as an adult.
    "Jeg er lærer, og en af mine elever på 19 år er blevet smidt ud af sin kæreste og sover hos venner.",
])
def test_no_duty_line_where_it_does_not_apply(chat: Chat, message: str) -> None:
    text = _text(chat.say(message))
    assert DUTY_DA not in text and DUTY_EN not in text
