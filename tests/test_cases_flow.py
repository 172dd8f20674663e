"""The young person's side: safety first, a case that exists before any question, kind skippable questions."""

from __future__ import annotations

import datetime as dt

from bot.replies import Incoming
from tests.cases_support import (
    EMERGENCY_TEXT,
    URGENT_TEXT,
    Desk,
    button_data,
    case,
    cases,
    outbox,
    to,
    transcript,
)


def test_urgent_message_shows_safety_first_then_offers_a_caseworker(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    youth = desk.youth("aarhus")
    sent = to(youth.say(URGENT_TEXT), youth)
    assert "112" in sent[0].text and "help tonight" in sent[0].text
    assert "Aarhus" in sent[0].text
    assert "cy:go" in button_data(sent[1:]) and "cy:no" in button_data(sent[1:])
    assert cases(engine) == []  # nothing is created before the person says yes


def test_accepting_creates_the_case_first_and_posts_a_card(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    group = desk.team(mette)
    youth = desk.youth("aarhus")
    youth.say(URGENT_TEXT)
    sent = youth.press("cy:go")
    found = case(engine)
    assert found.status == "open" and found.municipality == "aarhus" and found.urgency == "urgent"
    assert "nowhere_to_sleep" in found.reasons
    card = to(sent, group)
    assert len(card) == 1 and "Sag #1" in card[0].text  # the team reads Danish
    assert button_data(card) == ["cs:claim:1", "cs:reply:1", "cs:close:1"]
    mine = to(sent, youth)
    # What happens next comes before the first question, so it is read even if the person stops there.
    assert "case (number 1)" in mine[0].text and "as soon as one of them takes it" in mine[0].text
    # First, in plain words: may the caseworkers read what the person writes?
    assert "May the caseworkers read what you write" in mine[1].text
    assert button_data(mine[1:2]) == ["cy:words:1:yes", "cy:words:1:no"]
    sent = youth.press("cy:words:1:yes")
    assert "How old are you?" in to(sent, youth)[-1].text and "cy:skip:1:age" in button_data(to(sent, youth))
    # The words that opened the case are on it now, and on the card.
    assert [m.text for m in transcript(engine)] == [URGENT_TEXT]
    assert URGENT_TEXT in to(sent, group)[-1].text


def test_emergency_creates_the_case_at_once_with_112_first(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus")
    sent = youth.say(EMERGENCY_TEXT)
    mine = to(sent, youth)
    assert mine[0].text.startswith("If you are in danger right now, call 112.")
    assert "70 20 12 01" in mine[0].text  # Livslinien
    assert "cy:go" not in button_data(mine)
    assert case(engine).urgency == "emergency"
    card = to(sent, group)[0].text
    assert "🔴" in card and "NØDSITUATION" in card and "tanker om selvmord eller selvskade" in card
    assert "suicide_or_self_harm" not in card, "no raw reason codes on the card"


def test_a_person_who_stops_answering_still_has_a_case(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    youth = desk.youth("aarhus")
    youth.say(URGENT_TEXT)
    youth.press("cy:go")
    # No more answers: the case is there, open, with what triage found.
    [found] = cases(engine)
    assert found.status == "open" and found.age_band is None and found.reasons


def test_answers_raise_the_priority_and_update_one_card_in_place(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus")
    youth.say("I have been kicked out and have to leave soon")
    youth.press("cy:go")
    before = case(engine).priority
    sent = youth.press("cy:age:1:under_18")
    assert "116 111" in " ".join(s.text for s in to(sent, youth))  # BørneTelefonen for under 18s
    sent += youth.press("cy:tn:1:outside")
    after = case(engine)
    assert after.age_band == "under_18" and after.tonight == "outside"
    assert {"under_18", "sleeps_outside"} <= set(after.all_reasons())
    assert after.priority > before
    assert "thrown_out" in after.all_reasons()
    edits = to(sent, group)
    assert edits and all(e.kind == "edit" for e in edits)
    assert "i nat: intet sted / ude" in edits[-1].text and "under 18" in edits[-1].text
    assert "sover ude" not in edits[-1].text, "the answer is not repeated as a reason"
    cards_sent = [s for s in desk.sender.sent if s.chat_id == group.chat_id and s.kind == "send" and "Sag #" in s.text]
    assert len(cards_sent) == 1


def test_consent_shares_name_and_phone_and_without_it_the_card_is_anonymous(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    anna, jonas = desk.youth("aarhus"), desk.youth("aarhus")
    for youth in (anna, jonas):
        youth.say(URGENT_TEXT)
        youth.press("cy:go")
        number = cases(engine)[-1].id
        youth.press(f"cy:skip:{number}:words")
        youth.press(f"cy:skip:{number}:age")
        youth.press(f"cy:skip:{number}:tonight")
    consent = [s for s in desk.sender.sent if s.reply.request_contact]
    assert len(consent) == 2
    # Anna stays anonymous; Jonas shares his contact with Telegram's contact button.
    sent = anna.press("cy:anon:1") + jonas.send(jonas._incoming("contact", first_name="Jonas",
                                                                  contact_phone="+4512345678"))
    assert case(engine, 1).first_name is None and not case(engine, 1).consent
    assert case(engine, 2).first_name == "Jonas" and case(engine, 2).phone == "+4512345678"
    assert any(s.reply.remove_keyboard for s in to(sent, jonas))
    team_texts = " ".join(s.text for s in desk.sender.sent if s.chat_id == group.chat_id)
    assert "Jonas, +4512345678" in team_texts and "Kontakt: anonym" in team_texts


def test_municipality_is_asked_when_unknown_and_then_routes_the_case(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    youth = desk.youth(None)
    sent = youth.say(URGENT_TEXT) + youth.press("cy:go") + youth.press("cy:words:1:no")
    assert case(engine).municipality is None
    assert "cy:mun:1:aarhus" in button_data(to(sent, youth))
    sent = youth.say("I'm in Aarhus")  # typed instead of pressed
    assert case(engine).municipality == "aarhus"
    assert any("Sag #1" in s.text for s in to(sent, group))
    assert any("Aarhus Municipality" in s.text for s in to(sent, youth))
    assert "How old are you?" in to(sent, youth)[-1].text


def test_typed_answers_are_read_and_other_text_is_kept_for_the_caseworker(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    youth.say("ja")  # may the caseworkers read it: yes, typed
    assert case(engine).words_consent is True
    youth.say("I am 17")
    assert case(engine).age_band == "under_18"
    sent = youth.say("my dad said I can't come back")
    assert "put your message on your case" in to(sent, youth)[0].text
    assert "Where will you sleep tonight?" in to(sent, youth)[-1].text  # the same question again
    assert [m.text for m in transcript(engine)] == [URGENT_TEXT, "my dad said I can't come back"]


def test_without_consent_the_words_are_not_kept_and_the_card_says_so(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    sent = youth.press("cy:words:1:no")
    youth.say("my dad said I can't come back")
    assert case(engine).words_consent is False and transcript(engine) == []
    card = [s for s in desk.sender.sent if s.chat_id == group.chat_id][-1].text
    assert "ikke sagt ja til, at deres egne ord gemmes" in card and URGENT_TEXT not in card
    assert "How old are you?" in to(sent, youth)[-1].text


def test_crisis_words_during_the_questions_show_the_numbers_and_raise_the_case(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    sent = youth.say(EMERGENCY_TEXT)
    assert to(sent, youth)[0].text.startswith("If you are in danger right now, call 112.")
    assert case(engine).urgency == "emergency"
    assert any("nu en NØDSITUATION" in s.text for s in to(sent, group))


def test_outside_office_hours_says_when_and_what_to_do_meanwhile(engine, make_app, clock) -> None:
    clock.now = dt.datetime(2026, 11, 27, 19, 0, tzinfo=dt.UTC)  # Friday 20:00 in Denmark
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus")
    sent = to(desk.open_case(youth), youth)
    next_steps = next(s.text for s in sent if "outside their office hours" in s.text)
    assert "Monday at 08:00" in next_steps
    assert "112" in next_steps and "70 20 12 01" in next_steps and "116 111" in next_steps
    assert "Emergency Outreach Team, Aarhus" in next_steps  # the municipality's own night help


def test_no_caseworker_connected_is_said_honestly(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    youth = desk.youth("randers")
    sent = to(desk.open_case(youth), youth)
    assert any("no caseworker from Randers Municipality is connected" in s.text for s in sent)
    assert case(engine).status == "open"  # still in the queue for whoever joins


def test_an_update_delivered_twice_creates_one_case_and_one_reply(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.team(desk.staff("Mette"))
    youth = desk.youth("aarhus")
    message = Incoming("telegram", youth.chat_id, youth.chat_id, "text", update_id=987654, text=EMERGENCY_TEXT,
                       language_code="en")
    first = youth.send(message)
    rows = len(outbox(engine))
    again = youth.send(message)
    assert len(cases(engine)) == 1 and first and again == []
    assert len(outbox(engine)) == rows


def test_menu_buttons_show_safety_first(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    youth = desk.youth("aarhus")
    sent = to(youth.press("menu:urgent"), youth)
    assert "help tonight" in sent[0].text and "cy:go" in button_data(sent)
    other = desk.youth("aarhus")
    sent = to(other.press("menu:staff"), other)
    assert "help tonight" in sent[0].text
    assert "asked_for_caseworker" in cases(engine)[0].reasons  # asking for a person is accepting


def test_asking_again_with_an_open_case_does_not_open_another(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    youth.press("menu:staff")
    youth.say("I am being kicked out and have to leave tomorrow")
    assert len(cases(engine)) == 1


def test_forged_or_stale_buttons_change_nothing(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    youth, stranger = desk.youth("aarhus"), desk.youth("aarhus")
    desk.open_case(youth)
    before = case(engine)
    for data in ("cy:age:1:under_18", "cy:tn:1:outside", "cy:anon:1", "cy:mun:1:randers", "cy:stop:1"):
        stranger.press(data)  # someone else's case
    for data in ("cy:age:1:99", "cy:tn:1:palace", "cy:mun:1:oslo", "cy:age:x:under_18", "cy:age:999:under_18",
                 "cy:fu:1:no", "cy"):
        youth.press(data)
    after = case(engine)
    assert (after.age_band, after.tonight, after.municipality, after.relay, after.status) == (
        before.age_band, before.tonight, before.municipality, before.relay, before.status)
    assert "no longer works" in (stranger.callback_answers[-1] or "")


def test_someone_elses_contact_is_not_consent(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    youth.press("cy:skip:1:age")
    youth.press("cy:skip:1:tonight")
    # The Telegram front end passes no number for a forwarded contact card that is not the person's own.
    sent = youth.send(youth._incoming("contact", first_name=None, contact_phone=None))
    assert "not your own number" in to(sent, youth)[0].text
    assert not case(engine).consent and case(engine).phone is None


def test_a_changed_answer_replaces_its_reason_but_keeps_what_triage_found(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    youth = desk.youth("aarhus")
    desk.open_case(youth, "I got kicked out and can't go home")
    youth.press("cy:tn:1:outside")
    raised = case(engine).priority
    youth.press("cy:tn:1:friends")  # an older button pressed again: the newer answer counts
    reasons = case(engine).all_reasons()
    assert "couch_surfing_ending" in reasons and "sleeps_outside" not in reasons
    assert "thrown_out" in reasons and "unsafe_home" in reasons
    assert case(engine).priority < raised


def test_a_case_without_a_municipality_goes_to_its_route_not_to_every_team(engine, make_app) -> None:
    teams = {}
    desk = Desk(make_app(engine))
    for slug in ("aarhus", "roskilde", "randers"):
        teams[slug] = desk.team(desk.staff(f"Staff {slug}", municipality=slug))
    boss = desk.staff("Admin", role="admin", municipality=None)
    youth = desk.youth(None)
    sent = desk.open_case(youth)
    assert not any(to(sent, group) for group in teams.values()), "no team sees a case that is not theirs"
    assert any("Case #1" in s.text for s in to(sent, boss)), "the admins do (no route is configured)"


def test_the_route_for_cases_without_a_municipality_is_a_setting(engine, make_app) -> None:
    desk = Desk(make_app(engine, unrouted_chat_id=-100_999))
    aarhus = desk.team(desk.staff("Mette"))
    youth = desk.youth(None)
    sent = desk.open_case(youth)
    assert any("Sag #1" in s.text for s in sent if s.chat_id == -100_999)
    assert not to(sent, aarhus)
    # The coordinators' chat counts as a team chat: staff can take the case from there.
    coordinators = desk.chat(-100_999, chat_type="group", user_id=desk.staff("Ole").user_id)
    coordinators.press("cs:claim:1")
    assert case(engine).status == "claimed"


def test_a_crisis_that_names_its_municipality_goes_straight_to_that_team(engine, make_app) -> None:
    # Asked "which municipality?" after the case opened instead, the case waited where no local caseworker saw it.
    desk = Desk(make_app(engine))
    group = desk.team(desk.staff("Mette"))  # Aarhus's team
    youth = desk.youth(None)
    sent = youth.say("my stepdad hit me again and I ran away. I'm at the train station in Aarhus and I don't know "
                     "where to go")
    if not cases(engine):  # urgent, not an emergency: offered first
        sent += youth.press("cy:go")
    found = case(engine)
    assert found.municipality == "aarhus"
    assert len(to(sent, group)) == 1  # the card reached Aarhus's team at once
    assert "Which municipality are you in?" not in " ".join(m.text for m in to(sent, youth))
