"""What a room in student halls costs, how long the wait is and whether you must study: asked right after the answer
on kollegier ("hvad koster det?", "hvor længe er ventelisten", "and how much is the rent", "skal man være
studerende?"), each gets its own sourced answer.

On lead the knowledge base had no price or waiting time for kollegier: the follow-ups got the topic's detail, which
names neither, or the general answer again. "sådan" or "those" in a follow-up no longer chooses its question within
the topic (bot/followup.py): "hvad koster sådan en så" got the detail. Every number in these answers is named in
the title of the source it comes from, so a number nobody sourced cannot slip in.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import re

import pytest

from bot.answering import answer
from handlers.console import chat
from knowledge.loader import load
from knowledge.schema import FaqEntry
from tests.corpus import our_own

TODAY = dt.date(2026, 12, 7)
THRESHOLD = 0.4
OPENING = "hvordan faar man egentlig et kollegievaerelse"
# (follow-up, specific answer it gets, words of the sourced answer the reply must show)
FOLLOW_UPS = (
    ("hvad koster sådan en så", "husleje", ("3.100 kr.", "BL", "depositum", "boligstøtte")),
    ("venteliste, hvor lang er den egentlig", "ventetid", ("1½ år", "ungdomsboligaarhus.dk", "danmarkbolig.dk")),
    ("and wats the rent for those per mnth?", "husleje", ("3,100 kr", "deposit", "housing benefit")),
    ("skal man vær studerende?", "skal-man-studere", ("SU", "3 måneder", "kommunen")),
    ("og hvor længe venter man typisk", "ventetid", ("1½ år",)),
    ("og ventetiden på dem?", "ventetid", ("2-4 års",)),
    # A chat spelling of "skulle" ("sku") weighed like a rare topic word: the topic's detail came instead.
    ("og hvor lang tid sku man så vente på det", "ventetid", ("1½ år",)),
)
NEW_FAQS = ("husleje", "ventetid", "skal-man-studere")
# The specific answers with figures: the new ones, and youth housing's answers on rent and waiting, which now give
# the same sourced figures.
WITH_FIGURES = (*(("kollegium", f) for f in NEW_FAQS), ("ungdomsbolig", "husleje"), ("ungdomsbolig", "ventetid"))
YOUTH_OPENING = "ungdomsbolig til mig, hvordan gør ma det"
# Numbers: 3.100 or 3,100, 1½, and single numbers of a range such as 2-4.
_NUMBER = re.compile(r"\d+(?:[.,]\d{3})*½?")

test_the_messages_are_our_own = our_own([OPENING, YOUTH_OPENING], [m for m, _, _ in FOLLOW_UPS])


def transcript(app, *lines: str) -> list[str]:
    """The bot's whole replies in the terminal chat, in order."""
    out = io.StringIO()
    asyncio.run(chat(app, stdin=io.StringIO("".join(line + "\n" for line in lines)), out=out, lang="da"))
    return out.getvalue().split("Husly: ")[1:]


@pytest.mark.parametrize(("follow_up", "faq_id", "shown"), FOLLOW_UPS)
def test_a_follow_up_after_the_halls_answer_gets_the_sourced_answer(sqlite_engine, make_app, follow_up: str,
                                                                    faq_id: str, shown: tuple[str, ...]) -> None:
    said = transcript(make_app(sqlite_engine), OPENING, follow_up, "/quit")
    last = " ".join(said[-1].split())
    entry = _faq("kollegium", faq_id)
    assert last.startswith(("Bo på kollegium", "Student halls")), last[:80]
    assert entry.q.da in last or entry.q.en in last, last[:200]
    assert all(word in last for word in shown), (shown, last)
    assert "Kilde:" in last or "Source:" in last


@pytest.mark.parametrize(("follow_up", "faq_id", "shown"), FOLLOW_UPS)
def test_the_engine_reads_the_follow_up_within_the_halls_topic(knowledge, follow_up: str, faq_id: str,
                                                               shown: tuple[str, ...]) -> None:
    kb, index = knowledge
    found = answer(kb, index, follow_up, today=TODAY, threshold=THRESHOLD, previous_topic="kollegium")
    assert (found.kind, found.topic, found.faq) == ("answer", "kollegium", faq_id), (found.kind, found.topic,
                                                                                    found.faq)


@pytest.mark.parametrize("faq_id", NEW_FAQS)
def test_each_new_answer_carries_its_sources_and_review_date(faq_id: str) -> None:
    topic = load().topics["kollegium"]
    entry = _faq("kollegium", faq_id)
    assert len(entry.sources) >= 2 and all(s.url is not None for s in entry.sources)
    assert topic.last_reviewed >= dt.date(2026, 12, 7)
    assert faq_id in topic.notes or faq_id.replace("-", " ") in topic.notes


def test_after_the_youth_housing_answer_the_rent_has_the_sourced_figure(sqlite_engine, make_app) -> None:
    said = transcript(make_app(sqlite_engine), YOUTH_OPENING, "hvad koster sådan en så", "/quit")
    last = " ".join(said[-1].split())
    assert last.startswith("Bolig for unge (ungdomsbolig)"), last[:80]
    assert "3.100 kr." in last and "2021" in last and "bl.dk" in last, last


@pytest.mark.parametrize(("topic_id", "faq_id"), WITH_FIGURES)
def test_every_number_in_the_answer_is_named_by_its_source(topic_id: str, faq_id: str) -> None:
    entry = _faq(topic_id, faq_id)
    titles = " ".join(_normal(s.title) for s in entry.sources)
    for text in (entry.a.da, entry.a.en):
        numbers = {_normal(n) for n in _NUMBER.findall(text)}
        assert numbers, "a price or waiting-time answer without any figure or limit"
        unsourced = {n for n in numbers if not re.search(rf"(?<![\d.]){re.escape(n)}(?![\d])", titles)}
        assert not unsourced, (unsourced, text)


def test_the_price_answer_gives_the_year_and_where_the_figure_is_from() -> None:
    entry = _faq("kollegium", "husleje")
    assert "2021" in entry.a.da and "København" in entry.a.da
    assert any("bl.dk" in str(s.url) for s in entry.sources)
    assert any("borger.dk" in str(s.url) for s in entry.sources), "boligstøtte is sourced from borger.dk"


def _faq(topic_id: str, faq_id: str) -> FaqEntry:
    found = [e for e in load().topics[topic_id].faq if e.id == faq_id]
    assert found, f"{topic_id} has no specific answer {faq_id!r}"
    return found[0]


def _normal(text: str) -> str:
    """3,100 and 3.100 are the same figure."""
    return re.sub(r"(?<=\d),(?=\d{3})", ".", text)
