"""Every reason triage can give is shown in words on the case card and in the report (never as its code).

Playing the coordinator's report: "couch_surfing" stood in the Danish table of why young people needed help, and
on the caseworkers' cards, between "smidt ud" and "bliver snart sat ud": a reason the rules give had no label.
"""

from __future__ import annotations

from bot.cases.cards import reason_label
from bot.i18n import use_lang
from bot.triage import _rules


def test_every_reason_the_triage_rules_give_has_a_label_in_both_languages() -> None:
    reasons = {rule.reason for rule in _rules().rules}
    assert "couch_surfing" in reasons
    for lang in ("da", "en"):
        with use_lang(lang):
            unlabelled = sorted(code for code in reasons if reason_label(code) == code)
        assert unlabelled == [], lang
    with use_lang("da"):
        assert reason_label("couch_surfing") == "sofasurfer (bor skiftevis hos andre)"


def test_the_check_in_reasons_are_shown_in_words() -> None:
    """A case opened after "are you in danger right now?" says why on the card: the bot asked, the person said yes."""
    from bot.cases.flow import SAID_IN_DANGER
    from bot.triage import LEARNED, MAYBE_IN_DANGER

    with use_lang("da"):
        labels = [reason_label(code) for code in (LEARNED, MAYBE_IN_DANGER, SAID_IN_DANGER)]
    assert labels == ["ord, der ofte betyder en krise", "ingen fare nævnt; botten spurgte, om de er i fare lige nu",
                      "svarede ja: i fare lige nu"]
