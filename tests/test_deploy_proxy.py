"""Several instances for real: two `husly run` in webhook mode on one PostgreSQL (and Redis for the shared flood
limits), behind nginx with the repository's own webhook location (deploy/nginx/husly-webhook.conf). One
instance is killed (SIGKILL) in the middle of a 300-message burst; nginx sends its share to the other, which
also takes over the updates and messages the dead one had stored but not finished. Nothing may be lost.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from tests.fake_telegram import FakeTelegram
from tests.fake_telegram.redelivery import Redelivery
from tests.intake_support import Ledger, burst
from tests.support import wait_until
from tests.telegram_harness import HuslyProcess, free_port

REPO = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get("HUSLY_TEST_POSTGRES_URL", "")
REDIS = os.environ.get("HUSLY_TEST_REDIS_URL", "")


@pytest.fixture
def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found is None:
        if os.environ.get("HUSLY_TEST_REQUIRE_NGINX"):
            pytest.fail("nginx is not installed (.ci/run installs it)")
        pytest.skip("nginx is not installed")
    return found


@pytest.fixture
def database() -> Iterator[str]:
    if not POSTGRES:
        pytest.skip("HUSLY_TEST_POSTGRES_URL is not set")
    name = f"husly_proxy_{os.getpid()}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def nginx_config(folder: Path, listen: int, upstreams: list[int]) -> Path:
    servers = "\n".join(f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in upstreams)
    config = folder / "nginx.conf"
    config.write_text(f"""
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    upstream husly {{
{servers}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{listen};
        include {REPO}/deploy/nginx/husly-webhook.conf;
    }}
}}
""")
    return config


def test_two_instances_behind_nginx_lose_nothing_when_one_is_killed(
        fake_telegram: FakeTelegram, tmp_path: Path, nginx_binary: str, database: str) -> None:
    tg = fake_telegram
    proxy_port, ports = free_port(), [free_port(), free_port()]
    config = nginx_config(tmp_path, proxy_port, ports)
    nginx = subprocess.Popen([nginx_binary, "-c", str(config), "-p", str(tmp_path)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shared = {"HUSLY_DATABASE_URL": database, "HUSLY_REDIS_URL": REDIS,
              "HUSLY_WEBHOOK_URL": f"http://127.0.0.1:{proxy_port}/telegram/webhook"}
    bots = [HuslyProcess(tg, "aiogram" if n == 0 else "ptb", "webhook", tmp_path / f"data{n}", port=port,
                         env=shared) for n, port in enumerate(ports)]
    try:
        for bot in bots:  # one after the other: the first migrates the database
            bot.start().wait_ready()
        delivery = Redelivery(tg)
        ids = [delivery.push(update) for update in burst(tg, 60, 5)]
        engine = create_engine(database)
        ledger = Ledger(engine, tg, ids)
        wait_until(lambda: len(ledger.handled()) >= 60, timeout=60, what="the burst under way")
        bots[0].kill()  # mid-burst: updates it stored, messages it leased
        killed_with = len(ledger.handled())
        delivery.wait(timeout=90)
        ledger.wait_settled(timeout=90)
        tally = ledger.tally()
        log = bots[1].stop()
    finally:
        for bot in bots:
            bot.kill()
        nginx.terminate()
        nginx.wait(10)
    engine.dispose()
    print(f"killed one of two instances after {killed_with} of 300 updates: {tally}")
    assert killed_with < 300, "the kill came while the burst was still being handled"
    assert tally.unanswered == 0 and tally.pending_in_outbox == 0 and tally.waiting_in_inbox == 0, tally
    assert tally.worst_chat_duplicates <= 1, tally
    assert bots[1].returncode == 0, log
