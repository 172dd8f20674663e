"""After /slet, the name, phone and words are gone from the caseworker's Telegram chat too, not only from the
database (bot/cases/privacy.py ``_blank_delivered_copies``).

Playing a night: Sofie shared her name and number and said her words may be read; Mette took the case and got the
briefing ("Contact: Sofie, +4512345678", her words) and her messages. Sofie pressed /slet. The outbox rows were
blanked and the team card edited, but Mette's chat still showed the briefing and the relayed words.
"""

from __future__ import annotations

from tests.cases_support import Desk, to

PHONE = "+4512345678"
WORDS = "my boyfriend threw me out and I have nowhere to sleep"


def test_erasing_edits_every_delivered_message_about_the_case_in_the_caseworkers_chat(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    desk.team(mette)
    youth = desk.youth("aarhus")
    desk.open_case(youth, WORDS)
    youth.press("cy:words:1:yes")
    youth.send(youth._incoming("contact", contact_phone=PHONE, first_name="Sofie"))
    mette.press("cs:claim:1")
    youth.say("I am at the station now")
    delivered = {s.message_id: s.text for s in desk.sender.sent if s.chat_id == mette.chat_id}
    private = {i for i, text in delivered.items() if PHONE in text or WORDS in text or "at the station" in text}
    assert len(private) >= 2  # the briefing and the relayed message
    asked = youth.command("slet")
    erased = youth.press_button(asked, "delete")
    latest = dict(delivered)
    latest.update({s.message_id: s.text for s in to(erased, mette) if s.kind == "edit"})
    for message_id in private:
        text = latest[message_id]
        assert PHONE not in text and "Sofie" not in text and WORDS not in text and "station" not in text
        assert "deleted their data" in text
