"""A young person searching: buttons and free text, cheapest first, five per page, never an expired home."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import Engine, update
from sqlmodel import col

from bot.db import session_scope
from bot.listings.filters import Filters
from bot.listings.models import Listing
from bot.listings.publish import ListingInput, publish
from bot.listings.search import search
from tests.support import Chat, Sent, texts

NOW = dt.datetime(2026, 11, 27, 14, 0, tzinfo=dt.UTC)  # the test clock's start
TODAY = NOW.date()


def item(ref: str, **changes: Any) -> ListingInput:
    """A valid listing from "Boligforeningen Test"; change what the test is about."""
    values: dict[str, Any] = dict(
        provider="Boligforeningen Test", provider_ref=ref, municipality="aarhus", area="Aarhus N", kind="vaerelse",
        rooms=1, size_m2=14, rent=3800, aconto=300, deposit=11400, prepaid_rent=0,
        available_from=dt.date(2027, 1, 1), target_group="youth", apply_url=f"https://example.org/{ref}",
        apply_phone=None, description=None, expires_on=TODAY + dt.timedelta(days=30),
    )
    return ListingInput(**{**values, **changes})


def put(engine: Engine, *items: ListingInput, now: dt.datetime = NOW) -> None:
    with session_scope(engine) as session:
        publish(session, list(items), now=now)


def find(engine: Engine, filters: Filters, page: int = 0, today: dt.date = TODAY) -> list[str]:
    with session_scope(engine) as session:
        return [x.provider_ref for x in search(session, filters, today=today, page=page).listings]


@pytest.fixture
def app(engine, make_app):
    return make_app(engine)


def all_text(sent: list[Sent]) -> str:
    return texts(sent)


def test_results_are_sorted_by_rent_plus_aconto_and_filtered(engine: Engine) -> None:
    put(engine, item("cheap-rent-high-aconto", rent=3000, aconto=1200),  # 4200 in all
        item("middle", rent=3500, aconto=0),
        item("cheapest", rent=3200, aconto=100),
        item("flat", kind="lejlighed", rent=3000, aconto=0),
        item("copenhagen", municipality="koebenhavn", rent=2900, aconto=0),
        item("too-dear", rent=4500, aconto=0))
    assert find(engine, Filters("aarhus", 4300, "vaerelse")) == ["cheapest", "middle", "cheap-rent-high-aconto"]
    assert find(engine, Filters(None, 3000, None)) == ["copenhagen", "flat"]
    # The budget is what a person pays a month: 3000 rent + 1200 aconto does not fit 4000.
    assert "cheap-rent-high-aconto" not in find(engine, Filters("aarhus", 4000, None))


def test_expired_and_withdrawn_listings_never_show_even_before_the_expire_job(engine: Engine) -> None:
    put(engine, item("last-day", expires_on=TODAY), item("withdrawn"), item("ok"))
    with session_scope(engine) as session:
        session.execute(update(Listing).where(col(Listing.provider_ref) == "withdrawn").values(status="withdrawn"))
    assert find(engine, Filters()) == ["last-day", "ok"]
    assert find(engine, Filters(), today=TODAY + dt.timedelta(days=1)) == ["ok"]


def test_menu_button_asks_municipality_then_budget_then_type_and_shows_results(app, engine) -> None:
    put(engine, item("room", rent=3650, aconto=600, deposit=10950, available_from=dt.date(2027, 1, 1)))
    chat = Chat(app, lang="da")
    chat.command("start")
    sent = chat.press("menu:housing")
    assert [b.data for b in sent[0].buttons][:2] == ["ls:b:randers", "ls:b:roskilde"]
    sent = chat.press_button(sent, "Aarhus")
    sent = chat.press_button(sent, "5.000")
    sent = chat.press_button(sent, kind_button(sent))
    text = sent[0].text
    # Amounts and dates in Danish, whatever the catalogue says around them.
    assert "3.650\u00a0kr." in text and "600\u00a0kr." in text and "4.250\u00a0kr." in text
    assert "10.950\u00a0kr." in text and "1. januar 2027" in text
    assert 'href="https://example.org/room"' in sent[0].reply.html


def kind_button(sent: list[Sent]) -> str:
    """The label of the type button whose data searches for rooms."""
    return next(b.text for b in sent[0].buttons if b.data == "ls:p:0:aarhus:5000:vaerelse")


def test_municipality_step_is_skipped_when_the_profile_has_one_and_can_be_changed(app) -> None:
    chat = Chat(app, lang="en")
    chat.press("mun:roskilde")
    sent = chat.press("menu:housing")
    assert sent[0].text.startswith("Roskilde")
    datas = [b.data for b in sent[0].buttons]
    assert "ls:k:roskilde:4000" in datas and "ls:m" in datas
    assert "ls:b:aarhus" in [b.data for b in chat.press("ls:m")[0].buttons]


def test_pages_of_five_with_next_and_previous(app, engine) -> None:
    put(engine, *(item(f"r{i:02d}", rent=3000 + i * 10) for i in range(12)))
    chat = Chat(app, lang="en")
    first = chat.press("ls:p:0:aarhus::")
    assert "Homes that fit: 12" in first[0].text and "Page 1 of 3" in first[0].text
    assert first[0].buttons[0].text == "Next ▶"
    assert first[0].text.count("Aarhus N (Aarhus)") == 5
    second = chat.press_button(first, "Next")
    assert "Page 2 of 3" in second[0].text and "3.050" in second[0].text.replace(",", ".")
    # The page changes in place: the message with the pressed button is edited, no new message is sent.
    assert (second[0].kind, second[0].message_id) == ("edit", first[0].message_id)
    third = chat.press_button(second, "Next")
    assert third[0].text.count("Aarhus N (Aarhus)") == 2
    assert not any("Next" in b.text for b in third[0].buttons)
    back = chat.press_button(third, "Previous")
    assert "Page 2 of 3" in back[0].text and back[0].kind == "edit"
    assert all(len(b.data.encode()) <= 64 for m in (first, second, third) for b in m[0].buttons if b.data)


def test_nothing_found_offers_a_wider_search_and_the_waiting_list_topics(app, engine) -> None:
    put(engine, item("dear", rent=4800, aconto=0), item("flat", kind="lejlighed", rent=3000))
    chat = Chat(app, lang="en")
    sent = chat.press("ls:p:0:aarhus:4000:vaerelse")
    assert "No homes fit right now" in sent[0].text
    datas = [b.data for b in sent[0].buttons]
    assert {"ls:p:0:aarhus:5000:vaerelse", "ls:p:0:aarhus:4000:", "ls:p:0::4000:vaerelse"} <= set(datas)
    assert {"t:boligsoegning", "t:almen-bolig", "t:ungdomsbolig"} <= set(datas)
    assert "ls:a:aarhus:4000:vaerelse" in datas
    wider = chat.press("ls:p:0:aarhus:5000:vaerelse")
    assert "Homes that fit: 1" in wider[0].text


def test_free_text_search_shows_listings_and_uses_the_profile_municipality(app, engine) -> None:
    put(engine, item("kbh", municipality="koebenhavn", area="Amager", rent=3400, aconto=0),
        item("aarhus", rent=3000))
    chat = Chat(app, lang="en")
    chat.command("start")
    sent = chat.say("værelse kbh 3.500 kr")
    assert "Amager" in sent[0].text and "Aarhus N" not in sent[0].text
    chat.press("mun:aarhus")
    sent = chat.say("show me available rooms")
    assert "Aarhus N" in sent[0].text and "Amager" not in sent[0].text


def test_a_question_about_housing_still_gets_the_knowledge_base_answer(app, engine) -> None:
    put(engine, item("room"))
    chat = Chat(app, lang="en")
    chat.command("start")
    sent = chat.say("hvad er en ungdomsbolig")
    assert "Aarhus N" not in all_text(sent)
    assert any(b.data and b.data.startswith("fb:") for b in sent[0].buttons)


def test_a_crisis_with_a_housing_word_gets_safety_first_not_listings(app, engine) -> None:
    put(engine, item("room"))
    chat = Chat(app, lang="da")
    chat.command("start")
    sent = chat.say("jeg er blevet smidt ud i nat og har brug for et værelse i aarhus nu, jeg har ingen steder at sove")
    assert "Aarhus N" not in all_text(sent)


def test_demo_listings_are_marked_demo(app, engine) -> None:
    from bot.listings.demo import create_demo

    with session_scope(engine) as session:
        create_demo(session, count=12, now=NOW)
    chat = Chat(app, lang="en")
    sent = chat.press("ls:p:0:::")
    assert sent[0].text.count("🧪 DEMO") == 5
    assert "example.org" in sent[0].reply.html


def test_every_demo_listing_is_still_shown_for_a_month_after_it_can_be_moved_into(engine) -> None:
    from bot.listings.demo import create_demo, demo_listings
    from bot.listings.jobs import tick
    from bot.listings.search import local_day

    made = demo_listings(60, NOW)
    free = [(x, x.available_from) for x in made if x.available_from is not None]  # every demo home says its day
    assert len(free) == len(made) and all(x.expires_on >= day + dt.timedelta(days=30) for x, day in free)
    with session_scope(engine) as session:
        create_demo(session, count=60, now=NOW)
    # On the day the last of them becomes free, after the expiry job, it is still found.
    last, last_day = max(free, key=lambda pair: pair[1])
    day = dt.datetime.combine(last_day, dt.time(12), tzinfo=NOW.tzinfo)
    tick(engine, None, day)
    with session_scope(engine) as session:
        found = search(session, Filters(last.municipality, None, last.kind), today=local_day(day), page=0)
    assert last.provider_ref in {x.provider_ref for x in found.listings}


def test_an_old_or_forged_search_button_is_answered_as_stale(app) -> None:
    chat = Chat(app, lang="en")
    for data in ("ls:p:x:aarhus::", "ls:p:0:odense::", "ls:zz", "ls:b:odense"):
        assert chat.press(data) == []
        assert chat.callback_answers[-1] and "no longer works" in chat.callback_answers[-1]


def test_a_free_text_search_remembers_the_municipality(app) -> None:
    from sqlmodel import Session, select

    from bot.models import Profile

    chat = Chat(app, chat_id=321)
    chat.say("værelse i roskilde max 4000 kr")
    with Session(app.engine) as session:
        assert session.exec(select(Profile).where(Profile.chat_id == 321)).one().municipality == "roskilde"
