"""Telegram's error answers: the exception the fake's handlers raise and the body Telegram sends for it."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same"
    " as a current content and reply markup of the message"
)
QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"
CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: injected failure",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: CONFLICT,
    500: "Internal Server Error",
    502: "Bad Gateway",
}


class ApiError(Exception):
    """Telegram answers ``ok: false`` with this status and description."""

    def __init__(self, status: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    @classmethod
    def of(cls, status: int, retry_after: int = 1, description: str | None = None,
           parameters: dict[str, Any] | None = None) -> ApiError:
        """The error Telegram gives for ``status``: a 429 names ``retry_after`` (aiogram needs it)."""
        if status == 429:
            parameters = {"retry_after": retry_after, **(parameters or {})}
            description = description or f"Too Many Requests: retry after {retry_after}"
        text = description or DEFAULT_DESCRIPTIONS.get(status) or HTTPStatus(status).phrase
        return cls(status, text, parameters)

    def body(self) -> dict[str, Any]:
        return error_body(self.status, self.description, self.parameters)


def error_body(status: int, description: str, parameters: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return body
