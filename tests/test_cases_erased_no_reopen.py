"""A Friday evening, played: a young person in a live chat with a caseworker deleted their data with /slet. The
case card kept its "Genåbn" button and `/svar` told the caseworker to "write /genaabn 1", and both were refused:
an anonymised case has nobody to reopen it for or write to. Each failed before its fix."""

from __future__ import annotations

from tests.cases_support import Desk, to


def _erased_during_a_chat(engine, make_app):
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    group = desk.team(mette)
    youth = desk.youth("aarhus", lang="da")
    desk.open_case(youth, "jeg har ikke noget sted at sove i nat")
    mette.command("tag", "1")
    mette.command("svar", "1 Hej, hvor er du nu?")
    asked = youth.command("slet")
    sent = youth.press_button(asked, "Ja, slet")
    return desk, mette, group, sent


def test_the_card_of_an_erased_case_offers_no_reopen(engine, make_app) -> None:
    _desk, mette, group, sent = _erased_during_a_chat(engine, make_app)
    cards = [s for s in to(sent, group) if s.kind == "edit"]
    assert cards and "slettet sine data" in cards[-1].text, [s.text for s in cards]
    assert not [b.text for s in cards for b in s.buttons], [b.text for s in cards for b in s.buttons]
    shown = to(mette.command("sag", "1"), mette)
    assert shown and not [b.text for s in shown for b in s.buttons], [b.text for s in shown for b in s.buttons]


def test_replying_to_an_erased_case_says_why_nothing_reaches_them(engine, make_app) -> None:
    _desk, mette, _group, _sent = _erased_during_a_chat(engine, make_app)
    told = " ".join(s.text for s in to(mette.command("svar", "1 Er du der stadig?"), mette))
    assert "anonymous" in told and "/genaabn" not in told, told
    assert "/genaabn" not in " ".join(s.text for s in to(mette.command("tag", "1"), mette))
