"""Retrieval: find the curated topic that answers a question, with a calibrated confidence.

The index is built once at start from the knowledge base and never changes; ``search`` is a pure function of
the index and the question.

How a question is scored:
1. Analyse: fold the text (case, emoji, æ/ø/å), expand slang/synonyms from the lexicon, correct typos
   against the knowledge base's own vocabulary (rapidfuzz), split compounds ("ungdomsbolig" = ungdom + bolig)
   and Snowball-stem every word in Danish and English (the question may mix both); where a Danish and an English
   word of different meaning stem alike ("hurtigt", fast, and "hurt"), the stem carries its language. An everyday word
   that says which or what kind ("ny", "new": knowledge/lexicon/light.yaml) weighs lightly (LIGHT) unless a home
   follows it ("ny bolig"). A letter
   (bot/reading.py) is read without its function words ("would", "she", "because"), and a word a message repeats
   weighs more.
2. Score every topic two ways:
   - BM25F over the topic's fields (title and keywords weigh most, then example phrasings, then the answer;
     the topic's specific questions (faq) count as phrasings of the topic too);
   - the best idf-weighted cosine between the question and one of the topic's example phrasings, which
     rewards the way a question is put, not only its words.
   The rank score blends both (each scaled to 0-1).
   Each specific question (a faq entry: its question and example phrasings, both languages) is a sub-document
   of its topic: it helps its topic rank, and when the question matches one entry clearly better than the
   topic's own phrasings, the result names that entry (``faq``) so the specific answer is given.
   With a learned topic scorer (knowledge/topic_model.py: trained on the knowledge base's phrasings and the real
   messages' development rows; a short message is read with the lexicon's words for its phrases added:
   Index._learned_text), the choices after the best topic are ordered by the rank score blended with it,
   and it has a smaller share in choosing the best topic (LEARNED_BEST_WEIGHT); a best topic the words alone did
   not rank first is offered, not answered, unless the scorer is clear about it (LEARNED_TIE_MARGIN).
3. The question names its subject: when a message tells something and asks something (``asks``, the clauses that ask:
   bot/reading.py Reading.asking), a topic the asking words name (all of one of its keywords: Index._asked) gains in
   the rank score by the share of their weight that names it (ASKED_WEIGHT, from ASKED_MIN of it). "jeg bor på min
   vens sofa, hvordan skriver jeg mig op til en ungdomsbolig" asks about youth housing; the sofa is background. The
   learned scorer, which tips the balance where a message names a topic only in passing, may not put first a topic
   the question names less than the words' best (Index._learned_choice).
4. Confidence is a logistic function of the winner's absolute evidence (how much of the question's weight
   it explains, and its best example match), how much of that evidence names the topic's subject (its title
   and keywords, not words it merely uses), its lead over the runner-up and, with a learned scorer, how far
   that scorer puts the winner ahead of its best other topic (it has read real letters; CONFIDENCE_WEIGHTS).
   Below the threshold the caller says it is not sure and offers the top three.
"""

from __future__ import annotations

import copy
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from rapidfuzz import fuzz, process

from knowledge import topic_model
from knowledge.lexicon import Lang, clear_language, detect_language, detect_municipality, lexicon
from knowledge.loader import BUNDLED_ROOT, KnowledgeBase, load
from knowledge.normalise import fold, joined_contractions, stem
from knowledge.schema import FaqEntry
from knowledge.topic_model import TopicScorer

# Weights and BM25 parameters were chosen by 5-fold cross-validation on the knowledge base's own example
# phrasings (benchmarks/retrieval.py), never on the evaluation questions.
FIELD_WEIGHTS = {"title": 3.0, "keywords": 2.0, "examples": 1.0, "faq": 0.5, "answer": 0.5, "more": 0.2}
BM25_K1 = 1.5
BM25_B = 0.75
# Share of the rank score that comes from the best matching example phrasing (the rest is BM25F).
EXAMPLE_WEIGHT = 0.4
# A specific question (faq entry) is chosen over its topic's general answer when its best phrasing matches the
# question at least this well (idf-weighted cosine) and clearly better than the topic's own phrasings.
FAQ_MIN_COSINE = 0.4
FAQ_MARGIN = 0.05
# A question that is, nearly word for word, one of the specific questions of a topic scoring within this share
# of the best one is about that topic: the close match is stronger evidence than a few shared words.
FAQ_VERBATIM = 0.95
FAQ_CLOSE_SCORE = 0.9
MIN_PART = 3  # shortest compound part ("nat" in "natvarmestue")
# Danish derivational endings that are words of their own too ("hed": hot, was called): no compound's second part.
# "hjemløshed" (homelessness) was "hjemløs" + "hed", and "hed" a term of its own; the stemmer already takes the
# ending off the whole word ("hjemløs").
NOT_A_PART = frozenset({"hed", "heden", "heder", "hederne", "hedens"})
TYPO_CUTOFF = 84  # rapidfuzz ratio for a typo correction; below this a word is left unknown
# Analysed words kept: the most recent words people asked about (a bound, so a long-running bot does not keep every
# word it was ever asked; about 20 MB when full). Building the index analyses every word of the knowledge base once.
WORDS_CACHED = 65536
# Words that carry no topic: left out of scoring so "hvad er" does not pull towards topics with many questions.
STOPWORDS = frozenset(
    fold(
        "jeg du er en et og i at det til på med for af min mit mine mig har kan hvad hvor hvordan hvem hvis "
        "ikke man der som om skal vil få noget nogen den de vi eller også så bare lige nu fra hos når sin sit "
        "the a an and to of in my me have has can what where how who which if not do does get is are am it "
        "this that i you your be on with for at or so just any there some hej hi hello please tak thanks "
        "godmorgen goddag godaften godnat "
        # The auxiliaries as they are typed in chat ("og hvor længe sku man vente", "ka jeg", "ska man"): as "skal",
        # no topic; unknown, "sku" weighed like a rare topic word.
        "ska sku ka ku "
        # The joined negations of the auxiliaries above ("I haven't" is read as "i havent"): as "have not", no topic.
        "havent hasnt hadnt didnt doesnt isnt arent wasnt werent "
        # ans30: the chat spelling of "hvad" ("hva er ...", a word of some topics' chat phrasings, it pulled to them)
        # and "actually"; chat spellings of function words ("cn i get help w my rent", "hw do i", "kn jeg", "gotta"):
        # unknown to every topic, they counted as words the knowledge base cannot explain, against the topic asked
        # about. ("egentlig", "wat" and the "thing" of "everything" were tried: short chat such as "hvem snakker jeg
        # med" became a confident answer, and the held-out real messages lost on top-1.)
        "hva actually cn kn hw pls plz abt bc cuz coz gotta tho ur"
    ).split()
)
# Function words (pronouns, auxiliaries, prepositions, conjunctions: the Snowball project's English and Danish
# stop lists), left out of a letter's query. A letter of a hundred words holds dozens of them, and in a small
# knowledge base some are rare enough to weigh like topic words ("would", "she", "he", "we", "because" pulled
# letters to the suicide, violence or shared-housing topic). The particles and words that carry housing meaning
# are kept: "out"/"ud" (kicked out, move out), "up"/"op", "down"/"ned", "off", "in"/"ind" (move in), "over",
# "under" (under 18), "own" (a place of my own), "no", "mod", "selv". A one-line question keeps them all: there
# they are few, and the knowledge base's phrasings are written with them (cross-validated on its phrasings, leaving
# them out of short questions too cost retrieval 0.6 points).
FUNCTION_WORDS = frozenset(
    fold(
        "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers "
        "herself it its itself they them their theirs themselves what which who whom this that these those am is are "
        "was were be been being have has had having do does did doing would should could ought a an the and but if "
        "or because as until while of at by for with about against between into through during before after above "
        "below to from on again further then once here there when where why how all any both each few more most "
        "other some such nor not only same so than too very "
        # "don't", "I'm", "can't" fold to "don t", "i m", "can t"; people also write them without the apostrophe.
        "don won isn aren wasn weren didn doesn couldn wouldn shouldn haven hasn hadn mustn shan ll ve re "
        "im ive id dont cant wont didnt doesnt isnt arent wasnt couldnt wouldnt shouldnt havent hasnt "
        "og jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham "
        "hun nu da fra du sin dem os man hans hvor eller hvad skal her alle vil blev kunne når være dog noget ville "
        "jo deres efter skulle denne end dette mit også have dig anden hende mine alt meget sit sine vor disse hvis "
        "din nogle hos blive mange ad bliver hendes været thi jer sådan"
    ).split()
)
# An idiom of the lexicon (knowledge/lexicon/idioms.yaml) as read by retrieval: one word no topic has. Folding
# leaves no "~" in a word, so no message can say it.
IDIOM = "~idiom"
# An everyday word that says which or what kind ("ny", "new": knowledge/lexicon/light.yaml), read in questions and in
# the knowledge base's texts alike as a term of this mark and its key in the lexicon ("~ny" for "ny", "nye", "nyt";
# _with_light_words), unless a word for a home follows it ("ny bolig", "new flat"). Folding leaves no "~" in a word.
LIGHT = "~"
# The weight (idf) of a LIGHT term at most: a word the knowledge base says in few topics weighed like a topic word by
# its rarity alone ("ny maling", paint when moving out, took a question on a deposit for "en ny lejlighed").
LIGHT_IDF = 0.5
# The weight of "ny" or "new" before a home at most ("ny bolig", "a new flat"): a new home is what some questions are
# about ("Kan jeg få en ny bolig, hvis jeg skylder husleje?", "kan jeg få en ny lejlighed selvom jeg har restance" have
# the arrears topic's specific answer), but the phrase is rare in the knowledge base, and at its own rarity (idf 2.6)
# it took "hjælper kommunen med at betale depositummet til en ny lejlighed" from the deposit to the arrears topic. At
# 1.0 one arrears question lost its specific answer; at 1.5 both keep it and the deposit question its topic.
NEW_HOME_IDF = 1.5
# A stem that a Danish and an English word (not the same word) both stem to is kept apart per language when the topics
# using the Danish word and those using the English word overlap less than this (Jaccard). The knowledge base says
# everything in both languages, so words of one meaning are used in the same topics ("familie" and "family" share 6 of
# 11 topics, "liste" and "list" 9 of 13, "studie" and "study" 3 of 10: kept together; splitting those cost two of the
# phrasings benchmarks/retrieval.py cross-validates), words of different meaning are not ("hurtigt", fast, and "hurt"
# share 1 of 16; "renter", interest on a debt, and "rent" 2 of 24; "moster" and "most", "fundet" and "fund" none).
# Seven of the 28 such stems are split; scripts/stem_collisions.py prints the table.
SPLIT_OVERLAP = 0.25
# Joins a stem and its language where a Danish and an English word meet by accident ("hurt@en", "hurt@da";
# Index._analyse). Folding leaves no "@" in a word.
LANG_MARK = "@"
LANGS: tuple[Lang, ...] = ("da", "en")
# A question's words weigh by how often the writer uses them, saturating as in BM25's query-term weight
# ((k3 + 1) * tf / (k3 + tf)), in both halves of the rank score: a word said four times is what a letter is about
# more than a word said once. k3 = 4 and leaving out FUNCTION_WORDS were chosen together by 5-fold
# cross-validation over the real messages' development rows (k3 in 0-16, with and without the function words;
# picked on four folds, scored on the fifth, five shuffles): chosen in 24 of 25 folds, out-of-fold top-1 82.5-83.5%
# against 79.1% without either. A one-line question rarely repeats a word: the knowledge base's own phrasings,
# cross-validated (benchmarks/retrieval.py), score the same.
QUERY_TF_K3 = 4.0
# The learned topic scorer (knowledge/topic_model.py), when the index has one, orders the choices offered after the best
# topic (how sure the best one is weighs the scorer too: CONFIDENCE_WEIGHTS). Its share of the score that orders them is
# LEARNED_WEIGHT: its weight for a topic, exp((its score - its best score) / LEARNED_TEMPERATURE), 1 for its own
# favourite. Chosen by 5-fold cross-validation over the real messages' development rows, the scorer trained without the
# fold (benchmarks/real_messages.py --cv-topics, two fold seeds, with and without --near 0.5): top-3 rose 93.2% ->
# 94.1-94.6% (near: 91.0% -> 92.8-93.2%), top-1 stayed; answered right 45.3% -> 46.5%, wrong 2.5% -> 2.9%.
# It has a smaller share, LEARNED_BEST_WEIGHT, in choosing the best topic (LEARNED_CHOICES_ONLY False). The words alone
# were tuned on the development rows: the knowledge base's phrasings were written while reading their failures, so
# the development rows flatter them (top-1 81% there, 66% on the held-out parts). Where a message's words name a
# topic in passing (a friend's sofa, a family) and the question is about another (boligstøtte, a youth home), the
# scorer, which has read real letters, tips the balance. It may only put first a topic the words rank within
# LEARNED_CONTENDERS of their best, and never over a question that is a phrasing of the words' best word for word
# (Index._learned_choice). Measured in December 2026 (share 0.3; 0.2 / 0.4 / 0.5 gave held-out top-1 70.6 / 72.2 /
# 71.6% without the contenders' floor, which costs 0.9 points there and keeps "hvor høje er renterne" on the loans):
# held-out parts top-1 66.1% -> 71.6%, top-3 87.9% both, wrong 6.4% -> 6.2%; --cv-topics (two seeds) top-1 81.3% ->
# 82.0-82.3%, top-3 92.5-92.8% -> 92.5-93.1%, wrong 3.5% -> 3.2%; with --near 0.5 top-1 77.4% -> 78.7%, wrong 4.4%
# -> 4.1%. A best topic the words alone did not choose is offered among choices, never answered (``agreed`` in
# Index.search; unless the scorer is clear about it: LEARNED_TIE_MARGIN), and SearchResult.scores stay the words'
# own (bot/answering.py reads the words' best three there).
LEARNED_WEIGHT = 0.5
LEARNED_TEMPERATURE = 0.5
LEARNED_CHOICES_ONLY = False
LEARNED_BEST_WEIGHT = 0.3
LEARNED_CONTENDERS = 0.75
# A best topic the learned scorer chose over the words' best is a disagreement (not answered: ``agreed``, Index.search)
# unless the scorer puts it at least LEARNED_TIE_MARGIN ahead of its best other topic (its margin, the ``learned``
# feature): then the calibrated confidence (its ``lead`` feature is the words' negative lead) says how sure the choice
# is, and a close call is still one (bot/answering.py close_call). The margin keeps a short follow-up a follow-up ("hvad
# med penge?", margin 0.2, read as a new question of its own: bot/followup.py); at 0.3 one more held-out real message
# was answered wrong. Until ans31 the words also had to nearly tie the two (the chosen topic's words' score at least 0.9
# of their best, explaining half the question's weight, in a question, not a letter). That left a clear scorer's choice
# at confidence 0 and "I'm not sure" where the words leaned on a word that says nothing of the topic: "hvad er
# boligstøtte egentlig" ("egentlig" stands in a phrasing of social support in one's home: the housing benefit second
# at 0.82 of the words' best, the scorer's margin 0.93), or on a letter's background the scorer has read in real
# letters. The calibrated confidence keeps out the questions the knowledge base hardly speaks of ("hvad hedder
# hovedstaden i norge" 0.06). Measured in December 2026 on the real messages' development rows, the scorer trained
# without the fold (benchmarks/retrieval.py --calibrate): answered right 40.8% -> 41.4%, wrong 2.0% both; margin 0.3 /
# 0.4 the same or less; the knowledge base's phrasings (5-fold) and off-topic questions at 0.4 unchanged;
# benchmarks/real_messages.py held-out parts answered right 33.6% -> 34.1%, wrong 5.3% and top-1 67.9% both.
LEARNED_TIE_MARGIN = 0.5
# A topic the words did not find enters the ranking on the learned scorer's word alone when its weight is this high.
LEARNED_ALONE = 0.05
# What the asking part of a message names (module docstring, step 3): a topic gains ASKED_WEIGHT times the share of the
# asking words' weight (idf) that names it, when that share is at least ASKED_MIN ("skal jeg melde flytning hver gang":
# "melde flytning" is half its weight; "hvad gør jeg nu" names nothing). Only keywords name here: a title's words may be
# ordinary ones ("stor" in "stor udgift" named the one-off-grant topic in "the story?") or list a topic's cases in
# passing ("Smidt ud af mor, far, kæreste eller udlejer" took "can I make a deal with my landlord" from an eviction
# notice); a keyword was chosen to name its topic, and a word two titles share ("boligstøtte") names the topic whose
# keyword it is. Only a message that says more than it asks gets it: a one-line question has no
# background to outweigh, and its title and keywords already weigh most in BM25F; nor a question of fewer than
# ASKED_WORDS words of its own (Index.search). Measured in December 2026 on the real messages' development rows
# (weights 0.3-2.5): top-1 and wrong answers unchanged within a row in every measure (in-sample, --near 0.5,
# --cv-topics two seeds); from a weight of 1 a topic the question names comes first over a background that matches
# another topic's phrasings closely ("min kusine lader mig sove på hendes sofa, kan jeg søge boligstøtte"). At 1:
# development rows top-1 unchanged (in-sample, --near 0.5 75.6%, --cv-topics 80.7/82.3%), wrong unchanged, two rows
# answered before are offered now (a topic the question names came close); held-out parts top-1 72.2% -> 72.5%, top-3
# 88.4% -> 88.1%, wrong 5.6% both. Few real messages ask past a background; those that do are the ones it is for.
ASKED_WEIGHT = 1.0
ASKED_MIN = 0.3
ASKED_WORDS = 2


@dataclass(frozen=True)
class SearchResult:
    topic: str | None
    confidence: float
    suggestions: tuple[str, ...]
    lang: Lang
    municipality: str | None
    scores: Mapping[str, float]
    features: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    # The winning topic's specific question (faq id) that the question matches clearly better than the
    # topic's general phrasings; None for a general question.
    faq: str | None = None
    # How closely the question matches that specific question's best phrasing (0-1; 1 = word for word).
    faq_match: float = 0.0
    # Share of the evidence for the best topic that names it whole: a word of its title no other title has, a one-word
    # keyword, or every word of a keyword phrase ("ondt" alone is part of "ondt i livet" and does not name the suicide
    # topic). 0-1.
    named: float = 0.0
    # Share of what bears on the answer that the question says in words no topic has (0: none; see
    # Index._unexplained): "maven" in "jeg har ondt i maven", whose only other word of weight is the suicide topic's.
    unexplained: float = 0.0


@dataclass(frozen=True)
class _Example:
    topic: str
    weights: Mapping[str, float]
    norm: float
    faq: str | None = None  # the faq entry this phrasing belongs to; None for the topic's own phrasings


class Index:
    """An immutable search index over one knowledge base."""

    def __init__(self, kb: KnowledgeBase, *, words_cached: int = WORDS_CACHED,
                 learned: TopicScorer | None = None) -> None:
        self._topic_ids = tuple(kb.topics)
        # The learned topic scorer that orders the choices (None: words and phrasings alone).
        self._learned = learned
        # Analysis of a word is the same everywhere it appears: done once per word, and for the words people ask,
        # kept for the most recent ``words_cached`` of them only (the index itself never changes).
        self._words_cached = words_cached
        self._analysed = lru_cache(maxsize=words_cached)(self._analyse)
        self._folded: dict[str, list[str]] = {}
        # Each knowledge word's compound parts, kept while building (None after): the language split and the analysis
        # both need them.
        self._parts: dict[str, tuple[str, ...]] | None = {}
        self._surface = self._collect_vocabulary(kb)
        # Which language's texts each word appears in, and the stems where Danish and English words of different
        # meaning meet (split_stems, SPLIT_OVERLAP); both are needed before any text is analysed.
        self._word_lang, self._split = self._language_split(kb)
        # Typo candidates by first letter: people rarely mistype the first letter, and allowing it turns
        # ordinary words into topic words ("vinder" -> "svindel", "spiller" -> "piller").
        self._vocab_by_initial: dict[str, list[str]] = {}
        for word in sorted(self._surface):
            self._vocab_by_initial.setdefault(word[0], []).append(word)
        docs = {tid: self._topic_terms(kb, tid) for tid in self._topic_ids}
        self._doc_len = {tid: sum(tf.values()) for tid, tf in docs.items()}
        self._avg_len = sum(self._doc_len.values()) / max(len(docs), 1)
        df = Counter(term for tf in docs.values() for term in tf)
        n = len(docs)
        idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        for term, most in self._capped().items():
            if term in idf:
                idf[term] = min(idf[term], most)
        self._idf = MappingProxyType(idf)
        # Postings: term -> ((topic, weighted tf), ...), so scoring touches only topics that share a term.
        postings: dict[str, list[tuple[str, float]]] = {}
        for tid, tf in docs.items():
            for term, count in tf.items():
                postings.setdefault(term, []).append((tid, count))
        self._postings = MappingProxyType({t: tuple(p) for t, p in postings.items()})
        # What the topic is about, not words it merely uses (_focus): the words of its title and its one-word keywords
        # (with their compound parts), and its keywords of several words and the hyphenated names of its title
        # ("free municipality", "free-municipality") each as a whole phrase (_core_phrases).
        self._core_terms = MappingProxyType({tid: frozenset(self._core(kb, tid)) for tid in self._topic_ids})
        self._core_phrases = MappingProxyType({
            tid: (*self._phrases_of(kb, tid, "keywords", several=True), *self._phrases_of(kb, tid, "title"))
            for tid in self._topic_ids})
        # What names a topic whole (SearchResult.named): the words of its title that no other topic's title has, and
        # its keywords as whole phrases. A title is a sentence; a word two titles share is context, not a name
        # ("kæreste" in "Smidt ud af mor, far, kæreste eller udlejer" and "Vold og trusler ... fra en kæreste" named
        # the thrown-out topic in "min kæreste har slået op med mig").
        titles = {tid: self._title_words(kb, tid) for tid in self._topic_ids}
        in_titles = Counter(term for words in titles.values() for term in words)
        self._naming_words = MappingProxyType({tid: frozenset(t for t in words if in_titles[t] == 1)
                                               for tid, words in titles.items()})
        self._phrases_naming = MappingProxyType({tid: self._keyword_phrases(kb, tid) for tid in self._topic_ids})
        self._examples = tuple(self._build_examples(kb))
        self._examples_by_term: Mapping[str, tuple[int, ...]] = MappingProxyType(self._example_postings())
        self._local_idf, self._phrases = self._build_parts(kb)
        self._folded = {}  # only needed while building
        self._parts = None
        # Building analysed the knowledge base's words; a question's words are read with their own rule
        # (_unless_accidental), so the cache starts afresh.
        self._analysed = lru_cache(maxsize=words_cached)(self._analyse)

    @staticmethod
    def _capped() -> dict[str, float]:
        """The terms whose weight (idf) has a ceiling, and the ceiling: an everyday word (LIGHT: LIGHT_IDF) and the same
        word before a home ("ny bolig": NEW_HOME_IDF)."""
        light = lexicon().light_words or {}
        capped = {stem(word, lang): NEW_HOME_IDF for word in light for lang in LANGS}
        return {**capped, **{LIGHT + key: LIGHT_IDF for key in light.values()}}

    def with_learned(self, learned: TopicScorer | None) -> Index:
        """The same index with another learned topic scorer (cross-validation trains one per fold)."""
        other = copy.copy(self)
        other._learned = learned
        other._analysed = lru_cache(maxsize=self._words_cached)(other._analyse)
        return other

    @property
    def learned(self) -> TopicScorer | None:
        return self._learned

    def __getstate__(self) -> dict[str, object]:
        # Kept in a file between starts (bot/knowledge_cache.py): the word cache is rebuilt empty, not saved.
        return {name: value for name, value in vars(self).items() if name != "_analysed"}

    def __setstate__(self, state: dict[str, object]) -> None:
        vars(self).update(state)
        self._analysed = lru_cache(maxsize=self._words_cached)(self._analyse)

    # ---- building -------------------------------------------------------------------------------------

    @staticmethod
    def _texts(kb: KnowledgeBase, tid: str) -> Iterable[tuple[str, Lang, str]]:
        topic = kb.topics[tid]
        for lang in ("da", "en"):
            yield "title", lang, topic.title.get(lang)
            yield "answer", lang, topic.answer.get(lang)
            if topic.more:
                yield "more", lang, topic.more.get(lang)
            for phrase in topic.keywords.get(lang):
                yield "keywords", lang, phrase
            for phrase in topic.examples.get(lang):
                yield "examples", lang, phrase
            for entry in topic.faq:
                for phrase in _faq_phrases(entry, lang):
                    yield "faq", lang, phrase

    def _fold(self, text: str) -> list[str]:
        """Fold each knowledge text once; building reads every text three times."""
        words = self._folded.get(text)
        if words is None:
            words = self._folded[text] = _with_light_words(joined_contractions(fold(text).split()))
        return words

    def _collect_vocabulary(self, kb: KnowledgeBase) -> frozenset[str]:
        words: set[str] = set()
        for tid in self._topic_ids:
            for _, _, text in self._texts(kb, tid):
                words.update(self._fold(text))
        return frozenset(w for w in words if not w.isdigit())

    def _language_split(self, kb: KnowledgeBase) -> tuple[dict[str, Lang], frozenset[str]]:
        """The language of each word found in one language's texts only, and the stems where a Danish and an English
        word of different meaning meet (split_stems, told apart by the topics they are used in: SPLIT_OVERLAP)."""
        said = self._topic_words(kb)
        words = {lang: set().union(*(by_lang[lang] for by_lang in said.values())) for lang in LANGS}
        one: dict[str, Lang] = {w: "da" for w in words["da"] - words["en"]}
        one.update((w, "en") for w in words["en"] - words["da"])
        for lang, found in words.items():
            found.update(part for word in tuple(found) for part in self._split_compound(word, lang, fuzzy=False))
        met = split_stems(words["da"], words["en"])
        topics = self.stem_topics(kb, met, said)
        # A word spelt the same in both languages with different meanings (the lexicon's homographs: "bad", a
        # shower in Danish) is read in the language it is said in, as a stem of two words is.
        spelt_alike = {stem(word, lang) for word in lexicon().homographs for lang in LANGS}
        return one, frozenset({s for s in met if _overlap(topics["da"][s], topics["en"][s]) < SPLIT_OVERLAP}
                              | spelt_alike)

    def _topic_words(self, kb: KnowledgeBase) -> dict[str, dict[Lang, set[str]]]:
        """Each topic's words in each language (no stop words or digits)."""
        said: dict[str, dict[Lang, set[str]]] = {}
        for tid in self._topic_ids:
            said[tid] = {"da": set(), "en": set()}
            for _, lang, text in self._texts(kb, tid):
                said[tid][lang].update(self._fold(text))
            for found in said[tid].values():
                found -= {w for w in found if w in STOPWORDS or len(w) < 2 or w.isdigit()}
        return said

    def stem_topics(self, kb: KnowledgeBase, stems: set[str],
                    said: dict[str, dict[Lang, set[str]]] | None = None) -> dict[Lang, dict[str, set[str]]]:
        """For each language, each of ``stems`` -> the topics whose texts in that language have a word (or a compound's
        part) of that stem (``said``: _topic_words, when already at hand)."""
        found: dict[Lang, dict[str, set[str]]] = {lang: {s: set() for s in stems} for lang in LANGS}
        terms: dict[tuple[str, Lang], frozenset[str]] = {}
        for tid, by_lang in (said or self._topic_words(kb)).items():
            for lang, words in by_lang.items():
                for word in words:
                    if (word, lang) not in terms:
                        terms[word, lang] = frozenset(
                            stem(part, lang) for part in (word, *self._split_compound(word, lang, fuzzy=False)))
                    for term in terms[word, lang] & stems:
                        found[lang][term].add(tid)
        return found

    def words_by_language(self, kb: KnowledgeBase) -> dict[Lang, set[str]]:
        """The words of the knowledge base's Danish and of its English texts (no stop words or digits) and the parts of
        their compounds."""
        said = self._topic_words(kb)
        words = {lang: set().union(*(by_lang[lang] for by_lang in said.values())) for lang in LANGS}
        for lang, found in words.items():
            found.update(part for word in tuple(found) for part in self._split_compound(word, lang, fuzzy=False))
        return words

    def _topic_terms(self, kb: KnowledgeBase, tid: str) -> dict[str, float]:
        """Each term's weighted frequency in the topic (a title word counts more than an answer word)."""
        terms: defaultdict[str, float] = defaultdict(float)
        for part, lang, text in self._texts(kb, tid):
            for term in self._terms(self._fold(text), (lang,)):
                terms[term] += FIELD_WEIGHTS[part]
        return terms

    def _core(self, kb: KnowledgeBase, tid: str) -> Iterable[str]:
        """The terms of the title's words and keywords, with their compound parts; of a keyword phrase ("payday loan",
        "free municipality") or a hyphenated name in the title ("free-municipality"), only its last word, the one the
        others qualify: "loan" names the debt topic, "free" alone is no free municipality (the whole phrase names its
        topic: _core_phrases)."""
        for part, lang, text in self._texts(kb, tid):
            if part == "title":
                yield from self._terms([_head(self._fold(word)) for word in text.split() if self._fold(word)], (lang,))
            elif part == "keywords":
                yield from self._terms([_head(self._fold(text))], (lang,))

    def _title_words(self, kb: KnowledgeBase, tid: str) -> frozenset[str]:
        """The terms of the topic's title and their compound parts (not a function word: "Getting into education or
        work" is not named by "getting")."""
        return frozenset(term for part, lang, text in self._texts(kb, tid) if part == "title"
                         for term in self._terms(self._fold(text), (lang,))
                         if term not in STOPWORDS and term not in FUNCTION_WORDS)

    def _keyword_phrases(self, kb: KnowledgeBase, tid: str) -> tuple[tuple[tuple[str, frozenset[str]], ...], ...]:
        """The topic's keywords, each as its words' stems with the stems of each word's compound parts.

        A keyword names the topic only when a question says all of it: "ondt i livet" is the suicide topic's,
        "jeg har ondt i maven" is not about it; "skoleydelse" (or "skole" and "ydelse") names the education topic,
        "skole" alone does not.
        """
        return self._phrases_of(kb, tid, "keywords")

    def _phrases_of(self, kb: KnowledgeBase, tid: str, field: str, *, several: bool = False
                 ) -> tuple[tuple[tuple[str, frozenset[str]], ...], ...]:
        """The phrases of the topic's keywords (``field`` "keywords": each keyword; ``several``: only those of several
        words) or of its title ("title": each hyphenated word, "free-municipality", "self-harm": the English way of
        writing a compound), as _keyword_phrases reads them."""
        phrases = []
        for part, lang, whole in self._texts(kb, tid):
            if part != field:
                continue
            texts = [w for w in whole.split() if len(self._fold(w)) > 1] if field == "title" else [whole]
            for text in texts:
                if several and len(self._fold(text)) < 2:
                    continue
                words = [w for w in self._fold(text) if w not in STOPWORDS and len(w) >= 2]
                phrase = tuple((analysed[0], frozenset(analysed[1:]))
                               for analysed in (self._analysed(w, lang, None) for w in words))
                if phrase:
                    phrases.append(phrase)
        return tuple(phrases)

    def _build_examples(self, kb: KnowledgeBase) -> Iterable[_Example]:
        for tid in self._topic_ids:
            topic = kb.topics[tid]
            for lang in ("da", "en"):
                phrases: list[tuple[str, str | None]] = [
                    (p, None) for p in (*topic.examples.get(lang), *topic.keywords.get(lang), topic.title.get(lang))]
                phrases += [(p, entry.id) for entry in topic.faq for p in _faq_phrases(entry, lang)]
                for phrase, faq in phrases:
                    terms = set(self._terms(self._fold(phrase), (lang,)))
                    weights = {t: self._idf.get(t, 0.0) for t in terms}
                    norm = math.sqrt(sum(w * w for w in weights.values()))
                    if norm:
                        yield _Example(tid, MappingProxyType(weights), norm, faq)

    def _build_parts(self, kb: KnowledgeBase) -> tuple[
            Mapping[str, Mapping[str, float]], Mapping[str, tuple[tuple[str | None, Mapping[str, float]], ...]]]:
        """For topics with faq entries: each term's rarity among the topic's parts, and every phrasing's
        weighted terms (tagged with its faq id, or None for the topic's own phrasings)."""
        local_idf: dict[str, Mapping[str, float]] = {}
        phrases: dict[str, tuple[tuple[str | None, Mapping[str, float]], ...]] = {}
        for tid in self._topic_ids:
            own = [e for e in self._examples if e.topic == tid]
            if not any(e.faq for e in own):
                continue
            parts: dict[str | None, set[str]] = {}
            for example in own:
                parts.setdefault(example.faq, set()).update(example.weights)
            n = len(parts)
            df = Counter(t for terms in parts.values() for t in terms)
            local = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
            local_idf[tid] = MappingProxyType(local)
            phrases[tid] = tuple((e.faq, MappingProxyType({t: self._idf.get(t, 0.0) * local[t] for t in e.weights}))
                                 for e in own)
        return MappingProxyType(local_idf), MappingProxyType(phrases)

    def _example_postings(self) -> dict[str, tuple[int, ...]]:
        postings: dict[str, list[int]] = {}
        for i, example in enumerate(self._examples):
            for term in example.weights:
                postings.setdefault(term, []).append(i)
        return {t: tuple(ids) for t, ids in postings.items()}

    # ---- analysis -------------------------------------------------------------------------------------

    def _split_compound(self, word: str, lang: Lang = "da", *, fuzzy: bool = True) -> tuple[str, ...]:
        """Split a word into two known words, allowing the Danish linking -s- or -e- ("ungdom-s-bolig").

        ``lang``: the language a question's word is read in. A question's English word ending in -ed or -ing (one the
        knowledge base writes only in English, or one read as English that its Danish texts do not have) is not split
        into a function word and the rest (_accidental): "allowed" is not "all" + "owed" (the debt topic's "owe"),
        "hunting" not "hun" + "ting", "getting" not "get" + "ting". The knowledge base's own words are split as before
        (the confidence weights were fitted so).
        ``fuzzy`` also accepts a misspelt second part ("boligstotte"); only questions need that, and it is
        what would make building a large index slow.
        """
        if len(word) < 2 * MIN_PART + 1:
            return ()
        if fuzzy:
            return self._unless_accidental(word, lang, self._compound(word, fuzzy=True))
        if self._parts is None:
            return self._unless_accidental(word, lang, self._compound(word, fuzzy=False))
        parts = self._parts.get(word)
        if parts is None:
            parts = self._parts[word] = self._compound(word, fuzzy=False)
        return parts

    def _unless_accidental(self, word: str, lang: Lang, parts: tuple[str, ...]) -> tuple[str, ...]:
        """A question's compound ``parts`` of ``word``, or none when they are an accident of English inflection: an
        English word in -ed or -ing split into a function word and the rest ("all" + "owed", "hun" + "ting").

        Narrow on purpose: refusing every split into a function word (Danish or English), or every split of an English
        word in -ed/-ing, or doing so in the knowledge base's texts too, each cost a row or two of the real messages'
        development rows (top-1 or wrong answers, December 2026); this one left them unchanged."""
        if (parts and self._word_lang.get(word, lang) == "en" and word.endswith(("ed", "ing"))
                and any(part in STOPWORDS or part in FUNCTION_WORDS for part in parts)):
            return ()
        return parts

    def _compound(self, word: str, *, fuzzy: bool) -> tuple[str, ...]:
        for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            left, right = word[:cut], word[cut:]
            if left not in self._surface:
                continue
            for tail in (right, right[1:] if right[0] in "se" else ""):
                if tail in NOT_A_PART:
                    continue
                if len(tail) >= MIN_PART and tail in self._surface:
                    return left, tail
                if fuzzy and len(tail) >= 5:
                    fixed = self._correct(tail)
                    if fixed:
                        return left, fixed
        return ()

    def _correct(self, word: str) -> str | None:
        if len(word) < 4 or word.isdigit():
            return None
        candidates = self._vocab_by_initial.get(word[0], ())
        found = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
        return found[0] if found else None

    def _expand(self, tokens: list[str], *, phrases_only: bool = False) -> list[str]:
        """Add the lexicon's words for slang and synonyms (longest phrase first); the original words stay.

        A single word is expanded only when the knowledge base does not know it ("kbh", "lejl"): a known word
        already matches its topics, and adding its synonyms would only pull towards other topics. ``phrases_only``:
        only phrases of two words or more are expanded.

        Near the end of the message a slice is shorter than ``size``, so a known word among the last words is expanded
        as a phrase would be ("i have been sleeping on a couch": "couch" adds "sofa"; "sofa" alone adds "sofasurfer").
        Kept on purpose: reading only whole phrases there changed no answer on 23 messages of our own (only
        confidences, most of them lower: "sleeping on a couch" 0.60 -> 0.53) and made no wrong answer right
        (December 2026); the one-word messages of the lexicon ("sofa", "home") rely on it.
        """
        extra = self._synonyms_of(tokens, phrases_only=phrases_only)
        # An adverb inside a phrase ("har ikke længere råd til min husleje", "really struggling to pay my rent") does
        # not break it (inner.yaml): the phrases found only without the adverbs are added too.
        inner = lexicon().inner_words
        squeezed = [t for t in tokens if t not in inner]
        if len(squeezed) < len(tokens):
            found = self._synonyms_of(squeezed, phrases_only=True)
            extra += [w for w in found if w not in extra]
        return tokens + extra

    def _synonyms_of(self, tokens: list[str], *, phrases_only: bool) -> list[str]:
        """The lexicon's words for the slang and synonyms in ``tokens`` (longest phrase first; see _expand)."""
        synonyms = lexicon().synonyms
        sizes = range(lexicon().longest_synonym, 0, -1)
        extra: list[str] = []
        for start in range(len(tokens)):
            for size in sizes:
                phrase = tuple(tokens[start : start + size])
                added = synonyms.get(phrase)
                if phrases_only and len(phrase) < 2:
                    continue
                if added and (size > 1 or phrase[0] not in self._surface):
                    extra.extend(added)
                    break
        return extra

    def _terms(self, tokens: list[str], langs: tuple[Lang, ...], said_in: Lang | None = None) -> list[str]:
        """Stemmed terms for folded tokens: the word itself, and its compound parts when it has them.

        ``said_in``: the language a stem where Danish and English words meet by accident carries (_analyse); None:
        the word's own language where the knowledge base writes it in one language only, else the stemmer's.
        """
        terms: list[str] = []
        for token in tokens:
            # One letter or digit says nothing about a topic ("2+2" must not match "2 år" in a rule), nor does an
            # amount or a year: "en inkasso på 12000 kr" is about debt, though a deposit's phrasing names 12000 kr.
            if token in STOPWORDS or len(token) < 2 or _amount(token):
                continue
            for lang in langs:
                terms.extend(self._analysed(token, lang, said_in))
        return terms

    def _analyse(self, token: str, lang: Lang, said_in: Lang | None) -> tuple[str, ...]:
        """The stems (in ``lang``) of a word and of its compound parts.

        A stem where a Danish and an English word of different meaning meet (self._split: "hurt" from "hurt" and
        "hurtigt", fast) carries the language the word is ``said_in`` (see _terms): "hurt@en" is not "hurt@da".
        """
        if token.startswith(LIGHT):  # a light word: one term, not stemmed
            return (token,)
        stems = [stem(w, lang) for w in (token, *self._split_compound(token, lang, fuzzy=False))]
        if not self._split.intersection(stems):
            return tuple(stems)
        mark = f"{LANG_MARK}{said_in or self._word_lang.get(token, lang)}"
        return tuple(s + mark if s in self._split else s for s in stems)

    def words_cached(self) -> int:
        """How many analysed words the index keeps now (at most ``words_cached``)."""
        return self._analysed.cache_info().currsize

    def _query_terms(self, tokens: list[str], lang: Lang = "da", *, expand: bool = True,
                     drop: frozenset[str] = frozenset(), sure: bool = False) -> list[str]:
        """Like _terms, but unknown words are typo-corrected against the knowledge base's vocabulary first.

        Each word is stemmed in the question's language; the other language's stem is used only when the
        first is unknown (people mix: "housing benefit for my værelse"), so a Danish word's untouched English
        "stem" cannot hit a rare English term by accident.
        """
        return list(dict.fromkeys(self._query_analysis(tokens, lang, expand=expand, drop=drop, sure=sure)))

    def _query_analysis(self, tokens: list[str], lang: Lang = "da", *, expand: bool = True,
                        drop: frozenset[str] = frozenset(), unknown: list[str] | None = None,
                        sure: bool = False) -> list[str]:
        """The question's terms in order, each word's once, so a term repeats as often as the person says it
        (``drop``: words left out; ``unknown``: gets the content words none of whose terms the knowledge base has,
        see _content_word).

        ``sure``: the question is clearly written in ``lang`` (lexicon.clear_language). Then where a Danish and an
        English word meet in one stem, each word is read in ``lang`` ("What are my rights as a renter" is English,
        though the knowledge base writes "renter" only in Danish, for interest on a debt); otherwise as the language
        the knowledge base writes it in (a short "rent" read as Danish is still the English word).
        """
        expanded = self._expand(tokens) if expand else tokens
        other: Lang = "en" if lang == "da" else "da"
        terms: list[str] = []
        # A word the lexicon knows (alone or in a phrase) means what the lexicon says: it is not corrected towards a
        # knowledge-base word ("hopeless" is not "homeless", "græder" not "gælder", "sparket ud" not "sparet").
        in_lexicon = _lexicon_positions(tokens)
        # A word that in the message's language names no topic on its own (English "bad"; homographs.yaml).
        plain = (lexicon().plain_words or {}).get(lang, frozenset())
        for position, token in enumerate(expanded[:len(tokens)]):
            if token in drop or (token in plain and position not in in_lexicon):
                continue
            if token == IDIOM:
                # Something the message says that no topic speaks of (_without_idioms).
                if unknown is not None:
                    unknown.append(token)
                continue
            if token in STOPWORDS or token in self._surface or token.isdigit() or position in in_lexicon:
                fixed = [token]
            elif parts := self._split_compound(token, lang):
                # Keep the misspelt compound and add its (corrected) parts: "boligstotte" -> bolig, stoette.
                fixed = [token, *parts]
            else:
                fixed = [self._correct(token) or token]
            found = dict.fromkeys(term for word in fixed
                                  for term in self._stemmed(word, lang, other, lang if sure else None))
            if (unknown is not None and position not in in_lexicon and _content_word(token)
                    and not any(term in self._idf for term in found)):
                unknown.append(token)
            terms += found
        # The lexicon's words are the knowledge base's Danish words ("rent" -> "husleje"): stemmed as Danish,
        # so an English question's added "husleje" meets the Danish texts, not a stray English "leje".
        terms += [term for token in expanded[len(tokens):] for term in self._stemmed(token, "da", "en")]
        return terms

    def _stemmed(self, token: str, first: Lang, second: Lang, said_in: Lang | None = None) -> list[str]:
        """The token's terms stemmed in ``first`` when the index knows them, else in ``second`` if it knows
        those, else ``first``'s (``said_in``: see _terms)."""
        primary = self._terms([token], (first,), said_in)
        known = [t for t in primary if t in self._idf]
        return known or self._terms([token], (second,), said_in) or primary

    # ---- scoring --------------------------------------------------------------------------------------

    def _bm25(self, terms: list[str], repeats: Mapping[str, int] = MappingProxyType({})) -> dict[str, float]:
        """BM25 of every topic sharing a term; ``repeats``: how often the question says a term (default once)."""
        scores: dict[str, float] = {}
        for term in terms:
            idf = self._idf.get(term)
            if idf is None:
                continue
            idf *= _said_weight(repeats.get(term, 1))
            for tid, tf in self._postings[term]:
                norm = BM25_K1 * (1 - BM25_B + BM25_B * self._doc_len[tid] / self._avg_len)
                scores[tid] = scores.get(tid, 0.0) + idf * tf * (BM25_K1 + 1) / (tf + norm)
        return scores

    def _example_cosine(self, terms: list[str],
                        repeats: Mapping[str, int] = MappingProxyType({})) -> dict[str, float]:
        weights = {t: self._idf[t] * _said_weight(repeats.get(t, 1)) for t in terms if t in self._idf}
        q_norm = math.sqrt(sum(w * w for w in weights.values()))
        best: dict[str, float] = {}
        if not q_norm:
            return best
        candidates = {i for t in weights for i in self._examples_by_term.get(t, ())}
        for i in candidates:
            example = self._examples[i]
            dot = sum(w * example.weights[t] for t, w in weights.items() if t in example.weights)
            cosine = dot / (q_norm * example.norm)
            if cosine > best.get(example.topic, 0.0):
                best[example.topic] = cosine
        return best

    def _specific(self, tid: str, terms: list[str], unknown: int = 0, *,
                  general: bool = True) -> tuple[str | None, float]:
        """The topic's faq entry the question matches clearly better than the topic's own phrasings, if any.
        ``general`` False: clearly better than the topic's other faq entries instead (a follow-up to the topic's general
        answer, just shown, asks one of its specific questions: ans30).

        Within one topic, a word every phrasing shares ("rki" in the debt topic) says nothing about which
        question is meant, so each term's weight is its idf times its rarity among the topic's parts (its
        general phrasings as one part, each faq entry as one part). Then the best phrasing of each part is
        compared with the question by cosine.
        """
        local = self._local_idf.get(tid)
        if not local:
            return None, 0.0
        unseen = max(local.values())
        weights = {t: self._idf[t] * local.get(t, unseen) for t in terms if t in self._idf}
        # A word the knowledge base does not know at all (``unknown`` of them) is something the question says that
        # no phrasing does: it weighs like the rarest term ("uvenner med veninden" is not "min ven sover ude").
        rare = max(self._idf.values(), default=1.0) * unseen
        q_norm = math.sqrt(sum(w * w for w in weights.values()) + unknown * rare * rare)
        if not q_norm:
            return None, 0.0
        best: dict[str | None, float] = {}
        for faq, phrase in self._phrases[tid]:
            shared = phrase.keys() & weights.keys()
            if not shared:
                continue
            norm = math.sqrt(sum(w * w for w in phrase.values()))
            cosine = sum(weights[t] * phrase[t] for t in shared) / (q_norm * norm)
            if cosine > best.get(faq, 0.0):
                best[faq] = cosine
        own = best.pop(None, 0.0)
        if not best:
            return None, 0.0
        faq, score = min(best.items(), key=lambda e: (-e[1], e[0]))
        rival = own if general else max((v for f, v in best.items() if f != faq), default=0.0)
        return (faq, score) if score >= FAQ_MIN_COSINE and score >= rival + FAQ_MARGIN else (None, 0.0)

    @staticmethod
    def _learned_choice(words_best: str, scores: Mapping[str, float], relative: Mapping[str, float], faq_match: float,
                        cosine: Mapping[str, float], asked: Mapping[str, float]) -> str:
        """The best topic with the learned scorer's share (LEARNED_BEST_WEIGHT), among the words' contenders.

        A question that is one of the words' best topic's phrasings or specific questions word for word keeps it: the
        close match is the evidence. Only a topic the words rank within LEARNED_CONTENDERS of their best may come
        first: the scorer reads character n-grams, and a word that merely looks like a topic's ("renterne", interest,
        and "rent") must not bring a topic the words hardly found. Nor may it put first a topic the question's asking
        words name less than the words' best (``asked``, Index._asked): "skal jeg melde flytning" among words about
        sleeping at friends' asks about the address.
        """
        if faq_match >= FAQ_VERBATIM or cosine.get(words_best, 0.0) >= 0.999:
            return words_best
        floor = LEARNED_CONTENDERS * scores[words_best]
        named = asked.get(words_best, 0.0)
        contenders = {t: s for t, s in scores.items() if s >= floor and asked.get(t, 0.0) >= named}
        return _best(_blend(contenders, {t: relative.get(t, 0.0) for t in contenders}, LEARNED_BEST_WEIGHT))

    def question_in(self, tid: str, text: str, lang: Lang,
                    drop: frozenset[str] = frozenset(), *, general: bool = True) -> tuple[str | None, float]:
        """The faq entry of topic ``tid`` that ``text`` clearly asks, if any, and how well it matches: a follow-up's
        own words read within the topic just shown ("hvad med penge?" after the topic on being thrown out).
        ``drop``: folded words left out (a follow-up's pronouns, which point back and name no question); ``general``:
        see _specific."""
        tokens = _without_idioms(joined_contractions(fold(text).split()))
        unknown: list[str] = []
        said = self._query_analysis(tokens, lang, expand=False, drop=drop, unknown=unknown,
                                    sure=clear_language(text) == lang)
        return self._specific(tid, list(dict.fromkeys(said)), len(unknown), general=general)

    def _matched_weight(self, terms: list[str], tid: str) -> float:
        """How much distinctive evidence (idf) the question shares with the topic."""
        return sum(self._idf[t] for t in terms if t in self._idf and any(p[0] == tid for p in self._postings[t]))

    def _coverage(self, terms: list[str], tid: str) -> float:
        """Share of the question's idf weight that the topic contains (unknown words count against it)."""
        unknown_weight = max(self._idf.values(), default=1.0)
        total = sum(self._idf.get(t, unknown_weight) for t in terms)
        hit = sum(self._idf[t] for t in terms if t in self._idf and any(p[0] == tid for p in self._postings[t]))
        return hit / total if total else 0.0

    def _unexplained(self, terms: list[str], tid: str, unknown: int) -> float:
        """The weight of the question's ``unknown`` content words (each like the rarest known term) against that weight
        plus the evidence the topic shares with the question (_matched_weight).

        An unknown word is something the question says that no topic speaks of; the scores and the confidence,
        measured on the known words alone, do not see it (bot/answering.py does: out of scope, close calls).
        """
        strange = unknown * max(self._idf.values(), default=1.0)
        return strange / (strange + self._matched_weight(terms, tid)) if strange else 0.0

    def _focus(self, terms: list[str], tid: str) -> float:
        """Share of the evidence for the topic that names what it is about (its title or keywords).

        "kan jeg få en hund" shares "hund" with an example phrasing of a housing topic; a question about the
        topic usually names it ("boligstøtte", "depositum"). A word that only qualifies another in a keyword phrase or a
        hyphenated name counts only with the whole phrase (_core, _core_phrases): "is it free?" said "free" of "free
        municipality" and of the title's "free-municipality", and was answered with the free-municipality network as
        sure; "loan" of "payday loan" still names the debt topic. Measured in December 2026 on the real messages'
        development rows: answered right 44.8% -> 44.6%, wrong 1.4% both; benchmarks/retrieval.py's calibration at 0.4:
        phrasings answered right 90.9% -> 90.1%, wrong 47.8% -> 46.0%, off-topic questions 13.3% -> 11.7%, real
        development rows (cross-validated) right 41.9% -> 41.4%, wrong 1.9% both.
        """
        matched = {t for t in terms if t in self._idf and any(p[0] == tid for p in self._postings[t])}
        total = sum(self._idf[t] for t in matched)
        if not total:
            return 0.0
        naming = self._core_terms[tid] | self._said_whole(set(terms), self._core_phrases[tid])
        return sum(self._idf[t] for t in matched if t in naming) / total

    def _named(self, terms: list[str], tid: str) -> float:
        """Share of the evidence for the topic that names it whole: a word of its title no other title has, or all of
        a keyword.

        Like _focus, but a keyword counts only when the question says all of it (_keyword_phrases): "jeg har ondt
        i maven" shares "ondt" with the suicide topic's "ondt i livet" and does not name it.
        """
        matched = {t for t in terms if t in self._idf and any(p[0] == tid for p in self._postings[t])}
        total = sum(self._idf[t] for t in matched)
        if not total:
            return 0.0
        naming = self._naming_words[tid] | self._keywords_said(set(terms), tid)
        return sum(self._idf[t] for t in matched if t in naming) / total

    def _keywords_said(self, said: set[str], tid: str) -> set[str]:
        """The terms of the topic's keywords that ``said`` says all of (_keyword_phrases), with their compound parts."""
        return self._said_whole(said, self._phrases_naming[tid])

    @staticmethod
    def _said_whole(said: set[str], phrases: Iterable[tuple[tuple[str, frozenset[str]], ...]]) -> set[str]:
        """The terms of the ``phrases`` that ``said`` says all of, with their compound parts."""
        naming: set[str] = set()
        for phrase in phrases:
            if all(word in said or (parts and parts <= said) for word, parts in phrase):
                naming.update(word for word, _ in phrase)
                naming.update(part for _, parts in phrase for part in parts)
        return naming

    def _asked(self, terms: list[str], topics: Iterable[str]) -> dict[str, float]:
        """The topics the asking words ``terms`` name, each with the share of their weight (idf) that names it: the
        words of its keywords they say all of (ASKED_MIN of it at least). "hvordan skriver jeg mig op til en
        ungdomsbolig" names the youth-housing topic with most of its weight."""
        weights = {t: self._idf[t] for t in terms if t in self._idf}
        total = sum(weights.values())
        if not total:
            return {}
        asked = {}
        for tid in topics:
            naming = self._keywords_said(set(weights), tid)
            share = sum(w for t, w in weights.items() if t in naming) / total
            if share >= ASKED_MIN:
                asked[tid] = share
        return asked

    def _learned_text(self, text: str, tokens: list[str]) -> str:
        """What the learned scorer reads of a short message: the message and the lexicon's words for its everyday
        phrases (Index._expand, phrases of two words or more), as the words' scores read them.

        The scorer learned the knowledge base's words and the real letters' word by word; what a phrase means as a whole
        it cannot read by itself. Its character n-grams took the definite "huslejen" of "kan jeg få hjælp til huslejen"
        for the rent tribunal ("huslejenævn", whose phrasings also say "huslejen er for høj"); with the lexicon's
        "boligstøtte" for "hjælp til huslejen" added it reads what the words read. Single words it reads well by itself
        (it has read "work" and "shelter" in real letters): added, the lexicon's words for them ("arbejde job",
        "herberg") pulled "how does the danish student grant work" to the work topic.
        """
        # A form of a word the message already says ("kommunen" -> "kommune") the scorer's n-grams read by themselves;
        # added, it only counted the word twice.
        added = [word for word in dict.fromkeys(self._expand(tokens, phrases_only=True)[len(tokens):])
                 if not any(_inflected(word, token) for token in tokens)]
        return f"{text} {' '.join(added)}" if added else text

    def read(self, text: str, lang: Lang | None = None) -> list[str]:
        """The terms a one-line question is read as (as ``search`` reads it): its words folded, English contractions
        joined ("can't" as "cant"), stemmed with their compound parts, typos corrected."""
        tokens = fold(text).split()
        lang = lang or detect_language(tokens, text)
        return self._query_terms(_without_idioms(joined_contractions(tokens)), lang, sure=clear_language(text) == lang)

    def search(self, text: str, lang: Lang | None = None, *, letter: bool = False,
               asks: str = "") -> SearchResult:
        """Rank topics for a question and say how sure the best one is.

        ``letter``: the text is a letter (bot/reading.py: several sentences or many words), read without its
        function words (FUNCTION_WORDS). ``asks``: the part of ``text`` that asks (bot/reading.py Reading.asking; empty:
        none found); the topics it names gain (ASKED_WEIGHT).
        """
        tokens = fold(text).split()
        lang = lang or detect_language(tokens, text)
        municipality = detect_municipality(tokens)
        drop = FUNCTION_WORDS if letter else frozenset()
        unknown: list[str] = []
        # Read as the knowledge base's texts are: "can't" as "cant" (normalise.joined_contractions).
        tokens = _without_idioms(joined_contractions(tokens))
        sure = clear_language(text) == lang
        said = self._query_analysis(tokens, lang, expand=False, drop=drop, unknown=unknown, sure=sure)
        terms = self._query_terms(tokens, lang, drop=drop, sure=sure)
        repeats = Counter(said)
        bm25 = self._bm25(terms, repeats)
        cosine = self._example_cosine(terms, repeats)
        top_bm25 = max(bm25.values(), default=0.0)
        scores = {
            tid: (1 - EXAMPLE_WEIGHT) * (bm25.get(tid, 0.0) / top_bm25 if top_bm25 else 0.0)
            + EXAMPLE_WEIGHT * cosine.get(tid, 0.0)
            for tid in set(bm25) | set(cosine)
        }
        asking = _without_idioms(joined_contractions(fold(asks).split()))
        asked_terms = self._query_terms(asking, lang, drop=drop, sure=sure)
        # What the question names outweighs background only where there is background (the asking words are fewer than
        # the message's); a question of one word leans on what came before it ("Hvad gælder så?"; its "gælder" stems
        # like "gæld", debt): it names nothing by itself; and a message that is one of the topics' phrasings word for
        # word is about that topic (the close match is the evidence, as in _learned_choice).
        own = {w for w in asking if w not in STOPWORDS and w not in FUNCTION_WORDS}
        background = set(asked_terms) < set(terms) and max(cosine.values(), default=0.0) < 0.999
        asked = self._asked(asked_terms, scores) if len(own) >= ASKED_WORDS and background else {}
        for tid, share in asked.items():
            scores[tid] += ASKED_WEIGHT * share
        # The words' own scores: the lead below is measured on them, so that a topic the learned scorer moved to
        # the top against the words' ranking is not answered with more confidence than the words give it.
        worded = scores
        # A letter is read as written: the scorer learned real letters, and a letter's many everyday words the lexicon
        # translates ("home", "money") pulled it towards their topics (cross-validated over the development rows).
        learned = (self._learned.scores(text if letter else self._learned_text(text, tokens))
                   if scores and self._learned is not None else None)
        if learned is not None:
            relative = topic_model.relative(learned, LEARNED_TEMPERATURE)
            blended = _blend(scores, relative, LEARNED_WEIGHT)
        else:
            blended = scores
        ranked = sorted(scores, key=lambda t: (-scores[t], t))
        if not ranked:
            return SearchResult(None, 0.0, (), lang, municipality, MappingProxyType({}))
        # Which specific question is meant rests on the person's own words, not on added synonyms.
        own_words = list(dict.fromkeys(said))
        faq, faq_match = self._specific(ranked[0], own_words, len(unknown))
        if faq is None and len(ranked) > 1 and scores[ranked[1]] >= FAQ_CLOSE_SCORE * scores[ranked[0]]:
            close_faq, close_match = self._specific(ranked[1], own_words, len(unknown))
            if close_faq is not None and close_match >= FAQ_VERBATIM:
                ranked[0], ranked[1] = ranked[1], ranked[0]
                faq, faq_match = close_faq, close_match
        best = ranked[0]
        # The words' choice (and the specific question it matches). The learned scorer may put another contender first.
        agreed = True
        if learned is not None and not LEARNED_CHOICES_ONLY:
            chosen = self._learned_choice(best, scores, relative, faq_match, cosine, asked)
            if chosen != best:
                # The scorer settles the disagreement when it is clear about its choice (LEARNED_TIE_MARGIN).
                agreed = _learned_margin(learned, chosen) >= LEARNED_TIE_MARGIN
                best = chosen
                faq, faq_match = self._specific(best, own_words, len(unknown))
        runner_up = max((worded[t] for t in worded if t != best), default=0.0)
        features = {
            "coverage": self._coverage(terms, best),
            "example": cosine.get(best, 0.0),
            "lead": worded.get(best, 0.0) - runner_up,
            "evidence": math.log1p(self._matched_weight(terms, best)),
            "focus": self._focus(terms, best),
        }
        if learned is not None:
            # How far the learned scorer puts the words' best topic ahead of its best other one (negative: it prefers
            # another). It has read real letters; the words' evidence alone was fitted on one-line questions.
            features["learned"] = _learned_margin(learned, best)
        # A best topic the words alone did not choose and the scorer is not clear about (``agreed`` False,
        # LEARNED_TIE_MARGIN) is a disagreement between the words and the learned scorer: Husly offers the choices
        # rather than answer it (an honest "not sure" costs less than a confident wrong answer).
        # The choices after the best topic: the learned scorer's share decides their order.
        others = sorted((t for t in blended if t != best), key=lambda t: (-blended[t], t))
        suggestions = (best, *others[:2])
        shown = dict.fromkeys((*suggestions, *ranked[:10]))
        return SearchResult(
            topic=best,
            # Unrounded: a decision at the threshold must not flip on display rounding (0.3998 is below 0.4).
            confidence=_confidence(features) if agreed else 0.0,
            features=MappingProxyType(features),
            suggestions=suggestions,
            lang=lang,
            municipality=municipality,
            # The words' own scores: bot/answering.py reads the words' best three (and close calls) from them.
            scores=MappingProxyType({t: round(worded.get(t, 0.0), 4) for t in shown}),
            faq=faq,
            faq_match=round(faq_match, 3),
            named=self._named(terms, best),
            unexplained=self._unexplained(terms, best, len(unknown)),
        )


def split_stems(danish: Iterable[str], english: Iterable[str]) -> set[str]:
    """The stems that a Danish and an English word both stem to while no word is written the same in both lists:
    "hurt" (English "hurt", Danish "hurtigt", fast), "rent" (rent; "renter", interest on a debt), "most" ("moster",
    an aunt). A word the two lists share ("kollegie" in an English text) is the same word in both, so its stem is.
    """
    da_stems: defaultdict[str, set[str]] = defaultdict(set)
    en_stems: defaultdict[str, set[str]] = defaultdict(set)
    for word in danish:
        da_stems[stem(word, "da")].add(word)
    for word in english:
        en_stems[stem(word, "en")].add(word)
    return {s for s, da_words in da_stems.items() if s in en_stems and not da_words & en_stems[s]}


# The longest ending _inflected reads as one ("-erne": "boligerne", "bolig").
INFLECTION = 4


def _head(words: list[str]) -> str:
    """The word of a phrase the others qualify: its last word of weight ("loan" of "payday loan", "afford" of "cant
    afford"; the last word when all are stop words)."""
    return next((w for w in reversed(words) if w not in STOPWORDS and len(w) >= 2), words[-1])


def _overlap(one: set[str], other: set[str]) -> float:
    """Jaccard overlap of two sets of topics (0: none shared)."""
    return len(one & other) / len(one | other) if one | other else 0.0


# The units of an amount: "12000 kr" names money, not which topic it is about ("kr" leaned to the listings).
_CURRENCY = frozenset({"kr", "kroner", "krone", "dkk", "euro", "eur"})


def _amount(token: str) -> bool:
    """Four digits or more, the thousands of a number written with a point ("12.000" folds to "12 000"), or a
    currency."""
    return (token.isdigit() and (len(token) >= 4 or token == "000")) or token in _CURRENCY


def _content_word(token: str) -> bool:
    """A word that may say what a question is about (not a function word, a digit or a stray letter pair)."""
    return len(token) >= 3 and not token.isdigit() and token not in STOPWORDS and token not in FUNCTION_WORDS


def _without_idioms(tokens: list[str]) -> list[str]:
    """The folded tokens with each idiom of the lexicon (knowledge/lexicon/idioms.yaml, longest first) as one IDIOM,
    and without the words of a request to be told ("fortæl mig om", "tell me about"); an everyday word as LIGHT
    (_with_light_words).

    "min kæreste har slået op med mig" is a breakup: read word by word, its "slået" named the violence topic.
    """
    idioms, requests = lexicon().idioms, lexicon().requests
    if not idioms and not requests:
        return _with_light_words(tokens)
    out: list[str] = []
    start = 0
    sizes = range(max(len(phrase) for phrase in idioms | requests), 0, -1)  # "van on the street": four words
    while start < len(tokens):
        for size in sizes:
            phrase = tuple(tokens[start:start + size])
            if len(phrase) == size and (phrase in idioms or phrase in requests):
                if phrase in idioms:
                    out.append(IDIOM)
                start += size
                break
        else:
            out.append(tokens[start])
            start += 1
    return _with_light_words(out)


def _with_light_words(tokens: list[str]) -> list[str]:
    """The folded tokens with each everyday word of the lexicon (light.yaml: "ny", "new") as its LIGHT term, unless a
    word for a home follows it within two words ("ny bolig", "a new cheap flat")."""
    light, homes = lexicon().light_words or {}, lexicon().homes
    return [LIGHT + light[token] if token in light and not homes.intersection(tokens[i + 1:i + 3]) else token
            for i, token in enumerate(tokens)]


def _lexicon_positions(tokens: list[str]) -> frozenset[int]:
    """Positions of the words the lexicon knows (slang, synonyms, municipality names), alone or in a phrase."""
    known = lexicon()
    covered: set[int] = set()
    for start in range(len(tokens)):
        for size in range(1, max(3, known.longest_synonym) + 1):
            phrase = tuple(tokens[start:start + size])
            if len(phrase) == size and (phrase in known.synonyms or phrase in known.municipality_aliases
                                        or phrase in known.other_places):
                covered.update(range(start, start + size))
    return frozenset(covered)


def _inflected(word: str, other: str) -> bool:
    """Whether one word is the other with an ending of a few letters ("kommunen", "kommune"): not "huslejerestance",
    "husleje", a word of its own."""
    short, long = sorted((word, other), key=len)
    return long.startswith(short) and len(long) - len(short) <= INFLECTION


def _blend(scores: Mapping[str, float], learned: Mapping[str, float], weight: float) -> dict[str, float]:
    """The rank score with the learned scorer's share (its weights run 0-1, as the words' scores do). Only a message
    the words found something for gets here: the scorer always names some topic, and a message with no word of the
    knowledge base is not about any."""
    found = set(scores) | {t for t, w in learned.items() if w >= LEARNED_ALONE}
    return {t: (1 - weight) * scores.get(t, 0.0) + weight * learned.get(t, 0.0) for t in found}


def _best(scores: Mapping[str, float]) -> str:
    return min(scores, key=lambda t: (-scores[t], t))


def _said_weight(said: int) -> float:
    """How much a term the question says ``said`` times weighs against one it says once (QUERY_TF_K3)."""
    return 1.0 if said <= 1 else (QUERY_TF_K3 + 1) * said / (QUERY_TF_K3 + said)


def _faq_phrases(entry: FaqEntry, lang: Lang) -> tuple[str, ...]:
    """How people ask one specific question: the question itself and its example phrasings (none if it is shown
    only by the engine)."""
    return (entry.q.get(lang), *entry.examples.get(lang)) if entry.searchable else ()


# Logistic-regression weights over the features above, fitted by `benchmarks/retrieval.py --calibrate` (refit after
# large content changes, or after changing the learned scorer) on: the knowledge base's own example phrasings, each
# asked of an index without its fold (5-fold cross-validation; right or wrong best topic), the off-topic questions
# there, and the real messages' development rows (tests/data/real_messages*.tsv, never the held-out rows), each asked
# of an index whose learned scorer trained without the row's fold, weighing CONFIDENCE_REAL_WEIGHT times a phrasing.
# Fitted on the one-line phrasings alone, the words' evidence ran high on real letters: a letter shares many words
# with many topics. The learned scorer's margin ("learned": it has read real letters) tells right from wrong better
# there (on the development rows, cross-validated, it separates right from wrong best topics at AUC 0.84 against
# 0.70 for the words' confidence). Under 5-fold cross-validation over the development rows (weights fitted without
# the fold's rows, scorer trained without them): answered right 42.7% -> 45.9%, wrong 2.9% -> 1.6%; the phrasings'
# wrong best topics answered 46% -> 33%, right ones 88% -> 90%.
CONFIDENCE_WEIGHTS = {"bias": -2.2, "coverage": 0.26, "evidence": 0.44, "example": 0.17, "focus": 0.78, "lead": 0.54,
                      "learned": 1.91}
# An index without a learned scorer (tests, benchmarks of the words alone): the same fit without that feature.
CONFIDENCE_WEIGHTS_WORDS = {"bias": -3.86, "coverage": 0.66, "evidence": 1.0, "example": 0.49, "focus": 1.35,
                            "lead": 1.82}
# How much one real development row weighs in that fit against one phrasing (chosen by the cross-validation above,
# 1-5 alike; there are about 300 rows and 1,300 phrasings).
CONFIDENCE_REAL_WEIGHT = 2.0


def _confidence(features: Mapping[str, float]) -> float:
    """Probability that the best topic is the right answer, from the evidence features."""
    weights = CONFIDENCE_WEIGHTS if "learned" in features else CONFIDENCE_WEIGHTS_WORDS
    z = weights["bias"] + sum(weights[name] * value for name, value in features.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def _learned_margin(scores: Mapping[str, float], best: str) -> float:
    """The learned scorer's score for ``best`` minus its best score for any other topic."""
    lowest = min(scores.values())
    return scores.get(best, lowest) - max((v for t, v in scores.items() if t != best), default=lowest)


def load_indexed(root: Path = BUNDLED_ROOT, *, learned: bool = True) -> tuple[KnowledgeBase, Index]:
    """Load the knowledge base under ``root`` and index it; raises KnowledgeError listing every problem.

    ``learned``: with the learned topic scorer (knowledge/topic_model.py) trained on its phrasings and the real
    messages' development rows (imports scikit-learn; the bot keeps the result: bot/knowledge_cache.py).
    """
    kb = load(root)
    return kb, Index(kb, learned=topic_model.fit(kb) if learned else None)
