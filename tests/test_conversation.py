"""The conversation core as a young person meets it: menu, answers, safety first, bad input."""

from __future__ import annotations

import dataclasses

import pytest
from sqlmodel import Session, select

from bot.models import Feedback, Profile, QueryStat
from bot.replies import Incoming
from tests.support import Chat, texts


@pytest.fixture
def chat(sqlite_engine, make_app) -> Chat:
    return Chat(make_app(sqlite_engine))


def test_start_greets_shows_menu_and_privacy_notice(chat: Chat) -> None:
    sent = chat.command("start")
    assert "Hej, jeg er Husly" in sent[0].text
    assert "ring 112" in sent[0].text
    labels = [b.text for b in sent[0].buttons]
    assert any("Find bolig" in label for label in labels)
    assert any("Akut hjælp" in label for label in labels)
    assert "/slet" in texts(sent)


def test_question_gets_curated_answer_with_source_and_check_date(chat: Chat) -> None:
    chat.command("start")
    sent = chat.say("hvordan søger jeg boligstøtte")
    assert len(sent) == 1
    assert "Kilde:" in sent[0].text and "Tjekket" in sent[0].text
    # 👍/👎 carry the topic, the vote and a token for the curator queue: fb:<topic>:<1|0>:<token>
    datas = [":".join((b.data or "").split(":")[:3]) for b in sent[0].buttons]
    assert "fb:boligstoette:1" in datas and "fb:boligstoette:0" in datas


def test_question_without_danish_letters_and_with_typos(chat: Chat) -> None:
    chat.command("start")
    sent = chat.say("kan man faa boligstotte til et vaerelse")
    assert "fb:boligstoette:1" in [":".join((b.data or "").split(":")[:3]) for b in sent[0].buttons]


def test_english_question_is_answered_in_english(chat: Chat) -> None:
    chat.command("start")
    sent = chat.say("how do i apply for housing benefit")
    assert "Source:" in sent[0].text


def test_gibberish_gets_not_sure_with_suggestions(chat: Chat) -> None:
    chat.command("start")
    sent = chat.say("xqzv plorf blubb")
    assert "ikke sikker" in sent[0].text


def test_crisis_message_gets_safety_numbers_first(chat: Chat) -> None:
    chat.command("start")
    sent = chat.say("jeg har lyst til at tage mit eget liv")
    first = sent[0].text
    assert first.index("112") < 80
    assert "70 20 12 01" in first  # Livslinien, from the services directory


def test_a_crisis_only_the_learned_model_sees_gets_112_and_the_crisis_line_first(chat: Chat) -> None:
    chat.command("start")
    sent = chat.say("sidder på taget og kigger ned")
    assert sent[0].text.index("112") < 60 and "Livslinien" in sent[0].text


@pytest.mark.parametrize("text", ["Hjælp!!", "SOS", "help me", "kan du hjælpe mig?", "can i talk to someone",
                                  "kan jeg snakke med en voksen?"])
def test_a_bare_call_for_help_gets_112_and_the_way_to_a_person(chat: Chat, text: str) -> None:
    chat.command("start")
    (reply,) = chat.say(text)
    assert "112" in reply.text.splitlines()[0]
    assert {b.data for b in reply.buttons} == {"menu:urgent", "menu:staff"}
    assert "ikke sikker" not in reply.text  # not "I'm not sure I understood"


def test_urgent_message_in_known_municipality_shows_local_help(chat: Chat) -> None:
    chat.command("start", "aarhus")
    sent = chat.say("jeg har ingen steder at sove i nat")
    assert "Aarhus" in sent[0].text
    assert any("medarbejder" in b.text.lower() for b in sent[0].buttons)


def test_municipality_is_remembered_from_a_deep_link_and_a_button(chat: Chat) -> None:
    chat.command("start", "roskilde")
    with Session(chat.app.engine) as session:
        assert session.exec(select(Profile)).one().municipality == "roskilde"
    chat.command("kommune")
    chat.press("mun:favrskov")
    with Session(chat.app.engine) as session:
        assert session.exec(select(Profile)).one().municipality == "favrskov"


def test_language_switch_changes_the_ui(chat: Chat) -> None:
    chat.command("start")
    chat.press("lang:en")
    sent = chat.command("start")
    assert "Hi, I'm Husly" in sent[0].text


def test_feedback_is_stored_without_the_person(chat: Chat) -> None:
    chat.command("start")
    chat.press("fb:boligstoette:0")
    assert chat.callback_answers[-1] and "Tak" in chat.callback_answers[-1]
    with Session(chat.app.engine) as session:
        row = session.exec(select(Feedback)).one()
    assert (row.topic, row.helpful) == ("boligstoette", False)
    assert not hasattr(row, "chat_id")


def test_statistics_hold_no_message_text(chat: Chat) -> None:
    chat.command("start")
    chat.say("hvordan søger jeg boligstøtte i randers")
    with Session(chat.app.engine) as session:
        stat = session.exec(select(QueryStat)).one()
    assert stat.topic == "boligstoette" and stat.municipality == "randers"
    assert "søger" not in str(stat.model_dump())


@pytest.mark.parametrize("data", ["t:does-not-exist", "fb:boligstoette:7", "mun:odense", "zz:anything",
                                  "menu:nothing", "lang:fr", "tk:boligstoette:odense", "more:"])
def test_forged_or_stale_buttons_get_a_polite_answer(chat: Chat, data: str) -> None:
    chat.command("start")
    sent = chat.press(data)
    assert sent == []
    assert "virker ikke længere" in (chat.callback_answers[-1] or "")


def test_non_text_gets_a_kind_message(chat: Chat) -> None:
    chat.command("start")
    sent = chat.send(Incoming("telegram", chat.chat_id, chat.chat_id, "unsupported", update_id=999_001))
    assert "kun læse tekst" in sent[0].text


def test_empty_and_unknown_command(chat: Chat) -> None:
    chat.command("start")
    assert "ingen tekst" in chat.say("   ")[0].text
    unknown = chat.command("<b>")[0]
    assert "kender ikke kommandoen" in unknown.text
    assert "&lt;b&gt;" in unknown.reply.html  # shown as typed, never as markup


def test_long_text_is_read_in_part_and_said_so(chat: Chat) -> None:
    chat.command("start")
    sent = chat.say("boligstøtte " * 1000)
    assert "lang besked" in sent[0].text
    assert len(sent) == 2


def test_group_messages_are_ignored_unless_a_staff_command(sqlite_engine, make_app) -> None:
    group = Chat(make_app(sqlite_engine), chat_id=-100123, chat_type="supergroup", user_id=77)
    assert group.say("hej alle sammen") == []
    assert group.command("start") == []


def test_flood_gets_one_notice_and_crisis_still_gets_through(sqlite_engine, make_app) -> None:
    chat = Chat(make_app(sqlite_engine, flood_limit_per_minute=3))
    for _ in range(3):
        chat.say("hej")
    notices = [chat.say("hej") for _ in range(4)]
    assert "meget hurtigt" in notices[0][0].text
    assert all(n == [] for n in notices[1:])
    assert "112" in chat.say("jeg har ingen steder at sove i nat")[0].text


def test_a_redelivered_update_is_answered_once(engine, make_app) -> None:
    chat = Chat(make_app(engine))
    update = Incoming("telegram", 5, 5, "text", update_id=31337, text="hvordan søger jeg boligstøtte")
    first = chat.send(update)
    again = chat.send(update)
    assert first and again == []


def test_state_lives_in_the_database_not_in_the_process(engine, make_app) -> None:
    one = Chat(make_app(engine), chat_id=9)
    one.command("start", "aarhus")
    one.press("lang:en")
    other_instance = Chat(make_app(engine), chat_id=9)
    sent = other_instance.say("jeg har ingen steder at sove i nat")
    assert "Aarhus" in sent[0].text
    assert "If you are in danger" not in sent[0].text or "tonight" in sent[0].text


def test_read_more_shows_the_detail_without_repeating_the_answer(chat: Chat) -> None:
    kb = chat.app.deps.kb
    topic = kb.topics["boligstoette"]
    assert topic.more is not None
    chat.command("start")
    sent = chat.press("more:boligstoette")
    assert topic.more.da[:60] in sent[0].text
    assert topic.answer.da[:60] not in sent[0].text
    assert "more:boligstoette" not in [b.data for b in sent[0].buttons]


def test_an_english_crisis_is_caught_even_when_the_profile_is_danish(chat: Chat) -> None:
    chat.command("start")
    sent = chat.say("I have nowhere to go")  # "I" counts as first person only in English
    assert "112" in sent[0].text
    # The safety answer, not the article about it (which would carry 👍/👎 buttons).
    assert not any(b.data and b.data.startswith("fb:") for message in sent for b in message.buttons)


def test_split_html_keeps_every_part_under_the_limit_and_loses_nothing() -> None:
    from bot.replies import TEXT_MAX, split_html, to_plain

    text = "\n".join(f"<b>Afsnit {n}</b> " + "ord " * 300 for n in range(20))
    parts = split_html(text)
    assert len(parts) > 1
    assert all(len(to_plain(p)) <= TEXT_MAX for p in parts)
    assert to_plain("\n".join(parts)).split() == to_plain(text).split()
    one_line = "x" * 9000
    assert [len(p) for p in split_html(one_line)] == [4096, 4096, 808]


def test_a_bug_in_a_handler_still_gets_a_kind_answer_with_112(sqlite_engine, make_app, caplog) -> None:
    app = make_app(sqlite_engine)

    def broken(ctx) -> None:
        raise RuntimeError(ctx.incoming.args)  # an exception message may quote the person

    app.core.router.commands["help"] = dataclasses.replace(app.core.router.commands["help"], handler=broken)
    chat = Chat(app)
    sent = chat.command("help", "Sofie 20 30 40 50")
    assert "gik noget galt" in sent[-1].text and "112" in sent[-1].text
    assert "RuntimeError" in caplog.text and "Sofie" not in caplog.text
    assert app.core.failures == 1, "the failure is counted (the fuzzers rely on it)"
