"""What the cases keep about a person: consented details only, and nothing left after erasure or expiry."""

from __future__ import annotations

import datetime as dt
import logging

from bot.cases import privacy
from bot.db import session_scope
from tests.cases_support import URGENT_TEXT, Desk, case, cases, to, transcript

SECRET = "my dad Lars Jensen hit me, call me on 20304050"


def full_case(desk: Desk):
    mette = desk.staff("Mette")
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    youth.press("cy:words:1:yes")
    youth.send(youth._incoming("contact", first_name="Sofie", contact_phone="+4520304050"))
    mette.command("claim", "1")
    youth.say(SECRET)
    mette.command("reply", "1 I'll call you now")
    return mette, youth


def test_export_has_the_cases_and_their_messages(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    _mette, youth = full_case(desk)
    with session_scope(engine) as session:
        data = privacy.export(session, "telegram", youth.chat_id)
    [exported] = data["cases"]
    assert exported["first_name"] == "Sofie" and exported["municipality"] == "aarhus"
    assert [m["text"] for m in exported["messages"]] == [URGENT_TEXT, SECRET, "I'll call you now"]


def test_erasure_closes_the_case_tells_the_caseworker_and_keeps_only_codes(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    mette, youth = full_case(desk)
    with session_scope(engine) as session:
        assert privacy.erase(session, "telegram", youth.chat_id, clock.now) == 1
    sent = youth.deliver()
    assert "deleted their data" in to(sent, mette)[0].text
    erased = case(engine)
    assert (erased.status, erased.chat_id, erased.first_name, erased.phone) == ("closed", 0, None, None)
    assert erased.municipality == "aarhus" and erased.reasons  # statistics survive, anonymously
    assert transcript(engine) == []
    assert mette.command("reply", "1 hello?")[-1].text.startswith("Case #1 is closed")


def test_expiry_anonymises_old_closed_cases_only(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    mette, _youth = full_case(desk)
    mette.press("cs:ok:1:housed")  # the violence made it an emergency: closing it is confirmed
    desk.open_case(desk.youth("aarhus"))
    with session_scope(engine) as session:
        assert privacy.expire(session, clock.now + dt.timedelta(days=181), clock.now + dt.timedelta(days=1)) == 1
    old, still_open = cases(engine)
    assert old.first_name is None and old.chat_id == 0 and transcript(engine, 1) == []
    assert still_open.chat_id != 0


def test_logs_carry_ids_never_texts_names_or_phones(engine, make_app, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    desk = Desk(make_app(engine))
    mette, _youth = full_case(desk)
    mette.press("cs:ok:1:housed")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "case 1" in logged
    for private in ("Lars", "20304050", "Sofie", "call you now"):
        assert private not in logged
