"""The attacks of issue 12, tried as an attacker would (a modified client, a pushy user, a leaked invite, hostile
files), through the real HTTP path against the fake Bot API, for aiogram and python-telegram-bot, on SQLite
and PostgreSQL. Each failed before; each is refused now, with a polite answer where one is due."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlmodel import Session, col, select

from bot.db import session_scope
from bot.models import Outbox
from bot.staff.service import create_invite
from tests.fake_telegram import FakeTelegram
from tests.telegram_desk import TEAM, Desk
from tests.telegram_harness import FRAMEWORKS, InProcessBot, plain

METTE, PARTNER = 7201, 7202
# Distinctive ids: a short one could turn up inside a timestamp's microseconds.
YOUTH, OTHER = 5_551_234_567, 5_551_234_568
NAME, PHONE, WORDS = "Sofie", "+45 22 33 44 55", "min far Lars slår mig"
HEADER = "reference;kommune;omraade;type;vaerelser;kvm;husleje;ansoeg_link\n"


@pytest.fixture(params=FRAMEWORKS)
def desk(request: pytest.FixtureRequest, fake_telegram: FakeTelegram, tmp_path: Path, engine,
         knowledge) -> Iterator[Desk]:
    """The bot on this test's database (SQLite, and PostgreSQL when configured: the ``engine`` fixture)."""
    url = engine.url.render_as_string(hide_password=False)
    with InProcessBot(fake_telegram, request.param, tmp_path / "data", knowledge=knowledge, database_url=url,
                      unrouted_municipality="aarhus") as bot:
        desk = Desk(bot)
        desk.join(METTE, "Mette")
        desk.team(METTE)
        yield desk
        assert bot.app.core.failures == 0, "a handler raised (someone got the crisis apology)"
    assert fake_telegram.unanswered_callback_queries() == [], "every press is answered"


def _husly(desk: Desk, *args: str) -> str:
    """`husly ...` on the bot's database, as an admin would run it on the server."""
    from click.testing import CliRunner

    from handlers.cli import cli

    result = CliRunner().invoke(cli, list(args), env={"HUSLY_DATABASE_URL": desk.bot.settings["database_url"]},
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _stored(desk: Desk) -> str:
    chunks: list[str] = []
    with desk.bot.engine.connect() as connection:
        for table in inspect(desk.bot.engine).get_table_names():
            chunks.extend(f"{table}: {tuple(row)}" for row in connection.execute(text(f'SELECT * FROM "{table}"')))
    return "\n".join(chunks)


def test_private_chat_buttons_pressed_in_the_team_group_do_nothing(desk: Desk) -> None:
    desk.youth(YOUTH)
    desk.open_case(YOUTH, "jeg har ingen steder at sove i nat")
    card = next(c for c in desk.to(TEAM) if c.method == "sendMessage" and "Sag #1" in plain(c))
    before = len(desk.cases())
    mark = desk.tg.mark()
    for data in ("menu:hide", "priv:export", "priv:erase-yes", "menu:staff"):
        for user in (999_001, METTE):  # a group member who is not staff, and a caseworker
            desk.send(desk.tg.callback(TEAM, data, card.result["message_id"], user_id=user))
    desk.sync()
    calls = desk.tg.calls[mark:]
    assert not [c for c in calls if c.method in ("deleteMessages", "deleteMessage")], "no card was deleted"
    assert not [c for c in calls if c.method == "sendDocument"], "no JSON of the team's card history"
    assert not [c for c in calls if c.method in ("sendMessage", "editMessageText")], "nothing at all was sent"
    answers = [c.params.get("text") for c in calls if c.method == "answerCallbackQuery"]
    assert len(answers) == 8 and all(answers), "each press got a polite answer"
    assert len(desk.cases()) == before, "no case was opened for the group"
    # The team chat's message records survive: the next change edits the card in place.
    mark = desk.in_team(METTE, "tag", "1")
    assert next(c.method for c in desk.to(TEAM, mark) if "Sag #1" in plain(c)) == "editMessageText"


def test_asking_erasing_and_asking_again_does_not_flood_the_team(desk: Desk) -> None:
    desk.youth(OTHER)
    for _ in range(10):
        desk.send(desk.tg.callback(OTHER, "menu:staff", 900))
        desk.send(desk.tg.callback(OTHER, "priv:erase-yes", 901))
    # Counted in the database, not by waiting for every message to be delivered (on a loaded machine the
    # ~40 messages to the one chat take long, and what matters is what was created and queued).
    desk.bot.wait_handled(desk.sent_updates, timeout=120)
    assert len(desk.cases()) <= 3, f"{len(desk.cases())} cases from one person in a minute"
    assert all(case.status == "closed" for case in desk.cases())
    with Session(desk.bot.engine) as session:
        cards = session.exec(select(Outbox).where(Outbox.chat_id == TEAM, col(Outbox.ref).like("case:%:card:%"),
                                                  Outbox.kind == "send")).all()
    assert len(cards) <= 3, f"{len(cards)} case cards queued for the team from one person in a minute"


def test_slet_leaves_nothing_of_the_person_and_skjul_still_works(desk: Desk) -> None:
    desk.youth(YOUTH)
    desk.open_case(YOUTH, "jeg har ingen steder at sove i nat")
    desk.send(desk.tg.contact(YOUTH, PHONE, first_name=NAME))
    desk.sync()
    desk.in_team(METTE, "tag", "1")
    desk.write(YOUTH, WORDS)
    desk.command(METTE, "svar", f"1 Hej {NAME}, jeg ringer til {PHONE}")
    desk.in_team(METTE, "sag", "1")  # the briefing with name, phone and words, privately (it had no ref)
    desk.command(METTE, "note", f"1 {NAME} bor hos Lars")
    shown = {c.result["message_id"] for c in desk.to(YOUTH) if c.method == "sendMessage"}
    before = _stored(desk)
    assert str(YOUTH) in before and NAME in before and "Lars" in before, "the flows stored what the test looks for"
    mark = desk.command(YOUTH, "slet")
    question, yes = desk.last_with(YOUTH, "priv:erase-yes", mark)
    desk.press(question, yes)
    stored = _stored(desk)
    for trace in (str(YOUTH), NAME, "22 33 44 55", "Lars", "slår mig"):
        assert trace not in stored, f"{trace!r} is still stored after /slet"
    mark = desk.command(YOUTH, "skjul")
    deleted = {int(i) for c in desk.tg.calls[mark:] if c.method == "deleteMessages" for i in c.params["message_ids"]}
    assert shown <= deleted, "/skjul after /slet still takes the crisis conversation off the phone"


def test_a_leaked_invite_is_cancelled_and_no_longer_works(desk: Desk) -> None:
    with session_scope(desk.bot.engine) as session:
        code = create_invite(session, role="caseworker", municipality="aarhus", now=desk.bot.app.deps.clock())
    listing = _husly(desk, "staff", "invites")
    invite_id = listing.split("\t", 1)[0]
    _husly(desk, "staff", "cancel-invite", invite_id)
    mark = desk.command(8001, "start", code, first_name="Eve")
    assert any("Koden virker ikke" in t for t in desk.texts(8001, mark))


def test_hostile_csv_files_get_the_row_level_danish_report(desk: Desk) -> None:
    desk.join(PARTNER, "Bo", role="partner")
    files = {
        "nan.csv": (HEADER + "A1;aarhus;C;vaerelse;1;20;NaN;https://x.dk\n").encode(),
        "inf.csv": (HEADER + "A1;aarhus;C;vaerelse;1;20;inf;https://x.dk\n").encode(),
        "utf16.csv": codecs.BOM_UTF16_LE + HEADER.encode("utf-16-le") + b"\x00",
        "huge-cell.csv": (HEADER + 'A1;aarhus;"' + "x" * 200_000 + '";vaerelse;1;20;4000;https://x.dk\n').encode(),
        "three-mb.csv": (HEADER + ("A1;aarhus;C;vaerelse;1;20;NaN;https://x.dk\n" * 70_000)).encode(),
    }
    for name, content in files.items():
        file_id = desk.tg.add_file(content, file_name=name, mime_type="text/csv")
        mark = desk.tg.mark()
        desk.send(desk.tg.document_update(PARTNER, file_id))
        desk.sync()
        answer = " ".join(desk.texts(PARTNER, mark))
        assert answer.startswith("Intet er lagt ind"), (name, answer)
        assert "ring 112" not in answer, f"{name}: the crisis apology instead of the report"
        assert "kun læse tekst" not in answer, f"{name}: called an unsupported attachment"
    big = desk.tg.add_file(b"x" * 5_200_000, file_name="six-mb.csv", mime_type="text/csv")
    mark = desk.tg.mark()
    desk.send(desk.tg.document_update(PARTNER, big))
    desk.sync()
    assert any("højst fylde 5 MB" in t for t in desk.texts(PARTNER, mark)), desk.texts(PARTNER, mark)
