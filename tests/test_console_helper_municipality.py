"""A friend writing about a friend sleeping outside, in the terminal chat (`husly chat`): the municipality asked for
is the young person's, not the helper's ("Hvilken kommune er du i?" was asked of the friend)."""

from __future__ import annotations

import asyncio
import io

from handlers.console import chat

HELPER = "min kammerat skal sove udenfor i nat, hans mor smed ham ud. hvad gør vi?"


def test_a_helper_is_asked_where_the_young_person_lives(sqlite_engine, make_app) -> None:
    out = io.StringIO()
    lines = (HELPER, "1", "/quit")  # [1] Ja tak: a caseworker about the young person
    asyncio.run(chat(make_app(sqlite_engine), stdin=io.StringIO("".join(line + "\n" for line in lines)), out=out,
                     lang="da"))
    transcript = out.getvalue()
    assert "Hvilken kommune bor den unge i? Så kan jeg vise hjælp i nærheden." in transcript
    assert "Dit sagsnummer er 1. Skriv, hvilken kommune den unge bor i" in transcript
    assert "Hvilken kommune er du i" not in transcript and "hvilken kommune du er i" not in transcript


def test_a_friend_writing_what_can_i_do_tonight_gets_the_helpers_answer(sqlite_engine, make_app) -> None:
    out = io.StringIO()
    lines = ("min bedste ven sover udenfor i nat fordi hans mor har smidt ham ud, hvad kan jeg gøre?", "/quit")
    asyncio.run(chat(make_app(sqlite_engine), stdin=io.StringIO("".join(line + "\n" for line in lines)), out=out,
                     lang="da"))
    transcript = out.getvalue()
    assert "Den unge skal ikke stå alene med det her" in transcript and "om den unge" in transcript
