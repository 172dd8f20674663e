"""A partner refers a young person: /henvis gives a link in the organisation's name; the young person who opens it is
greeted, offered a caseworker and decides themselves; the partner learns no one's name or chat."""

from __future__ import annotations

import asyncio
import io
import re

from sqlmodel import select

from bot.cases import models
from bot.db import session_scope
from handlers.console import chat
from tests.cases_support import Desk, button_data, case, cases, to
from tests.support import Chat, Sent, texts

ORG = "Ungdomsboligrådgivningen Østjylland"
BOT = "husly_test_bot"
# Bot API, "Deep linking": a start parameter is 1 to 64 characters of A-Z, a-z, 0-9, _ and -.
START_PARAMETER = re.compile(r"[A-Za-z0-9_-]{1,64}")
LINK = re.compile(r"https://t\.me/" + BOT + r"\?start=(\S+)")


def _partner(desk: Desk) -> Chat:
    return desk.staff("Birgitte Sørensen", role="partner", municipality=None, provider=ORG)


def _link(partner: Chat, municipality: str = "aarhus") -> tuple[str, str]:
    """The partner asks for a referral link; (the payload of the link, the whole answer)."""
    answer = texts(partner.mine(partner.command("henvis", municipality, bot_username=BOT)))
    found = LINK.search(answer)
    assert found is not None, answer
    return found.group(1), answer


def _opened(desk: Desk, payload: str) -> tuple[Chat, list[Sent]]:
    youth = desk.chat()
    return youth, youth.command("start", payload)


def test_a_partner_gets_a_link_with_a_valid_unguessable_start_parameter_stored_only_as_a_hash(
        engine, make_app) -> None:
    desk = Desk(make_app(engine))
    partner = _partner(desk)
    payload, answer = _link(partner)
    assert START_PARAMETER.fullmatch(payload), payload
    assert len(payload) >= 20, "long enough that nobody guesses one"
    assert f"/start {payload}" in answer, "the plain code too, for a console chat or a note on paper"
    assert "Aarhus" in answer and "Cases opened so far through links from" in answer and ": 0." in answer
    other, _answer = _link(partner)
    assert other != payload, "a new link each time"
    with session_scope(engine) as session:
        rows = session.exec(select(models.Referral)).all()
        assert [(r.provider, r.municipality, r.uses, r.max_uses) for r in rows] == [(ORG, "aarhus", 0, 1)] * 2
        assert all(payload not in r.code_hash for r in rows), "only the code's hash is stored"
        assert all((r.expires_at - r.created_at).days == 30 for r in rows)


def test_the_young_person_is_greeted_in_the_organisations_name_and_offered_a_caseworker(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    payload, _answer = _link(_partner(desk))
    youth, sent = _opened(desk, payload)
    mine = texts(to(sent, youth))
    assert f"{ORG} sent you to me" in mine and "Birgitte" not in mine, "the organisation, never the person"
    assert "caseworker from Aarhus Municipality" in mine
    assert "cy:go" in button_data(to(sent, youth)) and "cy:no" in button_data(to(sent, youth))
    assert cases(engine) == [], "nothing opens before the young person says yes"


def test_yes_opens_a_case_whose_card_names_the_referrer_and_the_partner_learns_only_a_number(
        engine, make_app) -> None:
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    partner = _partner(desk)
    payload, _answer = _link(partner)
    youth, opened = _opened(desk, payload)
    sent = youth.press("cy:go")
    found = case(engine)
    assert found.referred_by == ORG and found.municipality == "aarhus" and found.chat_id == youth.chat_id
    card = texts(to(sent, group))
    assert f"Henvist af: {ORG}" in card, card
    assert to(opened + sent, partner) == [], "the partner is told nothing about the young person"
    _again, answer = _link(partner)
    assert f"Cases opened so far through links from {ORG}: 1." in answer
    assert str(youth.chat_id) not in answer


def test_no_opens_nothing_and_counts_nothing(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    payload, _answer = _link(_partner(desk))
    youth, _sent = _opened(desk, payload)
    said = texts(to(youth.press("cy:no"), youth))
    assert "change your mind" in said
    assert cases(engine) == []
    with session_scope(engine) as session:
        assert [r.uses for r in session.exec(select(models.Referral)).all()] == [0]


def test_an_expired_unknown_or_used_link_gets_a_kind_word_and_the_menu(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    partner = _partner(desk)
    old, _answer = _link(partner)
    used, _answer = _link(partner)
    first, _sent = _opened(desk, used)
    first.press("cy:go")
    clock.advance(days=31)
    for payload in (old, used, "ref_abcdefghijklmnopqrstuvwxyz0123", "ref_"):
        youth, sent = _opened(desk, payload)
        mine = to(sent, youth)
        assert "That link does not work any more" in mine[0].text, payload
        assert "Hi, I'm Husly" in texts(mine), "then the ordinary start"
        assert "menu:urgent" in button_data(mine) and "cy:go" not in button_data(mine)
    assert len(cases(engine)) == 1


def test_a_used_link_does_not_open_a_second_case_in_the_organisations_name(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    payload, _answer = _link(_partner(desk))
    first, _sent = _opened(desk, payload)
    first.press("cy:go")
    second, sent = _opened(desk, payload)
    assert "That link does not work any more" in texts(to(sent, second))


def test_a_young_person_typing_the_partners_command_is_told_it_is_not_for_them(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    youth = desk.youth("aarhus")
    said = texts(to(youth.command("henvis", "aarhus"), youth))
    assert said == texts(to(youth.command("ny_bolig"), youth)).replace("/ny_bolig", "/henvis")
    assert "only for partners of Husly" in said
    with session_scope(engine) as session:
        assert session.exec(select(models.Referral)).all() == []


def test_the_english_alias_works_and_a_municipality_is_asked_for(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    partner = _partner(desk)
    asked = texts(partner.mine(partner.command("refer")))
    assert "Which municipality does the young person live in?" in asked
    answer = texts(partner.mine(partner.command("refer", "Roskilde", bot_username=BOT)))
    assert LINK.search(answer) and "Roskilde" in answer


def test_without_a_bot_username_the_code_alone_is_given(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    partner = _partner(desk)
    answer = texts(partner.mine(partner.command("henvis", "aarhus")))
    assert "t.me" not in answer, "no bot username known (fx the console): no broken link"
    assert re.search(r"/start ref_[A-Za-z0-9_-]+", answer)


def test_the_console_chat_takes_a_referral_code_with_start(sqlite_engine, make_app) -> None:
    app = make_app(sqlite_engine)
    payload, _answer = _link(_partner(Desk(app)))
    out = io.StringIO()
    lines = (f"/start {payload}", "1", "/quit")  # [1] Ja, forbind mig
    asyncio.run(chat(app, stdin=io.StringIO("".join(line + "\n" for line in lines)), out=out, lang="da"))
    transcript = out.getvalue()
    assert f"Hej! {ORG} har sendt dig til mig" in transcript
    assert "Vil du have, at en medarbejder fra Aarhus Kommune skriver til dig" in transcript
    found = case(sqlite_engine)
    assert found.transport == "console" and found.referred_by == ORG


def test_a_typed_yes_after_naming_another_municipality_still_opens_the_case_in_the_organisations_name(
        engine, make_app) -> None:
    desk = Desk(make_app(engine))
    payload, _answer = _link(_partner(desk))
    youth = desk.chat(lang="da")
    youth.command("start", payload)
    moved = texts(to(youth.say("Roskilde"), youth))
    assert "Roskilde Kommune" in moved, "the offer again, from the municipality the young person named"
    youth.say("ja tak")
    found = case(engine)
    assert found.municipality == "roskilde" and found.referred_by == ORG
