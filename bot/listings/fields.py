"""Read one value a partner typed (in a CSV cell or the bot's form) into what a listing stores.

Each reader returns the value or raises ``FieldError`` with a short message that quotes what was typed, so
the CSV import can say "Række 14, husleje: '4.5OO' er ikke et beløb" and the form can say the same part.
Partners write like Danish Excel does: "4.500", "4.500,00", "kr. 4.500", "1-2-2027", "København".
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import lru_cache
from typing import Literal, overload
from urllib.parse import urlsplit

from babel import Locale
from babel.numbers import NumberFormatError, parse_decimal

from bot.i18n import _
from bot.listings.kinds import KINDS
from knowledge.lexicon import detect_municipality
from knowledge.normalise import fold

MAX_EXPIRY = dt.timedelta(days=365)
# Parsed once: looking the locale up again for every cell of a 10,000-row file costs a noticeable second.
DANISH, ENGLISH = Locale.parse("da_DK"), Locale.parse("en_GB")


class FieldError(ValueError):
    """A value that cannot be used; the message is ready to show to the partner."""


# Ways partners write each type (folded); the slug itself and its Danish and English labels are included.
KIND_WORDS: dict[str, str] = {
    "vaerelse": "vaerelse", "vaer": "vaerelse", "room": "vaerelse", "lejevaerelse": "vaerelse",
    "lejlighed": "lejlighed", "lejl": "lejlighed", "flat": "lejlighed", "apartment": "lejlighed",
    "ungdomsbolig": "ungdomsbolig", "youth housing": "ungdomsbolig", "youth flat": "ungdomsbolig",
    "kollegievaerelse": "kollegievaerelse", "kollegie": "kollegievaerelse", "kollegium": "kollegievaerelse",
    "dorm room": "kollegievaerelse", "student room": "kollegievaerelse", "halls": "kollegievaerelse",
    "delebolig": "delebolig", "shared flat": "delebolig", "shared housing": "delebolig", "flatshare": "delebolig",
    "skaev bolig": "skaev-bolig", "skaeve boliger": "skaev-bolig", "skaev": "skaev-bolig",
    "alternative housing": "skaev-bolig",
    "midlertidig bolig": "midlertidig-bolig", "midlertidig": "midlertidig-bolig",
    "temporary housing": "midlertidig-bolig", "temporary home": "midlertidig-bolig",
}
TARGET_WORDS: dict[str, str] = {
    "": "everyone", "alle": "everyone", "everyone": "everyone", "all": "everyone",
    "unge": "youth", "unge 18 29": "youth", "18 29": "youth", "youth": "youth", "young people": "youth",
    "youth 18 29": "youth",
    "studerende": "students", "students": "students", "student": "students", "uddannelsessoegende": "students",
}
_CURRENCY = re.compile(r"^(kr\.?|dkk)\s*|\s*(kr\.?|dkk|,-|\.-)$", re.IGNORECASE)
_ENGLISH_GROUPING = re.compile(r"^\d{1,3}(,\d{3})+(\.\d{1,2})?$")
_SPACES = re.compile(r"[\s\u00a0\u202f]")
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%y", "%d.%m.%y", "%d/%m/%y")
_PHONE = re.compile(r"^\+?[\d ]{8,16}$")


# "a month" after a monthly amount, as partners write it in a spreadsheet: "4500 kr./md", "4.500 pr. md.", "4500/mdr",
# "4500 om måneden", "4500 per month". A particle is needed: "3 mdr" as a deposit means three months' rent.
_MONTH = r"(?:md|mdr|mnd|maaned|maaneden|måned|måneden|month|mo|mth)"
_PER = r"(?:\s*/\s*|\s*\b(?:pr\.?|per|om|a|hver)\s*)"
_PER_MONTH = re.compile(_PER + _MONTH + r"\.?$|\s*\b(?:maanedligt|månedligt|monthly|pcm)$", re.IGNORECASE)
# Another period: a week's or a year's rent is not a month's, and guessing would show a wrong price.
_PER_OTHER = re.compile(_PER + r"(?:uge|ugen|aar|aaret|år|året|week|wk|year|yr|kvartal|quarter|dag|day)\.?$",
                        re.IGNORECASE)


def money(raw: str, *, low: int, high: int, monthly: bool = False) -> int:
    """Whole kroner from "4.500", "4500", "4.500,00", "kr. 4.500", "4.500,- kr." or "4,500"; outside low..high is
    refused. A ``monthly`` amount (rent, aconto) may say so: "4500 kr./md", "4.500 pr. md.", "4500 om måneden"."""
    text = raw.strip()
    if monthly:
        if _PER_OTHER.search(text):
            raise FieldError(_("'{value}' is not an amount a month: write what it costs a month, for example "
                               "4.500").format(value=raw))
        text = _PER_MONTH.sub("", text)
    for _step in range(3):  # "4.500,- kr.": the ",-" and the "kr." each come off
        stripped = _CURRENCY.sub("", text).strip()
        if stripped == text:
            break
        text = stripped
    text = _SPACES.sub("", text)
    if not text:
        raise FieldError(_("'{value}' is not an amount").format(value=raw))
    try:
        # "4,500" is how English Excel groups thousands; in Danish it would mean four and a half kroner.
        locale = ENGLISH if _ENGLISH_GROUPING.match(text) else DANISH
        value = _decimal(text, locale)
    except NumberFormatError:
        raise FieldError(_("'{value}' is not an amount").format(value=raw)) from None
    if value < 0:
        raise FieldError(_("'{value}' is negative").format(value=raw))
    kroner = int(value.quantize(Decimal(1)))
    if not low <= kroner <= high:
        raise FieldError(_("'{value}' looks wrong: it must be between {low} and {high} kr.").format(
            value=raw, low=low, high=high))
    return kroner


# No amount or count in a listing has more digits than this; a bigger number is a mistake, not a number.
MAX_DIGITS = 9


def _decimal(text: str, locale: Locale) -> Decimal:
    """Plain digits directly (most cells); anything else through Babel, strictly, so "4.5OO" is refused.

    "NaN", "inf" and "1e400" are numbers to Python but not amounts: they are refused like any other typo.
    """
    plain = text.isascii() and text.isdigit()
    value = Decimal(text) if plain else parse_decimal(text, locale=locale, strict=True)
    if not value.is_finite() or value.adjusted() >= MAX_DIGITS:
        raise NumberFormatError(f"not a usable number: {text!r}")
    return value


def optional_money(raw: str, *, high: int, monthly: bool = False) -> int:
    """Like ``money``, but an empty cell is 0 (no aconto, no deposit)."""
    return money(raw, low=0, high=high, monthly=monthly) if raw.strip() else 0


def whole_number(raw: str, *, low: int, high: int) -> int:
    """A count or a size: "2", "14", "14,5" (rounded)."""
    text = raw.strip().removesuffix("m2").removesuffix("m²").strip()
    try:
        value = _decimal(text, DANISH)
    except NumberFormatError:
        raise FieldError(_("'{value}' is not a number").format(value=raw)) from None
    number = int(value.quantize(Decimal(1)))
    if not low <= number <= high:
        raise FieldError(_("'{value}' looks wrong: it must be between {low} and {high}").format(
            value=raw, low=low, high=high))
    return number


# A time after the day, as spreadsheets other than Danish Excel write a date cell ("2027-02-01 00:00:00").
_MIDNIGHT = re.compile(r"[ T]0?0:00(:00)?(\.0+)?$")


def date(raw: str) -> dt.date:
    """A day written as 2027-01-31, 31-01-2027, 31.01.2027 or 31/1/2027 (a midnight time after it is ignored)."""
    text = _MIDNIGHT.sub("", raw.strip())
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise FieldError(_("'{value}' is not a date (write it like 31-01-2027)").format(value=raw))


def available_from(raw: str, today: dt.date) -> dt.date:
    """When the home is free; empty, "straks" or "now" mean today."""
    if fold(raw) in ("", "straks", "nu", "now", "asap", "immediately"):
        return today
    return date(raw)


def expires_on(raw: str, today: dt.date, default: dt.date) -> dt.date:
    """The last day the listing is shown: not in the past and at most a year ahead."""
    if not raw.strip():
        return default
    day = date(raw)
    if day < today:
        raise FieldError(_("'{value}' is in the past").format(value=raw))
    if day > today + MAX_EXPIRY:
        raise FieldError(_("'{value}' is more than a year ahead").format(value=raw))
    return day


def municipality(raw: str) -> str:
    """One of the six municipality slugs from "København", "Kbh", "Århus", "hoeje-taastrup"..."""
    slug = _municipality_slug(fold(raw))
    if slug is None:
        raise FieldError(_("'{value}' is not one of the six municipalities "
                           "(Randers, Roskilde, København, Favrskov, Aarhus, Høje-Taastrup)").format(value=raw))
    return slug


@lru_cache(maxsize=1024)
def _municipality_slug(folded: str) -> str | None:
    # A file names the same few municipalities thousands of times.
    return detect_municipality(folded.split())


def kind(raw: str) -> str:
    """A type slug from "værelse", "Kollegieværelse", "skæv bolig", "room"..."""
    folded = fold(raw)
    slug = KIND_WORDS.get(folded) or KIND_WORDS.get(folded.replace(" ", "")) or \
        (folded.replace(" ", "-") if folded.replace(" ", "-") in KINDS else None)
    if slug is None:
        raise FieldError(_("'{value}' is not a type. Use one of: {kinds}").format(
            value=raw, kinds="værelse, lejlighed, ungdomsbolig, kollegieværelse, delebolig, skæv bolig, "
                             "midlertidig bolig"))
    return slug


def target_group(raw: str) -> str:
    """youth, students or everyone from "unge 18-29", "studerende", "alle" (empty means everyone)."""
    group = TARGET_WORDS.get(fold(raw))
    if group is None:
        raise FieldError(_("'{value}' is not a target group. Use: unge, studerende or alle").format(value=raw))
    return group


def url(raw: str) -> str | None:
    """A web address to apply at: http(s) only, so a link can never run anything in the chat."""
    text = raw.strip()
    if not text:
        return None
    if text.startswith("www."):
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or len(text) > 300:
        raise FieldError(_("'{value}' is not a web address (write it like https://...)").format(value=raw))
    return text


def phone(raw: str) -> str | None:
    """A phone number: 8 digits, or + and a country code."""
    text = raw.strip().replace("-", " ")
    if not text:
        return None
    if not _PHONE.match(text) or sum(ch.isdigit() for ch in text) < 8:
        raise FieldError(_("'{value}' is not a phone number").format(value=raw))
    return " ".join(text.split())


@overload
def text(raw: str, *, limit: int, required: Literal[True]) -> str: ...
@overload
def text(raw: str, *, limit: int, required: bool) -> str | None: ...
def text(raw: str, *, limit: int, required: bool) -> str | None:
    """Free text (area, reference, description), trimmed; too long is refused rather than cut."""
    value = " ".join(raw.split())
    if not value:
        if required:
            raise FieldError(_("is empty"))
        return None
    if len(value) > limit:
        raise FieldError(_("is longer than {n} characters").format(n=limit))
    return value
