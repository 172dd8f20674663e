"""The person's rights in the chat: read the notice, get their data, delete it, hide the chat quickly."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlmodel import col

from bot.conversation.callbacks import CallbackData, button
from bot.conversation.context import Context
from bot.conversation.router import Router
from bot.i18n import N_, _
from bot.models import Outbox
from bot.outbox import enqueue
from bot.privacy import leftovers
from bot.privacy.asked import asks_to_erase
from bot.privacy.models import SentByUser
from bot.privacy.registry import erase_person, export_person
from bot.pseudonym import audit_key
from bot.replies import Document, Reply, esc
from bot.triage import Urgency


class PrivacyAction(StrEnum):
    EXPORT = "export"
    ERASE = "erase"
    ERASE_YES = "erase-yes"
    ERASE_NO = "erase-no"


@dataclass(frozen=True)
class Privacy(CallbackData, prefix="priv"):
    action: PrivacyAction


# Telegram lets a bot delete messages in a private chat for 48 hours; deleteMessages takes 100 at a time.
DELETABLE_FOR = dt.timedelta(hours=48)
DELETE_BATCH = 100


def privacy_notice(ctx: Context) -> None:
    """Shows what Husly stores, why, for how long, and how to see or delete it."""
    days = ctx.deps.settings.retention_days
    lines = [
        "<b>" + esc(_("Your privacy")) + "</b>",
        esc(_("Husly saves as little as possible: your language and municipality, so the answers fit you.")),
        esc(_("If you ask for a caseworker, we save your case and the messages in it. Only caseworkers in your "
              "municipality can see it. Your name and phone number are only shared if you say yes.")),
        esc(_("We do not save your questions with your name or chat. A question Husly could not answer is kept "
              "without names, numbers and addresses, so the answers can get better. It is deleted after {days} "
              "days, and messages and closed cases are made anonymous after {days} days.").format(days=days)),
        esc(_("/mine_data sends you everything we have saved. /slet deletes it. /skjul hides this chat "
              "quickly.")),
    ]
    ctx.reply(Reply("\n\n".join(lines), buttons=(
        (button(_("Show my data"), Privacy(PrivacyAction.EXPORT)), button(_("Delete my data"),
                                                                      Privacy(PrivacyAction.ERASE))),
    )))


def send_my_data(ctx: Context) -> None:
    """Sends the person a JSON file of everything stored about them."""
    data = export_person(ctx.session, ctx.deps.stores, ctx.incoming.transport, ctx.incoming.chat_id)
    content = json.dumps(data, ensure_ascii=False, indent=2, default=str).encode()
    ctx.reply(Reply(esc(_("Here is everything Husly has saved about you.")),
                    document=Document("husly-mine-data.json", content)))


def ask_to_erase(ctx: Context) -> None:
    """Asks the person to confirm that everything about them should be deleted."""
    ctx.reply(Reply(esc(_("Do you want to delete everything Husly has saved about you? Open cases are closed "
                          "and made anonymous. This cannot be undone.")),
                    buttons=((button(_("Yes, delete"), Privacy(PrivacyAction.ERASE_YES)),
                              button(_("No, keep"), Privacy(PrivacyAction.ERASE_NO))),)))


def erase_in_words(ctx: Context) -> bool:
    """A private message that asks in words to delete what Husly saved ("slet mine data"): /slet's own question.
    (A case's flows hear it first, with the case in mind: bot.cases.)"""
    incoming = ctx.incoming
    if not incoming.private or not asks_to_erase(incoming.text) or ctx.triage().urgency is not Urgency.NONE:
        return False
    ask_to_erase(ctx)
    return True


def erase(ctx: Context) -> None:
    """Deletes the person's data after they confirmed, and says so."""
    erase_person(ctx.session, ctx.deps.stores, ctx.incoming.transport, ctx.incoming.chat_id, ctx.now,
                 key=audit_key(ctx.deps.settings))
    ctx.erased = True
    ctx.answer_callback(_("Deleted"))
    if ctx.new_chat:
        # Pressed again after everything was deleted: the message already says so (editing it to the same
        # text would be refused, and the refused row would keep the chat id until it expires).
        return
    done = Reply(esc(_("Done. Everything Husly had saved about you is deleted. Write /start if you want to "
                       "begin again.")))
    # The question becomes the answer (an edit of a message /skjul still knows), and the row goes once sent.
    enqueue(ctx.session, transport=ctx.incoming.transport, chat_id=ctx.incoming.chat_id, reply=done,
            kind="edit" if ctx.incoming.message_id else "send", message_id=ctx.incoming.message_id, now=ctx.now,
            forget=True)


def hide_chat(ctx: Context) -> None:
    """Deletes the bot's and the person's recent messages, leaving one neutral line."""
    transport, chat_id, since = ctx.incoming.transport, ctx.incoming.chat_id, ctx.now - DELETABLE_FOR
    bot_ids = ctx.session.execute(
        select(col(Outbox.message_id)).where(col(Outbox.transport) == transport, col(Outbox.chat_id) == chat_id,
                                             col(Outbox.message_id).is_not(None), col(Outbox.sent_at) >= since)
    ).scalars().all()
    own_ids = ctx.session.execute(
        select(col(SentByUser.message_id)).where(col(SentByUser.transport) == transport,
                                                 col(SentByUser.chat_id) == chat_id, col(SentByUser.sent_at) >= since)
    ).scalars().all()
    # After /slet, the ids kept under the person's pseudonym (bot.privacy.leftovers): no text, 48 hours.
    kept = leftovers.take_message_ids(ctx.session, audit_key(ctx.deps.settings), transport, chat_id, ctx.now)
    ids = sorted({int(i) for i in (*bot_ids, *own_ids, *kept)})
    if ctx.incoming.message_id and ctx.incoming.kind != "callback":
        ids.append(ctx.incoming.message_id)
    for start in range(0, len(ids), DELETE_BATCH):
        ctx.delete_messages(sorted(set(ids))[start:start + DELETE_BATCH])
    ctx.state.clear()
    ctx.answer_callback("")
    # One neutral line that gives nothing away to someone looking over the shoulder.
    ctx.reply(Reply("🌤"))


def privacy_button(ctx: Context, data: Privacy) -> None:
    """Answers the privacy buttons."""
    if data.action is PrivacyAction.ERASE_NO:
        ctx.answer_callback(_("Nothing was deleted."))
        return
    {PrivacyAction.EXPORT: send_my_data, PrivacyAction.ERASE: ask_to_erase, PrivacyAction.ERASE_YES: erase}[
        data.action](ctx)


def register(router: Router) -> None:
    router.command("privatliv", privacy_notice, menu=N_("what Husly saves about you"))
    # "/mine" and the English words are what people type for "my data" and "delete": they got "I don't know the
    # command" (access and erasure are rights: no one should have to know the exact spelling).
    router.command("mine_data", send_my_data, menu=N_("see your data"), aliases=("mine", "my_data", "mydata"))
    router.command("slet", ask_to_erase, menu=N_("delete your data"), aliases=("delete", "delete_my_data"))
    router.command("skjul", hide_chat, menu=N_("hide this chat quickly"))
    router.callback(Privacy, privacy_button)
    router.menu_items.update({"data": privacy_notice, "hide": hide_chat})
    router.interceptors.append(erase_in_words)
