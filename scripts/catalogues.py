"""Extract UI strings and update the da/en catalogues (run with `make i18n`).

1. Extract every `_()` string from bot/ and handlers/ into locales/husly.pot (pybabel's extractor).
2. Update locales/<lang>/LC_MESSAGES/husly.po from it without fuzzy matching (a guessed translation is worse
   than a missing one: the catalogue test then names it).
3. Fill empty Danish entries from the drafts in locales/drafts/*.tsv (English msgid, TAB, Danish text). A draft
   never replaces a translation already in husly.po: once merged, the catalogue is where people edit it.
4. English: the msgids are English, so an empty English entry gets its msgid.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "locales"
POT = LOCALES / "husly.pot"


def extract() -> Catalog:
    CommandLineInterface().run([
        "pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), "-o", str(POT), "--no-location",
        "--sort-output", "-k", "N_", "--project", "husly", "--copyright-holder", "Husly",
        str(ROOT / "bot"), str(ROOT / "handlers"),
    ])
    with POT.open("rb") as handle:
        return read_po(handle)


def drafts() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted((LOCALES / "drafts").glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            msgid, sep, text = line.partition("\t")
            if not sep or not text.strip():
                print(f"{path.name}:{number}: expected 'msgid<TAB>Danish text'", file=sys.stderr)
                continue
            found[msgid.replace("\\n", "\n")] = text.replace("\\n", "\n")
    return found


def update(lang: str, template: Catalog, danish: dict[str, str], locales: Path = LOCALES) -> int:
    """Bring one language's catalogue up to the template; returns how many entries are still untranslated."""
    path = locales / lang / "LC_MESSAGES" / "husly.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
    else:
        catalog = Catalog(locale=lang, project="husly")
    # update() may adopt the template's message objects: give each language its own copy.
    catalog.update(copy.deepcopy(template), no_fuzzy_matching=True)
    catalog.obsolete.clear()
    missing = 0
    for message in catalog:
        if not message.id:
            continue
        if lang == "da" and not message.string and message.id in danish:
            message.string = danish[message.id]
        elif lang == "en" and not message.string:
            message.string = message.id
        message.flags.discard("fuzzy")
        missing += not message.string
    with path.open("wb") as handle:
        write_po(handle, catalog, width=120, omit_header=False, sort_output=True)
    return missing


def main() -> int:
    template = extract()
    danish = drafts()
    for lang in ("da", "en"):
        missing = update(lang, template, danish)
        print(f"{lang}: {len(template)} strings, {missing} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
