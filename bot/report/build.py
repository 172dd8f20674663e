"""Turn the gathered numbers into the report: one dict, the same for HTML, JSON and CSV, with every count
that could point at a few people already hidden (bot.report.suppress).

Top-level keys: period, questions, unanswered, cases, listings, languages, knowledge. Counts are ints or
"<5" / "x"; shares are fractions (0-1) or None when a count they rest on is hidden.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

from bot.answering import OUTCOMES
from bot.cases.models import FOLLOWUP_ANSWERS, URGENCIES
from bot.cases.models import OUTCOMES as CLOSE_REASONS
from bot.report.gather import CaseFacts, Raw
from bot.report.period import Period, week_label
from bot.report.suppress import HIDDEN, SMALL, SMALLEST_SHOWN, Cells, Key, share
from bot.stats.days import TZ, week_start
from bot.stats.models import ALERT_SENT, SEARCH
from bot.stats.record import BAND_NAMES
from knowledge.loader import STALE_AFTER_DAYS, KnowledgeBase
from knowledge.schema import MUNICIPALITIES

UNKNOWN = "unknown"  # the person had not said which municipality
ALL = "all"  # a housing search in every municipality
LANGS = ("da", "en")
TOP_LEVEL = ("period", "questions", "unanswered", "cases", "listings", "languages", "knowledge")


def build(raw: Raw, period: Period, *, kb: KnowledgeBase, sla_minutes: dict[str, int], now: dt.datetime,
          lang: str) -> dict[str, Any]:
    """The whole report as plain data (JSON-ready)."""
    cells = Cells()
    municipalities = [period.municipality] if period.municipality else [*MUNICIPALITIES, UNKNOWN]
    _question_cells(cells, raw, period, municipalities)
    _case_cells(cells, raw.cases, municipalities, sla_minutes, now)
    organisations = _referral_cells(cells, raw)
    _listing_cells(cells, raw, municipalities)
    cells.add(("k", "queue"), raw.queue.open)
    cells.solve()
    show = cells.show
    report = {
        "period": _period(period, raw, now, lang),
        "questions": _questions(cells, raw, period, kb, municipalities, lang),
        "unanswered": _unanswered(cells, raw, kb, lang),
        "cases": {**_cases(cells, raw.cases, municipalities, sla_minutes),
                  "referrals": _referrals(cells, organisations)},
        "listings": _listings(cells, municipalities),
        "languages": {"questions": {code: {"count": show(("q", "l", code)),
                                           "share": share(show(("q", "l", code)), show(("q",)))} for code in LANGS},
                      "cases": {code: show(("c", "l", code)) for code in LANGS}},
        "knowledge": _knowledge(cells, raw, kb, now, lang),
    }
    assert tuple(report) == TOP_LEVEL
    return report


# ---- questions ---------------------------------------------------------------------------------------------

def _question_cells(cells: Cells, raw: Raw, period: Period, municipalities: list[str]) -> None:
    weeks = [week_label(w) for w in period.weeks()]
    by: dict[str, Counter[Any]] = {name: Counter() for name in ("o", "wo", "mo", "l", "v")}
    for day, municipality, outcome, n, english, new, returning in raw.questions:
        by["o"][outcome] += n
        by["wo"][(week_label(week_start(day)), outcome)] += n
        by["mo"][(municipality or UNKNOWN, outcome)] += n
        by["l"]["en"] += english
        by["l"]["da"] += n - english
        by["v"]["new"] += new
        by["v"]["returning"] += returning
    total = cells.add(("q",), sum(by["o"].values()))
    outcome_cells = [cells.add(("q", "o", o), by["o"][o]) for o in OUTCOMES]
    cells.relate(total, outcome_cells)
    _grid(cells, total, "q", "w", weeks, "o", OUTCOMES, by["wo"])
    _grid(cells, total, "q", "m", municipalities, "o", OUTCOMES, by["mo"])
    cells.relate(total, [cells.add(("q", "l", code), by["l"][code]) for code in LANGS])
    people = cells.add(("p",), by["v"]["new"] + by["v"]["returning"])
    cells.relate(people, [cells.add(("p", kind), by["v"][kind]) for kind in ("new", "returning")])
    # Answered questions by topic and municipality; the municipality totals are the "answered" column above.
    answered: Counter[tuple[str, str]] = Counter()
    nearest: Counter[str] = Counter()
    for topic, municipality, outcome, n in raw.topics:
        if outcome == "answered":
            answered[(topic or "", municipality or UNKNOWN)] += n
        elif outcome in ("unsure", "unanswered"):
            nearest[topic or ""] += n
    topics = sorted({t for t, _ in answered})
    for topic in topics:
        row = [cells.add(("q", "tm", topic, m), answered[(topic, m)]) for m in municipalities]
        cells.relate(cells.add(("q", "t", topic), sum(answered[(topic, m)] for m in municipalities)), row)
    cells.relate(("q", "o", "answered"), [("q", "t", t) for t in topics])
    for m in municipalities:
        cells.relate(("q", "mo", m, "answered"), [("q", "tm", t, m) for t in topics])
    unanswered = cells.add(("u",), by["o"]["unsure"] + by["o"]["unanswered"])
    cells.relate(unanswered, [("q", "o", "unsure"), ("q", "o", "unanswered")])
    cells.relate(unanswered, [cells.add(("u", "t", t), nearest[t]) for t in sorted(nearest)])
    votes: Counter[tuple[str, bool]] = Counter()
    for topic, helpful, n in raw.feedback:
        votes[(topic, helpful)] += n
    voted = sorted({t for t, _ in votes})
    feedback = cells.add(("f",), sum(votes.values()))
    ups = cells.add(("f", "up"), sum(n for (_, h), n in votes.items() if h))
    downs = cells.add(("f", "down"), sum(n for (_, h), n in votes.items() if not h))
    cells.relate(feedback, [ups, downs])
    for topic in voted:
        up, down = cells.add(("f", "t", topic, "up"), votes[(topic, True)]), cells.add(
            ("f", "t", topic, "down"), votes[(topic, False)])
        cells.relate(cells.add(("f", "t", topic), votes[(topic, True)] + votes[(topic, False)]), [up, down])
    cells.relate(ups, [("f", "t", t, "up") for t in voted])
    cells.relate(downs, [("f", "t", t, "down") for t in voted])
    cells.relate(feedback, [("f", "t", t) for t in voted])


def _grid(cells: Cells, total: Key, ns: str, row_dim: str, rows: Iterable[str], col_dim: str,
          cols: Iterable[str], counts: Counter[Any]) -> None:
    """A table of ``rows`` x ``cols`` with row totals, tied to the column totals ``(ns, col_dim, col)``."""
    rows, cols = list(rows), list(cols)
    for row in rows:
        row_cells = [cells.add((ns, row_dim + col_dim, row, col), counts[(row, col)]) for col in cols]
        cells.relate(cells.add((ns, row_dim, row), sum(counts[(row, col)] for col in cols)), row_cells)
    for col in cols:
        cells.relate((ns, col_dim, col), [(ns, row_dim + col_dim, row, col) for row in rows])
    cells.relate(total, [(ns, row_dim, row) for row in rows])


def _questions(cells: Cells, raw: Raw, period: Period, kb: KnowledgeBase, municipalities: list[str],
               lang: str) -> dict[str, Any]:
    show = cells.show
    total = show(("q",))
    topics = sorted({key[2] for key in cells.values if key[:2] == ("q", "t")})
    voted = sorted({key[2] for key in cells.values if key[:2] == ("f", "t") and len(key) == 3})
    return {
        "total": total,
        "outcomes": {o: {"count": show(("q", "o", o)), "share": share(show(("q", "o", o)), total)} for o in OUTCOMES},
        "by_week": [{"week": week_label(w), "start": w.isoformat(), "total": show(("q", "w", week_label(w))),
                     **{o: show(("q", "wo", week_label(w), o)) for o in OUTCOMES}} for w in period.weeks()],
        "by_municipality": [{"municipality": m, "total": show(("q", "m", m)),
                             **{o: show(("q", "mo", m, o)) for o in OUTCOMES}} for m in municipalities],
        "by_topic": _ranked([{"topic": t, "title": _title(kb, t, lang), "total": show(("q", "t", t)),
                              "by_municipality": {m: show(("q", "tm", t, m)) for m in municipalities}}
                             for t in topics], "total"),
        "feedback": {"up": show(("f", "up")), "down": show(("f", "down")), "total": show(("f",)),
                     "by_topic": _ranked([{"topic": t, "title": _title(kb, t, lang), "up": show(("f", "t", t, "up")),
                                           "down": show(("f", "t", t, "down")), "total": show(("f", "t", t))}
                                          for t in voted], "total")},
        "people": {"new": show(("p", "new")), "returning": show(("p", "returning")), "total": show(("p",))},
    }


def _unanswered(cells: Cells, raw: Raw, kb: KnowledgeBase, lang: str) -> dict[str, Any]:
    show = cells.show
    nearest = sorted(key[2] for key in cells.values if key[:2] == ("u", "t"))
    return {
        "total": show(("u",)), "share": share(show(("u",)), show(("q",))),
        "unsure": show(("q", "o", "unsure")), "unanswered": show(("q", "o", "unanswered")),
        "by_nearest_topic": _ranked([{"topic": t or None, "title": _title(kb, t, lang) if t else None,
                                      "count": show(("u", "t", t))} for t in nearest], "count"),
    }


# ---- cases -------------------------------------------------------------------------------------------------

def _deadline(case: CaseFacts, sla_minutes: dict[str, int]) -> dt.datetime:
    """When the first contact was promised by: the SLA of the level it was opened at, or sooner if it became
    an emergency first (then the emergency promise counts from that moment)."""
    deadline = case.created_at + dt.timedelta(minutes=sla_minutes.get(case.created_as, sla_minutes["urgent"]))
    if case.became_emergency and (case.first_contact is None or case.became_emergency < case.first_contact):
        deadline = min(deadline, case.became_emergency + dt.timedelta(minutes=sla_minutes["emergency"]))
    return deadline


def contact_state(case: CaseFacts, sla_minutes: dict[str, int], now: dt.datetime) -> str:
    """met, missed, or waiting (not contacted yet, still within the promise)."""
    deadline = _deadline(case, sla_minutes)
    if case.first_contact is not None:
        return "met" if case.first_contact <= deadline else "missed"
    return "missed" if now > deadline else "waiting"


def _level(case: CaseFacts, sla_minutes: dict[str, int]) -> str:
    """The urgency the case had when the caseworker first made contact (or has now, if not yet)."""
    if case.created_as == "emergency" or (case.became_emergency and (
            case.first_contact is None or case.became_emergency <= case.first_contact)):
        return "emergency"
    return "urgent"


def _case_cells(cells: Cells, cases: list[CaseFacts], municipalities: list[str], sla_minutes: dict[str, int],
                now: dt.datetime) -> None:
    total = cells.add(("c",), len(cases))
    levels = Counter(_level(c, sla_minutes) for c in cases)
    cells.relate(total, [cells.add(("c", "lvl", lv), levels[lv]) for lv in URGENCIES])
    where = Counter(c.municipality or UNKNOWN for c in cases)
    cells.relate(total, [cells.add(("c", "m", m), where[m]) for m in municipalities])
    cells.relate(total, [cells.add(("c", "l", code), sum(c.lang == code for c in cases)) for code in LANGS])
    states = Counter((_level(c, sla_minutes), contact_state(c, sla_minutes, now)) for c in cases)
    for lv in URGENCIES:
        cells.relate(("c", "lvl", lv), [cells.add(("c", state, lv), states[(lv, state)])
                                        for state in ("met", "missed", "waiting")])
        cells.add(("c", "contacted", lv), sum(1 for c in cases if c.first_contact and _level(c, sla_minutes) == lv))
    for reason, n in Counter(r for c in cases for r in c.reasons).items():
        cells.add(("c", "r", reason), n)
    outcomes = Counter(c.outcome for c in cases if c.outcome)
    cells.relate(cells.add(("c", "closed"), sum(outcomes.values())),
                 [cells.add(("c", "out", o), outcomes[o]) for o in CLOSE_REASONS])
    asked = [c for c in cases if c.followup_sent]
    answers = Counter(c.followup_answer or "none" for c in asked)
    cells.relate(cells.add(("c", "fu"), len(asked)),
                 [cells.add(("c", "fu", a), answers[a]) for a in (*FOLLOWUP_ANSWERS, "none")])


def percentile(values: list[float], q: float) -> float:
    """Linear interpolation between the closest ranks (numpy's and PostgreSQL percentile_cont's default)."""
    ordered = sorted(values)
    rank = q * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _cases(cells: Cells, cases: list[CaseFacts], municipalities: list[str],
           sla_minutes: dict[str, int]) -> dict[str, Any]:
    show = cells.show
    by_urgency = {}
    for lv in URGENCIES:
        waits = [(c.first_contact - c.created_at).total_seconds() / 60 for c in cases
                 if c.first_contact is not None and _level(c, sla_minutes) == lv]
        enough = len(waits) >= SMALLEST_SHOWN
        met, missed = show(("c", "met", lv)), show(("c", "missed", lv))
        decided = met + missed if isinstance(met, int) and isinstance(missed, int) else None
        by_urgency[lv] = {
            "count": show(("c", "lvl", lv)), "sla_minutes": sla_minutes[lv], "contacted": show(("c", "contacted", lv)),
            "p50_minutes": round(percentile(waits, 0.5), 1) if enough else None,
            "p90_minutes": round(percentile(waits, 0.9), 1) if enough else None,
            "met": met, "missed": missed, "waiting": show(("c", "waiting", lv)),
            "share_met": share(met, decided) if decided is not None else None,
        }
    reasons = sorted(key[2] for key in cells.values if key[:2] == ("c", "r"))
    return {
        "total": show(("c",)),
        "by_urgency": by_urgency,
        "by_municipality": [{"municipality": m, "count": show(("c", "m", m))} for m in municipalities],
        "reasons": _ranked([{"reason": r, "count": show(("c", "r", r))} for r in reasons], "count"),
        "outcomes": {"closed": show(("c", "closed")), **{o: show(("c", "out", o)) for o in CLOSE_REASONS}},
        "followup": {"asked": show(("c", "fu")), **{a: show(("c", "fu", a)) for a in FOLLOWUP_ANSWERS},
                     "no_answer": show(("c", "fu", "none"))},
    }


def _referral_cells(cells: Cells, raw: Raw) -> list[str]:
    """Per partner organisation: referral links made in the period, of them used, and cases opened in the period
    through its links (small numbers hidden like every count). The organisations, sorted."""
    made = {org: (n, used) for org, n, used in raw.referrals}
    opened = Counter(c.referred_by for c in raw.cases if c.referred_by)
    organisations = sorted(set(made) | set(opened))
    for org in organisations:
        n, used = made.get(org, (0, 0))
        cells.add(("rf", org, "made"), n)
        cells.add(("rf", org, "used"), used)
        cells.add(("rf", org, "cases"), opened[org])
    return organisations


def _referrals(cells: Cells, organisations: list[str]) -> list[dict[str, Any]]:
    show = cells.show
    return [{"organisation": org, "made": show(("rf", org, "made")), "used": show(("rf", org, "used")),
             "cases": show(("rf", org, "cases"))} for org in organisations]


# ---- listings ----------------------------------------------------------------------------------------------

def _listing_cells(cells: Cells, raw: Raw, municipalities: list[str]) -> None:
    published = Counter(dict(raw.published))
    shown_places = [m for m in municipalities if m != UNKNOWN]
    cells.relate(cells.add(("lp",), sum(published[m] for m in shown_places)),
                 [cells.add(("lp", "m", m), published[m]) for m in shown_places])
    searched: Counter[tuple[str, bool]] = Counter()
    none_by_band: Counter[tuple[str, str]] = Counter()
    alerts: Counter[str] = Counter()
    for event, municipality, band, found, n in raw.listing_events:
        place = municipality or ALL
        if event == SEARCH:
            searched[(place, bool(found))] += n
            if not found:
                none_by_band[(place, band)] += n
        elif event == ALERT_SENT:
            alerts[place] += n
    places = [*shown_places, ALL]
    total = cells.add(("ls",), sum(searched.values()))
    found_total = cells.add(("ls", "found"), sum(n for (_, f), n in searched.items() if f))
    none_total = cells.add(("ls", "none"), sum(n for (_, f), n in searched.items() if not f))
    cells.relate(total, [found_total, none_total])
    for place in places:
        hit, miss = (cells.add(("ls", "mf", place, f), searched[(place, f)]) for f in (True, False))
        cells.relate(cells.add(("ls", "m", place), searched[(place, True)] + searched[(place, False)]), [hit, miss])
        cells.relate(miss, [cells.add(("ls", "mb", place, b), none_by_band[(place, b)]) for b in BAND_NAMES])
    cells.relate(total, [("ls", "m", p) for p in places])
    cells.relate(found_total, [("ls", "mf", p, True) for p in places])
    cells.relate(none_total, [("ls", "mf", p, False) for p in places])
    for band in BAND_NAMES:
        cells.relate(cells.add(("ls", "b", band), sum(none_by_band[(p, band)] for p in places)),
                     [("ls", "mb", p, band) for p in places])
    cells.relate(none_total, [("ls", "b", b) for b in BAND_NAMES])
    cells.relate(cells.add(("la",), sum(alerts[p] for p in places)),
                 [cells.add(("la", "m", p), alerts[p]) for p in places])


def _listings(cells: Cells, municipalities: list[str]) -> dict[str, Any]:
    show = cells.show
    places = [*(m for m in municipalities if m != UNKNOWN), ALL]
    return {
        "published": {"total": show(("lp",)), "by_municipality": {m: show(("lp", "m", m)) for m in places[:-1]}},
        "searches": {
            "total": show(("ls",)), "found": show(("ls", "found")), "no_result": show(("ls", "none")),
            "by_municipality": [{"municipality": p, "total": show(("ls", "m", p)), "found": show(("ls", "mf", p, True)),
                                 "no_result": show(("ls", "mf", p, False))} for p in places]},
        "no_result_by_rent": {
            "bands": list(BAND_NAMES),
            "rows": [{"municipality": p, "total": show(("ls", "mf", p, False)),
                      "bands": {b: show(("ls", "mb", p, b)) for b in BAND_NAMES}} for p in places],
            "totals": {b: show(("ls", "b", b)) for b in BAND_NAMES}},
        "alerts_sent": {"total": show(("la",)), "by_municipality": {p: show(("la", "m", p)) for p in places}},
    }


# ---- period and knowledge ----------------------------------------------------------------------------------

def _period(period: Period, raw: Raw, now: dt.datetime, lang: str) -> dict[str, Any]:
    return {
        "from": period.start.isoformat(), "to": period.end.isoformat(), "days": period.days,
        "municipality": period.municipality, "timezone": str(TZ), "lang": lang, "demo": raw.demo,
        "generated_at": now.astimezone(TZ).isoformat(timespec="minutes"),
        "weeks": [{"week": week_label(w), "start": w.isoformat()} for w in period.weeks()],
        "small_count": SMALL, "hidden_count": HIDDEN,
    }


def _knowledge(cells: Cells, raw: Raw, kb: KnowledgeBase, now: dt.datetime, lang: str) -> dict[str, Any]:
    today = now.astimezone(TZ).date()
    limit = today - dt.timedelta(days=STALE_AFTER_DAYS)
    past = sorted((t for t in kb.topics.values() if t.last_reviewed < limit), key=lambda t: (t.last_reviewed, t.id))
    oldest = raw.queue.oldest
    return {
        "topics": len(kb.topics), "review_after_days": STALE_AFTER_DAYS,
        "past_review": [{"topic": t.id, "title": t.title.get(lang), "last_reviewed": t.last_reviewed.isoformat()}
                        for t in past],
        "curator_queue": {
            "open": cells.show(("k", "queue")),
            "oldest": oldest.astimezone(TZ).date().isoformat() if oldest else None,
            "most_asked": [{"question": text, "times": times, "lang": language}
                           for text, times, language in raw.most_asked],
        },
    }


def _title(kb: KnowledgeBase, topic: str, lang: str) -> str:
    found = kb.topics.get(topic)
    return found.title.get(lang) if found else topic or "–"


def _ranked(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """Largest shown count first; hidden ones after (in name order, so the order gives nothing away)."""
    def order(row: dict[str, Any]) -> tuple[int, int, str]:
        value = row[key]
        return (0, -value, "") if isinstance(value, int) else (1, 0, str(row.get("topic") or row.get("reason")))
    return sorted(rows, key=order)
