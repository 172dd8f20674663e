"""Made-up listings so a fresh install has something to show (`husly listings demo`).

Clearly marked: provider "Husly DEMO", demo=True (shown as "DEMO" everywhere), areas but no addresses, no
phone numbers, and apply links to example.org. Demo listings never trigger alerts.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import delete
from sqlmodel import Session, col

from bot.listings.models import KINDS, Listing
from bot.listings.publish import ListingInput, PublishResult, publish
from bot.listings.search import local_day
from knowledge.schema import MUNICIPALITIES

PROVIDER = "Husly DEMO"
AREAS = {
    "randers": ("Randers C", "Randers NV", "Randers SV", "Vorup", "Kristrup"),
    "roskilde": ("Roskilde C", "Trekroner", "Himmelev", "Vindinge", "Svogerslev"),
    "koebenhavn": ("Nørrebro", "Amager", "Valby", "Bispebjerg", "Sydhavn", "Vanløse"),
    "favrskov": ("Hinnerup", "Hadsten", "Hammel", "Søften"),
    "aarhus": ("Aarhus C", "Aarhus N", "Viby J", "Brabrand", "Risskov", "Gellerup"),
    "hoeje-taastrup": ("Taastrup", "Hedehusene", "Høje-Taastrup C", "Fløng"),
}
# Size range in m² and rent range in kr. per type, within the 2,500-6,500 kr. the demo shows.
SHAPES = {
    "vaerelse": ((10, 18), (2500, 4000)), "lejlighed": ((30, 55), (4200, 6500)),
    "ungdomsbolig": ((25, 45), (3200, 5500)), "kollegievaerelse": ((12, 24), (2500, 4200)),
    "delebolig": ((12, 20), (2500, 4000)), "skaev-bolig": ((20, 35), (2500, 4000)),
    "midlertidig-bolig": ((12, 30), (2500, 4500)),
}


def demo_listings(count: int, now: dt.datetime, *, seed: int = 2026) -> list[ListingInput]:
    """``count`` fictional listings spread evenly over the six municipalities (the same ones every time)."""
    rng = random.Random(seed)
    today = local_day(now)
    items = []
    for i in range(count):
        municipality = MUNICIPALITIES[i % len(MUNICIPALITIES)]
        kind = KINDS[(i // len(MUNICIPALITIES)) % len(KINDS)]
        (size_low, size_high), (rent_low, rent_high) = SHAPES[kind]
        rent = rng.randrange(rent_low, rent_high + 1, 50)
        aconto = rng.choice((0, 0, 250, 300, 350, 400, 500))
        ref = f"demo-{i + 1:04d}"
        available = today + dt.timedelta(days=rng.randrange(0, 61, 7))
        items.append(ListingInput(
            provider=PROVIDER, provider_ref=ref, municipality=municipality,
            area=rng.choice(AREAS[municipality]), kind=kind, rooms=2 if kind == "lejlighed" and rng.random() < .4
            else 1, size_m2=rng.randint(size_low, size_high), rent=rent, aconto=min(aconto, 6500 - rent),
            deposit=rent * rng.choice((1, 2, 3)), prepaid_rent=rng.choice((0, 0, rent)),
            available_from=available,
            target_group=rng.choice(("youth", "youth", "students", "everyone")),
            apply_url=f"https://example.org/husly-demo/{ref}", apply_phone=None,
            description=None,
            # Shown for 30-60 days from the day it can be moved into: never gone before it is free.
            expires_on=available + dt.timedelta(days=rng.randint(30, 60)), demo=True,
        ))
    return items


def create_demo(session: Session, *, count: int, now: dt.datetime) -> PublishResult:
    """Create (or refresh) ``count`` demo listings; running it twice updates the same ones."""
    return publish(session, demo_listings(count, now), now=now, notify=False)


def remove_demo(session: Session) -> int:
    """Delete every demo listing; return how many."""
    result = session.exec(delete(Listing).where(col(Listing.demo)))
    return int(result.rowcount or 0)
