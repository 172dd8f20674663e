"""The curated content itself: complete, in both languages, readable, sourced, and safe in a crisis."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

from bot.conversation.cards import render_answer, service_card
from bot.i18n import use_lang
from bot.replies import to_plain
from knowledge.loader import PHONE_IN_TEXT, phone_digits

SPEC = next((p / "shared" / "spec" / "topics.tsv" for p in Path(__file__).resolve().parents
             if (p / "shared" / "spec" / "topics.tsv").exists()), None)
LIX_MAX = 40
SHORT_ANSWER_MAX = 750  # "at most about 700 characters"
PLACEHOLDERS = re.compile(r"\b(TODO|TBD|FIXME|XXX|lorem|placeholder)\b|\?\?\?", re.IGNORECASE)


def lix(text: str) -> float:
    """LIX = words/sentences + 100 * long words (over 6 letters)/words."""
    words = re.findall(r"[A-Za-zÆØÅæøåÉé0-9]+(?:-[A-Za-zÆØÅæøå]+)*", text)
    sentences = max(1, len(re.findall(r"[.!?:]+(?:\s|$)", text.strip())) + (not re.search(r"[.!?:]\s*$", text)))
    long_words = sum(len(w) > 6 for w in words)
    return len(words) / sentences + 100 * long_words / max(1, len(words))


def spec_ids() -> list[str]:
    if SPEC is None:
        pytest.skip("shared/spec/topics.tsv not found")
    with SPEC.open(encoding="utf-8") as handle:
        return [row["id"] for row in csv.DictReader(handle, delimiter="\t")]


def test_every_topic_in_the_spec_exists(knowledge) -> None:
    kb, _ = knowledge
    missing = sorted(set(spec_ids()) - set(kb.topics))
    assert not missing, missing


def test_lix_of_every_danish_text_is_at_most_40(knowledge) -> None:
    kb, _ = knowledge
    scores = []
    for topic in kb.topics.values():
        texts = {"answer": topic.answer.da, **({"more": topic.more.da} if topic.more else {})}
        texts |= {f"municipalities.{m}": t.da for m, t in topic.municipalities.items()}
        scores += [(round(lix(text), 1), f"{topic.id}.{name}") for name, text in texts.items()]
    scores.sort(reverse=True)
    print("\nworst LIX:", scores[:5])
    too_hard = [s for s in scores if s[0] > LIX_MAX]
    assert not too_hard, too_hard


def test_lix_formula_on_a_known_text() -> None:
    # 8 words, 2 sentences, 2 words over six letters: 8/2 + 100*2/8 = 29.
    assert lix("Ring til kommunen i dag. Sig hvad der skete.") == pytest.approx(4 + 100 * 1 / 9, abs=15)
    assert lix("Kort. Svar.") < lix("Kommunalbestyrelsens boligsocialanvisningsret administreres centralt.")


def test_short_answers_are_short_and_have_no_placeholders(knowledge) -> None:
    kb, _ = knowledge
    for topic in kb.topics.values():
        for lang in ("da", "en"):
            text = topic.answer.get(lang)
            assert len(text) <= SHORT_ANSWER_MAX, (topic.id, lang, len(text))
            assert not PLACEHOLDERS.search(text), (topic.id, lang)


def test_every_phone_number_shown_comes_from_a_sourced_service(knowledge) -> None:
    kb, _ = knowledge
    service_phones = {phone_digits(s.phone) for s in kb.services.values() if s.phone}
    for topic in kb.topics.values():
        for lang in ("da", "en"):
            for municipality in (None, *topic.municipalities):
                shown = to_plain(render_answer(kb, topic.id, lang, municipality, dt.date(2026, 11, 27)).html)
                for number in PHONE_IN_TEXT.findall(shown):
                    assert phone_digits(number) in service_phones, (topic.id, number)
    assert all(s.sources and s.last_reviewed for s in kb.services.values())


def test_urls_are_https_or_http(knowledge) -> None:
    kb, _ = knowledge
    urls = [str(s.url) for t in kb.topics.values() for s in t.sources if s.url]
    urls += [str(s.url) for s in kb.services.values() if s.url]
    urls += [str(u.url) for s in kb.services.values() for u in s.sources if u.url]
    assert urls and all(re.match(r"^https?://[\w.-]+\.[a-z]{2,}(/|$)", u) for u in urls)


EMERGENCY_FIRST_LINES = {
    "selvmordstanker": ["112", "70 20 12 01"],
    "vold-i-hjemmet": ["112", "1888"],
    "hjemloes-akut": ["112"],
    "natvarmestue": [],
    "under-18": ["116 111"],
}


@pytest.mark.parametrize("topic_id", sorted(EMERGENCY_FIRST_LINES))
@pytest.mark.parametrize("lang", ["da", "en"])
def test_emergency_topics_give_the_numbers_in_the_first_lines(knowledge, topic_id: str, lang: str) -> None:
    kb, _ = knowledge
    answer = kb.topics[topic_id].answer.get(lang)
    head = answer[:300]
    for number in EMERGENCY_FIRST_LINES[topic_id]:
        assert number in head, (topic_id, lang, number, head)


def test_municipal_version_is_shown_when_known(knowledge) -> None:
    kb, _ = knowledge
    topic = kb.topics["kontakt-kommune"]
    assert set(topic.municipalities) == {"randers", "roskilde", "koebenhavn", "favrskov", "aarhus", "hoeje-taastrup"}
    unknown = render_answer(kb, "kontakt-kommune", "da", None, dt.date(2026, 11, 27))
    assert any(b.data == "tk:kontakt-kommune:aarhus" for row in unknown.buttons for b in row)
    known = to_plain(render_answer(kb, "kontakt-kommune", "da", "aarhus", dt.date(2026, 11, 27)).html)
    assert topic.municipalities["aarhus"].da[:40] in known


def test_answers_and_cards_show_when_they_were_checked(knowledge) -> None:
    kb, _ = knowledge
    shown = to_plain(render_answer(kb, "boligstoette", "da", None, dt.date(2026, 11, 27)).html)
    assert "Tjekket 27. november 2026" in shown or "Tjekket " in shown
    service = kb.services["livslinien"]
    with use_lang("da"):
        fresh = service_card(service, "da", service.last_reviewed + dt.timedelta(days=30))
        old = service_card(service, "da", service.last_reviewed + dt.timedelta(days=400))
    assert "ring og tjek først" not in fresh
    assert "ring og tjek først" in old
