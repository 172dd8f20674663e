"""Publish one listing in the chat, step by step (/ny_bolig): buttons where there are choices, text otherwise.

The answers so far live in the person's conversation state (``Form``: the step, and the values so far), so the
form survives a restart and works on any bot instance. Values are checked with the same readers as the CSV
import, so the rules and messages are the same.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import Field

from bot.conversation.callbacks import button
from bot.conversation.cards import municipality_name
from bot.conversation.context import Context
from bot.conversation.router import Router
from bot.conversation.scope import PARTNER_PRIVATE
from bot.conversation.state import FlowPart
from bot.i18n import N_, _, format_date
from bot.listings import fields
from bot.listings.buttons import FormCancel, FormChoice, FormPublish, FormStart, ListingsPage
from bot.listings.csv_import import DEFAULT_DAYS, UP_FRONT_HIGH
from bot.listings.fields import FieldError
from bot.listings.models import KINDS, Listing, monthly_cost
from bot.listings.permissions import own_provider, staff_of
from bot.listings.publish import FORM_REF_PREFIX, ListingInput, publish
from bot.listings.render import card, kind_label, target_label
from bot.listings.search import local_day
from bot.replies import Reply, esc
from knowledge.schema import MUNICIPALITIES

FLOW = "listing_form"


@dataclass(frozen=True)
class Step:
    name: str
    question: Callable[[], str]
    # Reads the typed (or pressed) answer into a JSON-friendly value; raises FieldError.
    read: Callable[[str, dt.date], Any]
    choices: Callable[[], list[tuple[str, str]]] = list


def _apply(raw: str, _today: dt.date) -> dict[str, str | None]:
    """A link, a phone number, or both ("https://… 12 34 56 78")."""
    words = raw.replace(",", " ").split()
    links = [w for w in words if "://" in w or w.startswith("www.")]
    url = fields.url(links[0]) if links else None
    phone = fields.phone(" ".join(w for w in words if w not in links))
    if not url and not phone:
        raise FieldError(_("write a link or a phone number"))
    return {"url": url, "phone": phone}


STEPS: tuple[Step, ...] = (
    Step("municipality", lambda: _("Which municipality is the home in?"), lambda v, _t: fields.municipality(v),
         lambda: [(municipality_name(m), m) for m in MUNICIPALITIES]),
    Step("area", lambda: _("Which area or part of town? (fx Aarhus N; no street address)"),
         lambda v, _t: fields.text(v, limit=60, required=True)),
    Step("kind", lambda: _("What kind of home?"), lambda v, _t: fields.kind(v),
         lambda: [(kind_label(k), k) for k in KINDS]),
    # Not known for every home (a room in a shared flat, a shelter place): Skip leaves it out of the listing.
    Step("rooms", lambda: _("How many rooms?"), lambda v, _t: fields.optional_whole_number(v, low=1, high=10),
         lambda: [*((str(n), str(n)) for n in (1, 2, 3, 4)), (_("Skip"), "-")]),
    Step("size_m2", lambda: _("How many m²?"), lambda v, _t: fields.optional_whole_number(v, low=5, high=300),
         lambda: [(_("Skip"), "-")]),
    Step("rent", lambda: _("Rent a month in kr., without aconto?"),
         lambda v, _t: fields.money(v, low=500, high=30_000, monthly=True)),
    # Skip: not known, and young people see "aconto (ikke oplyst)", not 0 kr. (0 is a home without aconto).
    Step("aconto", lambda: _("Aconto for heating and water a month in kr.?"),
         lambda v, _t: fields.optional_money(v, high=5_000, monthly=True) if v.strip() else None,
         lambda: [("0", "0"), (_("Skip"), "-")]),
    # Don't know: not known, and young people see "ikke oplyst – spørg udlejeren"; 0 is a home with none to pay.
    Step("deposit", lambda: _("Deposit in kr.?"), lambda v, _t: fields.optional_money(v, high=UP_FRONT_HIGH),
         lambda: [("0", "0"), (_("Don't know"), "-")]),
    Step("prepaid_rent", lambda: _("Prepaid rent in kr.?"),
         lambda v, _t: fields.optional_money(v, high=UP_FRONT_HIGH), lambda: [("0", "0"), (_("Don't know"), "-")]),
    Step("available_from", lambda: _("Free from which date? (fx 1-2-2027)"),
         # A day that has passed is free now, as in a file (the summary before Publish shows the day read).
         lambda v, today: max(fields.available_from(v, today), today).isoformat(),
         lambda: [(_("Right away"), "straks")]),
    Step("target_group", lambda: _("Who is it for?"), lambda v, _t: fields.target_group(v),
         lambda: [(target_label(g), g) for g in ("youth", "students", "everyone")]),
    Step("apply", lambda: _("How do people apply? Write a link, a phone number, or both."), _apply),
    Step("reference", lambda: _("Your own reference for the home (so a CSV file can update it later)?"),
         lambda v, _t: fields.text(v, limit=64, required=False), lambda: [(_("Skip"), "-")]),
)
_BY_NAME = {step.name: step for step in STEPS}


class Form(FlowPart):
    """The form's part of the conversation state: the question asked ("confirm" at the end), the values so far."""

    key = FLOW
    step: str
    data: dict[str, Any] = Field(default_factory=dict)


def start_form(ctx: Context) -> None:
    """Start the step-by-step form for one new listing (partners only)."""
    if own_provider(staff_of(ctx)) is None:
        ctx.reply(Reply(esc(_("The form is for partners. Admins publish with a CSV file that has an udbyder "
                              "column."))))
        return
    ctx.state.start(Form(step=STEPS[0].name))
    ctx.reply(_question(STEPS[0]))


def form_text(ctx: Context) -> None:
    """Take a typed answer to the current form question."""
    _answer(ctx, ctx.incoming.text)


def form_start(ctx: Context, data: FormStart) -> None:
    """Start the form from its button."""
    start_form(ctx)


def form_cancel(ctx: Context, data: FormCancel) -> None:
    """Cancel the form."""
    if _form_closed(ctx):
        return
    ctx.state.end(Form)
    ctx.reply(Reply(esc(_("Okay, nothing was published."))))


def form_publish(ctx: Context, data: FormPublish) -> None:
    """Publish the listing the form describes."""
    if not _form_closed(ctx):
        _publish(ctx)


def form_choice(ctx: Context, data: FormChoice) -> None:
    """Take a choice for the current question."""
    if _form_closed(ctx):
        return
    form = ctx.state.get(Form)
    if form is None or data.step != form.step:
        ctx.answer_callback(_("Answer the last question, or tap Cancel."))
        return
    _answer(ctx, data.value)


def _form_closed(ctx: Context) -> bool:
    if ctx.state.get(Form) is not None:
        return False
    ctx.answer_callback(_("That form is closed. Write /ny_bolig to start again."))
    return True


def _answer(ctx: Context, raw: str) -> None:
    provider = own_provider(staff_of(ctx))
    form = ctx.state.get(Form)
    step = _BY_NAME.get(form.step) if form is not None else None
    if provider is None or form is None or step is None:
        ctx.state.end(Form)
        ctx.reply(Reply(esc(_("The form is for partners. Write /start to begin again."))))
        return
    try:
        value = step.read("" if raw == "-" else raw, local_day(ctx.now))
    except FieldError as exc:
        ctx.reply(_question(step, problem=str(exc)))
        return
    data = {**form.data, step.name: value}
    following = STEPS.index(step) + 1
    if following < len(STEPS):
        ctx.state.start(Form(step=STEPS[following].name, data=data))
        ctx.reply(_question(STEPS[following]))
        return
    ctx.state.start(Form(step="confirm", data=data))
    preview = _listing(data, provider, ctx.now)
    ctx.reply(Reply(esc(_("This is how young people will see it:")) + "\n\n" + card(_preview(preview)),
                    buttons=((button("✅ " + _("Publish"), FormPublish()), button(_("Cancel"), FormCancel())),)))


def _publish(ctx: Context) -> None:
    provider = own_provider(staff_of(ctx))
    form = ctx.state.get(Form)
    if provider is None or form is None or form.step != "confirm":
        ctx.answer_callback(_("The form is for partners. Write /start to begin again."))
        return
    listing = _listing(form.data, provider, ctx.now)
    result = publish(ctx.session, [listing], now=ctx.now)
    ctx.state.end(Form)
    done = _("Published. It is shown until {date}; extend it in /mine_boliger. Messages to young people: "
             "{alerts}.") if result.created else _("Updated the listing with the same reference. Messages to "
                                                   "young people: {alerts}.")
    ctx.reply(Reply(esc(done.format(date=format_date(listing.expires_on), alerts=result.alerts_sent)),
                    buttons=((button(_("My listings"), ListingsPage(0)),),)))


def _listing(data: dict[str, Any], provider: str, now: dt.datetime) -> ListingInput:
    today = local_day(now)
    reference = data.get("reference") or f"{FORM_REF_PREFIX}{today:%Y%m%d}-{secrets.token_hex(3)}"
    return ListingInput(
        provider=provider, provider_ref=reference, municipality=data["municipality"], area=data["area"],
        kind=data["kind"], rooms=data.get("rooms"), size_m2=data.get("size_m2"), rent=data["rent"],
        aconto=data.get("aconto"), deposit=data.get("deposit"), prepaid_rent=data.get("prepaid_rent"),
        available_from=dt.date.fromisoformat(data["available_from"]), target_group=data["target_group"],
        apply_url=data["apply"]["url"], apply_phone=data["apply"]["phone"], description=None,
        expires_on=fields.default_expiry(today, dt.date.fromisoformat(data["available_from"]), DEFAULT_DAYS),
    )


def _preview(item: ListingInput) -> Listing:
    return Listing(**dataclasses.asdict(item), monthly_total=monthly_cost(item.rent, item.aconto))


def _question(step: Step, problem: str | None = None) -> Reply:
    text = esc(step.question())
    if problem:
        text = esc(_("That did not work: {problem}").format(problem=problem)) + "\n" + text
    choices = [button(label, FormChoice(step.name, value)) for label, value in step.choices()]
    rows = [tuple(choices[i:i + 2]) for i in range(0, len(choices), 2)]
    rows.append((button(_("Cancel"), FormCancel()),))
    return Reply(text, tuple(rows))


def register(router: Router) -> None:
    router.command("ny_bolig", start_form, scope=PARTNER_PRIVATE, menu=N_("publish a home"))
    for data, handler in ((FormStart, form_start), (FormCancel, form_cancel), (FormPublish, form_publish),
                          (FormChoice, form_choice)):
        router.callback(data, handler, scope=PARTNER_PRIVATE)
    router.flow(FLOW, form_text)
