"""`husly stats demo`: fill an empty database with a few weeks of made-up activity, so a newcomer sees a
report at once (`make report`).

Everything goes through the real core, as a chat would: young people write to ``Core.handle`` (questions,
housing searches, 👍/👎, crises and the case questions), caseworkers take, answer and close cases with their
commands, and the periodic jobs run (reminders, follow-ups, alerts), all on a clock that moves through the
days. Chats use the transport "demo" (nothing is ever delivered), listings are DEMO listings, and the
database is marked as a demo so the report says so in its title. A database with real activity is refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import itertools
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from bot.app import App
from bot.cases.models import Case
from bot.curation.models import CuratorItem
from bot.db import session_scope
from bot.jobs import run_due
from bot.listings import alerts
from bot.listings.demo import create_demo, demo_listings
from bot.listings.models import Listing
from bot.listings.publish import publish
from bot.models import Feedback, Outbox, Profile, QueryStat
from bot.replies import Incoming, IncomingKind
from bot.staff.models import Staff
from bot.stats.days import TZ
from bot.stats.models import DemoRun, ListingStat
from knowledge.schema import MUNICIPALITIES

TRANSPORT = "demo"
STAFF_FIRST_ID = 9_000_000
MAX_DAYS = 120
# How many young people write on a weekday; weekends are quieter.
PEOPLE_PER_DAY = (10, 22)
# Where they live (a fifth do not say), roughly by population.
WHERE = {"koebenhavn": 30, "aarhus": 22, "randers": 8, "roskilde": 7, "hoeje-taastrup": 5, "favrskov": 4, "": 24}

# Questions the knowledge base cannot answer well: what a curator would want to see. Some come often.
OFF_TOPIC = (
    ("kan jeg få hjælp til at tage kørekort", 6), ("må min hund bo med i en ungdomsbolig", 5),
    ("hvad koster en kolonihave", 3), ("kan jeg låne penge til en computer til skolen", 4),
    ("hvordan får jeg en praktikplads", 3), ("can i get help paying for a phone", 2),
    ("er det lovligt at bo i en campingvogn hele året", 3), ("hvem skal betale hvis vaskemaskinen går i stykker", 3),
    ("hej jeg hedder Sofie og mit nummer er 22 33 44 55 kan i ringe til mig om min gæld", 1),
    ("min mail er mads.demo@example.org kan i skrive hvad jeg skal gøre med sms lån", 1),
    ("hvad gør jeg med en bøde fra dsb", 2), ("kan man få fripas til fitness", 2),
)
CRISES_URGENT = ("min far har smidt mig ud og jeg har ingen steder at sove i nat", "jeg sover på gaden",
                 "jeg har ikke et sted at bo i aften", "vi bliver sat ud om en uge",
                 "I got kicked out and have nowhere to sleep tonight")
CRISES_EMERGENCY = ("min kæreste slår mig og jeg er bange", "jeg er 16 og min stedfar slår mig")
SEARCHES = ("værelse i {place} max {budget} kr", "lejlighed {place} under {budget}", "billig bolig {place} {budget} kr",
            "ungdomsbolig i {place} max {budget}")
PLACE_WORDS = {"koebenhavn": "kbh", "aarhus": "aarhus", "randers": "randers", "roskilde": "roskilde",
               "hoeje-taastrup": "høje-taastrup", "favrskov": "favrskov", "": "aarhus"}
OUTCOMES = {"housed": 15, "shelter": 30, "referred": 35, "no-contact": 10, "other": 10}


class NotEmpty(Exception):
    """The database already has activity; the demo never mixes made-up numbers into real ones."""


@dataclass
class DemoResult:
    days: int
    people: int = 0
    messages: int = 0
    cases: int = 0


@dataclass
class _Clock:
    now: dt.datetime

    def __call__(self) -> dt.datetime:
        return self.now


@dataclass(order=True)
class _Event:
    at: dt.datetime
    seq: int
    run: Callable[[], object] = field(compare=False)


def check_empty(session: Session) -> None:
    """Raise NotEmpty when anything but demo listings is in the database."""
    tables: list[tuple[str, Any]] = [("profiles", Profile), ("question statistics", QueryStat),
                                     ("feedback", Feedback), ("cases", Case), ("staff", Staff),
                                     ("curator queue", CuratorItem), ("housing statistics", ListingStat),
                                     ("earlier demo", DemoRun)]
    for name, table in tables:
        if session.exec(select(func.count()).select_from(table)).one():
            raise NotEmpty(f"the database already has {name}; the demo only fills an empty database")
    if session.exec(select(func.count()).select_from(Listing).where(~col(Listing.demo))).one():
        raise NotEmpty("the database already has real listings; the demo only fills an empty database")


class Demo:
    def __init__(self, app_factory: Callable[[Callable[[], dt.datetime]], App], *, days: int, seed: int,
                 now: dt.datetime) -> None:
        if not 1 <= days <= MAX_DAYS:
            raise ValueError(f"--days must be 1-{MAX_DAYS}")
        start_day = now.astimezone(TZ).date() - dt.timedelta(days=days)
        self.clock = _Clock(dt.datetime.combine(start_day, dt.time(7, 0), tzinfo=TZ).astimezone(dt.UTC))
        self.end = now
        self.app = app_factory(self.clock)
        self.rng = random.Random(seed)
        self.days, self.seed = days, seed
        self.events: list[_Event] = []
        self.seq = itertools.count()
        self.update_ids = itertools.count(1)
        self.chat_ids = itertools.count(5_000_001)
        self.known: list[tuple[int, str, str]] = []  # (chat, lang, municipality) of people seen before
        self.staff: dict[str, int] = {}
        self.result = DemoResult(days)
        topics = sorted((t for t in self.app.deps.kb.topics.values() if {"youth", "everyone"} & set(t.audience)),
                        key=lambda t: t.id)
        self.rng.shuffle(topics)
        # Some topics are asked about far more than others (a Zipf-like spread over a shuffled order).
        self.topics = [(t, 1 / (rank + 1)) for rank, t in enumerate(topics)]

    # ---- running ---------------------------------------------------------------------------------------

    def run(self) -> DemoResult:
        # The bot's own warnings (fx "case unclaimed") are part of the play, not news for the person running it.
        logging.disable(logging.WARNING)
        try:
            return self._run()
        finally:
            logging.disable(logging.NOTSET)

    def _run(self) -> DemoResult:
        with session_scope(self.app.engine) as session:
            check_empty(session)
            create_demo(session, count=60, now=self.clock.now)
            self._hire_staff(session)
        day = self.clock.now
        while day < self.end:
            self._plan_day(day)
            for hour in range(0, 24, 2):
                self.at(day + dt.timedelta(hours=hour, minutes=30), self._jobs)
            if day.astimezone(TZ).weekday() in (0, 3):
                self.at(day + dt.timedelta(hours=3), self._new_listings)
            day += dt.timedelta(days=1)
        while self.events and self.events[0].at <= self.end:
            event = heapq.heappop(self.events)
            self.clock.now = max(self.clock.now, event.at)
            event.run()
        with session_scope(self.app.engine) as session:
            # Nothing is ever delivered to the demo chats: their queued messages would only wait forever.
            session.execute(delete(Outbox).where(col(Outbox.transport) == TRANSPORT))
            session.add(DemoRun(seed=self.seed, days=self.days, created_at=self.end))
            self.result.cases = session.exec(select(func.count()).select_from(Case)).one()
        return self.result

    def at(self, when: dt.datetime, run: Callable[[], object]) -> None:
        heapq.heappush(self.events, _Event(when, next(self.seq), run))

    def _jobs(self) -> None:
        run_due(self.app.engine, self.app.deps, self.clock.now)

    def _hire_staff(self, session: Session) -> None:
        """A caseworker per municipality (console-like staff on the demo transport)."""
        for i, slug in enumerate(MUNICIPALITIES):
            user = STAFF_FIRST_ID + i
            member = Staff(transport=TRANSPORT, user_id=user, chat_id=user, role="caseworker", municipality=slug,
                           display_name=f"Demo caseworker {slug}", created_at=self.clock.now)
            session.add(member)
            self.staff[slug] = user
        session.flush()

    # ---- one chat ----------------------------------------------------------------------------------------

    def send(self, chat: int, kind: IncomingKind, lang: str, **fields: Any) -> list[dict[str, Any]]:
        """One update through the core; returns the payloads queued to this chat by it."""
        with session_scope(self.app.engine) as session:
            before = session.exec(select(func.max(Outbox.id))).one() or 0
        incoming = Incoming(TRANSPORT, chat, chat, kind, update_id=next(self.update_ids),
                            language_code=lang, **fields)
        self.app.core.handle(incoming)
        self.result.messages += 1
        with session_scope(self.app.engine) as session:
            rows = session.exec(select(Outbox.payload).where(col(Outbox.id) > before, Outbox.chat_id == chat,
                                                             Outbox.transport == TRANSPORT)).all()
        return [dict(row) for row in rows]

    def say(self, chat: int, lang: str, text: str) -> list[dict[str, Any]]:
        return self.send(chat, "text", lang, text=text)

    def command(self, chat: int, lang: str, name: str, args: str = "") -> list[dict[str, Any]]:
        return self.send(chat, "command", lang, text=f"/{name} {args}".strip(), command=name, args=args)

    def press(self, chat: int, lang: str, data: str) -> list[dict[str, Any]]:
        return self.send(chat, "callback", lang, callback_data=data)

    @staticmethod
    def button(payloads: list[dict[str, Any]], prefix: str) -> str | None:
        """The data of the last button starting with ``prefix`` in what was just sent."""
        found = [b["data"] for p in payloads for row in p.get("buttons", ()) for b in row
                 if (b.get("data") or "").startswith(prefix)]
        return found[-1] if found else None

    # ---- a day -------------------------------------------------------------------------------------------

    def _plan_day(self, midnight_ish: dt.datetime) -> None:
        weekday = midnight_ish.astimezone(TZ).weekday()
        low, high = PEOPLE_PER_DAY
        people = self.rng.randint(low, high) // (2 if weekday >= 5 else 1)
        for _ in range(people):
            # Mostly afternoons and evenings, some at night.
            hour = self.rng.choice((8, 10, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 1))
            when = midnight_ish + dt.timedelta(hours=hour - 7, minutes=self.rng.randint(0, 59))
            self.at(when, self._visit)

    def _person(self) -> tuple[int, str, str, bool]:
        if self.known and self.rng.random() < 0.25:
            chat, lang, where = self.rng.choice(self.known)
            return chat, lang, where, False
        chat = next(self.chat_ids)
        lang = "en" if self.rng.random() < 0.15 else "da"
        where = self.rng.choices(list(WHERE), weights=list(WHERE.values()))[0]
        self.known.append((chat, lang, where))
        return chat, lang, where, True

    def _visit(self) -> None:
        chat, lang, where, new = self._person()
        if new:
            self.result.people += 1
            self.command(chat, lang, "start", where)
        roll = self.rng.random()
        if roll < 0.06:
            self._crisis(chat, lang)
            return
        if roll < 0.22:
            self._search(chat, lang, where)
            return
        for _ in range(self.rng.choice((1, 1, 1, 2, 2, 3))):
            self._question(chat, lang)
            self.clock.now += dt.timedelta(minutes=self.rng.randint(1, 4))

    def _question(self, chat: int, lang: str) -> None:
        if self.rng.random() < 0.2:
            texts, weights = zip(*OFF_TOPIC, strict=True)
            text = self.rng.choices(texts, weights=weights)[0]
        else:
            topic = self.rng.choices([t for t, _ in self.topics], weights=[w for _, w in self.topics])[0]
            text = self.rng.choice(getattr(topic.examples, lang))
        sent = self.say(chat, lang, text)
        if self._takes_help(chat, lang, sent):
            return  # some questions are crises (a topic's own example, fx about violence at home)
        vote = self.button(sent, "fb:")
        if vote and self.rng.random() < 0.3:
            up = self.rng.random() < 0.75
            parts = vote.split(":")
            parts[2] = "1" if up else "0"
            self.press(chat, lang, ":".join(parts))

    def _search(self, chat: int, lang: str, where: str) -> None:
        budget = self.rng.choice((2500, 3000, 3500, 4000, 4500, 5000, 6000))
        text = self.rng.choice(SEARCHES).format(place=PLACE_WORDS[where], budget=budget)
        sent = self.say(chat, lang, text)
        alert = self.button(sent, "ls:a:")
        if alert and self.rng.random() < 0.4:
            self.press(chat, lang, alert)

    # ---- crises and cases --------------------------------------------------------------------------------

    def _crisis(self, chat: int, lang: str) -> None:
        emergency = self.rng.random() < 0.3
        text = self.rng.choice(CRISES_EMERGENCY if emergency else CRISES_URGENT)
        self._takes_help(chat, lang, self.say(chat, lang, text))

    def _takes_help(self, chat: int, lang: str, sent: list[dict[str, Any]]) -> bool:
        """After the safety information: accept the caseworker (mostly), answer the questions, and have the
        case taken; False when nothing urgent happened."""
        offer = self.button(sent, "cy:go")
        if offer:
            if self.rng.random() < 0.15:
                self.press(chat, lang, "cy:no")
                return True
            sent = self.press(chat, lang, offer)
        elif not self.button(sent, "cy:"):
            return False
        for step in ("cy:mun:", "cy:age:", "cy:tn:", "cy:anon:"):
            choices = [b["data"] for p in sent for row in p.get("buttons", ()) for b in row
                       if (b.get("data") or "").startswith(step)]
            if choices:
                self.clock.now += dt.timedelta(seconds=self.rng.randint(10, 60))
                sent = self.press(chat, lang, self.rng.choice(choices))
        with session_scope(self.app.engine) as session:
            case = session.exec(select(Case).where(Case.transport == TRANSPORT, Case.chat_id == chat)
                                .order_by(col(Case.id).desc())).first()
        if case is not None and case.status == "open" and case.claimed_by is None:
            self._handle_case(case.id or 0, case.municipality or "koebenhavn", case.urgency, chat, lang)
        return True

    def _handle_case(self, case_id: int, where: str, urgency: str, chat: int, lang: str) -> None:
        """A caseworker takes the case after a while (mostly in time), writes, and closes it hours later."""
        staff = self.staff[where]
        median = 2.0 if urgency == "emergency" else 6.0
        wait = dt.timedelta(minutes=min(240.0, self.rng.lognormvariate(0, 0.7) * median))
        start = self.clock.now + wait
        self.at(start, lambda: self.command(staff, "da", "claim", str(case_id)))
        self.at(start + dt.timedelta(minutes=2), lambda: self.command(
            staff, "da", "reply", f"{case_id} Hej, jeg er sagsbehandler i kommunen. Jeg kan hjælpe dig i dag."))
        if self.rng.random() < 0.1:
            return  # still open at the end of the demo
        closing = start + dt.timedelta(hours=self.rng.uniform(1, 30))
        outcome = self.rng.choices(list(OUTCOMES), weights=list(OUTCOMES.values()))[0]
        self.at(closing, lambda: self.command(staff, "da", "close", f"{case_id} {outcome}"))
        self.at(closing + dt.timedelta(hours=36), lambda: self._answer_followup(case_id, chat, lang))

    def _answer_followup(self, case_id: int, chat: int, lang: str) -> None:
        with session_scope(self.app.engine) as session:
            case = session.get(Case, case_id)
            asked = case is not None and case.followup_sent_at is not None and case.followup_answer is None
        if asked and self.rng.random() < 0.7:
            self.press(chat, lang, f"cy:fu:{case_id}:{'yes' if self.rng.random() < 0.8 else 'no'}")

    # ---- housing -----------------------------------------------------------------------------------------

    def _new_listings(self) -> None:
        """A partner publishes a few homes (DEMO), and the saved searches that fit are told."""
        now = self.clock.now
        batch = self.rng.randint(3, 8)
        start = 1000 + self.rng.randint(0, 10**6)
        items = [dataclasses.replace(item, provider_ref=f"demo-new-{start + i}")
                 for i, item in enumerate(demo_listings(batch, now, seed=self.rng.randint(0, 10**6)))]
        with session_scope(self.app.engine) as session:
            publish(session, items, now=now, notify=False)
            # Demo listings never alert by themselves; these are matched like a partner's new ones would be.
            session.execute(update(Listing).where(col(Listing.provider_ref).in_([i.provider_ref for i in items]))
                            .values(alerts_pending=True))
            alerts.dispatch(session, now)
