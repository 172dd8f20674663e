"""The knowledge base tells people which button to tap ("tap «Akut hjælp»"): the name must be the one they see.

An English reader's buttons say "Urgent help" and "Talk to a caseworker"; an English answer that says "tap «Akut
hjælp» (urgent help)" sends them looking for a button that is not there. Every "tap"/"tryk" in every text of every
topic and service is checked against the button labels of that language (the gettext catalogue: English msgids,
Danish msgstrs), so a curator's new text is checked too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from bot.answering import answer
from bot.replies import to_plain
from knowledge.loader import BUNDLED_ROOT

CATALOGUE = Path(__file__).resolve().parent.parent / "locales" / "da" / "LC_MESSAGES" / "husly.po"
# A button's label is short; longer catalogue strings are sentences.
LABEL_CHARS = 40
# "tap «X»", "tap on "X"", "tryk på «X»", "trykke «X»": the quoted name after a word for tapping.
_TAP = re.compile(r"\b(?:tap|tapping|press|tryk|trykke|trykker)(?:\s+(?:on|på))?\s+[«\"“]([^»\"”]+)[»\"”]", re.I)
# The emoji and spaces a label may start with ("🆘 Akut hjælp").
_DECORATION = re.compile(r"^[^\w]+")


def _labels() -> dict[str, set[str]]:
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    labels: dict[str, set[str]] = {"da": set(), "en": set()}
    for message in catalogue:
        if not isinstance(message.id, str) or not message.id or not isinstance(message.string, str):
            continue
        for lang, text in (("en", message.id), ("da", message.string)):
            if text and len(text) <= LABEL_CHARS and "{" not in text:
                labels[lang].add(_DECORATION.sub("", text).strip().casefold())
    return labels


LABELS = _labels()


def _texts(node: object, where: str) -> Iterator[tuple[str, str, str]]:
    """(where, lang, text) for every Danish/English text in a knowledge file's YAML."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("da", "en") and isinstance(value, str):
                yield where, key, value
            else:
                yield from _texts(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _texts(value, f"{where}/{i}")


def _taps() -> list[tuple[str, str, str]]:
    found = []
    for path in sorted(BUNDLED_ROOT.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, lang, text in _texts(data, path.stem):
            for match in _TAP.finditer(" ".join(text.split())):
                found.append((where, lang, match.group(1).strip()))
    return found


TAPS = _taps()


def _is_label(name: str, lang: str) -> bool:
    """The name a text quotes is a button's label, or the words it starts with ("Giv mig besked" for "Giv mig besked
    om nye"): a reader finds the button either way."""
    wanted = name.casefold()
    return any(label == wanted or label.startswith(wanted + " ") or label.startswith(wanted + ",")
               for label in LABELS[lang])


def test_the_knowledge_base_tells_people_to_tap_buttons() -> None:
    """The check below has something to check (it found the texts that name buttons in both languages)."""
    assert sum(lang == "en" for _, lang, _ in TAPS) >= 20
    assert sum(lang == "da" for _, lang, _ in TAPS) >= 20


@pytest.mark.parametrize(("lang", "name"), [("en", "Urgent help"), ("en", "Talk to a caseworker"),
                                            ("da", "Akut hjælp"), ("da", "Tal med en medarbejder"),
                                            ("en", "Find housing"), ("da", "Find bolig")])
def test_the_menu_labels_are_known(lang: str, name: str) -> None:
    assert _is_label(name, lang)


@pytest.mark.parametrize(("where", "lang", "name"), TAPS, ids=[f"{w}-{lang}-{n}" for w, lang, n in TAPS])
def test_every_button_a_text_names_is_one_the_reader_sees(where: str, lang: str, name: str) -> None:
    assert _is_label(name, lang), f"{where} ({lang}) tells the reader to tap «{name}»: no such button in {lang}"


# Any quoted name in a text: "tap «A» or «B»" names B without a word for tapping before it.
_QUOTED = re.compile(r"«([^»]+)»")


def _danish_names_in_english() -> list[tuple[str, str]]:
    found = []
    for path in sorted(BUNDLED_ROOT.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, lang, text in _texts(data, path.stem):
            for match in _QUOTED.finditer(" ".join(text.split())):
                name = match.group(1).strip()
                if lang == "en" and _is_label(name, "da") and not _is_label(name, "en"):
                    found.append((where, name))
    return found


def test_no_english_text_quotes_a_danish_button() -> None:
    assert _danish_names_in_english() == []


def test_an_english_reader_thrown_out_is_told_the_english_button(knowledge) -> None:
    kb, index = knowledge
    message = "my stepfather threw me out of the house this evening and I have no idea where to sleep"
    reply = answer(kb, index, message, lang="en", threshold=0.4, today=dt.date(2026, 12, 4))
    text = "\n".join(to_plain(part.html) for part in reply.replies)
    assert "Urgent help" in text or "Talk to a caseworker" in text
    assert "Akut hjælp" not in text and "Tal med en medarbejder" not in text
