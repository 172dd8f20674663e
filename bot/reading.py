"""Read a message the way a person would: its sentences, what it asks, and what is only background.

Real messages are not search queries. A letter opens with "Kære Puk" or "Hej", tells a story, asks its question
near the end and signs off with a name. Retrieval and triage read the parts differently: the questions and the
last lines say what the person wants; the story around them is background that weighs less.

Pure text handling, no knowledge of topics: the same reading serves retrieval (bot/answering.py) and triage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from knowledge.normalise import fold

# A message of more words than this, or of more sentences, is read as a letter rather than a question.
LONG_WORDS = 40
LONG_SENTENCES = 3
# How many of the last sentences count as the message's point besides its questions.
LAST_SENTENCES = 2

# Greetings and sign-offs carry no topic ("Kære Puk", "Dear Abby:", "Mvh Lotte", "-- WORRIED MOM").
_GREETING = re.compile(r"^\s*(?:kære|kaere|hej|hejsa|hey|hi|hello|hallo|goddag|dear)\b[^.!?:,\n]{0,30}?[,:!.]?\s*$",
                       re.IGNORECASE)
# "... what I should do. -- FED-UP MOM IN MASSACHUSETTS": a signature at the end of the last line.
_TRAILING_SIGNATURE = re.compile(r"\s+(?:--|–|—)\s*[^.?!]{1,60}$")
_SIGN_OFF = re.compile(
    r"^\s*(?:[-–—]{1,2}\s*\S.*|(?:mvh|m\.v\.h\.|venlig hilsen|venligst|kærlig hilsen|kh|hilsen|de bedste hilsner|"
    r"med venlig hilsen|sincerely|regards|best regards|kind regards|love|yours|thanks|thank you|thanks so much|"
    r"thanks in advance|tak|tak på forhånd|på forhånd tak|tusind tak)\b.{0,40})$",
    re.IGNORECASE)
# A sentence ends at . ! ? … (not inside "f.eks." or "Mr.") or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(\-–—]*[A-ZÆØÅ0-9])|(?<=[?!])\s+|\n+")
_ABBREVIATIONS = ("f.eks.", "fx.", "bl.a.", "dvs.", "ca.", "mr.", "mrs.", "ms.", "dr.", "st.", "nr.", "kr.", "e.g.",
                  "i.e.", "etc.", "jf.", "evt.", "osv.", "mht.")
# A question that does not end in "?" (people often leave it out) starts with one of these.
_QUESTION_WORDS = frozenset(fold(w) for w in (
    "hvad", "hvordan", "hvor", "hvornår", "hvorfor", "hvem", "hvilken", "hvilke", "hvilket", "kan", "må", "skal",
    "er", "har", "bør", "vil", "findes", "what", "how", "where", "when", "why", "who", "which", "can", "could",
    "should", "do", "does", "is", "are", "am", "will", "would", "may", "must", "any"))
_FIRST_PERSON = frozenset(fold(w) for w in ("jeg", "mig", "min", "mit", "mine", "vi", "os", "i", "me", "my", "i'm",
                                              "im", "we", "us"))
_BULLET = re.compile(r"^\s*(?:[-*•>]+|\d+[.)])\s+")


@dataclass(frozen=True)
class Reading:
    """One message split into sentences, with its point (questions and last lines) marked."""

    text: str
    sentences: tuple[str, ...]
    questions: tuple[int, ...]

    @property
    def long(self) -> bool:
        """A letter (several sentences or many words), not a one-line question."""
        return len(self.sentences) > LONG_SENTENCES or len(self.text.split()) > LONG_WORDS

    @cached_property
    def point(self) -> tuple[int, ...]:
        """Indexes of the sentences that say what the person wants: the questions and the last lines."""
        last = range(max(0, len(self.sentences) - LAST_SENTENCES), len(self.sentences))
        return tuple(sorted({*self.questions, *last}))

    @property
    def focus(self) -> str:
        """The point of the message as one text (the whole message when it is short)."""
        if not self.long:
            return self.body
        return " ".join(self.sentences[i] for i in self.point)

    @cached_property
    def asking(self) -> str:
        """The clauses that ask (empty when nothing is asked): a question sentence, or the clause of a sentence that
        turns to ask ("jeg bor hos en ven, skal jeg melde flytning" asks "skal jeg melde flytning"; "... men hvordan
        søger jeg boligstøtte" after its conjunction), or what a statement asks in other words ("I would like to know
        whether I can get housing benefit" asks "whether i can get housing benefit", folded)."""
        return " ".join(_asked_after(clause) for sentence in self.sentences for clause in _asking_clauses(sentence))

    @cached_property
    def question(self) -> str:
        """The one question of a message that says something around it, as written: its question sentence from the
        clause that asks ("hej, jeg har et spørgsmål: hvad er boligstøtte?" asks "hvad er boligstøtte?"; "my mum said
        to ask you: can I ..." asks "can I ..."). Empty when the message asks no question or several, and when the
        question is all it says."""
        if len(self.questions) != 1:
            return ""
        sentence = self.sentences[self.questions[0]]
        clauses = [c for c in _CLAUSE.split(sentence) if c.strip()]
        start = next((i for i, clause in enumerate(clauses)
                      if _is_question(clause) or _turns_to_ask(fold(clause).split())), 0)
        question = ", ".join(c.strip() for c in clauses[start:])
        return "" if fold(question) == fold(self.body) else question

    @property
    def body(self) -> str:
        """The message without greeting and sign-off."""
        return " ".join(self.sentences) or self.text.strip()

    def windows(self, size: int = 2) -> list[str]:
        """Runs of ``size`` neighbouring sentences (a short message is one window)."""
        if len(self.sentences) <= size:
            return [self.body]
        return [" ".join(self.sentences[i : i + size]) for i in range(len(self.sentences) - size + 1)]


def read(text: str) -> Reading:
    """Split a message into sentences, leaving out a greeting line and a signature, and find its questions."""
    lines = [_BULLET.sub("", line).strip() for line in text.replace("\r", "").split("\n")]
    lines = [line for line in lines if line and line.strip(".… ")]
    if len(lines) > 1 and _GREETING.match(lines[0]):
        lines = lines[1:]
    elif lines:
        lines[0] = _strip_greeting(lines[0])
    while len(lines) > 1 and _signature(lines[-1]):
        lines = lines[:-1]
    if lines:
        lines[-1] = _TRAILING_SIGNATURE.sub("", lines[-1])
    sentences = [s for line in lines for s in _split(line) if _has_words(s)]
    questions = tuple(i for i, s in enumerate(sentences) if _is_question(s))
    return Reading(text, tuple(sentences), questions)


def _strip_greeting(line: str) -> str:
    """ "Dear Abby: I am ..." -> "I am ..."; a line that is only a greeting is kept (it may be all there is)."""
    match = re.match(r"^\s*(?:kære|kaere|dear)\s+[^,:\n]{1,30}[,:]\s*(?=\S)", line, re.IGNORECASE)
    return line[match.end():] if match else line


def _signature(line: str) -> bool:
    """A last line that signs the letter: "-- FED-UP MOM", "Mvh Lotte", "Broke and Confused", "Thanks"."""
    if _SIGN_OFF.match(line):
        return True
    words = fold(line).split()
    if not words:  # only emoji or punctuation: folded to nothing, it signs nothing
        return False
    return (len(words) <= 5 and not re.search(r"[.?!…:]\s*$", line) and words[0] not in _QUESTION_WORDS
            and not _FIRST_PERSON & set(words))


def sentences(text: str) -> list[str]:
    """Every sentence of ``text``, greeting and signature included (triage reads all of it)."""
    lines = [_BULLET.sub("", line).strip() for line in text.replace("\r", "").split("\n")]
    return [s for line in lines if line for s in _split(line) if _has_words(s)]


def _split(line: str) -> list[str]:
    protected = line
    for abbreviation in _ABBREVIATIONS:
        protected = re.sub(r"(?<![^\W\d_])" + re.escape(abbreviation), lambda m: m.group(0).replace(".", "\x00"),
                           protected, flags=re.IGNORECASE)
    return [part.replace("\x00", ".").strip() for part in _SENTENCE_END.split(protected) if part and part.strip()]


def _has_words(sentence: str) -> bool:
    return any(ch.isalnum() for ch in sentence)


def _is_question(sentence: str) -> bool:
    if sentence.rstrip(" .…!\"'”’)").endswith("?"):
        return True
    words = fold(sentence).split()
    return bool(words) and words[0] in _QUESTION_WORDS and len(words) <= 25 and not sentence.rstrip().endswith(".")


# A clause turns to ask when it puts a verb before its subject, the order a Danish or English question takes
# ("skal jeg", "kan man", "can I"), after a question word or not ("hvordan skriver jeg", "how do I"): _turns_to_ask.
_ASKING_WORDS = frozenset(fold(w) for w in (
    "hvad", "hvordan", "hvor", "hvornår", "hvorfor", "hvem", "hvilken", "hvilke", "hvilket", "what", "how", "where",
    "when", "why", "who", "which"))
_SUBJECTS = frozenset(fold(w) for w in ("jeg", "du", "man", "vi", "i", "de", "han", "hun", "det", "der", "you", "we",
                                          "they", "he", "she", "it", "there"))
_CLAUSE = re.compile(r"\s*[,;:]\s+|\s+[-–—]\s+")


# A clause may open with a conjunction before it turns to ask ("..., but where can I live now", "og hvordan søger jeg").
_CONJUNCTIONS = frozenset(fold(w) for w in ("but", "and", "so", "or", "then", "men", "og", "så", "eller"))
# A statement that asks in other words: what follows one of these, from a word that opens the question, is the
# question ("I wondered if you could tell me about ...", "jeg vil gerne vide, om ..."). Folded, as runs of words.
_ASKING_INDIRECTLY = tuple(f" {fold(phrase)} " for phrase in (
    "wonder", "wondering", "wondered", "find out", "want to know", "wanted to know", "like to know", "need to know",
    "tell me", "not sure", "vil gerne vide", "ville gerne vide", "vil vide", "vil høre", "vil gerne høre",
    "ville høre", "spekulerer på", "er i tvivl", "finde ud af",
    # These name what they ask about: any word may follow.
    "tell me more about", "know more about", "vide mere om", "høre mere om"))
_OPENS_QUESTION = frozenset(fold(w) for w in (
    "if", "whether", "how", "what", "where", "when", "who", "which", "why", "om", "hvordan", "hvad",
    "hvor", "hvornår", "hvem", "hvilken", "hvilke", "hvilket", "hvorfor"))


def _asking_clauses(sentence: str) -> list[str]:
    """The sentence's clauses from the first that turns to ask; the whole sentence when it is a question that does
    not turn (it asks all of it); what follows a phrase that asks in other words ("I am trying to find out if ...");
    none when it does not ask."""
    clauses = [c for c in _CLAUSE.split(sentence) if c.strip()]
    for i, clause in enumerate(clauses):
        words = fold(clause).split()
        if _turns_to_ask(words):
            return clauses[i:]
        # "I am ready to move on but where can I live": the conjunction opens a clause that asks.
        turn = next((j for j in range(1, len(words)) if words[j] in _CONJUNCTIONS and _turns_to_ask(words[j:])), None)
        if turn is not None:
            return [" ".join(words[turn:]), *clauses[i + 1:]]
    if _is_question(sentence):
        return [sentence]
    asked = _asked_after(sentence)
    return [asked] if asked != sentence else []


def _asked_after(clause: str) -> str:
    """What ``clause`` asks after a phrase that asks in other words ("er i tvivl om jeg skal melde flytning" asks "jeg
    skal melde flytning"; folded), or the clause itself when it has none."""
    folded = f" {fold(clause)} "
    for at, about in sorted((found + len(phrase), phrase.endswith((" about ", " om "))) for phrase in _ASKING_INDIRECTLY
                            if (found := folded.find(phrase)) >= 0):
        rest = folded[at:].split()
        if rest and (about or (len(rest) > 1 and rest[0] in _OPENS_QUESTION)):
            return " ".join(rest)
    return clause


def _turns_to_ask(words: list[str]) -> bool:
    """A clause asks when it puts a verb before its subject ("skal jeg", "hvordan skriver jeg", "how do I"), after a
    conjunction or not ("men hvor kan jeg bo"). A question word alone does not make it ask: it may open a relative
    clause ("..., which made me homeless", "Fra hvilken alder bestemmer jeg selv, hvor jeg bor?")."""
    while words and words[0] in _CONJUNCTIONS:
        words = words[1:]
    if len(words) < 2:
        return False
    verb_first = words[0] in _QUESTION_WORDS and words[0] not in _ASKING_WORDS and words[1] in _SUBJECTS
    return verb_first or (words[0] in _ASKING_WORDS and len(words) > 2 and words[2] in _SUBJECTS)


# From this age someone is an adult (the topic for minors, a professional's duty to notify, do not concern them).
ADULT_AGE = 18
# Ages said in a message (folded text). Of someone: "på 19", "aged 19", "19 år", "19-årig", "a 42 year old". Of the
# writer: "jeg er 19", "i m 22", "in my early 20s", "midt i 20 erne", "in my twenties".
_AGE_OF_SOMEONE = re.compile(r"(?:\bpaa |\baged? )(\d{1,2})\b|\b(\d{1,2}) ?(?:aar|aarig|aars|years?|yrs?|yo|y o)\b")
_AGE_OF_WRITER = re.compile(r"\b(?:jeg er|i m|i am|im) (\d{1,2})\b|\b(?:early|mid|late|in my) ([1-9]0)s\b"
                            r"|\b([1-9]0) erne\b|\bin my (twenties|thirties|forties|fifties)\b")
_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50}
# The age of the one asked about, said as the writer says their own: "min søn er 17", "my son is 17", "min datter er
# lige fyldt 16", "she's 16", "he just turned 15". A parent's question about a 17-year-old was read with no age, and the
# help for those under 18 did not come first. Not a number of something ("han er 20 minutter forsinket", "she is 3
# months pregnant"): the word after the number must be no unit. Two digits only: a small child's age ("hun er 3") is in
# a parent's message about the parent's own need.
_AGE_OF_ONE_ASKED = re.compile(
    r"\b(?:han|hun|he|she|soen|datter|son|daughter|barn|child|kid|dreng|pige|boy|girl|bror|lillebror|storebror|soester|"
    r"lillesoester|storesoester|brother|sister|nevoe|niece|nephew|veninde|ven|friend|elev|student|kaereste|boyfriend|"
    r"girlfriend|bf|gf) (?:er|is|s|bliver|blev|fyldte|fylder|turned|turns|just|has(?: just)? turned)"
    r"(?: (?:lige|just|kun|only|nu|now|netop|turned|fyldt|blevet|become))* (\d{2})\b(?! ?(?:\d|"
    r"(?:min|minutter|minutes|mins|timer|time|hours|hour|hrs|t|kr|kroner|dkk|km|kvm|m2|meter|dage|dag|days|day|uger|"
    r"uge|weeks|week|maaneder|maaned|months|month|procent|percent|pct|gange|times|cm|kg|grader|degrees|aar|aarig|"
    r"years?|yrs?|yo|y o|tusind|thousand|k|af|of|ud|out)\b))")


# A number of years is a length of time, not an age, where the words around it say so. In English an age is "N years
# old" (or "N years of age", or "I am N years"): "for the past 15 years", "a husband of 10 years", "the entire 12
# years", "about 5 years ago" are durations. In Danish "N år" is an age unless a word of time comes before it or after
# it: "efter 23 år", "de sidste 11 år", "i 3 år", "for 2 år siden" are durations; "han er 26 år", "dreng 14 år" ages.
# A letter by a grown-up that told how long something lasted was read as the letter of someone under 18.
_YEARS = re.compile(r"\b(\d{1,2}) ?(aar|years?|yrs?)\b")
_AGE_AFTER = frozenset({"old", "gammel", "gamle", "of", "young"})
_BEING = frozenset({"am", "m", "im", "is", "s", "was", "are", "re", "were", "be", "been", "turned", "turn", "turns",
                    "turning", "aged", "age"})
# Only words that make a length of time: "over", "næsten", "mindst" and "end" also come before an age ("jeg er over
# 18 år", "næsten 18 år", "mindst 18 år", "ældre end 18 år").
_TIME_BEFORE_DA = frozenset({"i", "efter", "sidste", "seneste", "gennem", "igennem", "om", "for", "foer", "de", "alle",
                             "hele", "mange", "flere", "nogle"})
_TIME_AFTER = frozenset({"ago", "later", "siden", "senere", "earlier"})
# "N year old" before one of these is the age of a thing, not of a person ("a 14 year old photo of her", "my 16 year
# old car"): a parent searching for a grown-up daughter was read as writing about a minor. bot/data/triage.yaml
# (thing_age) masks the same words for triage.
_THINGS = frozenset({"photo", "photos", "picture", "pictures", "photograph", "car", "house", "laptop", "computer",
                     "phone", "mattress", "bed", "couch", "sofa", "tent", "van", "truck", "dog", "cat", "debt", "loan",
                     "letter", "tv", "bike", "coat", "jacket", "building", "apartment", "flat", "fridge", "video"})


def _a_duration(folded: str, match: re.Match[str]) -> bool:
    """Whether the number of years ``match`` found in ``folded`` is a length of time (or the age of a thing) rather
    than the age of a person."""
    before = folded[: match.start()].split()[-1:]
    after = folded[match.end():].split()[:2]
    if after and after[0] in _TIME_AFTER:
        return True
    if after[:1] == ["old"] and after[1:] and after[1] in _THINGS:
        return True  # not an age of anyone: the age of a thing (_THINGS)
    if match.group(2) == "aar":
        return bool(before) and before[0] in _TIME_BEFORE_DA and not (after and after[0] in _AGE_AFTER)
    return not (after and after[0] in _AGE_AFTER) and not (before and before[0] in _BEING)


def ages_said(text: str, *, of_writer: bool = True) -> list[int]:
    """The ages ``text`` says, of anyone in it (``of_writer`` False: only ages said about someone, "min elev på 19").
    A number of years that is a length of time ("for the past 15 years", "efter 23 år") is no age."""
    folded = fold(text)
    durations = {match.start(1) for match in _YEARS.finditer(folded) if _a_duration(folded, match)}
    patterns = (_AGE_OF_SOMEONE, _AGE_OF_ONE_ASKED, _AGE_OF_WRITER) if of_writer else (_AGE_OF_SOMEONE,
                                                                                         _AGE_OF_ONE_ASKED)
    return [int(age) if age.isdigit() else _DECADES[age]
            for pattern in patterns for match in pattern.finditer(folded)
            for i, age in enumerate(match.groups(), 1) if age and match.start(i) not in durations]
