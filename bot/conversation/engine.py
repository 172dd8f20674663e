"""The conversation core: one incoming update in, database changes and queued replies out.

Front ends (aiogram, python-telegram-bot, the console) translate their updates into ``Incoming`` and call
``Core.handle``; it runs in one database transaction that also records the update id, so an update that is
delivered twice is handled once, and deletes the update from the inbox (bot/inbox.py), so an update is either
handled or still waiting, never both and never neither.

When the database does not answer, nothing is done and the outcome says ``deferred``: the front end keeps the
update and tries again later (it does not get the apology, which is for bugs).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import replace

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session

from bot import inbox
from bot.conversation import texts
from bot.conversation.context import Context, Deps
from bot.conversation.language import follow_language
from bot.conversation.qa import answer_question, count_question
from bot.conversation.router import Router
from bot.conversation.scope import Place, Scope, places_of, scope
from bot.db import insert_if_new, insert_row, is_unavailable, session_scope
from bot.i18n import _, normalise_lang, use_lang
from bot.logs import log_failure
from bot.models import ProcessedUpdate, Profile
from bot.outbox import enqueue
from bot.privacy import leftovers
from bot.privacy.models import SentByUser
from bot.profiles import profile_of
from bot.pseudonym import audit_key
from bot.replies import Incoming, Outcome, Reply, esc
from bot.staff.models import CASE_ROLES, Role
from bot.triage import Triage, Urgency

log = logging.getLogger(__name__)
FLOOD_WINDOW = dt.timedelta(minutes=1)
# Replies to the bot's messages in a group: only staff in a registered team chat are listened to.
TEAM_REPLIES = scope((Place.TEAM,), CASE_ROLES)


class Core:
    def __init__(self, deps: Deps, engine: Engine, router: Router) -> None:
        self.deps = deps
        self.engine = engine
        self.router = router
        # Updates a handler failed on (each got an apology), and updates refused by scope: tests and the
        # fuzzers assert on these, since a failure is otherwise invisible to the person's side.
        self.failures = 0
        self.refused = 0

    def handle(self, incoming: Incoming, *, retry: bool = True) -> Outcome:
        """Handle one update in one transaction; a duplicate update id is a no-op."""
        try:
            with session_scope(self.engine) as session:
                return self._handle_in(session, incoming)
        except IntegrityError as exc:
            if self._already_handled(incoming):
                # Two instances took the same redelivered update at once; the other one committed it.
                log.info("update %s raced with another instance", incoming.update_id)
                return Outcome()
            if retry:
                # Another instance created the same row first (fx the profile of a new chat): once more, it exists.
                log.info("update %s hit a concurrent insert; trying again", incoming.update_id)
                return self.handle(incoming, retry=False)
            return self._apologise(incoming, exc)
        except OperationalError as exc:
            if retry and _transient(exc):
                # A deadlock or a lock wait with another transaction (fx the delivery worker marking rows sent
                # while /slet deletes them): nothing was committed, so the same update once more is safe.
                log.info("update %s lost a lock to another transaction; trying again", incoming.update_id)
                return self.handle(incoming, retry=False)
            return self._deferred(incoming, exc) if is_unavailable(exc) else self._apologise(incoming, exc)
        except Exception as exc:  # a bug must never leave someone, maybe in crisis, without an answer
            return self._deferred(incoming, exc) if is_unavailable(exc) else self._apologise(incoming, exc)

    def _deferred(self, incoming: Incoming, exc: BaseException) -> Outcome:
        """Nothing was done because the database did not answer: the front end keeps the update for later."""
        log.warning("update %s deferred: the database is unavailable (%s)", incoming.update_id, type(exc).__name__)
        return Outcome(deferred=True)

    def handle_many(self, incomings: list[Incoming]) -> list[Outcome]:
        """Handle updates in order, all in one transaction (group commit: one commit for many under load).

        The core only writes to the database, so if any update fails, the whole transaction is rolled back and
        each update is handled again on its own: a bad update costs the others time, never their answer.
        """
        if len(incomings) > 1:
            try:
                with session_scope(self.engine) as session:
                    return [self._handle_in(session, incoming) for incoming in incomings]
            except Exception as exc:
                if is_unavailable(exc):
                    # One by one would wait for the database once per update; all of them wait for it instead.
                    log.warning("a batch of %s updates deferred: the database is unavailable (%s)",
                                len(incomings), type(exc).__name__)
                    return [Outcome(deferred=True) for _ in incomings]
                log.warning("a batch of %s updates failed (%s); handling them one by one", len(incomings),
                            type(exc).__name__)
        return [self.handle(incoming) for incoming in incomings]

    def _handle_in(self, session: Session, incoming: Incoming) -> Outcome:
        if incoming.update_id is not None:
            inbox.forget(session, incoming.transport, incoming.update_id)
            if not _first_delivery(session, incoming, self.deps.clock()):
                log.info("duplicate update %s ignored", incoming.update_id)
                return Outcome()
        profile, created = _profile(session, incoming, self.deps.clock(), self._key)
        follow_language(incoming, profile)
        ctx = Context(session, incoming, profile, self.deps, self.router, new_chat=created)
        with use_lang(profile.lang):
            self._dispatch(ctx)
        if ctx.erased:
            session.expunge(profile)
        else:
            profile.last_seen_at = self.deps.clock()
            session.add(profile)
            _remember_message_id(session, incoming, self.deps.clock())
        return ctx.outcome

    def _key(self) -> bytes:
        return audit_key(self.deps.settings)

    def _already_handled(self, incoming: Incoming) -> bool:
        if incoming.update_id is None:
            return False
        with session_scope(self.engine) as session:
            return session.get(ProcessedUpdate, (incoming.transport, incoming.update_id)) is not None

    def _apologise(self, incoming: Incoming, exc: BaseException) -> Outcome:
        """Log the failure (its type and stack, never the text) and tell the person, with 112 first."""
        self.failures += 1
        log_failure(log, f"update {incoming.update_id}", exc)
        lang = normalise_lang(incoming.language_code)
        with use_lang(lang):
            text = _("Sorry, something went wrong on our side. Try again in a moment. If you are in danger, "
                     "call 112.")
        try:
            with session_scope(self.engine) as session:
                if incoming.update_id is not None:
                    # Answered (with the apology): trying the same update again would fail the same way.
                    inbox.forget(session, incoming.transport, incoming.update_id)
                if incoming.private:
                    enqueue(session, transport=incoming.transport, chat_id=incoming.chat_id,
                            reply=Reply(esc(text)), now=self.deps.clock())
        except Exception as second:  # the database itself is down: the update stays in the inbox for later
            log.error("could not queue the apology for update %s: %s", incoming.update_id, type(second).__name__)
        if not incoming.private:
            return Outcome()
        return Outcome(callback_answer=text if incoming.kind == "callback" else None)

    # ---- routing ------------------------------------------------------------------------------------------

    def _dispatch(self, ctx: Context) -> None:
        incoming = ctx.incoming
        log.debug("update kind=%s chat_type=%s", incoming.kind, incoming.chat_type)
        if incoming.kind == "blocked":
            ctx.profile.blocked = True
            return
        ctx.profile.blocked = False
        if incoming.private and self._flooding(ctx):
            return
        if incoming.kind == "callback":
            self._callback(ctx)
            return
        if not incoming.private:
            self._group(ctx)
            return
        if not ctx.profile.privacy_shown:
            ctx.profile.privacy_shown = True
            if incoming.command != "start":
                ctx.reply(texts.privacy_notice())
        if incoming.kind == "command":
            self._command(ctx)
        elif incoming.kind == "text":
            self._text(ctx)
        elif not self._attachment(ctx):
            ctx.reply(Reply(esc(_("I can only read text here. Write your question in a few words, or tap a button.")),
                            buttons=texts.menu_buttons()))

    def _attachment(self, ctx: Context) -> bool:
        """Give a contact or a file to the feature that expects one (fx consent, a partner's CSV)."""
        handlers = {"contact": self.router.contacts, "document": self.router.documents}.get(ctx.incoming.kind, [])
        return any(handler(ctx) for handler in handlers)

    def _places(self, ctx: Context) -> frozenset[Place]:
        incoming = ctx.incoming
        team = not incoming.private and self.router.team_chat is not None and self.router.team_chat(ctx)
        return places_of(incoming.chat_type, bool(team))

    def _allowed(self, ctx: Context, scope: Scope, what: str) -> bool:
        """Whether the sender may use ``what`` here (their role is looked up only when it matters)."""
        role = ctx.role() if scope.needs_role() else Role.YOUTH
        if scope.allows(self._places(ctx), role):
            return True
        log.warning("refused %s for user %s (%s) in a %s chat %s", what, ctx.incoming.user_id,
                    role if scope.needs_role() else "anyone", ctx.incoming.chat_type, ctx.incoming.chat_id)
        self.refused += 1
        return False

    def _group(self, ctx: Context) -> None:
        """Groups are for staff: only commands meant for groups, addressed to this bot, are answered."""
        incoming = ctx.incoming
        if incoming.kind == "text" and incoming.reply_to_message_id is not None:
            # A reply to one of the bot's messages (fx a case card): team talk, handled only in a team chat.
            if self.router.team_replies and self._allowed(ctx, TEAM_REPLIES, "a reply"):
                any(take(ctx) for take in self.router.team_replies)
            return
        if incoming.kind != "command" or not incoming.addressed:
            return
        command = self.router.commands.get(incoming.command or "")
        # Out of place in a group: silence (answering every stray command would only add noise there).
        if command is not None and self._allowed(ctx, command.scope, f"/{incoming.command}"):
            command.handler(ctx)

    def _command(self, ctx: Context) -> None:
        name = ctx.incoming.command or ""
        command = self.router.commands.get(name)
        if command is None:
            ctx.reply(Reply(_("I don't know the command /{name}. Write /help to see what I can do.").format(
                name=esc(name[:32]))))
            return
        if not self._allowed(ctx, command.scope, f"/{name}"):
            ctx.reply(Reply(esc(texts.refused_command(name, _audience(command.scope, ctx)))))
            return
        command.handler(ctx)

    def _callback(self, ctx: Context) -> None:
        raw = ctx.incoming.callback_data or ""
        entry = self.router.callback_for(raw)
        data = entry.data.unpack(raw) if entry is not None else None
        if entry is None or data is None:
            ctx.answer_callback(texts.stale_button())
            return
        if not self._allowed(ctx, entry.scope, f"button {entry.data.prefix}"):
            ctx.answer_callback(texts.refused_button(_audience(entry.scope, ctx)))
            return
        entry.handler(ctx, data)
        if ctx.outcome.callback_answer is None:
            ctx.answer_callback("")

    def _text(self, ctx: Context) -> None:
        text = ctx.incoming.text.strip()
        if not text:
            ctx.reply(Reply(_("I didn't get any text. Write your question in a few words.")))
            return
        limit = ctx.deps.settings.max_text_length
        result = ctx.triage(text)
        if len(text) > limit:
            ctx.reply(Reply(_("That was a long message. I read the first {n} characters.").format(n=limit)))
            # At a word's end: a word cut in two reads as another word (a long "hjælp hjælp ..." ended in "hjæ" and
            # was no call for help any more).
            text = text[:limit].rsplit(maxsplit=1)[0] if text[limit:limit + 1].strip() else text[:limit]
        ctx.incoming = _with_text(ctx.incoming, text)
        if any(intercept(ctx) for intercept in self.router.interceptors):
            return
        flow = self.router.flows.get(ctx.state.flow or "")
        # Crisis beats an unfinished form (fx a housing search asking for a budget), unless the flow is the
        # crisis flow itself and knows what to do with it.
        if flow is not None and (result.urgency is Urgency.NONE or flow.handles_urgent):
            flow.handler(ctx)
            return
        if result.urgency is not Urgency.NONE:
            ctx.state.end()
            self._urgent(ctx, result)
            return
        answer_question(ctx, text, result)

    def _urgent(self, ctx: Context, result: Triage) -> None:
        if self.router.urgent is not None:
            self.router.urgent(ctx, result)
        else:
            ctx.reply(texts.safety_first(ctx, result.urgency, result.reasons, said=ctx.incoming.text))
            count_question(ctx, result, topic=None, confidence=0.0, lang=ctx.lang, outcome="safety")

    def _flooding(self, ctx: Context) -> bool:
        """Count messages and button presses per minute; past the limit send one slow-down notice, skip the rest.

        A message that triage marks urgent is never skipped: a person in crisis may type fast. The window
        survives /slet (bot.privacy.leftovers), so erasing is no way around it.
        """
        profile, now = ctx.profile, ctx.now
        if profile.window_start is None or now - profile.window_start > FLOOD_WINDOW:
            profile.window_start, profile.window_count, profile.flood_noticed = now, 0, False
        profile.window_count += 1
        if profile.window_count <= ctx.deps.settings.flood_limit_per_minute:
            return False
        if ctx.incoming.kind == "text" and ctx.triage().urgency is not Urgency.NONE:
            return False
        notice = _("You are writing very fast. Wait a minute, then write again. If you are in danger, call 112.")
        if ctx.incoming.kind == "callback":
            ctx.answer_callback(notice)
        if not profile.flood_noticed:
            profile.flood_noticed = True
            ctx.reply(Reply(esc(notice)))
        return True


# PostgreSQL: deadlock detected, serialization failure, lock not available; SQLite: "database is locked".
_TRANSIENT_STATES = {"40P01", "40001", "55P03"}


def _transient(exc: OperationalError) -> bool:
    """Whether the transaction failed only because another one held a lock (worth one more try)."""
    state = getattr(exc.orig, "sqlstate", None)
    # SQLite's "database is locked" has already waited (bot/db.py WAIT_SECONDS): the update is deferred instead.
    return state in _TRANSIENT_STATES


def _audience(scope: Scope, ctx: Context) -> str:
    """Who a refused command or button is for, in words: "partners", "staff", or "" (wrong place)."""
    roles = {role for place, roles in scope.rules if place in places_of(ctx.incoming.chat_type, True)
             for role in roles}
    if not roles or ctx.role() in roles:
        return ""
    if roles == {Role.ADMIN}:
        return "admins"
    if Role.PARTNER in roles and Role.CASEWORKER not in roles:
        return "partners"
    return "leads" if Role.CASEWORKER not in roles and ctx.role() is not Role.YOUTH else "staff"


def _with_text(incoming: Incoming, text: str) -> Incoming:
    return replace(incoming, text=text)


def _remember_message_id(session: Session, incoming: Incoming, now: dt.datetime) -> None:
    """Keep the id (never the text) of the person's own message, so /skjul can delete it later."""
    if incoming.private and incoming.message_id and incoming.kind != "callback":
        insert_row(session, SentByUser, {"transport": incoming.transport, "chat_id": incoming.chat_id,
                                         "message_id": incoming.message_id, "sent_at": now})


def _first_delivery(session: Session, incoming: Incoming, now: dt.datetime) -> bool:
    return insert_if_new(session, ProcessedUpdate,
                         {"transport": incoming.transport, "update_id": incoming.update_id, "processed_at": now})


def _profile(session: Session, incoming: Incoming, now: dt.datetime, key: Callable[[], bytes]
             ) -> tuple[Profile, bool]:
    """The chat's profile, and whether it was created just now (nothing was stored about the chat before)."""
    profile = profile_of(session, incoming.transport, incoming.chat_id)
    if profile is None:
        # A group (a municipality's team) reads Danish, whatever language the first member's phone is set to.
        lang = normalise_lang(incoming.language_code) if incoming.private else "da"
        profile = Profile(transport=incoming.transport, chat_id=incoming.chat_id, lang=lang, created_at=now,
                          last_seen_at=now)
        if incoming.private:
            leftovers.restore_flood_window(session, key(), profile, now)
        session.add(profile)
        session.flush()
        return profile, True
    return profile, False
