"""Typed answers to the case questions, read the way a person on a phone writes them instead of tapping.

At night, in a crisis, many people type: "ja det må de", "jeg er 17", "på gaden", "Copenhagen". Each of these was
put on the case as a message and the same question asked again, so the case stayed without a municipality
(seen by no local caseworker), an age or a bed for tonight. Everything here works on ``fold``-ed text (lower
case, æ/ø/å as ae/oe/aa, no punctuation) and is deliberately narrow: a short message that says one thing.
"""

from __future__ import annotations

import re

from knowledge.normalise import fold

# Longer than this a message says more than an answer; it goes to the case as words.
MAX_ANSWER_WORDS = 8

# "May the caseworkers read what you write to me here?" [Yes, they may] [No, only my answers].
WORDS_YES = frozenset({
    "ja", "ja tak", "jaa", "jep", "jo", "ok", "okay", "gerne", "ja gerne", "ja det maa de", "det maa de",
    "de maa gerne", "ja de maa gerne", "det maa de gerne", "ja det maa de gerne", "ja de maa", "ja det er ok",
    "det er ok", "ja fint", "fint", "yes", "yeah", "yep", "sure", "yes they may", "they may", "yes they can",
    "they can", "yes thats fine", "thats fine", "fine", "ok thats fine", "yes please", "ja det maa de godt",
    "det maa de godt", "ja det er fint", "ja fint nok", "fint nok", "ja det er okay",
})
WORDS_NO = frozenset({
    "nej", "nej tak", "no", "no thanks", "nope", "nah", "nej kun mine svar", "kun mine svar", "nej det maa de ikke",
    "det maa de ikke", "de maa ikke", "nej de maa ikke", "helst ikke", "nej helst ikke", "no only my answers",
    "only my answers", "no they may not", "no they cant", "they may not", "they cant", "i d rather not",
    "rather not", "anonym", "anonymous", "skip", "spring over",
})

# An age said in so many words ("jeg er 17", "17 år", "i'm 19", "19 years old"), or a bare number when asked.
_AGE = re.compile(r"^(?P<pre>(?:jeg er|er|i m|im|i am|age|alder)\s+)?(?P<age>\d{1,2})"
                  r"(?P<post>\s+(?:aar|aar gammel|years?|years? old|yo|y o))?$")
# "ja jeg er 17 og ..." inside a short message; not "jeg er 20 min væk".
_AGE_IN_WORDS = re.compile(r"\b(?:jeg er|i m|im|i am)\s+(?P<age>\d{1,2})\b(?!\s*(?:min|minutter|minutes|mins|km|kr|"
                           r"timer|hours|dage|days|uger|weeks|meter|m)\b)")

# Where the person sleeps tonight, in their words, most specific first (the TONIGHT codes of the buttons).
_TONIGHT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("unsafe_home", re.compile(r"\b(hjemme|home)\b.*\b(ikke (tryg|trygt|sikkert|sikker)|utryg|utrygt|not safe|"
                               r"unsafe)\b")),
    ("shelter", re.compile(r"\b(herberg\w*|forsorgshjem\w*|natcafe\w*|natvarme\w*|krisecent\w*|shelter|hostel)\b")),
    ("friends", re.compile(r"\b(ven|venner|veninde|veninder|vennen|kammerat\w*|kaereste\w*|familie\w*|moster|faster|"
                           r"mormor|farmor|morfar|farfar|onkel|tante|faetter|kusine|bror|brors|soester|"
                           r"friend|friends|friend s|mate|mates|family|aunt|uncle|cousin|grandma|boyfriend|"
                           r"girlfriend|couch|sofa|sofaen)\b")),
    ("outside", re.compile(r"\b(ude|udenfor|udenfor i nat|gaden|paa gaden|ingen steder|ingensteder|intet sted|ved ikke|"
                           r"aner det ikke|ikke noget sted|park\w*|banegaard\w*|station\w*|trappeopgang\w*|opgang\w*|"
                           r"bil|bilen|baenk\w*|busskur\w*|skur\w*|telt\w*|kaelder\w*|"
                           r"outside|outdoors|street|streets|nowhere|no where|no idea|dont know|don t know|"
                           r"car|bench|tent|stairwell|on the street)\b")),
    # A bare "hjemme" is not read: "at home, but it's not safe" is a button too, and guessing "safe" lowers the case.
    ("has_place", re.compile(r"^(?:jeg )?(?:har et sted|har en seng|jeg har et sted|i have a place|have a place|"
                             r"i have somewhere|got a place|i ve got a place)$")),
)


# Off the tonight question (the person answers it before it is asked, or after skipping it), only a message that is
# nothing but a place: "ude", "på gaden", "hos en ven", "outside", "at a friend's". Not "min kæreste smed mig ud".
_FRIEND_WORDS = (r"(?:ven|venner|veninde|veninder|vennen|kammerat\w*|kaereste\w*|familie\w*|moster|faster|mormor|"
                 r"farmor|morfar|farfar|onkel|tante|faetter|kusine|bror|soester)")
_PLACE_ONLY: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("shelter", re.compile(r"^(?:paa |i )?(?:et |en |a |the )?(?:herberg\w*|forsorgshjem\w*|natcafe\w*|natvarme\w*|"
                           r"krisecent\w*|shelter|hostel)$")),
    ("friends", re.compile(r"^(?:hos|ved) (?:en |et |min |mit |mine |nogle |noget |nogen |en af mine )?"
                           + _FRIEND_WORDS + r"(?: [a-z]+)?$"
                           r"|^(?:with|at) (?:a |my |some )?(?:friend|friends|friend s|mate|mates|family|aunt|uncle|"
                           r"cousin|grandma|boyfriend|girlfriend)(?: s)?(?: place| house)?$"
                           r"|^(?:paa )?(?:en )?sofa(?:en)?(?: hos \w+(?: \w+)?)?$"
                           r"|^(?:on )?(?:a |the |someone s )?couch$")),
    ("outside", re.compile(r"^(?:ude|udenfor|gaden|paa gaden|ingen steder|ingensteder|intet sted|ikke noget sted|"
                           r"i (?:en |et )?(?:park\w*|bil\w*|opgang\w*|trappeopgang\w*|telt\w*|skur\w*|busskur\w*)|"
                           r"paa (?:en )?(?:baenk\w*|banegaard\w*|station\w*|gaden)|"
                           r"outside|outdoors|on the street|on the streets|in the street|in the park|nowhere|"
                           r"in (?:my |a |the )?car|on a bench|in a tent)$")),
)
# What may stand around the place: "jeg sover ude", "ude i nat", "i'm sleeping outside tonight", "jeg sidder bare på en
# bænk" (the learned model read that as despair, and the open case got the suicide line).
_AROUND_PLACE = re.compile(r"^(?:(?:jeg )?(?:sover|skal sove|er|bliver|sidder|staar|ligger)(?: bare| stadig| nu)?|"
                           r"i m sleeping|im sleeping|i m sitting|im sitting|i m|im|sleeping|"
                           r"i sleep|i ll sleep|i will sleep)\s+|\s+(?:i nat|tonight)$")


def tonight_only(text: str) -> str | None:
    """The TONIGHT code of a message that names only where the person sleeps tonight, else None."""
    said = _short(text)
    if said is None:
        return None
    said = _AROUND_PLACE.sub("", _AROUND_PLACE.sub("", said, count=1), count=1).strip()
    for code, pattern in _PLACE_ONLY:
        if pattern.match(said):
            return code
    return None


_HOME_ONLY = re.compile(r"^(?:(?:jeg )?(?:sover|skal sove|er)\s+|i m sleeping\s+|im sleeping\s+|i m\s+|im\s+|"
                        r"i sleep\s+)?(?:hjemme|derhjemme|hjem|home|at home)(?:\s+i nat|\s+tonight)?$")


def home_only(text: str) -> bool:
    """"hjemme" or "at home" alone: home, but not whether it is safe there (the two buttons that say home)."""
    said = _short(text)
    return said is not None and _HOME_ONLY.match(said) is not None


# "Skip" typed instead of tapped, at the municipality, age or tonight question (at the words and contact questions it
# is the no, in WORDS_NO). It was put on the case as a message, and the same question came again.
SKIP = frozenset({
    "spring over", "spring den over", "spring det over", "spring", "skip", "skip it", "skip this", "next", "pass",
    "videre", "naeste", "vil ikke svare", "vil ikke sige det", "det vil jeg ikke sige", "det vil jeg ikke svare paa",
    "helst ikke", "ingen kommentar", "rather not say", "i d rather not say", "prefer not to say", "no comment",
})


# "I don't want to say my name", "jeg vil ikke sige hvor gammel jeg er": not wanting to tell, in a few words. The
# learned model read "don't want to" as despair, and on the open case it became an emergency with the suicide line.
_REFUSES = re.compile(
    r"(?:(?:nej|no|sorry|undskyld)\s+)?(?:"
    r"(?:jeg\s+)?(?:vil|gider)\s+(?:helst\s+)?(?:ikke|ik)\s+(?:sige|svare|fortaelle|skrive|oplyse)|"
    r"det\s+vil\s+jeg\s+(?:helst\s+)?(?:ikke|ik)\s+(?:sige|svare|fortaelle|skrive)|"
    r"i\s+(?:don\s+t|dont|do\s+not)\s+(?:want|wanna)\s+(?:to\s+)?(?:say|tell|answer|share|give)|"
    r"(?:i\s+d|id|i\s+would|i)\s+rather\s+not\s+(?:say|tell|answer|share)|"
    r"not\s+telling|won\s+t\s+(?:say|tell))"
    r"(?:\s+(?:det|paa\s+det|dig|jer|mit|min|mine|hvor|hvad|hvem|hvordan|gammel|jeg|er|bor|navn|alder|it|that|"
    r"you|my|name|age|where|how|old|i|am|live|sleep|sover))*")


def skip(text: str) -> bool:
    """Whether ``text`` asks to skip the question ("spring over", "vil ikke sige det", "skip", "I don't want to
    say my age")."""
    said = _short(text)
    return said is not None and (said in SKIP or _REFUSES.fullmatch(said) is not None)


def _short(text: str) -> str | None:
    said = fold(text)
    return said if said and len(said.split()) <= MAX_ANSWER_WORDS else None


# Letters typed again and again ("yesss", "jaaa", "neeej") count once.
_REPEATED = re.compile(r"(\w)\1{2,}")
# A short yes as typed on a phone at night ("ye", "yea pls", "ok ja tak"): every word one of these, one of them a yes
# ("ok tak" alone may close the talk: no yes).
_YES_TOKENS = frozenset({"ja", "jo", "jep", "jeps", "jaja", "yes", "ye", "yea", "yeah", "yeh", "yep", "yup", "ya",
                         "yas", "gerne", "sure"})
_YES_FILLER = frozenset({"tak", "please", "pls", "plz", "thanks", "thx", "tnx", "du", "you", "ok", "okay"})
_YES_MAX_WORDS = 4
# A short no with what people add to it: "nej tak, det vil jeg ikke", "no i don't want to", "det vil jeg helst
# ikke", "nej det gider jeg ikke". Whole messages only: "jeg vil ikke leve mere" is no answer (and not calm).
_NOT_WANTED = (r"(?:(?:det )?(?:vil|gider) (?:jeg )?(?:helst )?(?:ikke|ikk|ik)|"
               r"jeg (?:vil|gider) (?:helst )?(?:ikke|ikk|ik)|"
               r"det maa de (?:helst )?"
               r"ikke|helst ikke|ikke nu|i (?:don t|dont|do not) want(?: to| that)?|(?:don t|dont) want to|"
               r"i d rather not|rather not|not now|no way)")
_NO_ANSWER = re.compile(r"(?:(?:nej|neej|no|nope|nah|nix)(?: (?:nej|no))?(?: (?:tak|thanks|thank you|ellers tak))?"
                        r"(?: " + _NOT_WANTED + r")?|" + _NOT_WANTED + r")(?: (?:tak|thanks))?")


# A no to the offer of a caseworker in more words than "nej tak": "no i dont want to talk to anyone from the kommune",
# "nej jeg vil ikke have kommunen ind over". Read as a question it got "not sure" with the suicide topic as a choice,
# and the offer stayed, so a later "ok" opened the case the person had refused. What is refused must be a person or
# the municipality: "jeg vil ikke hjem" or "jeg vil ikke leve mere" refuse no help.
_NOT_WANTING = (r"(?:(?:jeg |i )?(?:vil|gider) (?:helst )?(?:ikke|ikk|ik)|i (?:don t|dont|do not) (?:want|wanna)|"
                r"(?:don t|dont|do not) (?:want|wanna)|i d rather not|id rather not|i won t|i wont|no)")
_HELPERS = (r"(?:kommunen|kommune|sagsbehandler\w*|medarbejder\w*|socialraadgiver\w*|socialraadgivning\w*|"
            r"nogen|kommune\w*|myndighed\w*|municipality|council|caseworker\w*|social worker\w*|social services|"
            r"anyone|anybody|someone|somebody|the authorities|a case|en sag|the kommune)")
_REFUSES_HELP = re.compile(r"\b" + _NOT_WANTING + r"(?: \w+){0,5}? " + _HELPERS + r"\b")
# "... they will call my mom", "så ringer de til min far": why the person says no.
_PARENTS_TOLD = re.compile(
    r"\b(?:call\w*|tell\w*|contact\w*|ring\w*|fortael\w*|sige\w* det(?: \w+)? til|kontakt\w*|involv\w*|"
    r"inddrag\w*|finde ud af|find out|know)\b(?: \w+){0,3}? (?:my|min|mine|mit|mig|me)? ?"
    r"(?:mom|mum|mother|dad|father|parents|stepdad|stepmom|mor|far|foraeldre|stedfar|stedmor|familie|family)\b")
# Longer than this, a message says more than no.
_REFUSAL_MAX_WORDS = 25


def refuses_help(said: str) -> bool:
    """Whether ``said`` (``fold``-ed, punctuation gone) says no to a caseworker or the municipality, in a short no
    ("nej tak, det vil jeg ikke") or in words ("no i dont want to talk to anyone from the kommune")."""
    if not said or len(said.split()) > _REFUSAL_MAX_WORDS:
        return False
    return _NO_ANSWER.fullmatch(said) is not None or _REFUSES_HELP.search(said) is not None


def fears_parents_told(said: str) -> bool:
    """Whether ``said`` (``fold``-ed) fears that the parents or the family will be told ("they will call my mom")."""
    return _PARENTS_TOLD.search(said) is not None


def short_yes(said: str) -> bool:
    """A short typed yes in ``said`` (``fold``-ed): "ja", "jaaa", "yea pls", "ok ja tak"."""
    words = _REPEATED.sub(r"\1", said).split()
    return (0 < len(words) <= _YES_MAX_WORDS and any(w in _YES_TOKENS for w in words)
            and all(w in _YES_TOKENS or w in _YES_FILLER for w in words))


# A yes and an age in one message, typed under the offer of a caseworker ("ja jeg er 17", "yes im 16", "ja tak, 17 år"):
# the age with what may stand around it, taken out before the rest is read as a yes (case30).
_AGE_BESIDE_YES = re.compile(r"\b(?:(?:og|and)\s+)?(?:(?:jeg er|er|i m|im|i am|age|alder)\s+)?(?P<age>\d{1,2})"
                             r"(?:\s+(?:aar gammel|aar|years old|year old|years|yo|y o))?\b")

_ASIDE = frozenset({"btw", "forresten", "fyi"})


def yes_with_age(text: str) -> str | None:
    """The age band when ``text`` is a short yes with the person's age beside it ("ja jeg er 17"), else None.
    Under the offer of a caseworker, "ja jeg er 17" was read as the age alone and the offer came again: the yes
    was lost, and the person had to say it twice."""
    said = _short(text)
    if said is None:
        return None
    match = _AGE_BESIDE_YES.search(said)
    if match is None or (band := band_of_age(int(match["age"]))) is None:
        return None
    rest = " ".join(w for w in (said[:match.start()] + " " + said[match.end():]).split() if w not in _ASIDE)
    return band if rest and short_yes(re.sub(r"(\w)\1+", r"\1", rest)) else None


# "stop", "hold op", "no more questions" typed at a case question: the person wants the questions to end (case30). It
# was put on the case, and the same question came again under it.
_STOP = re.compile(r"(?:ok(?:ay)? )?(?:stop+|stopp+|hold op|hold nu op|stop (?:det|nu|med det|med spoergsmaalene|"
                   r"stop|asking|it|asking me|the questions|please|pls)|(?:ikke|ingen) flere spoergsmaal|"
                   r"no more questions|enough questions|stop spoerg\w*|gider ikke flere spoergsmaal)(?: (?:tak|nu|pls|"
                   r"please|now))?")


# "hvorfor?" or "why do you need that" typed at a case question: why the question is asked (case30). It was put on
# the case, searched as a topic (the thrown-out topic came), and the question came again. Whole messages only:
# "hvorfor svarer ingen" is a call, not this.
_WHY = re.compile(r"(?:men |but |og |and )?(?:hvorfor|hvorfor det|hvorfor dog|hvorfor spoerger du(?: om det)?|"
                  r"hvorfor skal (?:i|du) vide det|hvorfor vil (?:i|du) vide det|hvad skal (?:i|du) bruge det til|"
                  r"why|why tho|why though|why do you ask|why do you need (?:to know|that|it)|why do you want to know|"
                  r"why does it matter|what is it for|whats it for|what do you need (?:it|that) for)")


def asks_why(text: str) -> bool:
    """Whether ``text`` only asks why the question on screen is asked ("hvorfor?", "why do you need that")."""
    said = _short(text)
    return said is not None and _WHY.fullmatch(said) is not None


def wants_to_stop(text: str) -> bool:
    """Whether ``text`` only asks for the questions to stop ("stop", "hold op", "no more questions")."""
    said = _short(text)
    return said is not None and _STOP.fullmatch(_REPEATED.sub(r"\1", said)) is not None


def words_consent(text: str) -> bool | None:
    """True or False when ``text`` is a short yes or no, as typed to "may the caseworkers read what you write?" (and
    to the contact question), else None. "det vil jeg ikke" and "nej tak, det vil jeg ikke" were no answer: the
    learned model read the first as despair, and the second waited with the first words, to be kept on a later yes."""
    said = _short(text)
    if said is None:
        return None
    if said in WORDS_YES or short_yes(said):
        return True
    if said in WORDS_NO or _NO_ANSWER.fullmatch(_REPEATED.sub(r"\1", said)):
        return False
    return None


def age_band(text: str, *, asked: bool) -> str | None:
    """The age band of an age written in ``text``. A bare number counts only when the age was ``asked``."""
    said = _short(text)
    if said is None:
        return None
    match = _AGE.match(said)
    if match is not None and not (asked or match["pre"] or match["post"]):
        match = None
    match = match or _AGE_IN_WORDS.search(said)
    if match is None:
        return None
    return band_of_age(int(match["age"]))


def own_age_band(words: str) -> str | None:
    """The age band of the writer's own age said anywhere in ``words`` ("im 19, in Høje-Taastrup"), for a case that
    opens with them; a bare number is no age here."""
    match = _AGE_IN_WORDS.search(fold(words))
    return band_of_age(int(match["age"])) if match is not None else None


def band_of_age(age: int) -> str | None:
    """The AGE_BANDS code of an age (10-99), or None for a number that is no young person's age."""
    if not 10 <= age <= 99:
        return None
    return "under_18" if age < 18 else "18_24" if age < 25 else "25_29" if age < 30 else "30_plus"


def tonight(text: str) -> str | None:
    """Where the person says they sleep tonight (a TONIGHT code), from a short answer."""
    said = _short(text)
    if said is None:
        return None
    for code, pattern in _TONIGHT:
        if pattern.search(said):
            return code
    return None


# "mit nummer er 12 34 56 78", "call me on +45 12345678": what may stand before a number typed as an answer.
_BEFORE_PHONE = re.compile(r"^(?:(?:ja|yes|ok)[\s,.!]*)?(?:(?:mit |my )?(?:nummer|nr\.?|tlf\.?|telefon|mobil|number|"
                           r"phone|mobile)(?: er| is|:)?|ring (?:til mig )?(?:paa|på)|call me (?:on|at))?[\s:]*",
                           re.IGNORECASE)
_DANISH_PHONE = re.compile(r"^(?:\+45|0045)?[\s-]*((?:\d[\s-]*){8})$")


def phone(text: str) -> str | None:
    """A Danish phone number typed as the whole answer ("12 34 56 78", "+45 12345678", "mit nummer er …"), as
    +45 and eight digits; None for anything else."""
    match = _DANISH_PHONE.match(_BEFORE_PHONE.sub("", text.strip(), count=1).strip(" .!"))
    if match is None:
        return None
    return "+45" + "".join(ch for ch in match.group(1) if ch.isdigit())


# The first words of a question ("hvad er SU", "kan jeg sove et sted"), when the question mark is left out.
_QUESTION_START = re.compile(
    r"^(?:hvad|hvor|hvordan|hvornaar|hvem|hvorfor|hvilken|hvilke|hvilket|hva|kan jeg|kan man|kan i|maa jeg|maa man|"
    r"skal jeg|skal man|er der|har i|findes der|what|where|how|when|who|why|which|can i|can you|is there|are there|"
    r"do i|do you|should i)\b")


def asks_a_question(text: str) -> bool:
    """Whether a message asks something (a question mark, or a question's first words): at the case questions only
    such a message is searched in the knowledge base; one that tells ("min mor ved ikke, at jeg er her") is not."""
    return "?" in text or bool(_QUESTION_START.match(fold(text).strip()))
