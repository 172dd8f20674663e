"""Office hours in Danish local time, the priority order, and the migration matching the tables."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from bot.cases import hours
from bot.cases.models import Case
from bot.cases.service import compute_priority, priority_rank

UTC = dt.UTC


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=UTC)


def test_default_office_hours_are_weekdays_in_danish_time() -> None:
    office = hours.parse(None)
    assert office.is_open(at(27, 14, 29))  # Friday 15:29 in Denmark (UTC+1 in November)
    assert not office.is_open(at(27, 14, 30))  # 15:30 closes
    assert not office.is_open(at(28, 10))  # Saturday
    assert office.next_opening(at(27, 20)) == dt.datetime(2026, 11, 30, 8, 0, tzinfo=hours.TZ)  # Monday 08:00
    assert office.next_opening(at(27, 10)) is None  # open now


def test_summer_time_is_respected() -> None:
    office = hours.parse("mon-fri 08:00-15:30")
    assert office.is_open(at(1, 6, 0, month=7))  # Wednesday 08:00 in summer is 06:00 UTC
    assert not office.is_open(at(1, 5, 59, month=7))


def test_several_spans_danish_days_and_always() -> None:
    office = hours.parse("man-tor 08:00-15:30; fre 08:00-13:00")
    assert office.is_open(at(26, 14))  # Thursday 15:00
    assert not office.is_open(at(27, 12, 30))  # Friday 13:30
    assert hours.parse("24/7").is_open(at(29, 3))
    assert hours.parse("sat-sun 10:00-12:00").is_open(at(29, 10))


@pytest.mark.parametrize("bad", ["mon-fry 08:00-15:30", "mon-fri 8-16", "mon-fri 16:00-08:00", "every day",
                                 "mon-fri 25:00-26:00"])
def test_unreadable_office_hours_are_refused(bad: str) -> None:
    with pytest.raises(hours.HoursError):
        hours.parse(bad)


def test_emergency_always_outranks_urgent_and_answers_raise_urgent_cases() -> None:
    plain = Case(transport="t", chat_id=1, urgency="urgent", reasons=["asked_for_help"])
    worst_urgent = Case(transport="t", chat_id=2, urgency="urgent", tonight="outside",
                        reasons=["under_18", "sleeps_outside", "violence_or_threats", "thrown_out", "eviction_soon"])
    emergency = Case(transport="t", chat_id=3, urgency="emergency", tonight="has_place", reasons=[])
    safe_tonight = Case(transport="t", chat_id=4, urgency="urgent", tonight="has_place", reasons=["has_place_tonight"])
    for case in (plain, worst_urgent, emergency, safe_tonight):
        case.priority = compute_priority(case)
    assert emergency.priority > worst_urgent.priority > plain.priority > safe_tonight.priority
    assert [priority_rank(c) for c in (emergency, worst_urgent, plain)] == [1, 2, 3]


def test_the_migration_creates_exactly_the_case_tables(engine) -> None:
    ours = {"help_case", "case_message", "case_event", "case_card", "municipality_team"}
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)

    def table_of(change: object) -> str | None:
        item = change[0] if isinstance(change, list) else change
        for part in item[1:] if isinstance(item, tuple) else ():
            name = getattr(part, "name", None) if not isinstance(part, str) else None
            table = getattr(part, "table", None)
            if table is not None and getattr(table, "name", None):
                return str(table.name)
            if name:
                return str(name)
        return None

    assert [change for change in diff if table_of(change) in ours] == []


def test_offices_are_closed_on_danish_holidays_and_open_after_them() -> None:
    office = hours.parse(None)
    assert not office.is_open(at(25, 10, month=12))  # Christmas Day, a Friday
    assert not office.is_open(at(24, 10, month=12))  # Christmas Eve: public offices close
    assert office.is_open(at(23, 10, month=12))  # an ordinary Wednesday
    # From the evening before Christmas Eve to Monday 28 December.
    assert office.next_opening(at(23, 16, month=12)) == dt.datetime(2026, 12, 28, 8, 0, tzinfo=hours.TZ)
    # Easter 2027: Maundy Thursday to Easter Monday closed, open again on Tuesday.
    easter_eve = dt.datetime(2027, 3, 24, 16, 0, tzinfo=UTC)
    assert office.next_opening(easter_eve) == dt.datetime(2027, 3, 30, 8, 0, tzinfo=hours.TZ)
    # Store Bededag was abolished from 2024: the fourth Friday after Easter 2026 (1 May is also closed, so 2027).
    assert office.is_open(dt.datetime(2027, 4, 23, 10, 0, tzinfo=UTC))
    assert hours.parse("24/7").is_open(at(25, 3, month=12))


def test_the_holiday_calendars_are_loaded_only_when_a_case_asks_about_opening_hours() -> None:
    # The `holidays` package takes 6 MB of the bot's memory; a conversation that makes no case never needs it.
    code = ("import sys, datetime as dt\n"
            "import bot.app, bot.conversation.features, bot.cases.hours as hours\n"
            "print('holidays' in sys.modules)\n"
            "print(hours.is_holiday(dt.date(2026, 12, 24)), 'holidays' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True", "True"]
