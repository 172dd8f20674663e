"""Write bot/data/triage_real_dev.tsv: the development parts of the real-message corpora (tests/data), which the
learned triage model trains on. Run after changing tests/data/real_messages*.tsv; a test checks the two agree.

The held-out parts never go in: they judge the model. Kept in the package (not read from tests/ at start), so an
installed bot learns exactly what was tested.
"""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = sorted((ROOT / "tests" / "data").glob("real_messages*.tsv"))
OUT = ROOT / "bot" / "data" / "triage_real_dev.tsv"
TRAINING_SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6")


def development_rows() -> list[dict[str, str]]:
    rows = []
    for path in CORPORA:
        with path.open(encoding="utf-8") as handle:
            rows += [{"id": row["id"], "urgency": row["urgency"], "source": row["source"], "text": row["text"]}
                     for row in csv.DictReader(handle, delimiter="\t") if row["split"] in TRAINING_SPLITS]
    return rows


def main() -> None:
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# The development parts of tests/data/real_messages*.tsv (real messages people wrote in public, "
                     "each with its source), for the learned triage model. Written by scripts/real_training.py.\n")
        writer = csv.DictWriter(handle, fieldnames=["id", "urgency", "source", "text"], delimiter="\t",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(development_rows())
    print(f"{OUT.relative_to(ROOT)}: {len(development_rows())} messages")


if __name__ == "__main__":
    main()
