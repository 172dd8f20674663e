"""The one line beside each choice, when a letter is about several things, says what that topic tells.

Crisis answers open with the danger line ("Er du i fare, så ring 112.") or a question to the reader ("Sover du på
skift hos venner ...?"). As the line beside "Smidt ud af mor, far, kæreste eller udlejer" a parent read only "If you
are in danger, call 112.", and beside couch surfing only a question back.

A full stop after a number or an abbreviation does not end the line: the kontanthjælp choice read "Siden 1." (its answer
opens "Siden 1. juli 2025 er der kun én ydelse") and the English temporary-housing choice "If you suddenly lose your
home, e.g.".
"""

from __future__ import annotations

import html
import re

import pytest

from bot.conversation.talk import choices_reply, one_line
from tests.support import Chat


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n\n") if line.startswith("•")]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_crisis_topics_line_says_what_to_do_not_only_112(knowledge, lang: str) -> None:
    kb, _index = knowledge
    reply = choices_reply(kb, ("smidt-ud", "sofasurfer", "udsaettelse"), lang)
    lines = _lines(html.unescape(reply.html))
    assert len(lines) == 3
    for line in lines:
        assert "112" not in line
    thrown_out, couch, eviction = lines
    assert ("kommune" in thrown_out) if lang == "da" else ("municipality" in thrown_out)
    # The question to the reader keeps the sentence that answers it.
    assert ("hjemløs" in couch) if lang == "da" else ("homeless" in couch)
    assert ("Kontakt kommunen i dag" in eviction) if lang == "da" else ("Contact the municipality today" in eviction)


def test_a_plain_first_sentence_is_still_the_line(knowledge) -> None:
    kb, _index = knowledge
    answer = kb.topics["boligstoette"].answer.get("da")
    assert one_line(answer) == answer.split(". ")[0] + "."


def test_a_long_answer_is_cut_at_a_word() -> None:
    line = one_line("Er du i fare, så ring 112. " + "Kommunen hjælper dig med at finde et sted at bo " * 5 + ".")
    assert line.endswith(" …") and len(line) <= 112 and "112" not in line


def test_only_a_danger_line_is_kept_rather_than_nothing() -> None:
    assert one_line("Er du i fare, så ring 112.") == "Er du i fare, så ring 112."


def test_parent_letter_about_a_thrown_out_couch_surfing_daughter_gets_lines_that_help(chat: Chat) -> None:
    chat.command("start")
    sent = chat.say("Hi, my daughter is 19 and has slept on friends' sofas for three months since her stepdad threw "
                    "her out. We live in Aarhus. She works at a bakery but finds nothing she can afford. What can "
                    "she do, and can the municipality help?")
    choices = [m for m in sent if "several things" in m.text]
    assert choices, "a letter about being thrown out and couch surfing gets choices"
    for line in _lines(choices[0].text):
        assert "112" not in line


CUT = " …"


def test_the_line_for_kontanthjaelp_says_what_changed_and_when(knowledge) -> None:
    kb, _ = knowledge
    reply = choices_reply(kb, ("huslejerestance", "kontanthjaelp", "udsaettelse"), "da")
    assert "Siden 1. juli 2025 er der kun én ydelse: kontanthjælp." in reply.html, reply.html


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_topics_line_ends_where_a_sentence_of_its_answer_ends(knowledge, lang: str) -> None:
    kb, _ = knowledge
    broken = []
    for tid, topic in sorted(kb.topics.items()):
        answer = " ".join(topic.answer.get(lang).split())
        line = one_line(answer)
        if line.endswith(CUT):
            continue
        rest = answer[answer.index(line) + len(line):]
        # The next sentence starts with a capital (or a number, or nothing follows).
        if rest and not re.match(r"\s+[A-ZÆØÅ0-9«\"(]", rest):
            broken.append((tid, line))
    assert not broken, broken


def test_sentences_go_on_after_ordinals_and_abbreviations_but_end_after_a_phone_number() -> None:
    assert one_line("Ring kl. 9 til kommunen. Så får du svar.") == "Ring kl. 9 til kommunen."
    assert one_line("Bor du fx. hos venner? Så er du hjemløs.") == "Bor du fx. hos venner? Så er du hjemløs."
    assert one_line("Er du i fare, så ring 112. Skal du ud i morgen? Ring til kommunen.") == (
        "Skal du ud i morgen? Ring til kommunen.")
    assert one_line("Ring til Lev Uden Vold på 1888. De kan hjælpe.") == "Ring til Lev Uden Vold på 1888."
