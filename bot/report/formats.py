"""Make a report and write it as HTML, JSON or CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from typing import Any

from sqlmodel import Session

from bot.config import Settings
from bot.report.build import build
from bot.report.gather import gather
from bot.report.period import Period
from knowledge.loader import KnowledgeBase

FORMATS = ("html", "json", "csv")
MIME = {"html": "text/html", "json": "application/json", "csv": "text/csv"}


def make_report(session: Session, *, kb: KnowledgeBase, settings: Settings, period: Period, now: dt.datetime,
                lang: str = "da") -> dict[str, Any]:
    """The report for ``period`` as plain data (bot.report.build)."""
    sla = {"urgent": settings.sla_urgent_minutes, "emergency": settings.sla_emergency_minutes}
    return build(gather(session, period), period, kb=kb, sla_minutes=sla, now=now, lang=lang)


def render(report: dict[str, Any], fmt: str) -> bytes:
    """The report as a file's bytes in ``fmt`` (html, json or csv)."""
    if fmt == "html":
        from bot.report.html import render as render_html

        return render_html(report).encode()
    if fmt == "json":
        return (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode()
    if fmt == "csv":
        return to_csv(report).encode()
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def file_name(report: dict[str, Any], fmt: str) -> str:
    period = report["period"]
    where = f"-{period['municipality']}" if period["municipality"] else ""
    return f"husly-rapport-{period['from']}-{period['to']}{where}.{fmt}"


CSV_COLUMNS = ("section", "table", "row", "column", "value")


def to_csv(report: dict[str, Any]) -> str:
    """One line per number: section, table, row, column, value (codes, not labels, so it sorts and joins
    the same in every language). Hidden counts keep their marker ("<5", "x")."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_rows(report))
    return out.getvalue()


def _rows(report: dict[str, Any]) -> Iterator[tuple[str, str, str, str, Any]]:
    period = report["period"]
    for key in ("from", "to", "days", "municipality", "timezone", "generated_at", "demo"):
        yield "period", "period", key, "", _cell(period[key])
    q = report["questions"]
    yield "questions", "total", "all", "count", q["total"]
    for outcome, value in q["outcomes"].items():
        yield "questions", "outcomes", outcome, "count", value["count"]
        yield "questions", "outcomes", outcome, "share", _cell(value["share"])
    for row in q["by_week"]:
        for column, value in row.items():
            if column not in ("week", "start"):
                yield "questions", "by_week", row["week"], column, value
    for row in q["by_municipality"]:
        for column, value in row.items():
            if column != "municipality":
                yield "questions", "by_municipality", row["municipality"], column, value
    for row in q["by_topic"]:
        yield "questions", "by_topic", row["topic"], "total", row["total"]
        for place, value in row["by_municipality"].items():
            yield "questions", "by_topic", row["topic"], place, value
    feedback = q["feedback"]
    for column in ("up", "down", "total"):
        yield "questions", "feedback", "all", column, feedback[column]
    for row in feedback["by_topic"]:
        for column in ("up", "down", "total"):
            yield "questions", "feedback", row["topic"], column, row[column]
    for column, value in q["people"].items():
        yield "questions", "people", column, "count", value
    u = report["unanswered"]
    for column in ("total", "unsure", "unanswered"):
        yield "unanswered", "total", column, "count", u[column]
    yield "unanswered", "total", "all", "share", _cell(u["share"])
    for row in u["by_nearest_topic"]:
        yield "unanswered", "by_nearest_topic", row["topic"] or "", "count", row["count"]
    yield from _case_rows(report["cases"])
    yield from _listing_rows(report["listings"])
    for code, value in report["languages"]["questions"].items():
        yield "languages", "questions", code, "count", value["count"]
        yield "languages", "questions", code, "share", _cell(value["share"])
    for code, value in report["languages"]["cases"].items():
        yield "languages", "cases", code, "count", value
    k = report["knowledge"]
    for topic in k["past_review"]:
        yield "knowledge", "past_review", topic["topic"], "last_reviewed", topic["last_reviewed"]
    queue = k["curator_queue"]
    yield "knowledge", "curator_queue", "open", "count", queue["open"]
    yield "knowledge", "curator_queue", "oldest", "date", _cell(queue["oldest"])
    for item in queue["most_asked"]:
        yield "knowledge", "most_asked", item["question"], "times", item["times"]


def _case_rows(c: dict[str, Any]) -> Iterator[tuple[str, str, str, str, Any]]:
    yield "cases", "total", "all", "count", c["total"]
    for level, values in c["by_urgency"].items():
        for column, value in values.items():
            yield "cases", "by_urgency", level, column, _cell(value)
    for row in c["by_municipality"]:
        yield "cases", "by_municipality", row["municipality"], "count", row["count"]
    for row in c["reasons"]:
        yield "cases", "reasons", row["reason"], "count", row["count"]
    for outcome, value in c["outcomes"].items():
        yield "cases", "outcomes", outcome, "count", value
    for answer, value in c["followup"].items():
        yield "cases", "followup", answer, "count", value
    for row in c["referrals"]:
        for column in ("made", "used", "cases"):
            yield "cases", "referrals", row["organisation"], column, row[column]


def _listing_rows(li: dict[str, Any]) -> Iterator[tuple[str, str, str, str, Any]]:
    yield "listings", "published", "all", "count", li["published"]["total"]
    for place, value in li["published"]["by_municipality"].items():
        yield "listings", "published", place, "count", value
    searches = li["searches"]
    for column in ("total", "found", "no_result"):
        yield "listings", "searches", "all", column, searches[column]
    for row in searches["by_municipality"]:
        for column in ("total", "found", "no_result"):
            yield "listings", "searches", row["municipality"], column, row[column]
    grid = li["no_result_by_rent"]
    for row in grid["rows"]:
        for band, value in row["bands"].items():
            yield "listings", "no_result_by_rent", row["municipality"], band, value
    for band, value in grid["totals"].items():
        yield "listings", "no_result_by_rent", "all", band, value
    yield "listings", "alerts_sent", "all", "count", li["alerts_sent"]["total"]
    for place, value in li["alerts_sent"]["by_municipality"].items():
        yield "listings", "alerts_sent", place, "count", value


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    return value
