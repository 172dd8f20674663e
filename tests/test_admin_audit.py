"""Admin actions leave an audit trail: invites, redeemed invites, revocations, team changes, privacy requests."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from bot.db import session_scope
from bot.staff.audit import entries
from handlers.cli import main
from tests.cases_support import Desk


def test_telegram_and_service_actions_are_audited(engine, make_app) -> None:
    desk = Desk(make_app(engine))
    worker = desk.staff("Karin")
    desk.team(worker)
    with Session(engine) as session:
        actions = [(e.action, e.actor.split(":")[0]) for e in entries(session)]
    assert ("invite", "cli") in actions and ("redeem", "staff") in actions and ("team-set", "staff") in actions


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    try:
        main(list(args))
    except SystemExit as exc:
        assert not exc.code, capsys.readouterr().err
    return capsys.readouterr().out


def test_cli_admin_actions_and_privacy_requests_are_audited_without_the_chat_id(capsys, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HUSLY_DATABASE_URL", f"sqlite:///{tmp_path / 'audit.sqlite3'}")
    run(capsys, "staff", "invite", "--role", "caseworker", "--municipality", "aarhus")
    run(capsys, "staff", "add", "--role", "caseworker", "--municipality", "aarhus", "--name", "Karin")
    run(capsys, "staff", "revoke", "1")
    run(capsys, "team", "set", "--municipality", "aarhus", "--chat-id", "-100123")
    run(capsys, "privacy", "export", "--chat-id", "424242")
    run(capsys, "privacy", "erase", "--chat-id", "424242", "--yes")
    log = run(capsys, "staff", "audit")
    for action in ("invite", "staff-add", "revoke", "team-set", "privacy-export", "privacy-erase"):
        assert f"\t{action}\t" in log, (action, log)
    assert "424242" not in log and "cli:" in log


def test_audit_entries_are_filtered_by_day(engine, make_app, clock) -> None:
    from bot.staff.audit import record

    with session_scope(engine) as session:
        record(session, actor="cli:x", action="invite", now=clock())
    with Session(engine) as session:
        assert len(entries(session, clock())) == 1
        assert entries(session, clock().replace(year=2027)) == []
