"""Fake Telegram Bot API server for the test suite.

Typical use (the ``fake_telegram`` fixture from ``tests.fake_telegram.plugin`` does start/stop and fails the
test on Bot API violations)::

    def test_start(fake_telegram):
        bot = make_bot(base_url=fake_telegram.base_url)
        fake_telegram.push_update(fake_telegram.command(42, "start"))
        ...
        fake_telegram.wait_for("sendMessage")
        assert "Velkommen" in fake_telegram.sent_texts(42)[0]

The package, one job per module: ``server`` (the ``FakeTelegram`` object tests hold), ``http_server`` (aiohttp in
its own thread), ``methods`` (what each Bot API method does), ``updates`` (getUpdates and webhooks), ``builders``
(updates a test sends), ``faults`` (errors and slowness on request), ``state`` (what the fake knows), ``clock``
(its time), ``spec`` and ``validator`` (the Bot API 10.1 spec in ``../shared/telegram/bot-api.json``).

Behaviour worth knowing:

* Builders (``text_update``, ``command``, ``callback``, ...) only *build* update dicts; ``push_update`` queues
  them (validated against the spec) and ``deliver``/``adeliver`` POST them to a webhook.
* ``wait_for("sendMessage")`` counts successful calls only; pass a predicate to see failed/injected ones. In
  async tests use ``await tg.await_for(...)`` (the blocking version refuses to run inside an event loop).
* Calls are listed in completion order; ``Call.time`` is the arrival time on the fake's clock.
* ``FakeTelegram(clock=ManualClock())`` makes ``delay`` and long-poll timeouts wait for ``clock.advance``, so a test
  of timing waits on conditions (``clock.wait_sleeping``), never on the real clock.
* ``fail_next``/``failure_rate``/``delay`` with no method never hit ``getUpdates``; name it to fail polling.
* Telegram errors that are not API misuse ("message is not modified", "message to delete not found",
  "query is too old", 403 for blocked users) are answered like Telegram and are *not* violations.
"""

from .clock import ManualClock
from .server import DEFAULT_TOKEN, ApiViolation, Call, FakeTelegram, StoredFile
from .validator import UploadedFile, check_call, decode_params, parse_entities, validate_call, validate_object

__all__ = [
    "DEFAULT_TOKEN",
    "ApiViolation",
    "Call",
    "FakeTelegram",
    "ManualClock",
    "StoredFile",
    "UploadedFile",
    "check_call",
    "decode_params",
    "parse_entities",
    "validate_call",
    "validate_object",
]
