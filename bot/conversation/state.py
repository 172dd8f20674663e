"""The conversation state kept on a profile (its JSON column): one typed part per owner.

At most one multi-step flow is active (``flow``: the engine gives the person's next text to it), and each flow
or feature keeps its data in its own part, which only it reads and writes. So starting or ending one flow, or
remembering the topic just shown, never wipes what another keeps. The state lives on the profile so every bot
instance sees the same, and survives a restart.

Stored as ``{"flow": "<active flow>", "<part key>": {...}, ...}``. A part that does not validate (fx written by
an older version, which kept a flow's values beside "flow") reads as absent: a flow then starts over, as it
would after a stale button.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.models import Profile

ACTIVE = "flow"


class Part(BaseModel):
    """One owner's part of the state; a subclass names its ``key`` (unique among the parts)."""

    model_config = ConfigDict(extra="ignore")
    key: ClassVar[str]


class FlowPart(Part):
    """The data of a multi-step flow; its ``key`` is the flow's name in the router. It exists while the flow is
    the active one: starting another flow or ending this one drops it."""


P = TypeVar("P", bound=Part)


class State:
    """The typed view of one profile's state. Every change assigns a new dict, so the JSON column is saved."""

    def __init__(self, profile: Profile) -> None:
        self._profile = profile

    def _raw(self) -> dict[str, Any]:
        # Every part is an object: a plain value was written by an older version and goes with the next change.
        return {key: value for key, value in (self._profile.state or {}).items()
                if key == ACTIVE or isinstance(value, dict)}

    @property
    def flow(self) -> str | None:
        """The active flow's name, if any."""
        name = self._raw().get(ACTIVE)
        return name if isinstance(name, str) and name else None

    def get(self, part: type[P]) -> P | None:
        """This owner's part (a flow's only while that flow is active); None when there is none."""
        if issubclass(part, FlowPart) and self.flow != part.key:
            return None
        raw = self._raw().get(part.key)
        if not isinstance(raw, dict):
            return None
        try:
            return part.model_validate(raw)
        except ValidationError:
            return None

    def put(self, value: Part) -> None:
        """Keep ``value`` as its owner's part, leaving every other part as it is."""
        if isinstance(value, FlowPart) and self.flow != value.key:
            raise ValueError(f"flow {value.key!r} is not active: start it")
        self._profile.state = {**self._raw(), value.key: value.model_dump(mode="json")}

    def drop(self, part: type[Part]) -> None:
        """Forget this owner's part (ending its flow if it is the active one)."""
        if issubclass(part, FlowPart) and self.flow == part.key:
            self.end()
            return
        state = self._raw()
        state.pop(part.key, None)
        self._profile.state = state

    def start(self, value: FlowPart) -> None:
        """Make ``value``'s flow the active one, with ``value`` as its data (another active flow ends)."""
        if self.flow != value.key:
            self.end()
        self._profile.state = {**self._raw(), ACTIVE: value.key, value.key: value.model_dump(mode="json")}

    def end(self, only: type[FlowPart] | None = None) -> None:
        """End the active flow (only if it is ``only``'s) and drop its data; other parts stay."""
        active = self.flow
        if active is None or (only is not None and only.key != active):
            return
        state = self._raw()
        state.pop(ACTIVE, None)
        state.pop(active, None)
        self._profile.state = state

    def clear(self, keep: tuple[type[Part], ...] = ()) -> None:
        """Forget everything but the ``keep`` parts (a fresh start: /start, /skjul, becoming staff)."""
        kept = {part.key for part in keep}
        self._profile.state = {key: value for key, value in self._raw().items() if key in kept}
