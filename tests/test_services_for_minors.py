"""Services that take only adults are not shown to someone who said they are under 18."""

from __future__ import annotations

import pytest

from tests.support import Chat

THROWN_OUT = "bor i Roskilde. Min mor har smidt mig ud i aften, og jeg ved ikke hvor jeg skal sove."


def test_a_17_year_old_thrown_out_in_roskilde_is_not_sent_to_the_adults_shelter(chat: Chat) -> None:
    shown = "\n".join(m.text for m in chat.say("Jeg er 17 og " + THROWN_OUT))
    assert "116 111" in shown  # BørneTelefonen, for under 18s
    assert "Roskildehjemmet (forsorgshjem)" not in shown  # the shelter's card: a § 110 shelter takes over 18s only
    assert all("over 18" in line for line in shown.splitlines() if "Roskildehjemmet" in line)


def test_someone_who_gives_no_age_still_sees_the_shelter(chat: Chat) -> None:
    shown = "\n".join(m.text for m in chat.say("Jeg " + THROWN_OUT))
    assert "Roskildehjemmet (forsorgshjem)" in shown and "46 36 90 00" in shown
    assert "Er du over 18, er Roskildehjemmet" in shown


@pytest.mark.parametrize(("age", "shelter"), [("17", False), ("19", True)])
def test_a_friend_asking_for_someone_thrown_out_sees_what_fits_the_young_persons_age(chat: Chat, age: str,
                                                                                    shelter: bool) -> None:
    # A helper writes about someone else: the age that matters is the young person's ("my friend is 17").
    shown = "\n".join(m.text for m in chat.say(
        f"My friend is {age} and lives in Roskilde. Her dad kicked her out tonight and she is sleeping at the "
        "train station. What can I do?"))
    assert "112" in shown  # it is urgent either way
    assert ("Roskildehjemmet (shelter / forsorgshjem)" in shown) is shelter


def test_a_sisters_age_in_danish_counts_too(chat: Chat) -> None:
    shown = "\n".join(m.text for m in chat.say("Min søster er 16 og " + THROWN_OUT.replace("mig", "hende")
                                               .replace("jeg ved", "hun ved").replace("jeg skal", "hun skal")))
    assert "116 111" in shown
    assert "Roskildehjemmet (forsorgshjem)" not in shown
