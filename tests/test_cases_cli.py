"""`husly staff`, `husly team` and `husly cases`: the whole loop on the console, without Telegram."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
from dataclasses import dataclass

import pytest

from bot.app import App
from bot.outbox import DeliveryWorker
from handlers.cli import main
from handlers.cli_common import Husly
from handlers.console import ConsoleSender
from tests.cases_support import URGENT_TEXT, Desk, case, to
from tests.support import Chat


@dataclass
class HuslyCommand:
    """Runs `husly ...` on ``app`` (so the clock is the test's); returns the exit code, stdout and stderr."""

    app: App
    capsys: pytest.CaptureFixture[str]

    def __call__(self, *args: str) -> tuple[int, str, str]:
        try:
            main(list(args), husly=Husly(app=self.app))
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def husly(engine, make_app, monkeypatch, capsys) -> HuslyCommand:
    """Run `husly ...` on the test database (and the test app, so the clock is the test's)."""
    monkeypatch.setenv("HUSLY_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    return HuslyCommand(make_app(engine), capsys)


def test_staff_invite_list_and_revoke(husly) -> None:
    code, out, _ = husly("staff", "invite", "--role", "caseworker", "--municipality", "favrskov", "--json")
    invite = json.loads(out)
    assert code == 0 and invite["code"].startswith("inv_") and invite["start"] == f"/start {invite['code']}"
    desk = Desk(husly.app)
    worker = desk.chat()
    assert "Welcome" in worker.command("start", invite["code"], first_name="Sara")[0].text
    assert husly("staff", "invite", "--role", "caseworker")[0] == 2  # a caseworker needs a municipality
    code, out, _ = husly("staff", "list", "--json")
    [member] = json.loads(out)
    assert (member["role"], member["municipality"], member["name"], member["active"]) == (
        "caseworker", "favrskov", "Sara", True)
    assert husly("staff", "revoke", str(member["id"]))[0] == 0
    assert "only for caseworkers" in worker.command("queue")[-1].text
    assert husly("staff", "revoke", str(member["id"]))[0] == 1


def test_team_settings_are_checked_and_shown(husly, clock) -> None:
    code, _, err = husly("team", "set", "--municipality", "aarhus", "--office-hours", "mon-fry 8-16")
    assert code == 2 and "office-hours" in err
    code, out, _ = husly("team", "set", "--municipality", "aarhus", "--chat-id", "-100777",
                         "--office-hours", "mon-thu 08:00-15:30; fri 08:00-13:00", "--oncall-chat-id", "-100888")
    assert code == 0 and "team=-100777" in out and "oncall=-100888" in out
    _, out, _ = husly("team", "show")
    assert "aarhus\tteam=-100777\toncall=-100888\thours=mon-thu 08:00-15:30; fri 08:00-13:00" in out
    assert len(out.strip().splitlines()) == 6
    # Both groups get the staff's command menu (not the young people's /slet and /skjul) when the bot runs.
    sender = Chat(husly.app, chat_id=-100777).sender
    Chat(husly.app, chat_id=-100777, sender=sender).deliver()
    for group in (-100777, -100888):
        names = [name for name, _description in sender.menus[group]]
        assert "sager" in names and "luk" in names and "slet" not in names


def test_the_whole_loop_on_the_console(husly) -> None:
    assert husly("staff", "add", "--role", "caseworker", "--municipality", "aarhus", "--name", "Mette")[0] == 0
    youth = Chat(husly.app, chat_id=1, transport="console", lang="en")
    youth.command("start", "aarhus")
    youth.say(URGENT_TEXT)
    youth.press("cy:go")
    youth.press("cy:words:1:yes")
    youth.send(youth._incoming("contact", first_name="Jonas", contact_phone="+4520304050"))
    code, out, _ = husly("cases", "list", "--as", "Mette", "--lang", "en")
    assert code == 0 and "#1" in out and "not taken" in out
    assert "You have case #1" in husly("cases", "claim", "1", "--as", "mette", "--lang", "en")[1]
    youth.say("I'm at the station")
    assert "I'm at the station" in husly("cases", "show", "1", "--as", "Mette", "--lang", "en")[1]
    code, out, _ = husly("cases", "reply", "1", "Come to <Grøndalsvej> at 16", "--as", "Mette", "--lang", "en")
    assert code == 0 and "Sent to case #1" in out
    # The console chat shows the caseworker's answer: it polls the same outbox.
    screen = io.StringIO()
    worker = DeliveryWorker(husly.app.engine, "console", ConsoleSender(screen),
                            clock=lambda: dt.datetime(2100, 1, 1, tzinfo=dt.UTC))

    async def show() -> None:
        while await worker.deliver_once():
            pass

    asyncio.run(show())
    assert "Husly: Caseworker from Aarhus Municipality: Come to <Grøndalsvej> at 16" in screen.getvalue()
    assert husly("cases", "close", "1", "housed", "--as", "Mette")[0] == 0
    assert case(husly.app.engine).outcome == "housed"
    code, out, _ = husly("cases", "export", "--since", "2026-01-01")
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert (row["case"], row["municipality"], row["outcome"], row["consent"]) == ("1", "aarhus", "housed", "True")
    assert int(row["staff_actions"]) >= 3
    for private in ("station", "Grøndalsvej", "Jonas", "20304050", "Mette"):
        assert private not in out


def test_acting_as_someone_unknown_or_not_allowed_fails_cleanly(husly) -> None:
    husly("staff", "add", "--municipality", "randers", "--name", "Rikke")
    youth = Chat(husly.app, chat_id=1, transport="console", lang="en")
    youth.command("start", "aarhus")
    youth.say(URGENT_TEXT)
    youth.press("cy:go")
    code, _, err = husly("cases", "claim", "1", "--as", "Nobody")
    assert code == 2 and "no active staff member" in err
    code, _, err = husly("cases", "claim", "1", "--as", "Rikke", "--lang", "en")
    assert code == 1 and err.startswith("husly: error: Case #1 belongs to another municipality")
    code, _, err = husly("cases", "show", "99", "--as", "Rikke", "--lang", "en")
    assert code == 1 and "There is no case #99" in err
    assert husly("staff", "add", "--municipality", "randers", "--name", "rikke")[0] == 2  # names must be unique


def test_revoking_a_caseworker_puts_their_cases_back_in_the_queue(husly) -> None:
    desk = Desk(husly.app)
    mette, ole = desk.staff("Mette"), desk.staff("Ole")
    youth = desk.youth("aarhus")
    desk.open_case(youth)
    mette.command("claim", "1")
    code, out, _ = husly("staff", "revoke", "1")
    assert code == 0 and "cases back in the queue: 1" in out
    sent = youth.deliver()
    assert "can no longer answer here" in to(sent, youth)[0].text
    assert (case(husly.app.engine).status, case(husly.app.engine).claimed_by) == ("open", None)
    assert not to(youth.say("hello?"), mette)  # nothing goes to someone who left, not even a card edit
    assert "You have case #1" in ole.command("claim", "1")[-1].text


def test_tick_runs_the_reminders_once(husly, clock) -> None:
    desk = Desk(husly.app)
    desk.team(desk.staff("Mette"))
    desk.open_case(desk.youth("aarhus"))
    clock.advance(minutes=16)
    code, out, _ = husly("cases", "tick")
    assert code == 0 and json.loads(out)["reannounced"] == 1
    assert json.loads(husly("cases", "tick")[1])["reannounced"] == 0
