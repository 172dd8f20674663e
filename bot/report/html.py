"""The report as one self-contained HTML file: inline CSS and SVG charts, no script, no font or image to
fetch; readable on a laptop and printable on A4. Danish first (``lang``), dates and numbers through Babel.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence
from typing import Any

from bot.cases.cards import outcome_label, reason_label
from bot.conversation.cards import municipality_name
from bot.i18n import _, format_date, format_number, format_percent, use_lang
from bot.report import charts
from bot.report.build import ALL, UNKNOWN
from bot.stats.record import ANY_RENT

CSS = """
:root { --ink: #1d2733; --muted: #5b6775; --line: #d8dee6; --accent: #0072B2; --soft: #f3f6f9; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.45;
       font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; }
h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.02rem; margin: 1.3rem 0 .4rem; }
p, li { max-width: 48rem; }
.muted, figcaption, .note { color: var(--muted); font-size: .88rem; }
.demo { background: #fff3cd; border: 1px solid #e0c46c; padding: .5rem .8rem; border-radius: 6px; font-weight: 600; }
.keys { display: grid; grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr)); gap: .7rem; margin: 1rem 0; }
.key { background: var(--soft); border-radius: 8px; padding: .6rem .8rem; }
.key b { display: block; font-size: 1.5rem; }
.key span { color: var(--muted); font-size: .85rem; }
table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .9rem; font-variant-numeric: tabular-nums; }
th, td { padding: .25rem .55rem; border-bottom: 1px solid var(--line); text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
thead th { border-bottom: 2px solid var(--ink); font-weight: 600; }
tfoot td { font-weight: 600; border-top: 2px solid var(--ink); }
.wide { font-size: .8rem; }
.scroll { overflow-x: auto; }
figure.chart { margin: .6rem 0 1.2rem; }
figure.chart svg { display: block; width: 100%; height: auto; }
.legend { background: var(--soft); padding: .5rem .8rem; border-radius: 6px; font-size: .88rem; }
q { font-style: italic; }
@page { size: A4; margin: 14mm 13mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure.chart, table, .keys, .legend { break-inside: avoid; page-break-inside: avoid; }
  .scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
"""


def render(report: dict[str, Any]) -> str:
    """The HTML document for a built report (bot.report.build), in the report's language."""
    with use_lang(report["period"]["lang"]):
        return _Page(report).render()


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def n(shown: Any) -> str:
    """A count as shown: Danish digits, or the marker of a hidden count."""
    return format_number(shown) if isinstance(shown, int) else _e(shown)


def pct(value: float | None) -> str:
    return format_percent(value) if value is not None else "–"


def in_time(level: dict[str, Any]) -> str:
    """The share of a level's cases reached in time, or in words why there is none: a bare "–" next to "reached
    in time" read like nobody was reached."""
    if level["share_met"] is not None:
        return pct(level["share_met"])
    if level["count"] == 0:
        return _e(_("no cases"))
    if not (isinstance(level["met"], int) and isinstance(level["missed"], int)):
        return _e(_("too few to show"))
    return _e(_("all still waiting"))


def place(slug: str | None) -> str:
    if slug == UNKNOWN or slug is None:
        return _("Not given")
    if slug == ALL:
        return _("All municipalities")
    return municipality_name(slug)


def band(name: str) -> str:
    if name == ANY_RENT:
        return _("Any price")
    low, _sep, high = name.partition("-")
    if not high:
        return _("Over {amount}").format(amount=format_number(int(low.rstrip("+")) - 1))
    return f"{format_number(int(low))}–{format_number(int(high))}"


def outcome_name(code: str) -> str:
    return {"answered": _("Answered"), "unsure": _("Unsure (suggestions)"), "unanswered": _("Not answered"),
            "safety": _("Crisis information")}[code]


def _minutes(value: float | None) -> str:
    return format_number(value) if value is not None else _("too few to show")


def day(iso: str | None) -> str:
    return format_date(dt.date.fromisoformat(iso)) if iso else "–"


def week(iso_week: str) -> str:
    return _("week {number}").format(number=int(iso_week.rsplit("W", 1)[1]))


class _Page:
    def __init__(self, report: dict[str, Any]) -> None:
        self.r = report
        self.parts: list[str] = []

    def add(self, *chunks: str) -> None:
        self.parts.extend(chunks)

    def render(self) -> str:
        period = self.r["period"]
        title = _("Husly: insight for the network")
        self.add(f'<!DOCTYPE html>\n<html lang="{_e(period["lang"])}">\n<head>\n<meta charset="utf-8">\n'
                 '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                 f"<title>{_e(title)} · {_e(day(period['from']))} – {_e(day(period['to']))}</title>\n"
                 f"<style>{CSS}</style>\n</head>\n<body>\n<main>\n")
        self.header(title)
        self.questions()
        self.unanswered()
        self.cases()
        self.listings()
        self.languages()
        self.knowledge()
        self.method()
        self.add("</main>\n</body>\n</html>\n")
        return "".join(self.parts)

    # ---- building blocks -------------------------------------------------------------------------------

    def table(self, head: Sequence[str], rows: Iterable[Sequence[str]], foot: Sequence[str] | None = None,
              *, wide: bool = False) -> None:
        cls = ' class="wide"' if wide else ""
        self.add(f'<div class="scroll"><table{cls}><thead><tr>', *(f"<th>{_e(h)}</th>" for h in head),
                 "</tr></thead><tbody>")
        for row in rows:
            self.add("<tr>", *(f"<td>{cell}</td>" for cell in row), "</tr>")
        self.add("</tbody>")
        if foot:
            self.add("<tfoot><tr>", *(f"<td>{cell}</td>" for cell in foot), "</tr></tfoot>")
        self.add("</table></div>\n")

    def chart(self, svg: str, caption: str) -> None:
        if svg:
            self.add(f'<figure class="chart">{svg}<figcaption>{_e(caption)}</figcaption></figure>\n')

    def heading(self, level: int, text: str) -> None:
        self.add(f"<h{level}>{_e(text)}</h{level}>\n")

    def paragraph(self, text: str, cls: str = "") -> None:
        self.add(f'<p class="{cls}">' if cls else "<p>", _e(text), "</p>\n")

    def keys(self, items: Iterable[tuple[str, str]]) -> None:
        self.add('<div class="keys">', *(f'<div class="key"><b>{value}</b><span>{_e(label)}</span></div>'
                                         for value, label in items), "</div>\n")

    # ---- sections --------------------------------------------------------------------------------------

    def header(self, title: str) -> None:
        period = self.r["period"]
        where = place(period["municipality"]) if period["municipality"] else _("All six municipalities")
        made = _("made {date}").format(date=day(period["generated_at"][:10]))
        self.add(f"<h1>{_e(title)}</h1>\n")
        self.paragraph(f"{day(period['from'])} – {day(period['to'])} · {where} · {made}", "muted")
        if period["demo"]:
            self.paragraph(_("DEMO: these numbers come from made-up conversations, not from real people."), "demo")
        questions, cases = self.r["questions"], self.r["cases"]
        met = [in_time(cases["by_urgency"][lv]) for lv in ("emergency", "urgent")]
        self.keys([
            (n(questions["total"]), _("questions")),
            (pct(questions["outcomes"]["answered"]["share"]), _("answered")),
            (n(questions["people"]["total"]), _("people asking (counted once a day)")),
            (n(cases["total"]), _("urgent cases")),
            (" / ".join(met), _("reached in time (emergency / urgent)")),
            (n(self.r["listings"]["searches"]["no_result"]), _("housing searches with no result")),
            (n(self.r["knowledge"]["curator_queue"]["open"]), _("questions waiting for curators")),
        ])
        self.paragraph(_("<5 means 1 to 4: small numbers are hidden to protect the young people. x means hidden so "
                         "that a small number cannot be worked out from a total."), "legend")

    def questions(self) -> None:
        q = self.r["questions"]
        self.heading(2, _("What young people ask"))
        outcomes = list(q["outcomes"])
        weeks = q["by_week"]
        self.chart(charts.stacked_bars([week(w["week"]) for w in weeks],
                                       [(outcome_name(o), charts.OUTCOME_COLOURS[o], [w[o] for w in weeks])
                                        for o in outcomes]),
                   _("Questions per week, by how Husly answered."))
        self.table([_("How Husly answered"), _("Questions"), _("Share")],
                   [(_e(outcome_name(o)), n(q["outcomes"][o]["count"]), pct(q["outcomes"][o]["share"]))
                    for o in outcomes], [_e(_("All")), n(q["total"]), ""])
        self.heading(3, _("By week"))
        self.table([_("Week"), *(outcome_name(o) for o in outcomes), _("All")],
                   [(f"{_e(week(w['week']))} <span class='muted'>({_e(day(w['start']))})</span>",
                     *(n(w[o]) for o in outcomes), n(w["total"])) for w in weeks],
                   [_e(_("All")), *(n(q["outcomes"][o]["count"]) for o in outcomes), n(q["total"])])
        self.heading(3, _("By municipality"))
        self.table([_("Municipality"), *(outcome_name(o) for o in outcomes), _("All")],
                   [(_e(place(m["municipality"])), *(n(m[o]) for o in outcomes), n(m["total"]))
                    for m in q["by_municipality"]],
                   [_e(_("All")), *(n(q["outcomes"][o]["count"]) for o in outcomes), n(q["total"])])
        topics = q["by_topic"]
        self.heading(3, _("Answered questions by topic and municipality"))
        top = [t for t in topics if isinstance(t["total"], int)][:12]
        self.chart(charts.bars([t["title"] for t in top], [t["total"] for t in top]),
                   _("The most asked topics (answered questions)."))
        places = [m["municipality"] for m in q["by_municipality"]]
        self.table([_("Topic"), *(place(m) for m in places), _("All")],
                   [(_e(t["title"]), *(n(t["by_municipality"][m]) for m in places), n(t["total"])) for t in topics],
                   [_e(_("All")), *(n(m["answered"]) for m in q["by_municipality"]),
                    n(q["outcomes"]["answered"]["count"])], wide=True)
        feedback = q["feedback"]
        self.heading(3, _("Was the answer helpful?"))
        self.table([_("Topic"), _("👍 Yes"), _("👎 No"), _("All")],
                   [(_e(t["title"]), n(t["up"]), n(t["down"]), n(t["total"])) for t in feedback["by_topic"]],
                   [_e(_("All")), n(feedback["up"]), n(feedback["down"]), n(feedback["total"])])
        people = q["people"]
        self.heading(3, _("New and returning"))
        self.paragraph(_("Each person who asks is counted once a day, without Husly storing who they are: new "
                         "means their first day with Husly."))
        self.table([_("People asking"), _("Person-days")],
                   [(_e(_("New")), n(people["new"])), (_e(_("Returning")), n(people["returning"]))],
                   [_e(_("All")), n(people["total"])])

    def unanswered(self) -> None:
        u = self.r["unanswered"]
        self.heading(2, _("What Husly could not answer"))
        self.keys([(n(u["total"]), _("questions without a sure answer")), (pct(u["share"]), _("of all questions"))])
        self.table([_("Nearest topic Husly found"), _("Questions")],
                   [(_e(t["title"] or _("None")), n(t["count"])) for t in u["by_nearest_topic"]],
                   [_e(_("All")), n(u["total"])])
        most = self.r["knowledge"]["curator_queue"]["most_asked"]
        self.heading(3, _("Asked most often without a good answer"))
        if most:
            self.paragraph(_("From the curator queue, with names, numbers and addresses removed; only questions "
                             "asked at least 5 times."), "note")
            self.table([_("Question"), _("Times asked")],
                       [(f"<q>{_e(m['question'])}</q>", n(m["times"])) for m in most])
        else:
            self.paragraph(_("No question in the curator queue has been asked 5 times or more."))

    def cases(self) -> None:
        c = self.r["cases"]
        self.heading(2, _("Urgent cases"))
        levels = [("emergency", _("Emergency")), ("urgent", _("Urgent"))]
        timed = [(label, c["by_urgency"][lv]["p50_minutes"], c["by_urgency"][lv]["p90_minutes"],
                  c["by_urgency"][lv]["sla_minutes"]) for lv, label in levels]
        if any(p50 is not None for _l, p50, _p90, _s in timed):
            self.chart(charts.wait_times(timed, (_("half were reached within (p50)"), _("9 in 10 within (p90)"),
                                                 _("promised time"))),
                       _("Minutes from the young person asking for help to a caseworker taking the case."))
        rows = []
        for lv, label in levels:
            u = c["by_urgency"][lv]
            rows.append((_e(label), n(u["count"]), n(u["contacted"]), _e(_minutes(u["p50_minutes"])),
                         _e(_minutes(u["p90_minutes"])), format_number(u["sla_minutes"]), n(u["met"]), n(u["missed"]),
                         n(u["waiting"]), in_time(u)))
        self.table([_("Level"), _("Cases"), _("Reached"), _("p50 min"), _("p90 min"), _("Promise, min"),
                    _("In time"), _("Late"), _("Still waiting"), _("Share in time")], rows,
                   [_e(_("All")), n(c["total"]), "", "", "", "", "", "", "", ""], wide=True)
        self.paragraph(_("p50 and p90 are shown from 5 reached cases. A case counts as late if nobody took it "
                         "within the promised time, also if nobody has yet."), "note")
        self.heading(3, _("Why help was needed"))
        self.table([_("Reason"), _("Cases")],
                   [(_e(reason_label(r["reason"])), n(r["count"])) for r in c["reasons"]])
        self.paragraph(_("A case can have several reasons."), "note")
        outcomes = c["outcomes"]
        self.heading(3, _("How the cases ended"))
        self.table([_("Outcome"), _("Cases")], [(_e(outcome_label(o)), n(v)) for o, v in outcomes.items()
                                                if o != "closed"], [_e(_("Closed")), n(outcomes["closed"])])
        fu = c["followup"]
        self.heading(3, _("Did they find somewhere safe?"))
        self.table([_("Answer a day after the case closed"), _("Cases")],
                   [(_e(_("Yes, safe")), n(fu["safe"])), (_e(_("No, not safe")), n(fu["not_safe"])),
                    (_e(_("No answer")), n(fu["no_answer"]))], [_e(_("Asked")), n(fu["asked"])])
        self.heading(3, _("By municipality"))
        self.table([_("Municipality"), _("Cases")], [(_e(place(m["municipality"])), n(m["count"]))
                                                      for m in c["by_municipality"]], [_e(_("All")), n(c["total"])])
        if c["referrals"]:
            self.heading(3, _("Referrals from partners"))
            self.table([_("Organisation"), _("Links made"), _("Of them used"), _("Cases opened")],
                       [(_e(r["organisation"]), n(r["made"]), n(r["used"]), n(r["cases"])) for r in c["referrals"]])
            self.paragraph(_("Links made in the period and how many of them opened a case; cases opened in the period "
                             "through the organisation's links. Links used or expired are deleted after 30 days, and "
                             "an anonymised case no longer names the organisation."), "note")

    def listings(self) -> None:
        li = self.r["listings"]
        self.heading(2, _("Housing"))
        self.keys([(n(li["published"]["total"]), _("listings published")), (n(li["searches"]["total"]), _("searches")),
                   (n(li["searches"]["no_result"]), _("searches with no result")),
                   (n(li["alerts_sent"]["total"]), _("alerts sent"))])
        grid = li["no_result_by_rent"]
        self.chart(charts.heatmap([place(r["municipality"]) for r in grid["rows"]], [band(b) for b in grid["bands"]],
                                  [[r["bands"][b] for b in grid["bands"]] for r in grid["rows"]]),
                   _("Searches with no result, by municipality and the most the person could pay a month (kr.): "
                     "where homes are missing."))
        self.table([_("Municipality"), *(band(b) for b in grid["bands"]), _("All")],
                   [(_e(place(r["municipality"])), *(n(r["bands"][b]) for b in grid["bands"]), n(r["total"]))
                    for r in grid["rows"]],
                   [_e(_("All")), *(n(grid["totals"][b]) for b in grid["bands"]), n(li["searches"]["no_result"])],
                   wide=True)
        searches = li["searches"]
        published, alerts = li["published"]["by_municipality"], li["alerts_sent"]["by_municipality"]
        self.table([_("Municipality"), _("Published"), _("Searches"), _("Found something"), _("No result"),
                    _("Alerts sent")],
                   [(_e(place(s["municipality"])), n(published[s["municipality"]]) if s["municipality"] in published
                     else "", n(s["total"]), n(s["found"]), n(s["no_result"]), n(alerts[s["municipality"]]))
                    for s in searches["by_municipality"]],
                   [_e(_("All")), n(li["published"]["total"]), n(searches["total"]), n(searches["found"]),
                    n(searches["no_result"]), n(li["alerts_sent"]["total"])], wide=True)

    def languages(self) -> None:
        lang = self.r["languages"]
        self.heading(2, _("Languages"))
        names = {"da": _("Danish"), "en": _("English")}
        self.table([_("Language"), _("Questions"), _("Share"), _("Urgent cases")],
                   [(_e(names[code]), n(lang["questions"][code]["count"]), pct(lang["questions"][code]["share"]),
                     n(lang["cases"][code])) for code in ("da", "en")])

    def knowledge(self) -> None:
        k = self.r["knowledge"]
        self.heading(2, _("The knowledge base"))
        queue = k["curator_queue"]
        self.keys([(n(queue["open"]), _("questions in the curator queue")),
                   (_e(day(queue["oldest"])), _("the oldest waiting since"))])
        self.paragraph(_("Curators work through the queue with husly curate list and husly curate resolve."))
        self.heading(3, _("Topics past their review date"))
        if k["past_review"]:
            self.table([_("Topic"), _("Last checked")], [(_e(t["title"]), _e(day(t["last_reviewed"])))
                                                         for t in k["past_review"]])
        else:
            self.paragraph(_("Every topic was checked within the last {days} days.").format(
                days=k["review_after_days"]))

    def method(self) -> None:
        self.heading(2, _("How the numbers are made"))
        self.add("<ul class='note'>")
        for line in (
            _("Husly stores no questions with a name or chat: only the topic, how it was answered, the language "
              "and the municipality. Deleting one's data therefore does not change this report."),
            _("Days and weeks follow Danish time (Europe/Copenhagen). Weeks run Monday to Sunday."),
            _("Numbers from 1 to 4 are shown as <5, and a second number is hidden (x) where a total would "
              "otherwise give a small number away."),
            _("Questions in the curator queue have names, phone numbers, e-mail addresses, CPR numbers and "
              "addresses removed, and are deleted after the retention period."),
        ):
            self.add(f"<li>{_e(line)}</li>")
        self.add("</ul>\n")
