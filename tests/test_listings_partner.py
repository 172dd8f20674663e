"""Partners publish in the chat (a CSV file or the form) and manage only their own organisation's listings."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, func
from sqlmodel import col, select

from bot.db import session_scope
from bot.listings.models import Listing
from bot.staff.models import Staff
from tests.support import Chat
from tests.test_listings_csv import csv_bytes, row
from tests.test_listings_search import TODAY, item, put

PARTNER_A, PARTNER_B, ADMIN, YOUNG = 101, 202, 303, 404


@pytest.fixture
def app(engine: Engine, make_app):
    with session_scope(engine) as session:
        session.add(Staff(transport="telegram", user_id=PARTNER_A, chat_id=PARTNER_A, role="partner",
                          provider="Boligforeningen Test"))
        session.add(Staff(transport="telegram", user_id=PARTNER_B, chat_id=PARTNER_B, role="partner",
                          provider="Anden Forening"))
        session.add(Staff(transport="telegram", user_id=ADMIN, chat_id=ADMIN, role="admin"))
    return make_app(engine)


def chat_as(app, user_id: int) -> Chat:
    """A chat that has already seen /start (and so the one-time privacy notice)."""
    chat = Chat(app, user_id, lang="en")
    chat.command("start")
    return chat


def send_file(chat: Chat, data: bytes, name: str = "boliger.csv"):
    return chat.send(chat._incoming("document", document_name=name, document_bytes=data))


def listings(engine: Engine) -> list[Listing]:
    with session_scope(engine) as session:
        return list(session.exec(select(Listing).order_by(col(Listing.id))).all())


def test_a_partner_publishes_by_sending_a_csv_file(app, engine: Engine) -> None:
    chat = chat_as(app, PARTNER_A)
    sent = send_file(chat, csv_bytes([row(reference="A-1"), row(reference="A-2")]))
    assert "Imported: 2 new and 0 updated" in sent[0].text
    sent = send_file(chat, csv_bytes([row(reference="A-1", husleje="3.000"), row(reference="A-2")]))
    assert "0 new and 1 updated" in sent[0].text  # A-2 is sent again as it was: unchanged
    assert "Unchanged, already shown as the file says: 1." in sent[0].text
    assert [(x.provider, x.rent) for x in listings(engine)] == [("Boligforeningen Test", 3000),
                                                                ("Boligforeningen Test", 3800)]


def test_a_bad_file_imports_nothing_and_says_which_rows(app, engine: Engine) -> None:
    chat = chat_as(app, PARTNER_A)
    sent = send_file(chat, csv_bytes([row(reference="A-1"), row(reference="A-2", husleje="4.5OO", kommune="Odense")]))
    assert "Problems in the file: 2" in sent[0].text
    assert "Row 3, husleje: '4.5OO' is not an amount" in sent[0].text
    assert listings(engine) == []


def test_a_broken_excel_workbook_gets_how_to_save_it(app) -> None:
    sent = send_file(chat_as(app, PARTNER_A), b"PK\x03\x04...", name="boliger.xlsx")
    assert "Nothing was imported" in sent[0].text and "CSV UTF-8" in sent[0].text


def test_a_partner_publishes_by_sending_an_excel_workbook(app, engine: Engine) -> None:
    from tests.test_listings_workbook import workbook

    sent = send_file(chat_as(app, PARTNER_A), workbook(
        ["W-1", "Favrskov", "Hinnerup", "lejlighed", 2, 48, 4100, 450, None, 86421357]), name="Boliger dec.XLSX")
    assert "Imported: 1 new and 0 updated" in sent[0].text
    assert [(x.provider, x.municipality, x.rent) for x in listings(engine)] == [
        ("Boligforeningen Test", "favrskov", 4100)]


def test_a_young_person_cannot_import(app, engine: Engine) -> None:
    sent = send_file(chat_as(app, YOUNG), csv_bytes([row()]))
    assert listings(engine) == []
    assert "Imported" not in sent[0].text


def test_an_admin_imports_for_the_providers_named_in_the_file(app, engine: Engine) -> None:
    chat = chat_as(app, ADMIN)
    sent = send_file(chat, csv_bytes([row()]))
    assert "udbyder" in sent[0].text and listings(engine) == []
    columns = (*tuple(row()), "udbyder")
    send_file(chat, csv_bytes([row(udbyder="Forening X")], columns=columns))
    assert [x.provider for x in listings(engine)] == ["Forening X"]


def test_a_partner_sees_extends_and_withdraws_their_own_listings(app, engine: Engine, clock) -> None:
    put(engine, item("A-1", expires_on=TODAY + dt.timedelta(days=5)), item("B-1", provider="Anden Forening"))
    own, = (x for x in listings(engine) if x.provider_ref == "A-1")
    chat = chat_as(app, PARTNER_A)
    sent = chat.command("mine_boliger")
    assert "A-1" in sent[0].text and "B-1" not in sent[0].text
    sent = chat.press_button(sent, f"+30 days #{own.id}")
    assert listings(engine)[0].expires_on == TODAY + dt.timedelta(days=35)
    sent = chat.press(f"lm:w:{own.id}")
    assert listings(engine)[0].status == "active"  # asks first
    chat.press_button(sent, "Yes, withdraw")
    assert listings(engine)[0].status == "withdrawn"


def test_a_partner_cannot_change_another_providers_listing(app, engine: Engine) -> None:
    put(engine, item("A-1", expires_on=TODAY + dt.timedelta(days=5)))
    listing_id = listings(engine)[0].id
    other = chat_as(app, PARTNER_B)
    for data in (f"lm:x:{listing_id}", f"lm:W:{listing_id}", f"lm:w:{listing_id}"):
        assert other.press(data) == []
        assert "own organisation" in (other.callback_answers[-1] or "")
    young = chat_as(app, YOUNG)
    young.press(f"lm:W:{listing_id}")
    assert "Only partners" in (young.callback_answers[-1] or "")
    assert "partners" in young.command("mine_boliger")[0].text
    unchanged = listings(engine)[0]
    assert (unchanged.status, unchanged.expires_on) == ("active", TODAY + dt.timedelta(days=5))
    # An admin may change any listing.
    chat_as(app, ADMIN).press(f"lm:W:{listing_id}")
    assert listings(engine)[0].status == "withdrawn"


def test_a_partner_publishes_one_listing_with_the_form(app, engine: Engine) -> None:
    chat = chat_as(app, PARTNER_A)
    sent = chat.command("ny_bolig")
    sent = chat.press_button(sent, "Aarhus")
    sent = chat.say("Aarhus N")
    sent = chat.press_button(sent, "Youth flat")
    sent = chat.press_button(sent, "2")
    sent = chat.say("38")
    sent = chat.say("4.5OO")
    assert "'4.5OO' is not an amount" in sent[0].text  # asks again
    sent = chat.say("4.500")
    sent = chat.press_button(sent, "0")
    sent = chat.say("13.500")
    sent = chat.press_button(sent, "0")
    sent = chat.say("1-2-2027")
    sent = chat.press_button(sent, "students")
    sent = chat.say("https://example.org/ansoeg 12 34 56 78")
    sent = chat.say("AB-7")
    assert "4,500" in sent[0].text or "4.500" in sent[0].text
    assert listings(engine) == []  # nothing until Publish
    sent = chat.press_button(sent, "Publish")
    assert "Published" in sent[0].text
    published, = listings(engine)
    assert (published.provider, published.provider_ref, published.kind, published.rent, published.deposit,
            published.available_from, published.apply_phone) == ("Boligforeningen Test", "AB-7", "ungdomsbolig",
                                                                   4500, 13500, dt.date(2027, 2, 1), "12 34 56 78")
    with session_scope(engine) as session:
        assert session.exec(select(func.count()).select_from(Listing)).one() == 1


def test_the_form_is_for_partners_only(app) -> None:
    chat = chat_as(app, YOUNG)
    assert "for partners" in chat.command("ny_bolig")[0].text
    assert chat.press("lf:municipality:aarhus") == []
