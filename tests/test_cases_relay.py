"""The chat through the bot: the young person and the caseworker who has their case."""

from __future__ import annotations

from tests.cases_support import EMERGENCY_TEXT, Desk, case, events, to, transcript


def claimed_case(desk: Desk, *, words: bool = True):
    """A case claimed by Mette; ``words``: the young person said the caseworkers may read (keep) their words."""
    mette = desk.staff("Mette")
    group = desk.team(mette)
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    youth.press(f"cy:words:1:{'yes' if words else 'no'}")
    mette.command("claim", "1")
    return mette, group, youth


def test_messages_go_both_ways_labelled_and_escaped(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette, group, youth = claimed_case(desk)
    # (Not "at the station & cold": that reads as a night outside, so the case card is raised too.)
    sent = youth.say("I'm at the <b>library</b> & fine")
    [relayed] = to(sent, mette)
    assert "Case #1, the young person writes" in relayed.text and "I'm at the <b>library</b> & fine" in relayed.text
    assert "&lt;b&gt;library&lt;/b&gt; &amp; fine" in relayed.reply.html  # shown as text, not markup
    # No new message in the team chat (the card is edited in place) and no bot answer to the person.
    assert not [s for s in to(sent, group) if s.kind == "send"] and not to(sent, youth)
    sent = mette.command("reply", '1 Come to <a href="x">Grøndalsvej</a> at 16 & ask for me')
    [answer] = to(sent, youth)
    assert answer.text == 'Caseworker from Aarhus Municipality: Come to <a href="x">Grøndalsvej</a> at 16 & ask for me'
    assert "<a href" not in answer.reply.html and "&lt;a href=" in answer.reply.html
    assert [m.direction for m in transcript(engine)] == ["in", "in", "out"]  # the first words, this one, the answer


def test_without_consent_the_chat_works_but_the_words_are_not_kept(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette, _group, youth = claimed_case(desk, words=False)
    [relayed] = to(youth.say("I'm at the library"), mette)
    assert "I'm at the library" in relayed.text
    mette.command("reply", "1 Good, stay there")
    assert [m.direction for m in transcript(engine)] == ["out"]


def test_a_telegram_reply_to_the_relayed_message_is_the_answer(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette, _group, youth = claimed_case(desk)
    [relayed] = to(youth.say("are you there?"), mette)
    sent = mette.say("Yes, I'm here.", reply_to_message_id=relayed.message_id)
    assert to(sent, youth)[0].text == "Caseworker from Aarhus Municipality: Yes, I'm here."
    card = next(s for s in desk.sender.sent if s.chat_id == mette.chat_id and s.text.startswith("You have case #1"))
    sent = mette.say("And I can call you.", reply_to_message_id=card.message_id)
    assert to(sent, youth)[0].text.endswith("And I can call you.")


def test_the_young_persons_language_is_used_for_the_label(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    karin = desk.staff("Karin", municipality="koebenhavn")
    youth = desk.youth("koebenhavn", lang="da")
    youth.say("jeg har ingen steder at sove i nat")
    youth.press("cy:go")
    sent = karin.command("reply", "1 Hej")
    # The organisation's name in Danish, whatever the label's translation says.
    assert to(sent, youth)[-1].text.endswith("Københavns Kommune: Hej")


def test_stop_ends_the_chat_and_the_caseworker_is_told(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette, _group, youth = claimed_case(desk)
    sent = youth.command("stop")
    assert "The chat has ended" in to(sent, youth)[0].text
    assert "ended the chat in case #1" in to(sent, mette)[0].text
    sent = youth.say("how do I apply for housing benefit")
    assert not to(sent, mette)  # back to the normal bot
    assert "ended the chat" in mette.command("reply", "1 hello?")[-1].text
    assert case(engine).status == "claimed" and not case(engine).relay
    sent = youth.press("menu:staff")  # and back again
    assert "wants to talk again" in to(sent, mette)[0].text
    assert to(youth.say("hi again"), mette)
    assert ("relay_stopped", "youth") in [(e.action, e.actor) for e in events(engine)]


def test_stop_button_on_a_caseworker_message_ends_the_chat(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette, _group, youth = claimed_case(desk)
    answer = to(mette.command("reply", "1 Hi"), youth)
    youth.press_button(answer, "End the chat")
    assert not case(engine).relay


def test_crisis_in_a_relayed_message_still_shows_the_emergency_numbers(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette, group, youth = claimed_case(desk)
    sent = youth.say(EMERGENCY_TEXT)
    assert to(sent, youth)[0].text.startswith("If you are in danger right now, call 112.")
    relayed = [s for s in to(sent, mette) if "young person writes" in s.text][-1]
    assert "Emergency signs: thoughts of suicide or self-harm" in relayed.text and EMERGENCY_TEXT in relayed.text
    assert case(engine).urgency == "emergency"
    ping = next(s for s in to(sent, group) if s.kind == "send")
    assert "NØDSITUATION" in ping.text and EMERGENCY_TEXT in ping.text  # the young person said the team may read it


def test_without_consent_the_team_sees_the_emergency_but_not_the_words(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    _mette, group, youth = claimed_case(desk, words=False)
    sent = youth.say(EMERGENCY_TEXT)
    ping = next(s for s in to(sent, group) if s.kind == "send")
    assert "NØDSITUATION" in ping.text and EMERGENCY_TEXT not in ping.text


def test_before_a_caseworker_has_the_case_a_question_goes_to_the_case_and_gets_its_answer(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    mette = desk.staff("Mette")
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    for step in ("words", "age", "tonight"):
        youth.press(f"cy:skip:1:{step}")
    youth.press("cy:anon:1")
    sent = youth.say("how do I apply for housing benefit")
    mine = to(sent, youth)
    assert "put your message on your case (number 1)" in mine[0].text and "Nobody has taken" in mine[0].text
    assert any("Source" in s.text for s in mine[1:]), "a plain question still gets its curated answer"
    assert not [s for s in to(sent, mette) if "young person writes" in s.text]  # nobody has it: no private relay
    assert case(engine).last_youth_at is not None
