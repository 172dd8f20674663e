"""Settings, read once from HUSLY_* environment variables and an optional .env file.

Built in the entry point and passed down; nothing reads the environment at import time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATA_DIR = Path.home() / ".local" / "share" / "husly"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HUSLY_", env_file=".env", extra="ignore")

    data_dir: Path = DEFAULT_DATA_DIR
    # Empty means "a SQLite file in data_dir"; see database_url_or_default().
    database_url: str = ""
    redis_url: str = ""
    knowledge_dir: Path | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    telegram_token: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org"
    framework: Literal["aiogram", "ptb"] = "aiogram"
    webhook_url: str = ""
    webhook_listen: str = "127.0.0.1:8080"
    webhook_secret: SecretStr | None = None
    # Seconds one Bot API request may take before it is given up (and tried again later): a hanging request must
    # not hold up anyone else's answer.
    request_timeout: float = Field(default=10.0, gt=0, le=120)
    # Messages a second the bot sends in all: Telegram allows about 30 (python-telegram-bot's AIORateLimiter uses
    # 30 too; a 429 past it pauses every send). Not lower: people write at up to 25 a second at peak, and a limit
    # at their rate builds a queue that never drains (replies took p50 0.2 s / p99 0.8 s at 25 with a limit of 25,
    # 11 ms / 75 ms with 30; benchmarks/latency.py). Bulk listing alerts keep to 20 (bot/listings/alerts.py). A bot
    # with paid broadcasts may send up to 1000.
    messages_per_second: int = Field(default=30, ge=1, le=1000)
    # Seconds `husly run` keeps trying to reach Telegram at start (429, 5xx, network errors) before it gives up.
    startup_timeout: float = Field(default=60.0, gt=0, le=3600)

    # Confidence below this gives "I'm not sure" and the top topics instead of one answer.
    # 0.4 answers ~88% of right matches and ~15-17% of off-topic questions (benchmarks/retrieval.py --calibrate).
    confidence_threshold: float = Field(default=0.4, ge=0, le=1)
    max_text_length: int = Field(default=2000, ge=100, le=20000)
    # Show "typing…" only when an answer takes longer than this (seconds): a reply that arrives at once needs
    # no indicator, and each indicator is one more Bot API call (aiogram's ChatActionSender waits likewise).
    typing_delay: float = Field(default=0.5, ge=0, le=10)
    sla_urgent_minutes: int = Field(default=15, ge=1)
    sla_emergency_minutes: int = Field(default=5, ge=1)
    followup_hours: int = Field(default=24, ge=1)
    retention_days: int = Field(default=180, ge=1)
    # Messages and button presses per user per minute before one slow-down notice.
    flood_limit_per_minute: int = Field(default=20, ge=1)
    # New cases one chat may open per hour (more would flood the caseworkers; the person is told where their
    # case stands instead). Counted across /slet for that hour, by a keyed pseudonym.
    cases_per_hour: int = Field(default=3, ge=1)
    # Key for the pseudonyms in the audit log and after erasure (HMAC-SHA256); unset: generated into data_dir.
    audit_key: SecretStr | None = None
    # Days until a staff invite expires (`husly staff invite --days` may choose fewer or more, up to 30).
    invite_days: int = Field(default=7, ge=1, le=30)
    # Where a case without a municipality goes: this municipality's team or on-call route ("" = the admins).
    unrouted_municipality: str = ""
    # Or a Telegram chat (fx the coordinators' group) for those cases; takes precedence when set.
    unrouted_chat_id: int | None = None
    # A claimed case: the owner is reminded when the young person has waited this long for an answer (first
    # reply, or since their last message); after three times that, the case goes back to the team.
    sla_claimed_minutes: int = Field(default=30, ge=1)
    # /vagt without a duration puts a caseworker on duty for this many hours.
    duty_hours: int = Field(default=8, ge=1, le=24)
    # A person who writes again within this many days of their case closing gets that case reopened.
    reopen_days: int = Field(default=14, ge=0)

    @field_validator("database_url")
    @classmethod
    def known_database(cls, value: str) -> str:
        if value and not value.startswith(("sqlite", "postgresql")):
            raise ValueError("must be a sqlite:// or postgresql+psycopg:// URL")
        return value

    @field_validator("unrouted_municipality")
    @classmethod
    def known_municipality(cls, value: str) -> str:
        from knowledge.schema import MUNICIPALITIES

        if value and value not in MUNICIPALITIES:
            raise ValueError(f"must be one of {', '.join(MUNICIPALITIES)}")
        return value

    @field_validator("webhook_listen")
    @classmethod
    def host_and_port(cls, value: str) -> str:
        host, _, port = value.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError("must be host:port, for example 127.0.0.1:8080")
        return value

    @field_validator("webhook_url", "telegram_api_url")
    @classmethod
    def http_url(cls, value: str) -> str:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    def database_url_or_default(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'husly.sqlite3'}"
