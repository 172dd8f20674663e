"""Read one value a partner typed (in a CSV cell or the bot's form) into what a listing stores.

Each reader returns the value or raises ``FieldError`` with a short message that quotes what was typed, so
the CSV import can say "Række 14, husleje: '4.5OO' er ikke et beløb" and the form can say the same part.
Partners write like Danish Excel does: "4.500", "4.500,00", "kr. 4.500", "1-2-2027", "København".
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
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


# Ways partners write each type (folded); the slug itself and its Danish and English labels are included. A Danish
# housing organisation's own sheet says what kind of home it is in its own words: "Almen bolig" or "almen
# familiebolig" is a flat in social housing, "studio" a one-room flat, "udslusningsbolig" a temporary home on the way
# out of a shelter. Words for homes no young person is offered (ældrebolig, plejebolig) or that say nothing of the
# home's kind (bolig, lejebolig) are not here: the row says which words are understood.
KIND_WORDS: dict[str, str] = {
    "vaerelse": "vaerelse", "vaer": "vaerelse", "room": "vaerelse", "lejevaerelse": "vaerelse",
    "enkeltvaerelse": "vaerelse", "dobbeltvaerelse": "vaerelse", "fremlejevaerelse": "vaerelse",
    "single room": "vaerelse", "double room": "vaerelse", "rented room": "vaerelse",
    "lejlighed": "lejlighed", "lejl": "lejlighed", "flat": "lejlighed", "apartment": "lejlighed",
    "almen bolig": "lejlighed", "almenbolig": "lejlighed", "almen familiebolig": "lejlighed",
    "familiebolig": "lejlighed", "almen lejlighed": "lejlighed", "studio": "lejlighed", "studie": "lejlighed",
    "studio apartment": "lejlighed", "studio flat": "lejlighed", "etvaerelses": "lejlighed",
    "1 rumsbolig": "lejlighed", "etrumsbolig": "lejlighed", "etvaerelseslejlighed": "lejlighed",
    "ungdomsbolig": "ungdomsbolig", "youth housing": "ungdomsbolig", "youth flat": "ungdomsbolig",
    "almen ungdomsbolig": "ungdomsbolig", "ungdomslejlighed": "ungdomsbolig", "ungdomsbolig almen": "ungdomsbolig",
    "kollegievaerelse": "kollegievaerelse", "kollegie": "kollegievaerelse", "kollegium": "kollegievaerelse",
    "kollegielejlighed": "kollegievaerelse", "kollegiebolig": "kollegievaerelse",
    "dorm room": "kollegievaerelse", "student room": "kollegievaerelse", "halls": "kollegievaerelse",
    "delebolig": "delebolig", "shared flat": "delebolig", "shared housing": "delebolig", "flatshare": "delebolig",
    "delelejlighed": "delebolig", "bofaellesskab": "delebolig", "kollektiv": "delebolig", "shared room": "delebolig",
    # A room in a shared home is rented as part of it: the home is shared, which is what a searcher needs to know.
    "vaerelse i delebolig": "delebolig", "vaerelse i bofaellesskab": "delebolig",
    "vaerelse i delelejlighed": "delebolig", "vaerelse i kollektiv": "delebolig", "room in shared flat": "delebolig",
    "room in a shared flat": "delebolig",
    "skaev bolig": "skaev-bolig", "skaeve boliger": "skaev-bolig", "skaev": "skaev-bolig", "skaeve huse": "skaev-bolig",
    "skaevt hus": "skaev-bolig", "alternative housing": "skaev-bolig",
    "midlertidig bolig": "midlertidig-bolig", "midlertidig": "midlertidig-bolig",
    "udslusningsbolig": "midlertidig-bolig", "temporary housing": "midlertidig-bolig",
    "temporary home": "midlertidig-bolig",
}
# Plurals, as a list of homes is often headed ("Ungdomsboliger", "Værelser"): folded plural -> folded singular.
_KIND_PLURALS = {
    "vaerelser": "vaerelse", "lejligheder": "lejlighed", "ungdomsboliger": "ungdomsbolig",
    "kollegievaerelser": "kollegievaerelse", "deleboliger": "delebolig", "midlertidige boliger": "midlertidig bolig",
    "almene boliger": "almen bolig", "almene familieboliger": "almen familiebolig", "familieboliger": "familiebolig",
    "almene ungdomsboliger": "almen ungdomsbolig", "udslusningsboliger": "udslusningsbolig", "rooms": "room",
    "flats": "flat", "apartments": "apartment", "studios": "studio", "kollegielejligheder": "kollegielejlighed",
}
# "2-værelses lejlighed", "1 vær. lejl.", "1-rums": the number of rooms has its own column.
_ROOMS_FIRST = re.compile(r"^(?:\d+|et|to|tre|fire) ?(?:vaerelses|vaer|rums|rum|room|bedroom)\b ?")
TARGET_WORDS: dict[str, str] = {
    "": "everyone", "alle": "everyone", "everyone": "everyone", "all": "everyone",
    "unge": "youth", "unge 18 29": "youth", "18 29": "youth", "youth": "youth", "young people": "youth",
    "youth 18 29": "youth",
    "studerende": "students", "students": "students", "student": "students", "uddannelsessoegende": "students",
}
_CURRENCY = re.compile(r"^(kr\.?|dkk)\s*|\s*(kr\.?|dkk|,-|\.-)$", re.IGNORECASE)
# English Excel: "4,500" and "4,500.00" group thousands with a comma; "4500.00" (a CSV from an English system, or a
# cell formatted with two decimals) has a decimal point that Danish grouping cannot mean (it groups by three). "45.00"
# and "4.50" stay refused: a Danish "4.500" with a digit missing.
_ENGLISH_GROUPING = re.compile(r"^\d{1,3}(,\d{3})+(\.\d{1,2})?$|^\d{3,}\.\d{2}$")
_SPACES = re.compile(r"[\s\u00a0\u202f]")
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
    if unknown(text):  # "-" or "ukendt" where the amount is needed (the rent): not known is not enough
        raise FieldError(_("'{value}' does not say the amount, and it is needed here. Write it, for example "
                           "4.500").format(value=raw))
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
    # Half up, as a Dane rounds: 4.200,50 kr. is 4.201 (half to even gave 4.200, less than is paid).
    kroner = int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
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


# What partners write in an amount cell to say there is nothing to pay (folded): "ingen", "nej", "gratis". "0 kr"
# is read as an amount already.
NONE_WORDS = frozenset({"ingen", "nej", "intet", "ikke noget", "gratis", "none", "no", "nil", "nothing", "free"})


def optional_money(raw: str, *, high: int, monthly: bool = False) -> int | None:
    """Like ``money``, but "ingen", "nej", "gratis" or "0 kr" is 0, and a cell saying it is not known ("-", "ukendt",
    "se annonce", "inkl. i husleje": see ``unknown``) is None: young people see "ikke oplyst".

    An empty cell is not known (None): a deposit or an aconto left blank is no "0 kr." anybody wrote."""
    if not raw.strip():
        return None
    if fold(raw) in NONE_WORDS:
        return 0
    if unknown(raw):
        return None
    if not any(ch.isdigit() for ch in raw):  # a word the import does not know: say the three ways to fill the cell
        raise FieldError(_("'{value}' is not an amount. Write the amount (for example 350), 0 if there is none, or - "
                           "if you do not know it").format(value=raw))
    return money(raw, low=0, high=high, monthly=monthly)


def whole_number(raw: str, *, low: int, high: int) -> int:
    """A count or a size: "2", "14", "14,5" (rounded)."""
    text = raw.strip().removesuffix("m2").removesuffix("m²").strip()
    try:
        value = _decimal(text, DANISH)
    except NumberFormatError:
        raise FieldError(_("'{value}' is not a number").format(value=raw)) from None
    number = int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))  # 14,5 m² is 15, not 14 (half to even)
    if not low <= number <= high:
        raise FieldError(_("'{value}' looks wrong: it must be between {low} and {high}").format(
            value=raw, low=low, high=high))
    return number


# What partners write in a sheet's cell to mean "not known" (folded). A dash, a question mark or "n/a" alone fold to
# "" or "n a". Only whole cells: "ca. 300" or "300?" is no amount and stays refused.
UNKNOWN_WORDS = frozenset({
    "", "ved ikke", "vides ikke", "ukendt", "ikke kendt", "ikke oplyst", "ej oplyst", "ikke angivet", "uoplyst",
    "n a", "na", "nn", "tbd", "tba", "unknown", "not known", "not given", "see ad",
    "se annonce", "se annoncen", "se opslag", "se opslaget", "se link", "se hjemmeside", "se beskrivelse",
    "oplyses", "oplyses senere", "oplyses ved henvendelse", "foelger", "foelger senere", "kommer senere",
    "afventer", "spoerg", "spoerg udlejer", "kontakt os", "kontakt udlejer", "efter aftale", "aftales",
})
# An amount "included in the rent" ("inkl.", "inkl. i husleje", "indeholdt i huslejen"). A listing has no such thing:
# its aconto is an amount on top of the rent, or not known. Read as not known, and the import says so (write 0 if
# nothing is paid on top of the rent): 0 kr. nobody wrote would be a monthly total nobody gave.
_INCLUDED = re.compile(r"^(?:inkl|inkludere[ts]|inklusiv[e]?|incl|included|including|indeholdt|indregnet"
                       r"|medregnet|med i)\b")


def included(raw: str) -> bool:
    """The cell says the amount is included in the rent ("inkl.", "inkl. i husleje")."""
    return bool(_INCLUDED.match(fold(raw))) and not any(ch.isdigit() for ch in raw)


def unknown(raw: str) -> bool:
    """A filled cell that says its value is not known: "-", "–", "?", "n/a", "ukendt", "ikke oplyst", "se annonce",
    "inkl. i husleje". Never a cell with a digit in it."""
    return bool(raw.strip()) and not any(ch.isdigit() for ch in raw) and (fold(raw) in UNKNOWN_WORDS or
                                                                          included(raw))


def optional_whole_number(raw: str, *, low: int, high: int) -> int | None:
    """Like ``whole_number``, but an empty cell (or "-", "?", "ukendt", or 0, which no home has) is None: not
    known, and not shown."""
    if not raw.strip() or unknown(raw):
        return None
    if whole_number(raw, low=0, high=high) == 0:
        return None
    return whole_number(raw, low=low, high=high)


# A time after the day, as spreadsheets other than Danish Excel write a date cell ("2027-02-01 00:00:00").
_MIDNIGHT = re.compile(r"[ T]0?0:00(:00)?(\.0+)?$")


@cache
def _month_numbers() -> dict[str, int]:
    """Month names and their short forms, Danish and English, from Babel's locale data (folded: "februar", "feb",
    "sept"). Built on the first date read, not at import: the locale data is about 7 MB that every process would
    carry though only a partner's sheet needs it."""
    return {
        fold(name): number
        for locale in (DANISH, ENGLISH) for width in ("wide", "abbreviated")
        for number, name in locale.months["format"][width].items()
    } | {fold(name)[:3]: number for number, name in DANISH.months["format"]["wide"].items()} | {"sept": 9}

# Words before a date that do not change it: "pr. 1. februar", "d. 1/2-2027", "fra den 1. feb", "the 1st of May".
_DATE_FILLERS = frozenset({"pr", "per", "d", "den", "fra", "og", "med", "fom", "ledig", "from", "the", "of",
                           "on", "by"})
# Beginning, middle or end of a month, as Danish housing adverts write a month without a day.
_PART_OF_MONTH = {"primo": 1, "medio": 15, "ultimo": -1, "start": 1, "early": 1, "mid": 15, "end": -1}
# The home is free now.
# "Efter aftale" (by agreement): free, with the day agreed with whoever gets it.
NOW_WORDS = frozenset({"", "straks", "snarest", "snarest muligt", "hurtigst muligt", "nu", "ledig nu", "omgaaende",
                       "efter aftale", "now", "asap", "immediately", "right away", "available now", "by agreement"})
_NUMBER = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$|^(\d{1,4})$")


def date(raw: str) -> dt.date:
    """A day as Danes write it: 31-01-2027, 31.1.2027, 31/1-2027, 31/1/27, 2027-01-31, 31. jan 2027, 31. januar 2027,
    "januar 2027" (the first), "primo/medio/ultimo januar 2027". The day always comes first (Danish): "1/2/27" is the
    1st of February. A day without a year is refused rather than guessed, and so is a day that does not exist."""
    words = fold(_MIDNIGHT.sub("", raw.strip())).split()
    while words and words[0] in _DATE_FILLERS:
        words.pop(0)
    part = _PART_OF_MONTH.get(words[0]) if words else None
    if part is not None:
        words = words[1:] if words[1:2] != ["of"] else words[2:]
    try:
        found = _day_month_year(words, part)
    except ValueError:  # 31-02-2027, month 13 (a month-first date like 02/13/2027)
        found = None
    if not isinstance(found, dt.date):
        if found == NO_YEAR:
            raise FieldError(_("'{value}' has no year. Write it like 1-2-2027 or 1. februar 2027").format(value=raw))
        raise FieldError(_("'{value}' is not a date. Write the day first, for example 1-2-2027 or "
                           "1. februar 2027").format(value=raw))
    return found


NO_YEAR = "no year"


def _day_month_year(words: list[str], part: int | None) -> dt.date | str | None:
    """The date the words name (day first, or the year first as in 2027-01-31), "no year", or None."""
    numbers = [int(match.group(1) or match.group(2)) if (match := _NUMBER.match(w)) else None for w in words]
    months = [_month_numbers().get(w) for w in words]
    if len(words) == 3 and all(n is not None for n in numbers) and len(words[0]) == 4:
        year, month, day = numbers  # 2027-01-31
        return _day(year, month, day)
    if len(words) == 3 and numbers[0] is not None and numbers[2] is not None and len(words[2]) in (2, 4):
        month = numbers[1] if numbers[1] is not None and len(words[1]) <= 2 else months[1]
        return _day(numbers[2], month, numbers[0]) if month is not None and part is None else None
    if len(words) == 3 and months[0] is not None and numbers[1] is not None and len(words[2]) == 4:
        return _day(numbers[2], months[0], numbers[1]) if part is None else None  # "Feb 1, 2027"
    if len(words) == 2 and months[0] is not None and numbers[1] is not None and len(words[1]) == 4:
        year, month = numbers[1], months[0]  # "februar 2027": the first, or the part of the month named
        assert year is not None
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        return _day(year, month, last if part == -1 else part or 1)
    if len(words) == 2 and numbers[0] is not None and (months[1] is not None or numbers[1] is not None):
        return NO_YEAR  # "1. februar", "1/2"
    if len(words) == 1 and months[0] is not None:
        return NO_YEAR  # "februar"
    return None


def _day(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None:
        return None
    if year < 100:
        year += 2000
    return dt.date(year, month, day) if 2000 <= year <= 2100 else None


# A free-from day this far back is a wrong year, not a home free since then.
LONG_AGO = dt.timedelta(days=365)


def available_from(raw: str, today: dt.date) -> dt.date:
    """When the home is free; empty, "straks", "snarest" or "now" mean today. A day in the past is returned as it
    is (the file import says so and shows the home as free now); a day over a year ago is refused."""
    if fold(raw) in NOW_WORDS:
        return today
    try:
        day = date(raw)
    except FieldError as error:
        if not _a_word(raw):
            raise  # a day or a month written wrongly: the date's own message says how
        # A word, not a date: name the word that is understood, so the partner need not guess.
        raise FieldError(_("'{value}' is not a date. Write the day first (for example 1-2-2027), or straks if the "
                           "home is free now").format(value=raw)) from error
    if day < today - LONG_AGO:
        raise FieldError(_("'{value}' is more than a year ago. Check the year, or write straks if the home is "
                           "free now").format(value=raw))
    return day


def optional_available_from(raw: str, today: dt.date) -> dt.date | None:
    """Like ``available_from``, but a cell saying the day is not known ("-", "ukendt", "?", "oplyses senere") is
    None: young people see "ledig fra: ikke oplyst", never a day nobody gave. Empty still means now, and so does
    "efter aftale" (free, the day agreed with whoever gets it)."""
    if unknown(raw) and fold(raw) not in NOW_WORDS - {""}:  # "-" and "?" fold to "", which is an empty cell's
        return None
    try:
        return available_from(raw, today)
    except FieldError as error:
        if not _a_word(raw):
            raise
        raise FieldError(_("'{value}' is not a date. Write the day first (for example 1-2-2027), straks if the "
                           "home is free now, or - if you do not know it yet").format(value=raw)) from error


def _a_word(raw: str) -> bool:
    """A free-from cell with neither a digit nor a month's name: no date written wrongly, a word for when."""
    return not any(ch.isdigit() for ch in raw) and not any(word in _month_numbers() for word in fold(raw).split())


def default_expiry(today: dt.date, available: dt.date | None, days: int) -> dt.date:
    """The last day shown when the partner gives none: ``days`` from the day it can be moved into, or from today if
    that has passed. A home free from February, imported in December, was gone in early January."""
    return max(today, available or today) + dt.timedelta(days=days)


def expires_on(raw: str, today: dt.date, default: dt.date) -> dt.date:
    """The last day the listing is shown: not in the past and at most a year ahead."""
    if not raw.strip() or unknown(raw):
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
    """A type slug from "værelse", "Kollegieværelse", "skæv bolig", "Almen bolig", "2-værelses lejlighed", "room"..."""
    slug = _kind_slug(fold(raw))
    if slug is None:
        raise FieldError(_("'{value}' is not a type. Use one of: {kinds}").format(
            value=raw, kinds="værelse, lejlighed, ungdomsbolig, kollegieværelse, delebolig, skæv bolig, "
                             "midlertidig bolig"))
    return slug


@lru_cache(maxsize=256)
def _kind_slug(folded: str) -> str | None:
    """The type a folded cell names: as it is, without a room count first, in the singular, without "(almen)"."""
    for words in (folded, _ROOMS_FIRST.sub("", folded)):
        words = _KIND_PLURALS.get(words, words)
        slug = KIND_WORDS.get(words) or KIND_WORDS.get(words.replace(" ", "")) or \
            (words.replace(" ", "-") if words.replace(" ", "-") in KINDS else None)
        if slug is not None:
            return slug
    # "Lejlighed (almen)", "Ungdomsbolig - almen": the kind and a word about who owns it.
    rest = [w for w in folded.split() if w not in ("almen", "almene", "almindelig")]
    if rest and len(rest) < len(folded.split()):
        return _kind_slug(" ".join(rest))
    return None


def target_group(raw: str) -> str:
    """youth, students or everyone from "unge 18-29", "studerende", "alle" (empty means everyone)."""
    group = TARGET_WORDS.get(fold(raw))
    if group is None:
        raise FieldError(_("'{value}' is not a target group. Use: unge, studerende or alle").format(value=raw))
    return group


def url(raw: str) -> str | None:
    """A web address to apply at: http(s) only, so a link can never run anything in the chat."""
    text = raw.strip()
    if not text or unknown(text):
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
    if not text or unknown(raw):
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
    if unknown(value):  # "-" or "ukendt": an area or a reference that says nothing, and a description of nothing
        if required:
            raise FieldError(_("'{value}' says nothing, and it is needed here. Write it").format(value=raw))
        return None
    if len(value) > limit:
        raise FieldError(_("is longer than {n} characters").format(n=limit))
    return value
