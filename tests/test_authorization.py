"""Authorisation everywhere: every staff command and every case button, tried by people who may not use
it (a young person, a partner, a caseworker of another municipality, another young person), is refused
and changes nothing."""

from __future__ import annotations

import pytest
from sqlmodel import select

from bot.cases.models import Case, CaseMessage
from bot.db import session_scope
from tests.cases_support import Desk
from tests.support import Chat

STAFF_COMMANDS = [
    ("queue", ""), ("case", "1"), ("claim", "1"), ("reply", "1 hej"), ("note", "1 intern note"),
    ("close", "1 housed"), ("transfer", "1 roskilde"),
    ("sager", ""), ("sag", "1"), ("tag", "1"), ("svar", "1 hej"), ("luk", "1 bolig"), ("flyt", "1 roskilde"),
    ("genaabn", "1"), ("slip", "1"), ("overdrag", "1 Aarhus-medarbejder"), ("vagt", ""),
    ("aabningstider", "aarhus 24/7"),
]
STAFF_BUTTONS = ["cs:claim:1", "cs:reply:1", "cs:close:1", "cs:out:1:housed", "cs:ok:1:housed", "cs:reopen:1"]
YOUTH_BUTTONS = ["cy:fu:1:no", "cy:fu:1:yes", "cy:age:1:under_18", "cy:tn:1:outside", "cy:anon:1",
                 "cy:skip:1:age", "cy:stop:1", "cy:go"]


def snapshot(desk: Desk) -> tuple:
    with session_scope(desk.engine) as session:
        case = session.get(Case, 1)
        assert case is not None
        messages = len(session.exec(select(CaseMessage).where(CaseMessage.case_id == 1)).all())
        return (case.status, case.claimed_by, case.municipality, case.age_band, case.tonight, case.consent,
                case.relay, case.outcome, case.priority, tuple(case.reasons), messages)


class CaseDesk(Desk):
    """A desk with one open case (#1), of the young person ``owner``."""

    owner: Chat


@pytest.fixture
def desk(engine, make_app) -> CaseDesk:
    desk = CaseDesk(make_app(engine))
    caseworker = desk.staff("Aarhus-medarbejder", municipality="aarhus")
    desk.team(caseworker)
    desk.owner = desk.youth("aarhus")
    desk.open_case(desk.owner)
    return desk


def outsiders(desk: Desk) -> dict[str, Chat]:
    return {
        "young person": desk.youth("roskilde"),
        "partner": desk.staff("Partner", role="partner", municipality=None, provider="Boligselskab A"),
        "caseworker elsewhere": desk.staff("Roskilde-medarbejder", municipality="roskilde"),
    }


@pytest.mark.parametrize(("command", "args"), STAFF_COMMANDS)
def test_staff_commands_are_refused_for_outsiders(desk: CaseDesk, command: str, args: str) -> None:
    before = snapshot(desk)
    for who, chat in outsiders(desk).items():
        sent = chat.command(command, args)
        assert snapshot(desk) == before, f"/{command} by {who} changed the case"
        assert not [s for s in sent if s.chat_id == desk.owner.chat_id], f"/{command} by {who} reached the youth"
        assert sent, f"/{command} by {who} got no answer at all"


@pytest.mark.parametrize("data", STAFF_BUTTONS)
def test_card_buttons_are_refused_for_outsiders(desk: Desk, data: str) -> None:
    before = snapshot(desk)
    for who, chat in outsiders(desk).items():
        chat.press(data)
        assert snapshot(desk) == before, f"{data} by {who} changed the case"
        assert chat.callback_answers[-1], f"{data} by {who} got no callback answer"


@pytest.mark.parametrize("data", YOUTH_BUTTONS)
def test_another_young_persons_buttons_cannot_touch_the_case(desk: CaseDesk, data: str) -> None:
    before = snapshot(desk)
    stranger = desk.youth("aarhus")
    sent = stranger.press(data)
    after = snapshot(desk)
    if data == "cy:go":
        # Asking for help opens the stranger's own case (#2); case #1 stays as it was.
        assert after == before
        return
    assert after == before, f"{data} from another chat changed case #1"
    assert not [s for s in sent if s.chat_id == desk.owner.chat_id]


def test_team_command_needs_a_caseworker(desk: Desk) -> None:
    partner = desk.staff("Partner", role="partner", municipality=None, provider="Boligselskab A")
    group = desk.chat(-100999, chat_type="group", user_id=partner.user_id)
    group.command("team")
    stranger_group = desk.chat(-100998, chat_type="group", user_id=123456)
    stranger_group.command("team")
    from bot.cases.models import MunicipalityTeam

    with session_scope(desk.engine) as session:
        chats = {t.team_chat_id for t in session.exec(select(MunicipalityTeam)).all()}
    assert -100999 not in chats and -100998 not in chats


def _listings(desk: Desk) -> dict[str, tuple[str, str]]:
    from bot.listings.models import Listing

    with session_scope(desk.engine) as session:
        return {row.provider_ref: (row.status, row.expires_on.isoformat())
                for row in session.exec(select(Listing)).all()}


def test_partners_change_only_their_own_listings_and_youth_cannot_publish(engine, make_app) -> None:
    from bot.listings.csv_import import read_listings
    from bot.listings.models import Listing
    from bot.listings.publish import publish
    from bot.replies import Incoming
    from tests.test_listings_csv import csv_bytes, row

    desk = Desk(make_app(engine))
    today = desk.app.deps.clock().date()
    with session_scope(desk.engine) as session:
        report = read_listings(csv_bytes([row(reference="A-1")]), provider="Boligselskab A", today=today)
        publish(session, report.listings, now=desk.app.deps.clock())
        listing_id = session.exec(select(Listing.id)).one()
    before = _listings(desk)
    other_partner = desk.staff("Partner B", role="partner", municipality=None, provider="Boligselskab B")
    caseworker = desk.staff("Medarbejder", municipality="aarhus")
    youth = desk.youth("aarhus")
    for who in (other_partner, caseworker, youth):
        for data in (f"lm:x:{listing_id}", f"lm:w:{listing_id}", f"lm:W:{listing_id}"):
            who.press(data)
            assert _listings(desk) == before, (who.user_id, data)
    upload = csv_bytes([row(reference="Y-1")])
    youth.send(Incoming("telegram", youth.chat_id, youth.chat_id, "document", update_id=6_000_001,
                        document_name="boliger.csv", document_bytes=upload))
    assert _listings(desk) == before
