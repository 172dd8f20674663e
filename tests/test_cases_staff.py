"""The caseworker's side: invites, the team chat, the card's buttons, staff commands, and who may do what."""

from __future__ import annotations

import datetime as dt
import logging

from sqlmodel import select

from bot.db import session_scope
from bot.staff.models import Staff
from bot.staff.service import create_invite
from tests.cases_support import (
    EMERGENCY_TEXT,
    URGENT_TEXT,
    Desk,
    button_data,
    case,
    cases,
    events,
    staff_id,
    to,
    transcript,
)
from tests.support import Chat, texts


def test_an_invite_code_works_once_and_expires(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    with session_scope(engine) as session:
        code = create_invite(session, role="caseworker", municipality="roskilde", now=clock.now, days=1)
        old = create_invite(session, role="caseworker", municipality="roskilde", now=clock.now - dt.timedelta(days=2),
                            days=1)
    first, second, late = desk.chat(), desk.chat(), desk.chat()
    assert "Welcome" in first.command("start", code, first_name="Mette")[0].text
    assert "not valid" in second.command("start", code)[0].text
    assert "not valid" in late.command("start", old)[0].text
    with session_scope(engine) as session:
        [member] = session.exec(select(Staff)).all()
    assert (member.user_id, member.role, member.municipality, member.display_name) == (
        first.user_id, "caseworker", "roskilde", "Mette")


def test_staff_commands_from_anyone_else_are_refused_politely_and_logged(engine, make_app, caplog) -> None:
    desk = Desk(make_app(engine))
    desk.open_case(desk.youth("aarhus"))
    stranger = desk.youth("aarhus")
    caplog.set_level(logging.WARNING)
    for command, args in (("queue", ""), ("case", "1"), ("claim", "1"), ("reply", "1 secret words"),
                          ("close", "1 housed"), ("note", "1 secret words"), ("transfer", "1 randers")):
        sent = stranger.command(command, args)
        assert "only for caseworkers" in sent[-1].text
    stranger.press("cs:claim:1")
    assert "Only caseworkers" in (stranger.callback_answers[-1] or "")
    assert case(engine).status == "open" and transcript(engine) == []
    refusals = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert len(refusals) >= 8 and str(stranger.user_id) in refusals[0]
    assert not any("secret" in r.getMessage() for r in caplog.records)


def test_team_command_makes_the_group_the_team_chat(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    group = desk.team(mette)
    assert "teamchat for Aarhus" in desk.sender.sent[-1].text
    outsider = desk.chat(group.chat_id, chat_type="group", user_id=999_001)
    outsider.command("team")
    sent = desk.open_case(desk.youth("aarhus"))
    assert any("Sag #1" in s.text for s in to(sent, group))
    assert not to(sent, mette)  # with a team chat, no private cards


def test_without_a_team_chat_cards_go_to_each_caseworker_privately(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette, ole, randers = desk.staff("Mette"), desk.staff("Ole"), desk.staff("Rikke", municipality="randers")
    sent = desk.open_case(desk.youth("aarhus"))
    assert to(sent, mette) and to(sent, ole) and not to(sent, randers)


def test_claim_button_updates_the_card_and_tells_the_young_person(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    group = desk.team(mette)
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    youth.press("cy:words:1:no")  # not kept on the case, so never on the card in the team chat
    youth.say("my stepdad hits me")
    sent = desk.chat(group.chat_id, chat_type="group", user_id=mette.user_id).press("cs:claim:1")
    assert case(engine).claimed_by == staff_id(engine, mette)
    card = to(sent, group)
    assert card[0].kind == "edit" and "Taget af Mette" in card[0].text and "cs:claim:1" not in button_data(card)
    assert "A caseworker from Aarhus Municipality has your case" in to(sent, youth)[0].text
    briefing = to(sent, mette)[0].text
    assert "Du har sag #1" in briefing and "ikke sagt ja til, at deres egne ord gemmes" in briefing
    assert not any("stepdad" in s.text for s in desk.sender.sent if s.chat_id == group.chat_id)
    assert "Mette" not in " ".join(s.text for s in to(sent, youth))  # staff names are never shown


def test_other_municipalities_and_partners_cannot_act(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    desk.staff("Mette")
    rikke = desk.staff("Rikke", municipality="randers")
    partner = desk.staff("Bo", role="partner", provider="Boligselskab")
    desk.open_case(desk.youth("aarhus"))
    for who in (rikke, partner):
        for command, args in (("case", "1"), ("claim", "1"), ("reply", "1 hi"), ("close", "1 housed")):
            assert "Case #1 belongs to another municipality" in who.command(command, args)[-1].text or \
                "only for caseworkers" in who.command(command, args)[-1].text
        answer = who.command("queue")[-1].text
        assert "No open cases" in answer or "only for caseworkers" in answer
    assert case(engine).status == "open" and case(engine).claimed_by is None


def test_forged_staff_buttons_change_nothing(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    desk.open_case(desk.youth("aarhus"))
    answers = {}
    for data in ("cs:claim:abc", "cs:claim:999", "cs:out:1:evicted", "cs:out:1", "cs:nope:1", "cs:claim:",
                 "cs:out:999:housed"):
        mette.press(data)
        answers[data] = mette.callback_answers[-1] or ""
    assert case(engine).status == "open" and case(engine).claimed_by is None
    assert "There is no case #999" in answers["cs:claim:999"]
    assert "no longer works" in answers["cs:claim:abc"]


def test_unknown_case_and_closed_case_get_clear_answers(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    desk.open_case(desk.youth("aarhus"))
    assert "There is no case #42" in mette.command("case", "42")[-1].text
    assert "Write it like this" in mette.command("reply", "one two")[-1].text
    mette.command("claim", "1")
    mette.command("close", "1 housed")
    assert "Case #1 is closed. Write /genaabn 1" in mette.command("reply", "1 hello?")[-1].text
    assert "Case #1 is closed" in mette.command("close", "1 housed")[-1].text


def test_close_asks_for_an_outcome_and_tells_the_young_person(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    group = desk.team(mette)
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    in_group = desk.chat(group.chat_id, chat_type="group", user_id=mette.user_id)
    in_group.press("cs:claim:1")
    sent = in_group.press("cs:close:1")
    question = to(sent, mette)
    assert "How did case #1 end?" in question[0].text and "cs:out:1:housed" in button_data(question)
    sent = mette.press("cs:out:1:shelter")
    assert case(engine).status == "closed" and case(engine).outcome == "shelter"
    told = to(sent, youth)[0]
    assert "is closed now" in told.text and button_data([told]) == ["cy:again:1"]  # kindly, with a way back
    assert button_data(to(sent, group)) == ["cs:reopen:1"]  # the card keeps only "Genåbn"


def test_queue_lists_emergencies_first_then_raised_then_longest_waiting(engine, make_app, clock) -> None:
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    first = desk.youth("aarhus")
    desk.open_case(first)  # 1: urgent, oldest
    clock.advance(minutes=1)
    second = desk.youth("aarhus")
    desk.open_case(second)  # 2: urgent, under 18 and outside
    second.press("cy:age:2:under_18")
    second.press("cy:tn:2:outside")
    clock.advance(minutes=1)
    desk.open_case(desk.youth("aarhus"), EMERGENCY_TEXT)  # 3: emergency, newest
    lines = mette.command("queue")[-1].text.splitlines()[1:]
    assert [line.split(" · ")[0][-2:] for line in lines] == ["#3", "#2", "#1"]


def test_transfer_moves_the_case_to_the_other_municipality(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    group = desk.team(mette)
    rikke = desk.staff("Rikke", municipality="randers")
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    mette.command("claim", "1")
    sent = mette.command("transfer", "1 randers")
    moved = case(engine)
    assert (moved.municipality, moved.status, moved.claimed_by) == ("randers", "open", None)
    assert "sendt videre til Randers" in to(sent, group)[0].text and not button_data(to(sent, group))
    assert any("Case #1" in s.text for s in to(sent, rikke))
    assert "Randers Municipality" in to(sent, youth)[0].text
    assert "belongs to another municipality" in mette.command("claim", "1")[-1].text
    assert "You have case #1" in rikke.command("claim", "1")[-1].text


def test_case_in_a_group_is_sent_privately_and_views_are_audited(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    group = desk.team(mette)
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    youth.press("cy:words:1:yes")
    youth.say("I sleep at the station")
    in_group = desk.chat(group.chat_id, chat_type="group", user_id=mette.user_id)
    sent = in_group.command("case", "1")
    assert "privat chat" in to(sent, group)[0].text
    assert "I sleep at the station" in to(sent, mette)[0].text
    mette.command("note", "1 called the shelter")
    mette.command("claim", "1")
    log = [(e.action, e.actor, e.staff_id) for e in events(engine)]
    me = staff_id(engine, mette)
    assert ("viewed", "staff", me) in log and ("noted", "staff", me) in log and ("claimed", "staff", me) in log
    assert all(e.at is not None for e in events(engine))
    assert not any("called the shelter" in s.text for s in desk.sender.sent if s.chat_id == youth.chat_id)


def test_svar_button_turns_the_next_message_into_the_reply(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    group = desk.team(mette)
    youth = desk.youth("aarhus")
    desk.open_case(youth, EMERGENCY_TEXT)
    sent = desk.chat(group.chat_id, chat_type="group", user_id=mette.user_id).press("cs:reply:1")
    assert "Write your answer to case #1" in to(sent, mette)[0].text
    # Crisis words in a caseworker's answer are not mistaken for the caseworker's own crisis.
    sent = mette.say("If you want to kill yourself, call 112 now. I am here.")
    assert to(sent, youth)[-1].text.startswith("Caseworker from Aarhus Municipality: If you want to kill yourself")
    assert "Sent to case #1" in to(sent, mette)[-1].text
    assert case(engine).claimed_by == staff_id(engine, mette)  # answering took the case


def test_urgent_text_from_youth_in_a_group_is_ignored(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    group = desk.chat(-777, chat_type="group")
    assert group.say(URGENT_TEXT) == []


def _partner_joins(desk: Desk) -> tuple[Chat, str]:
    """A housing partner redeems an invite; returns their chat and the welcome text."""
    with session_scope(desk.engine) as session:
        code = create_invite(session, role="partner", municipality=None, provider="Boligforeningen Test",
                             now=desk.app.deps.clock())
    partner = desk.chat()
    return partner, texts(partner.command("start", code, first_name="Bo"))


def test_help_and_the_welcome_show_each_role_its_own_commands(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    caseworker = desk.staff("Mette")
    partner, welcome = _partner_joins(desk)
    youth = desk.youth("aarhus")

    def help_text(chat) -> str:
        return texts(to(chat.command("help"), chat))

    assert "/sager" in help_text(caseworker) and "/ny_bolig" not in help_text(caseworker)
    assert "/ny_bolig" in help_text(partner) and "/sager" not in help_text(partner)
    young = help_text(youth)
    assert "/sager" not in young and "/ny_bolig" not in young and "/slet" in young
    # The partner's welcome after redeeming the invite already names the listing commands.
    assert "/mine_boliger" in welcome and "/sager" not in welcome


def test_a_caseworker_writing_crisis_words_in_their_own_chat_opens_no_case(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    sent = to(mette.say("borgeren siger han vil tage sit liv, hvad gør jeg"), mette)
    assert "112" in sent[0].text  # the safety information is shown all the same
    # In the language of the message (Danish), whatever the caseworker's chat was set to.
    assert "blev ikke oprettet en sag" in texts(sent)
    assert cases(engine) == []


def test_staff_get_their_commands_in_their_own_chat_menu(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    partner, _welcome = _partner_joins(desk)

    caseworker_menu = dict(mette.sender.menus[mette.chat_id])
    partner_menu = dict(partner.sender.menus[partner.chat_id])
    assert {"sager", "tag", "svar", "luk", "start", "slet"} <= caseworker_menu.keys()
    assert "ny_bolig" not in caseworker_menu
    assert {"ny_bolig", "mine_boliger", "start"} <= partner_menu.keys() and "sager" not in partner_menu
    assert caseworker_menu["sager"] in ("open cases", "åbne sager")
    youth = desk.youth("aarhus")
    assert youth.chat_id not in youth.sender.menus  # young people keep the bot-wide menu
