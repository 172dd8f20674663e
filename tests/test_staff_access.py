"""Staff access that an outsider could abuse: a leaked invite can be listed and cancelled and expires in a week;
the audit log's pseudonyms cannot be reversed without the key."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
from pathlib import Path

import pytest

from bot.config import Settings
from bot.pseudonym import KEY_FILE, audit_key, pseudonym
from bot.staff.audit import chat_ref
from handlers.cli import main
from handlers.cli_common import Husly
from tests.cases_support import Desk


def run(capsys: pytest.CaptureFixture[str], *args: str, husly: Husly | None = None) -> tuple[int, str, str]:
    try:
        main(list(args), husly=husly)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    path = tmp_path / "staff.sqlite3"
    monkeypatch.setenv("HUSLY_DATABASE_URL", f"sqlite:///{path}")
    return path


def test_open_invites_are_listed_and_a_leaked_one_is_cancelled_at_once(cli_db, capsys) -> None:
    code, out, _ = run(capsys, "staff", "invite", "--role", "caseworker", "--municipality", "aarhus", "--json")
    leaked = json.loads(out)
    run(capsys, "staff", "invite", "--role", "partner", "--provider", "Boligselskab A")
    code, out, _ = run(capsys, "staff", "invites", "--json")
    listed = json.loads(out)
    assert code == 0 and [(i["id"], i["role"]) for i in listed] == [(1, "caseworker"), (2, "partner")]
    # Seven days by default (a setting), not 90.
    expires = dt.datetime.fromisoformat(listed[0]["expires_at"]) - dt.datetime.fromisoformat(listed[0]["created_at"])
    assert expires == dt.timedelta(days=7)
    assert run(capsys, "staff", "cancel-invite", "1")[0] == 0
    assert [i["id"] for i in json.loads(run(capsys, "staff", "invites", "--json")[1])] == [2]
    assert run(capsys, "staff", "cancel-invite", "1")[0] == 1  # already cancelled
    assert "invite-cancel" in run(capsys, "staff", "audit")[1]
    # The cancelled code no longer works in the chat.
    from bot.app import build_app
    from bot.db import open_database

    app = build_app(Settings(_env_file=None, database_url=f"sqlite:///{cli_db}"), engine=open_database(
        f"sqlite:///{cli_db}"))
    desk = Desk(app)
    assert "not valid" in desk.chat().command("start", leaked["code"], first_name="Eve")[0].text


def test_invites_last_at_most_30_days_and_the_default_is_a_setting(cli_db, capsys, monkeypatch) -> None:
    assert run(capsys, "staff", "invite", "--role", "admin", "--days", "90")[0] == 2
    monkeypatch.setenv("HUSLY_INVITE_DAYS", "2")
    created = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)
    out = run(capsys, "staff", "invite", "--role", "admin", "--json", husly=Husly(clock=lambda: created))[1]
    invite = json.loads(out)
    assert dt.datetime.fromisoformat(invite["expires_at"]) - created == dt.timedelta(days=2)


def test_audit_pseudonyms_are_keyed_and_the_key_is_made_once_and_private(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path / "data")
    key = audit_key(settings)
    path = tmp_path / "data" / KEY_FILE
    assert path.exists() and stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert audit_key(Settings(_env_file=None, data_dir=tmp_path / "data")) == key, "the same key after a restart"
    ref = chat_ref(key, "telegram", 424242)
    # The old reference was the first 12 hex digits of sha256("telegram:424242"): anyone could recompute it.
    plain = hashlib.sha256(b"telegram:424242").hexdigest()
    assert plain[:12] not in ref and ref.startswith("chat#") and len(ref) == 5 + 32
    other = Settings(_env_file=None, data_dir=tmp_path / "elsewhere")
    assert chat_ref(audit_key(other), "telegram", 424242) != ref, "another key, another pseudonym"
    configured = Settings(_env_file=None, data_dir=tmp_path / "x", audit_key="s3cret")
    assert audit_key(configured) == b"s3cret" and not (tmp_path / "x" / KEY_FILE).exists()
    assert pseudonym(b"s3cret", "telegram", 1) != pseudonym(b"s3cret", "telegram", 2)


def test_the_cli_privacy_request_logs_the_keyed_pseudonym(cli_db, capsys, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HUSLY_AUDIT_KEY", "k3y")
    run(capsys, "privacy", "erase", "--chat-id", "424242", "--yes")
    log = run(capsys, "staff", "audit")[1]
    assert chat_ref(b"k3y", "telegram", 424242) in log and "424242" not in log
