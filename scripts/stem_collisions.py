"""List the stems where a Danish and an English word of the knowledge base or the lexicon meet by accident.

Retrieval (knowledge/index.py) stems Danish words with the Danish stemmer and English words with the English one, into
one space of terms. Where a Danish and an English word that are not the same word stem alike ("hurtigt", fast, and
"hurt"; "renter", interest on a debt, and "rent"; "moster", an aunt, and "most"), the index keeps the stem apart per
language when the two words are used in different topics (knowledge/index.py: split_stems, SPLIT_OVERLAP). This prints
every stem where a Danish and an English word meet: the words, in how many topics each language has them and in how
many both, their overlap (cognates such as "familie" and "family" share their topics; false friends do not), and
whether the index splits it. A stem only the lexicon's stop words add ("and", "does") is never scored.

    .venv/bin/python scripts/stem_collisions.py
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from knowledge.index import Index, split_stems
from knowledge.lexicon import Lang, lexicon
from knowledge.loader import load
from knowledge.normalise import stem


def lexicon_words() -> dict[Lang, set[str]]:
    """The lexicon's words whose language is known: its function words, and the knowledge base's (Danish) words
    that its synonyms add."""
    known = lexicon()
    words: dict[Lang, set[str]] = {"da": set(known.function_words["da"]), "en": set(known.function_words["en"])}
    words["da"].update(w for added in known.synonyms.values() for w in added)
    return words


def main() -> None:
    kb = load()
    index = Index(kb)
    words = index.words_by_language(kb)
    for lang, extra in lexicon_words().items():
        words[lang] |= extra
    stems: dict[Lang, defaultdict[str, set[str]]] = {"da": defaultdict(set), "en": defaultdict(set)}
    for lang in ("da", "en"):
        for word in words[lang]:
            stems[lang][stem(word, lang)].add(word)
    collisions = sorted(split_stems(words["da"], words["en"]))
    topics = index.stem_topics(kb, set(collisions))
    print(f"{'stem':<20} {'split':<5} {'topics da/en/both':<17} {'overlap':<7} Danish words | English words")
    for s in collisions:
        da, en = topics["da"][s], topics["en"][s]
        split = "yes" if s in index._split else "no"
        overlap = len(da & en) / len(da | en) if da | en else 0.0
        print(f"{s:<20} {split:<5} {f'{len(da)}/{len(en)}/{len(da & en)}':<17} {overlap:<7.2f} "
              f"{', '.join(sorted(stems['da'][s]))} | {', '.join(sorted(stems['en'][s]))}")
    print(f"{len(collisions)} stems; the index splits {sum(s in index._split for s in collisions)}")


if __name__ == "__main__":
    main()
