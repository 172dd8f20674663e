"""A short feeling, need or call written on a waiting case ("jeg er så bange", "jeg fryser", "er der nogen?").

On a case, such a message is not a question for the knowledge base: "jeg er så bange" got the answer about
violence at home. It gets a short, warm line instead (bot.cases.notices.feeling), and it reaches the case as any
message does. Danger is not decided here: triage reads the message first, and only a message it finds no danger
in can be one of these ("jeg er bange for ham" is an emergency). Only the whole message counts: "er der nogen? han
står uden for døren" is not a call, it says more.

Three kinds, each with its own line (and a fourth, a plain "ok, jeg venter", that only hears that it reached the
case): a feeling (fear, loneliness, sadness, worn out), a need (cold, hungry), and a
call ("hallo??", "er der nogen", "skynd jer", "anyone??"), as a 16-year-old types them: "im scared af", "hallooo",
"sååå bange", "jeg frysr".
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot.smalltalk import sad_emoji_only
from knowledge.normalise import fold


class Kind(StrEnum):
    FEELING = "feeling"
    NEED = "need"
    CALL = "call"
    # "ok", "fint, jeg venter", "tak": only that they got it and wait; no warm line, and not a question either
    # ("fint, jeg venter" got the answer about skæve boliger).
    ACK = "ack"


_MORE = (r"(?:(?:saa|sa|rigtig|virkelig|mega|helt|bare|vildt|sindssygt|sygt|enormt|pisse|skide|hamrende|meget|"
         r"totalt|so|soo|really|rly|very|just|super|too|kinda|pretty|fucking|fkn|fking|all|still|stadig|endnu|"
         r"lidt|ret)\s+)*")
# Said after a feeling: "lige nu", "rn", "af", "herude", "i nat", "lol".
_AFTER = (r"(?:\s+(?:nu|lige nu|igen|herude|her|i nat|i aften|now|right now|rn|atm|again|af|asf|out here|here|"
          r"tonight|lol|haha|ok|okay))*")
_FEELING = (r"(?:bange|angst|skraemt|rundt paa gulvet|ked af det|ked|trist|ulykkelig|fortvivlet|alene|ensom|nervoes|"
            r"urolig|bekymret|stresset|faerdig|forvirret|panisk|i panik|raedselsslagen|hunderaed|pisseraed|raed|"
            r"utryg|scared|scarred|skared|afraid|frightened|terrified|sad|upset|lonely|alone|all alone|anxious|"
            r"nervous|worried|stressed|lost|confused|panicking|freaking out|traet|udmattet|smadret|udkoert|"
            r"doedtraet|tired|exhausted|sleepy)")
_HAVING = r"(?:daarligt|skidt|elendigt|svaert|haardt|forfaerdeligt|lort|bad|awful|terrible|shit|crap)"
# Cold and hungry: what the body needs, and what a place can give (a warm room, food), so a curated answer that
# fits comes after the warm line ("jeg fryser": the night warming rooms).
_NEED_WORD = r"(?:kold|iskold|frossen|sulten|sulter|skrupsulten|cold|freezing|frozen|hungry|starving)"
_NEED = (rf"^(?:(?:jeg|i)\s+)?(?:(?:er|bliver|foeler mig|am|m|feel|im)\s+)?{_MORE}{_NEED_WORD}{_AFTER}$"
         rf"|^(?:jeg\s+)?(?:fryser|frys|frysr|fryzer)(?:\s+{_MORE}(?:meget|sindssygt|helt vildt|ihjel))?{_AFTER}$"
         rf"|^(?:det\s+er|its|it s|it is)\s+{_MORE}(?:(?:pisse|mega|skide|is|hunde|sindssygt)?koldt|cold|freezing)"
         rf"(?:\s+(?:herude|udenfor|ude|out here|outside))?{_AFTER}$"
         rf"|^(?:jeg\s+)?har\s+ikke\s+(?:spist|faaet mad|faaet noget at spise)(?:\s+(?:i dag|hele dagen|siden i "
         rf"gaar|i gaar|i \w+ dage|i flere dage))?{_AFTER}$"
         rf"|^(?:i\s+)?(?:havent|haven t|have not|didnt|didn t|did not)\s+(?:eaten|eat|had food|had anything to eat)"
         rf"(?:\s+(?:today|all day|since yesterday|in \w+ days))?{_AFTER}$"
         rf"|^(?:jeg\s+)?(?:traenger til|har brug for|need|i need)\s+(?:mad|noget at spise|food|something to eat)"
         rf"{_AFTER}$")
_FEELING_RE = re.compile(
    rf"^(?:(?:jeg|i)\s+)?(?:(?:er|bliver|foeler mig|am|m|im|feel|feel so)\s+)?{_MORE}{_FEELING}{_AFTER}$"
    rf"|^(?:jeg\s+)?har det\s+{_MORE}{_HAVING}{_AFTER}$"
    rf"|^(?:i\s+)?(?:m|am|im|feel)\s+{_MORE}{_HAVING}{_AFTER}$"
    rf"|^(?:(?:jeg\s+)?(?:gaar\s+{_MORE}i panik|flipper\s+{_MORE}ud|freaker\s+{_MORE}ud)"
    rf"|(?:i\s+)?(?:m|am|im)\s+(?:panicking|freaking out))"
    rf"{_AFTER}$")
_NEED_RE = re.compile(_NEED)
# "is anyone there?", "hallo??", "skynd jer", "svar mig", "hvor er i" (a greeting alone only when asked or drawn
# out: a plain "hej" is a greeting, "hallooo" or "hallo?" a call).
_PLEASE = r"(?:\s+(?:please|pls|plz|plis|tak|nu|lige|mig|me|now|asap|hurry|igen|again))*"
_HELLO = r"(?:(?:hallo|hello|hej|hey|hi|halloj|halloo|helloo|yo|ehm|oi|hallo hallo)\s+)*"
_ANYONE = r"(?:nogen|nogle|nogn|nogeen|anyone|anybody|any1|some1|someone|somebody|ppl|folk)"
_HOW_LONG = (r"how long|how much longer|how many minutes|how many hours|hvor lang tid|hvor laenge|hvor meget laengere|"
             r"hvor mange minutter|hvor mange timer")
_CALL_RE = re.compile(
    rf"^{_HELLO}(?:(?:er|is|are)\s+)?(?:(?:der|there)\s+)?{_ANYONE}"
    # "er der nogen vågen herude?": at night, whether anyone is awake (up to two such words).
    rf"(?:\s+(?:der|there|here|her|derude|herude|hjemme|home|out there|at all|overhovedet|vaagen|vaagne|oppe|"
    rf"awake|up)){{0,2}}"
    rf"(?:\s+(?:som|who|that|der))?(?:\s+(?:kan|can))?"
    rf"(?:\s+(?:hjaelpe|svare|svarer|hjaelper|laeser|laeser med|ser det|help|answer|read|reading|see|sees))?"
    rf"(?:\s+(?:mig|me|this|det|det her))?{_PLEASE}$"
    rf"|^{_HELLO}(?:skynd jer|skynd dig|skynd|skynde jer|hurry|hurry up|please hurry|plz hurry|pls hurry|kom nu|"
    rf"kom saa|come on|cmon|svar|svar mig|svar nu|answer|answer me|please answer|plz answer|pls answer|"
    rf"hvor er i|hvor bliver i af|hvor er du|where are you|where r u|where are u|are you there|r u there|u there|"
    rf"er i der|er du der|er i der overhovedet|er du vaagen|er i vaagne|are you awake|"
    rf"virker det her|virker det|is this working|does this work|"
    rf"hvorfor svarer i ikke|hvorfor svarer ingen|why is nobody answering|why wont anyone answer|"
    rf"hvornaar kommer i|hvornaar svarer i|when will someone answer|det haster|haster)(?:\s+jer)?{_PLEASE}$"
    # How long the wait is: on a case that is the case, not a topic ("how long will it take?" got the thrown-out
    # topic's question about what to take along, "hvor lang tid tager det?" a waiting list's).
    rf"|^(?:{_HOW_LONG})(?:\s+(?:will|does|do|is|skal|tager|varer|gaar))?(?:\s+(?:it|this|that|det|det her|i|"
    rf"jeg|der|you|someone|nogen))?(?:\s+(?:take|takes|taking|last|be|have to|wait|vente|tage|komme|come|"
    rf"answer|svare|skrive|write|reply))*"
    rf"(?:\s+(?:to wait|at vente|for at|paa jer|for you|before|foer|till|until|indtil))*"
    rf"(?:\s+(?:someone|nogen|i|you|der))?(?:\s+(?:answers|svarer|skriver|writes|replies|comes|kommer))?{_PLEASE}$")
_ACK_WORD = (r"(?:ok|okay|oki|okey|okej|fint|fedt|super|godt|cool|tak|mange tak|tusind tak|forstaaet|fair|alright|"
             r"thanks|thank you|thx|ty|got it|sure|fine|perfekt|perfect|great|nice)")
_WAIT = (r"(?:(?:jeg|i|im|i m|ill|i ll|i will)\s+)?(?:venter|venter bare|bare venter|kan godt vente|kan vente|wait|"
         r"will wait|waiting|m waiting|can wait)(?:\s+(?:paa jer|paa svar|her|bare|lige|saa|for you|here|then))*")
_ACK_RE = re.compile(rf"^(?:{_ACK_WORD}(?:\s+{_ACK_WORD})*(?:\s+{_WAIT})?|{_WAIT})$")
_GREETING = re.compile(r"^(?:hallo|hello|hej|hey|hi|halloj|yo)$")
_DRAWN_OUT = re.compile(r"^(?:h+a+l+o{2,}|h+e+l+o{2,}|he{2,}j+|hej{2,}|he{2,}y+|hey{2,}|hallo hallo|hello hello|"
                        r"hej hej|hallo hallo hallo|hello hello hello)$")
# Longer than this it says more than a feeling.
MAX_WORDS = 8


def _squeezed(folded: str) -> tuple[str, ...]:
    """Letters typed over and over ("sååå", "bangeeee", "hallooooo") cut to two and to one, so one pattern fits."""
    return tuple(dict.fromkeys((folded, re.sub(r"(\w)\1{2,}", r"\1\1", folded),
                                re.sub(r"(\w)\1{2,}", r"\1", folded))))


def kind(text: str) -> Kind | None:
    """What a short message on a waiting case only says: a feeling, a need, a call, or None (it says more)."""
    raw = fold(text)
    if sad_emoji_only(text):
        return Kind.FEELING  # "😭😭": said without words
    if not 0 < len(raw.split()) <= MAX_WORDS:
        return None
    if _DRAWN_OUT.match(raw):
        return Kind.CALL
    for folded in _squeezed(raw):
        if _FEELING_RE.match(folded):
            return Kind.FEELING
        if _NEED_RE.match(folded):
            return Kind.NEED
        if _GREETING.match(folded):
            # "hej" alone greets; "hej?" asks whether anyone is there.
            return Kind.CALL if "?" in text else None
        if _CALL_RE.match(folded):
            return Kind.CALL
        if _ACK_RE.match(folded):
            return Kind.ACK
    return None


# The cold among the needs ("jeg fryser", "det er så koldt herude"): where to get warm tonight, not only a warm line.
_COLD_RE = re.compile(r"kold|fros|frys|fryz|cold|freez")


def cold(text: str) -> bool:
    """Whether ``text`` only says the person is cold (a need, ``kind``), as opposed to hungry."""
    return kind(text) is Kind.NEED and bool(_COLD_RE.search(fold(text)))


def is_short_feeling(text: str) -> bool:
    """Whether ``text`` only says how the person feels ("jeg er så bange", "I'm scared", "jeg har det skidt")."""
    return kind(text) is Kind.FEELING
