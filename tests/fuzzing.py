"""Hypothesis strategies shared by tests/test_fuzz.py (a few hundred cases) and benchmarks/fuzz.py (10,000):
button data from every registered namespace (valid, stale and forged), the kinds of chat and the roles of
the people in them, and the bytes of a partner's CSV file (valid, broken and hostile)."""

from __future__ import annotations

import codecs
import dataclasses
import enum
import typing

from hypothesis import strategies as st

from bot.app import App
from bot.cases.models import MunicipalityTeam
from bot.conversation.callbacks import MAX_INT, CallbackData
from bot.conversation.router import Router
from bot.db import session_scope
from bot.staff.models import Role, Staff

TEAM_GROUP, OTHER_GROUP = -100_500, -100_600
USERS = {Role.YOUTH: 7001, Role.CASEWORKER: 7002, Role.COORDINATOR: 7003, Role.PARTNER: 7004, Role.ADMIN: 7005}
# (chat type, group chat id or None for the person's private chat)
CHATS = (("private", None), ("group", OTHER_GROUP), ("supergroup", OTHER_GROUP - 1), ("supergroup", TEAM_GROUP))


def build_world(app: App) -> None:
    """A staff member of every role (Aarhus for the municipal ones) and Aarhus's team chat."""
    now = app.deps.clock()
    with session_scope(app.engine) as session:
        for role, user in USERS.items():
            if role is not Role.YOUTH:
                session.add(Staff(transport="telegram", user_id=user, chat_id=user, role=role.value,
                                  municipality="aarhus" if role in (Role.CASEWORKER, Role.COORDINATOR) else None,
                                  provider="Boligselskab" if role is Role.PARTNER else None, display_name=role.value,
                                  created_at=now))
        session.add(MunicipalityTeam(municipality="aarhus", team_chat_id=TEAM_GROUP, updated_at=now))


def _field_values(kind: typing.Any) -> st.SearchStrategy[typing.Any]:
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return st.sampled_from(list(kind))
    if kind is int:
        return st.one_of(st.integers(0, 5), st.integers(0, MAX_INT))
    if kind is bool:
        return st.booleans()
    return st.one_of(st.sampled_from(["", "aarhus", "odense", "under_18", "yes", "no", "housed", "x:y", "🏠"]),
                     st.text(max_size=12))


def _valid(data_type: type[CallbackData]) -> st.SearchStrategy[str]:
    """Well-formed data of one namespace, with any values: packed where it fits, else as written by hand."""
    hints = typing.get_type_hints(data_type)
    fields = dataclasses.fields(data_type)

    def pack(values: list[typing.Any]) -> str:
        parts = [data_type.prefix, *(str(v.value if isinstance(v, enum.Enum) else v) for v in values)]
        return ":".join(parts)[:64]

    kinds = [hints[f.name] for f in fields]
    plain = [typing.get_args(k)[0] if typing.get_args(k) else k for k in kinds]
    return st.tuples(*(_field_values(k) for k in plain)).map(lambda values: pack(list(values)))


def callback_data(router: Router) -> st.SearchStrategy[str]:
    """Button data as a modified client could send it: every namespace, any values, and noise."""
    namespaces = [_valid(entry.data) for entry in router.callbacks.values()]
    noise = st.one_of(st.text(min_size=1, max_size=64), st.sampled_from(
        ["cs:claim:99999999999999999999", "cy:fu:-1:no", ":::", "cs:out:1:hacked", "menu:" + "🏠" * 10, "x" * 64]))
    return st.one_of(*namespaces, noise)


roles = st.sampled_from(list(USERS))
chats = st.sampled_from(CHATS)

HEADER = "reference;kommune;omraade;type;vaerelser;kvm;husleje;aconto;depositum;ledig_fra;ansoeg_link"
_CELLS = st.one_of(
    st.sampled_from(["A-1", "aarhus", "Aarhus C", "vaerelse", "lejlighed", "1", "2", "20", "4.500", "4500,00",
                     "NaN", "inf", "-inf", "1e400", "-5", "", " ", "01-02-2027", "2027-02-31", "https://x.dk",
                     "javascript:alert(1)", '"', '""', "Ø" * 3, "\u202e", "0x10", "٣٤٥٠", "١e9"]),
    st.text(max_size=20),
)
_ROWS = st.lists(st.lists(_CELLS, min_size=1, max_size=13).map(";".join), max_size=8)


def _encode(text: str, how: str) -> bytes:
    if how == "utf-16-le":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le", errors="replace")
    if how == "utf-16-be":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be", errors="replace")
    return text.encode(how, errors="replace")


csv_files = st.one_of(
    st.binary(max_size=3000),
    st.tuples(_ROWS, st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16-le", "utf-16-be", "latin-1"]),
              st.booleans(), st.integers(0, 3)).map(
        lambda t: _encode("\n".join([HEADER, *t[0]]), t[1])[: None if t[2] else -1] + b"\x00" * t[3]),
    st.tuples(st.integers(1, 300_000), st.sampled_from(['"', "x"])).map(
        lambda t: f'{HEADER}\nA-1;aarhus;{t[1]}{"y" * t[0]};vaerelse;1;20;4000;0;0;;https://x.dk\n'.encode()),
)
