"""Builds the router from every feature, in an order that decides precedence."""

from __future__ import annotations

from bot import cases
from bot.conversation import menu
from bot.conversation.router import Router
from bot.listings import conversation as listings
from bot.privacy import commands as privacy
from bot.report import command as report


def build_router() -> Router:
    """Register features; later ones may replace menu items of earlier ones, so the core menu goes first."""
    router = Router()
    menu.register(router)
    privacy.register(router)
    listings.register(router)
    cases.register(router)
    report.register(router)
    return router
