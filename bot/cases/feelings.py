"""A short feeling written on a waiting case ("jeg er så bange", "I feel so alone").

On a case, such a message is not a question for the knowledge base: "jeg er så bange" got the answer about
violence at home. It gets a short, warm line instead (bot.cases.notices.feeling), and it reaches the case as any
message does. Danger is not decided here: triage reads the message first, and only a message it finds no danger
in can be a feeling ("jeg er bange for ham" is an emergency).
"""

from __future__ import annotations

import re

from knowledge.normalise import fold

_MORE = r"(?:(?:saa|rigtig|virkelig|mega|helt|bare|vildt|sindssygt|enormt|pisse|meget|so|really|very|just|super|" \
        r"too|kinda|pretty)\s+)*"
_FEELING = (r"(?:bange|angst|skraemt|rundt paa gulvet|ked af det|trist|ulykkelig|fortvivlet|alene|ensom|nervoes|"
            r"urolig|bekymret|stresset|traet|faerdig|forvirret|panisk|scared|afraid|frightened|terrified|sad|upset|"
            r"lonely|alone|anxious|nervous|worried|stressed|tired|lost|confused|panicking)")
_HAVING = r"(?:daarligt|skidt|elendigt|svaert|haardt|forfaerdeligt|bad|awful|terrible)"
_PATTERN = re.compile(
    rf"^(?:(?:jeg|i)\s+)?(?:(?:er|bliver|foeler mig|am|m|feel|feel so)\s+)?{_MORE}{_FEELING}"
    rf"(?:\s+(?:nu|lige nu|igen|now|right now|again))?$"
    rf"|^(?:jeg\s+)?har det\s+{_MORE}{_HAVING}(?:\s+(?:nu|lige nu|igen))?$"
    rf"|^(?:i\s+)?(?:m|am|feel)\s+{_MORE}{_HAVING}(?:\s+(?:now|right now|again))?$")
# Longer than this it says more than a feeling.
MAX_WORDS = 8


def is_short_feeling(text: str) -> bool:
    """Whether ``text`` only says how the person feels ("jeg er så bange", "I'm scared", "jeg har det skidt")."""
    folded = fold(text)
    return 0 < len(folded.split()) <= MAX_WORDS and _PATTERN.match(folded) is not None
