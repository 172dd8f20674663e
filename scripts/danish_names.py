"""Copy Faker's Danish first names and surnames into bot/curation/data/faker_da_names.yaml.

bot/curation/scrub.py reads the copy: importing Faker in the running bot took 13 MB of memory for three lists.
tests/test_curation.py fails when the copy and the installed Faker differ; then run this again:

    .venv/bin/python scripts/danish_names.py
"""

from __future__ import annotations

from pathlib import Path

import yaml
from faker import VERSION
from faker.providers.person.da_DK import Provider

TARGET = Path(__file__).resolve().parents[1] / "bot" / "curation" / "data" / "faker_da_names.yaml"


def lists() -> dict[str, list[str]]:
    """Faker's lists, in Faker's order, without repeats."""
    first = dict.fromkeys((*Provider.first_names_male, *Provider.first_names_female))
    return {"first_names": list(first), "surnames": list(dict.fromkeys(Provider.last_names))}


def main() -> None:
    header = (f"# Faker {VERSION}'s da_DK first names and surnames (faker.providers.person.da_DK; its lists follow\n"
              "# Danmarks Statistik's most common names). Written by scripts/danish_names.py: do not edit by hand\n"
              "# (our own additions are in names.yaml).\n")
    body = yaml.safe_dump(lists(), allow_unicode=True, default_flow_style=None, width=116, sort_keys=False)
    TARGET.write_text(header + body, encoding="utf-8")


if __name__ == "__main__":
    main()
