"""Specific answers inside topics (faq): the engine picks them for specific questions and the topic for general
ones, shows them with their sources, and "Læs mere" leads from one to the topic's other questions.

The generic tests run over every faq entry in the bundled knowledge base, so they also cover entries other
curators add later.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from bot.answering import answer
from bot.conversation.cards import other_questions, render_answer, render_faq
from bot.replies import CALLBACK_DATA_MAX_BYTES, to_plain, to_text
from bot.triage import Urgency
from handlers.console import chat
from knowledge.lexicon import Lang
from knowledge.loader import load

TODAY = dt.date(2026, 12, 4)
THRESHOLD = 0.4


def _bundled():
    return load()


BUNDLED = _bundled()
# A specific answer shown only by the engine (searchable: false) is not asked for in words.
FAQS = [(topic.id, entry.id) for topic in BUNDLED.topics.values() for entry in topic.faq if entry.searchable]
TOPICS_WITH_FAQ = [topic.id for topic in BUNDLED.topics.values() if topic.faq]


def test_the_bundled_knowledge_base_has_specific_answers() -> None:
    assert len(FAQS) >= 40
    assert all(entry.sources for topic in BUNDLED.topics.values() for entry in topic.faq)


@pytest.mark.parametrize(("topic_id", "faq_id"), FAQS)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_each_specific_question_gets_its_specific_answer(knowledge, topic_id: str, faq_id: str,
                                                         lang: Lang) -> None:
    kb, index = knowledge
    entry = next(e for e in kb.topics[topic_id].faq if e.id == faq_id)
    question = entry.q.get(lang)
    found = answer(kb, index, question, today=TODAY, threshold=THRESHOLD, lang=lang)
    if found.triage.urgency is not Urgency.NONE:
        pytest.skip(f"triage treats {question!r} as {found.triage.urgency.value}: the safety answer comes first")
    assert (found.topic, found.faq) == (topic_id, faq_id), (question, found.topic, found.faq, found.search.scores)
    assert found.confident
    shown = to_plain(found.reply.html)
    assert entry.a.get(lang)[:60] in shown
    assert kb.topics[topic_id].title.get(lang) in shown


@pytest.mark.parametrize("topic_id", TOPICS_WITH_FAQ)
def test_a_general_question_gets_the_topic_not_a_specific_answer(knowledge, topic_id: str) -> None:
    kb, index = knowledge
    topic = kb.topics[topic_id]
    question = topic.examples.da[0]
    found = answer(kb, index, question, today=TODAY, threshold=THRESHOLD, lang="da")
    assert (found.topic, found.faq) == (topic_id, None), (question, found.topic, found.faq)
    assert topic.answer.da[:60] in to_plain(found.reply.html)


@pytest.mark.parametrize(("question", "topic_id", "faq_id"), [
    # Written apart from the knowledge base: other words for the same specific questions.
    ("hvornår skal jeg begynde at betale mit su lån tilbage", "su", "su-laan"),
    ("hvor lang tid går der før man bliver slettet fra rki", "gaeld", "rki-slettet"),
    ("må jeg bare dukke op på psykiatrisk akutmodtagelse uden henvisning", "akut-psykiatri", "uden-henvisning"),
])
def test_other_wordings_of_a_specific_question_find_it(knowledge, question: str, topic_id: str,
                                                       faq_id: str) -> None:
    kb, index = knowledge
    found = answer(kb, index, question, today=TODAY, threshold=THRESHOLD)
    assert (found.topic, found.faq) == (topic_id, faq_id), (found.topic, found.faq)


def test_a_specific_answer_shows_title_question_sources_and_read_more(knowledge) -> None:
    kb, _ = knowledge
    topic = kb.topics["su"]
    entry = topic.faq[0]
    reply = render_faq(kb, "su", entry.id, "da", None, TODAY)
    text = to_plain(reply.html)
    assert text.startswith(topic.title.da)
    assert entry.q.da in text and entry.a.da[:80] in text
    assert "Kilde:" in text and entry.sources[0].title in text and "Tjekket" in text
    assert f'href="{entry.sources[0].url}"' in reply.html
    datas = [b.data for row in reply.buttons for b in row]
    assert datas[0] == f"fl:su:{entry.id}"
    assert next(b.text for row in reply.buttons for b in row) == "Læs mere"
    assert "fb:su:1" in datas


def test_read_more_under_a_specific_answer_lists_the_other_questions(knowledge) -> None:
    kb, _ = knowledge
    topic = kb.topics["gaeld"]
    shown = topic.faq[1]
    reply = other_questions(kb, "gaeld", shown.id, "en")
    buttons = [b for row in reply.buttons for b in row]
    assert [b.text for b in buttons[:-1]] == [e.q.en for e in topic.faq if e.id != shown.id]
    assert [b.data for b in buttons[:-1]] == [f"fq:gaeld:{e.id}" for e in topic.faq if e.id != shown.id]
    assert buttons[-1].data == "t:gaeld"


def test_the_general_answer_offers_read_more_which_lists_all_questions(knowledge) -> None:
    kb, _ = knowledge
    topic = kb.topics["dagpenge"]
    general = render_answer(kb, "dagpenge", "da", None, TODAY)
    assert ("Læs mere", "more:dagpenge") in [(b.text, b.data) for row in general.buttons for b in row]
    more = render_answer(kb, "dagpenge", "da", None, TODAY, more=True)
    datas = [b.data for row in more.buttons for b in row]
    assert [d for d in datas if d and d.startswith("fq:")] == [f"fq:dagpenge:{e.id}" for e in topic.faq]
    assert "Flere spørgsmål om det her:" in to_plain(more.html)


def test_every_specific_answer_button_fits_telegram(knowledge) -> None:
    kb, _ = knowledge
    for topic in kb.topics.values():
        for entry in topic.faq:
            for reply in (render_faq(kb, topic.id, entry.id, "da", None, TODAY),
                          other_questions(kb, topic.id, entry.id, "en")):
                assert all(len(b.data.encode()) <= CALLBACK_DATA_MAX_BYTES for row in reply.buttons for b in row
                           if b.data)


def test_crisis_beats_a_specific_answer(knowledge) -> None:
    kb, index = knowledge
    found = answer(kb, index, "jeg vil ikke leve mere og har gæld", today=TODAY, threshold=THRESHOLD)
    assert found.triage.urgency is not Urgency.NONE
    assert found.faq is None and "112" in to_plain(found.reply.html)


def test_text_screens_show_where_a_link_goes() -> None:
    html = 'Kilde: <a href="https://www.borger.dk/a?b=1&amp;c=2">borger.dk</a> og <a href="https://su.dk">https://su.dk</a>'
    assert to_text(html) == "Kilde: borger.dk (https://www.borger.dk/a?b=1&c=2) og https://su.dk"
    assert to_plain(html) == "Kilde: borger.dk og https://su.dk"  # Telegram's own text keeps the link hidden


async def test_the_console_prints_addresses_and_walks_through_read_more(make_app, sqlite_engine) -> None:
    app = make_app(sqlite_engine)
    kb = app.deps.kb
    topic = kb.topics["su"]
    first, second = topic.faq[0], topic.faq[1]
    out = io.StringIO()
    # Ask the first question, press "Læs mere" (button 1 under a specific answer), then the first listed
    # question, which is the topic's second one.
    await chat(app, stdin=io.StringIO(f"{first.q.da}\n1\n1\n/quit\n"), out=out)
    screen = out.getvalue()
    assert first.a.da[:60] in screen
    assert f"({first.sources[0].url})" in screen, "the console prints where the source link goes"
    assert "[1] Læs mere" in screen
    listed = screen.split("Flere spørgsmål om det her:")[1]
    assert f"[1] {second.q.da}" in listed
    assert second.a.da[:60] in listed


def test_kb_check_warns_about_past_amount_years_and_counts(capsys, tmp_path: Path) -> None:
    from handlers.cli import main
    from tests.test_kb_validator import SERVICE, TOPIC, write_kb

    faq = {"id": "sats", "q": {"da": "Hvor meget?", "en": "How much?"}, "a": {"da": "Det ved kommunen.",
           "en": "The municipality knows."}, "sources": [{"title": "Kilde", "url": "https://example.org/s"}],
           "amounts_year": 2020}
    root = write_kb(tmp_path / "kb", [{**TOPIC, "faq": [faq], "amounts_year": 2021}], [SERVICE])
    try:
        main(["kb", "check", "--path", str(root)])
    except SystemExit as exc:
        assert not exc.code
    out, err = capsys.readouterr()
    assert "warning: topic testemne faq sats: amounts are for 2020" in err
    assert "warning: topic testemne: amounts are for 2021" in err
    assert out.startswith("ok: 1 topics, 1 specific answers (faq), 1 services, mean LIX ")


def test_kb_dump_shows_each_topics_specific_answers(capsys) -> None:
    from handlers.cli import main

    main(["kb", "dump"])
    data = json.loads(capsys.readouterr().out)
    topics = {t["id"]: t for t in data["topics"]}
    faq = topics["su"]["faq"]
    assert faq and all(set(e) == {"id", "q", "a", "sources"} for e in faq)
    assert set(faq[0]["q"]) == set(faq[0]["a"]) == {"da", "en"}
    assert all(set(s) == {"title", "url"} and s["url"].startswith("https://") for e in faq for s in e["sources"])
    assert all(t["faq"] == [] for t in data["topics"] if not BUNDLED.topics[t["id"]].faq)


def test_ask_json_names_the_specific_answer(capsys) -> None:
    from handlers.cli import main

    main(["ask", "Hvor meget må jeg tjene ved siden af SU?", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert (data["topic"], data["faq"]) == ("su", "fribeloeb")
    assert "(https://www.su.dk/" in data["answer"]
    main(["ask", "hvad er su", "--json"])
    assert json.loads(capsys.readouterr().out)["faq"] is None


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
def test_read_more_through_telegram(framework: str, fake_telegram, tmp_path: Path, knowledge) -> None:
    from tests.telegram_harness import FRAMEWORKS, InProcessBot, callback_datas, plain, press, wait_sent

    assert framework in FRAMEWORKS
    tg, chat_id = fake_telegram, 4343
    kb, _ = knowledge
    topic = kb.topics["dagpenge"]
    first, second = topic.faq[0], topic.faq[1]
    with InProcessBot(tg, framework, tmp_path / "data", knowledge=knowledge) as bot:
        bot.send(tg.command(chat_id, "start"))
        wait_sent(tg, chat_id, 2)
        bot.wait_idle(1)

        mark = tg.mark()
        bot.send(tg.text_update(chat_id, first.q.da))
        (specific,) = wait_sent(tg, chat_id, 1, since=mark)
        assert first.a.da[:50] in plain(specific) and "Kilde:" in plain(specific)
        links = [e["url"] for e in specific.result.get("entities", []) if e["type"] == "text_link"]
        assert str(first.sources[0].url) in links, "Telegram keeps the source as a link"
        assert f"({first.sources[0].url})" not in plain(specific), "no bare address in Telegram"

        mark = tg.mark()
        bot.send(press(tg, specific, f"fl:dagpenge:{first.id}"))
        (listing,) = wait_sent(tg, chat_id, 1, since=mark)
        datas = callback_datas(listing)
        assert f"fq:dagpenge:{first.id}" not in datas
        assert f"fq:dagpenge:{second.id}" in datas and "t:dagpenge" in datas

        mark = tg.mark()
        bot.send(press(tg, listing, f"fq:dagpenge:{second.id}"))
        (other,) = wait_sent(tg, chat_id, 1, since=mark)
        assert second.a.da[:50] in plain(other)
        bot.wait_idle(2)
    assert fake_telegram.unanswered_callback_queries() == []
