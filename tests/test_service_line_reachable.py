"""A service shown on one line can always be reached: its phone, or else its website, whatever its hours.

Playing a night in Aarhus: the case notice listed "Udrykningsteamet, Aarhus · Kl. 16-7" and nothing else: the one line
showed the website only for a service without opening hours, and we have no source for this team's phone number (the
knowledge base says so). Now its website is on the line.
"""

from __future__ import annotations

import re

from bot.conversation.cards import service_line


def test_a_service_with_hours_and_no_phone_shows_its_website(knowledge) -> None:
    kb, _ = knowledge
    team = kb.services["aarhus-udrykningsteamet"]
    assert team.phone is None and team.opening_hours and team.url
    line = service_line(team, "da")
    assert "Kl. 16-7" in line
    assert f'href="{team.url}"' in line


def test_every_service_line_has_a_phone_or_a_link(knowledge) -> None:
    kb, _ = knowledge
    unreachable = [s.id for s in kb.services.values()
                   if not s.phone and not re.search(r'href="[^"]+"', service_line(s, "da"))]
    # A service with neither a phone nor a website would be listed with no way to reach it.
    assert unreachable == [s.id for s in kb.services.values() if not s.phone and not s.url]
