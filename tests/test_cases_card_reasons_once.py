"""A caseworker reads each fact on a case card once.

Opening a case in the terminal and reading it with `husly cases show`, the card said "Fundet: ...; under 18, utryg
hjemme; utryg hjemme; ...": triage found "under 18 and unsafe at home" and "unsafe at home" in one message, and each
reason had its own label ("under 18" stood on the line above as well). Now a reason that names two facts is shown as
those facts, each once; every distinct fact is still there. The Telegram card and the terminal show the same text.
"""

from __future__ import annotations

from bot.cases import cards
from bot.cases.models import Case
from bot.db import session_scope
from tests.cases_support import Desk, case, to
from tests.corpus import our_own

MINOR_HIT = "jeg er 16 og min stedfar slår mig, jeg tør ikke tage hjem"

test_the_message_is_our_own = our_own([MINOR_HIT])


def _found(card: str) -> list[str]:
    line = next(x for x in card.splitlines() if x.startswith(("Fundet: ", "Found: ")))
    return line.split(": ", 1)[1].split("; ")


def test_the_card_names_each_reason_once(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette", municipality="randers"))
    youth = desk.youth("randers", lang="da")
    sent = youth.say(MINOR_HIT)
    assert case(engine).id == 1
    cards_sent = [m.text for m in to(sent, group) if "Sag #1" in m.text]
    assert cards_sent, "the team chat got the card"
    found = _found(cards_sent[-1])
    assert len(found) == len(set(found)), found
    assert not any(label.startswith("under 18,") for label in found), found
    # Every distinct fact is kept: violence, unsafe at home (and under 18 on the line above).
    assert "vold eller trusler" in found and "utryg hjemme" in found
    assert "under 18" in cards_sent[-1].splitlines()[1]


def test_the_terminal_shows_the_same_card(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette", municipality="randers"))
    youth = desk.youth("randers", lang="da")
    youth.say(MINOR_HIT)
    with session_scope(engine) as session:
        shown = cards.card_text(session, session.get_one(Case, 1), desk.app.deps.clock())
    # `husly cases show` renders cards.card_text (bot/cases/actions.py), as the team chat's card does.
    assert _found(shown) == ["vold eller trusler", "føler sig i fare", "utryg hjemme"], shown


def test_a_reason_answered_on_its_own_line_is_not_in_found(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette", municipality="randers"))
    youth = desk.youth("randers", lang="da")
    youth.say(MINOR_HIT)
    youth.press("cy:tn:1:unsafe_home")
    with session_scope(engine) as session:
        shown = cards.card_text(session, session.get_one(Case, 1), desk.app.deps.clock())
    assert not any("utryg hjemme" in label for label in _found(shown)), shown  # the tonight line says it
    assert "vold eller trusler" in _found(shown)
