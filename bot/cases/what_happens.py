"""A short question about what happens now on the way to a caseworker ("hvad sker der nu?", "er det anonymt?").

Right after tonight's help the bot asks "Do you want a caseworker to write to you here?". A person at night, unsure,
asks first what that means: "hvad sker der nu?", "hvad sker der hvis jeg siger ja", "hvem skriver til mig?", "er det
anonymt?", "what happens if i say yes". Each was answered as a new question: "hvad sker der nu?" got the thrown-out
topic's answer again with seventeen buttons, and the offer scrolled away. Such a question gets what happens on a yes
and on a no, and the offer again (bot/cases/flow.py). Asked on a case nobody has taken yet, it gets where the case
stands and what comes next (bot/cases/relay.py); "er det anonymt?" had got the topic about violence.

Only the whole message counts, and only a short one: "hvad sker der hvis jeg ikke kan betale huslejen" is a
question of its own (the pattern ends where the question about the way to a caseworker ends).
"""

from __future__ import annotations

import re

from knowledge.normalise import fold

# "hvad sker der (så|nu|bagefter) (hvis jeg siger ja)", "what happens (now|next) (if i say yes)"
_IF_YES = (r"(?:\s+(?:hvis|naar|if|when)\s+(?:jeg|i)\s+(?:siger|trykker|skriver|svarer|say|press|tap|click|answer)"
           r"(?:\s+(?:paa))?\s+(?:ja|ja tak|yes|nej|no|den|it|that))?")
_THEN = r"(?:\s+(?:saa|nu|bagefter|derefter|saa nu|lige nu|now|next|then|after that|afterwards))*"
_PLEASE = r"(?:\s+(?:egentlig|lige|please|pls|plz|tho|though|haha|lol))*"
_WHO_EN = (r"(?:someone|somebody|anyone|anybody|they|a caseworker|the caseworker|a case worker|the case worker|"
           r"a person|a human)")
_WRITES_EN = (r"(?:write|writes|answer|answers|reply|replies|respond|responds|contact|contacts|text|texts|message|"
              r"messages|call|calls|get back|gets back)")
_TO_ME_EN = r"(?:\s+(?:to me|me|back|to me here|here))?"
_WHO_DA = r"(?:nogen|de|en medarbejder|medarbejderen|en sagsbehandler|sagsbehandleren)"
_WRITES_DA = r"(?:skriver|svarer|ringer|kontakter|vender tilbage|skrive|svare|ringe|kontakte)"
_TO_ME_DA = r"(?:\s+(?:til mig|mig|tilbage|her))*"
_QUESTIONS = (
    rf"hvad sker (?:der|det){_THEN}{_IF_YES}",
    rf"hvad skal der ske{_THEN}{_IF_YES}",
    rf"hvad betyder (?:det|det her|det der|det helt praecist){_IF_YES}",
    rf"hvad vil det sige{_IF_YES}",
    r"hvad (?:goer|kan) (?:de|i|medarbejderen|en medarbejder|sagsbehandleren|en sagsbehandler)(?:\s+(?:saa|goere|"
    r"hjaelpe med|for mig|gore))*",
    r"hvem (?:er det )?(?:der )?(?:skriver|skal skrive|vil skrive|ser det|laeser det|faar det at vide)(?: til mig)?",
    r"hvem er (?:medarbejderen|sagsbehandleren|de|det)",
    r"(?:er det|bliver jeg) anonym[t]?",
    r"skal jeg (?:sige|skrive|oplyse|give) (?:mit navn|hvem jeg er|mit cpr|mit cpr nummer)",
    r"hvordan (?:virker|foregaar|fungerer) det(?: her)?",
    rf"what happens{_THEN}{_IF_YES}",
    rf"what will happen{_THEN}{_IF_YES}",
    r"what (?:does|do) (?:that|this|it) mean",
    r"what (?:will|would|do|can) (?:they|the caseworker|a caseworker|the case worker|a case worker) do(?: then)?",
    r"who (?:will|would|is going to) (?:write|text|message|contact|see|read it|know)(?: to)?(?: me)?",
    r"who (?:is|are) (?:the caseworker|the case worker|they|it)",
    r"(?:is it|will i be|can i be|can i stay) anonymous",
    r"do i (?:have|need) to (?:give|say|tell|share) (?:my name|who i am|them my name)",
    r"how does (?:it|this|that) work",
    # "what do i do now", "hvad gør jeg nu": asked under the offer, the next step is the offer (the topic's answer
    # again, or choices with the suicide topic, was what a young person at a station got).
    r"(?:hvad|hvad saa) (?:goer|gor|skal) jeg(?: saa)?(?: goere| gore)?(?:\s+(?:nu|saa|nu saa))+",
    r"hvad(?: saa)? nu",
    r"what (?:do|should|can|shall) i do(?:\s+(?:now|next|then))+",
    r"(?:so |and )?what now",
    r"now what",
    # "how long does it take", "hvor lang tid tager det": no promise of a time, what a yes leads to.
    r"hvor (?:lang tid|hurtigt) (?:tager det|gaar der|varer det)(?: foer (?:de|nogen|en) (?:skriver|svarer))?",
    r"hvornaar (?:skriver|svarer|kommer) (?:de|nogen|en medarbejder|en sagsbehandler)",
    r"how (?:long|fast|quickly|soon) (?:does it|will it|would it|do they|will they|does that|will that)"
    r"(?: take| be| answer| write| reply)?",
    # The wait itself, asked in the words people use ("how long till someone writes", "hvor længe skal jeg vente"):
    # "how long till someone writes" at the last case question got "That one is on your case too".
    rf"how long (?:till|until|til|untill|before) {_WHO_EN} {_WRITES_EN}{_TO_ME_EN}",
    r"how long (?:do|will|must|should|shall) i (?:have to |need to )?wait",
    rf"when (?:will|do|does|would|is) {_WHO_EN} (?:going to |gonna )?{_WRITES_EN}{_TO_ME_EN}",
    rf"(?:will|is|does) {_WHO_EN} (?:going to |gonna )?{_WRITES_EN}{_TO_ME_EN}",
    rf"hvor laenge (?:gaar der |tager det )?(?:til|foer|inden) {_WHO_DA} {_WRITES_DA}{_TO_ME_DA}",
    r"hvor laenge (?:skal|maa|kommer) jeg (?:til at )?vente",
    rf"(?:er der nogen der|kommer der nogen og|vil {_WHO_DA}) {_WRITES_DA}{_TO_ME_DA}",
    rf"{_WRITES_DA} (?:der nogen|de|en medarbejder|en sagsbehandler){_TO_ME_DA}",
)
_WHAT_HAPPENS = re.compile(r"^(?:(?:ok|okay|men|but|so|og|and|altsaa|umm|hmm|ehm|oki)\s+)*(?:" + "|".join(_QUESTIONS)
                          + rf"){_PLEASE}$")


def asks_what_happens(text: str) -> bool:
    """Whether ``text`` is only a short question about what the way to a caseworker means or leads to."""
    return bool(_WHAT_HAPPENS.match(fold(text)))
