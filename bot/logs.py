"""Structured logs that carry ids, never personal data.

Our own log calls pass only ids and codes. Third-party libraries log request bodies at DEBUG (python-telegram-
bot logs every Bot API call with its text; httpx logs URLs that contain the bot token), so they are held at
WARNING whatever our own level is, and a filter masks anything that looks like a token or a phone number.
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from typing import TextIO

NOISY = ("telegram", "httpx", "httpcore", "aiogram.event", "aiohttp.access", "apscheduler", "asyncio")
_TOKEN = re.compile(r"\d{6,12}:[A-Za-z0-9_-]{20,}")
_PHONE = re.compile(r"(?<!\d)(?:\+45 ?)?(?:\d{2} ?){3}\d{2}(?!\d)")


class Redact(logging.Filter):
    """Mask bot tokens and phone numbers in any record, as a last line of defence."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _PHONE.sub("<phone>", _TOKEN.sub("<token>", message))
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def setup_logging(level: str = "INFO", stream: TextIO | None = None) -> None:
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s level=%(levelname)s logger=%(name)s %(message)s"))
    handler.addFilter(Redact())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in NOISY:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLevelName(level)))


def log_failure(logger: logging.Logger, what: str, exc: BaseException, *, level: int = logging.ERROR) -> None:
    """The one way to log that work failed (a job, an update, a delivery): ``what`` (ids only), the exception's
    type and where it happened, never its message, which can carry what someone wrote or a row's values."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    logger.log(level, "%s failed: %s\n%s", what, type(exc).__name__, frames.rstrip("\n"))
