"""A danger told on an open case: someone acting against the writer right now ("han råber af mig nu", "he is
shouting at me right now"), or coming while the writer is afraid ("han kommer hjem nu og jeg er bange").

Triage reads every message alone, and a short "han råber af mig nu" names nothing it knows as a crisis. On a case
the person is already in one (thrown out tonight, an unsafe home), so such a message is a danger here and now: at
the case questions it was read as no answer and passed the question over, with "If you are in danger, call 112" and
nothing more, and the team was not told. Here it is an emergency (the safety information at once, the case raised).

Deliberately narrow, and only used on an open case (bot.cases.relay.heard_danger): a person (han, hun, min far, he,
my mom ...) and an act against the writer in the present ("råber", "truer", "is shouting") with "nu"/"now" or fear
beside it, or their coming ("kommer hjem", "is coming home") with fear beside it. Told in the past ("han råbte")
it is not here: that is the triage's and relay's ``_TOLD`` reading (urgent, not an emergency).
"""

from __future__ import annotations

import re

from knowledge.normalise import fold

# Reason codes (bot.cases.cards.reason_label): an act against the writer is violence or threats; someone coming while
# the writer is afraid, a danger felt.
ACT = "violence_or_threats"
COMING = "in_danger"

# Longer than this a message tells a story; triage reads those (a letter's "nu" is often not now).
MAX_WORDS = 20

_WHO = (r"(?:han|hun|de|far|mor|min \w+|mit \w+|mine \w+|hans \w+|hendes \w+|he|she|they|hes|shes|theyre|"
        r"my \w+|his \w+|her \w+|stedfar|stedmor|papfar|papmor|faren|moren|stedfaren|stedmoren|dad|mom|mum|stepdad|"
        r"stepmom|stepmum)")
_ACT_DA = (r"(?:raaber|raaaber|skriger|skaelder|truer|slaar mig|slaar paa|sparker|banker (?:paa|mig)|hamrer paa|"
           r"smadrer|kaster (?:med|ting|rundt)|river i mig|skubber|holder fast i|tager fat i|jagter|laaser mig|"
           r"er efter|er voldelig|er sindssyg|flipper|flipper ud|gaar amok)")
_ACT_EN = (r"(?:(?:is|s|are|re|keeps|keep|still)\s+)?(?:shouting|yelling|screaming|threatening|hitting|kicking|"
           r"banging|smashing|throwing|pushing|grabbing|chasing|flipping out|going crazy|losing it)|shouts|yells|"
           r"screams|threatens|hits|kicks")
_NOW = r"\b(?:nu|lige nu|stadig|now|right now|rn|atm|still|af mig|ad mig|paa mig|at me)\b"
_FEAR = (r"\b(?:bange|angst|raed|skraemt|hunderaed|pisseraed|raedselsslagen|panik|scared|afraid|terrified|frightened|"
         r"freaking out)\b")
_COMING = (r"(?:kommer hjem|kommer tilbage|kommer herhen|kommer herind|kommer ind|kommer op|kommer efter mig|"
           r"er paa vej hjem|er paa vej herhen|er paa vej|er paa vej tilbage|staar udenfor|staar uden for|"
           r"(?:(?:is|s|are|re)\s+)?(?:coming home|coming back|coming here|coming over|coming for me|"
           r"on (?:his|her|their|the) way(?: home| back| here)?|outside|at the door))")
_ACTS = re.compile(rf"\b(?P<who>{_WHO})\s+(?:\w+\s+){{0,4}}(?:{_ACT_DA}|{_ACT_EN})\b")
_COMES = re.compile(rf"\b(?P<who>{_WHO})\s+(?:\w+\s+){{0,2}}{_COMING}\b")
# Someone coming to help ("min ven kommer og henter mig", "my friend is coming over"), or no person at all ("mit hjerte
# banker", "my heart is pounding"): no danger from someone.
_HELPER = re.compile(r"\b(?:ven|veninde|venner|kammerat|kusine|fetter|moster|faster|mormor|farmor|morfar|farfar|"
                     r"friend|friends|mate|bestie|bff|aunt|auntie|grandma|grandpa|nan|cousin|taxa|taxi|politiet|"
                     r"police|hjerte|hjertet|mave|maven|hoved|hovedet|krop|kroppen|puls|telefon|mobil|heart|head|"
                     r"stomach|body|phone|pulse)\b")
# Said in the past, or as what usually happens: no danger now.
_NOT_NOW = re.compile(r"\b(?:altid|tit|nogle gange|hver dag|hele tiden|i gaar|sidste uge|always|sometimes|"
                      r"all the time|every day|yesterday|last week|used to|plejede)\b")


def now(text: str) -> str | None:
    """The reason code when ``text`` tells of someone acting against the writer now (ACT) or coming while the writer
    is afraid (COMING), else None."""
    said = fold(text)
    if not said or len(said.split()) > MAX_WORDS or _NOT_NOW.search(said):
        return None
    acts = _ACTS.search(said)
    if acts is not None and not _HELPER.search(acts["who"]) and (re.search(_NOW, said) or re.search(_FEAR, said)):
        return ACT
    comes = _COMES.search(said)
    if comes is not None and not _HELPER.search(comes["who"]) and re.search(_FEAR, said):
        return COMING
    return None
