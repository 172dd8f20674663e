"""Builds the router from every feature, in an order that decides precedence."""

from __future__ import annotations

from bot.conversation import menu
from bot.conversation.router import Router


def build_router() -> Router:
    """Register features; later ones may replace menu items of earlier ones, so the core menu goes first."""
    router = Router()
    menu.register(router)
    return router
