"""Python's cyclic garbage collector around the start-up of a long-running bot.

Start-up builds about 200,000 objects that live as long as the process: modules, the knowledge base and its
index, the triage model, the Telegram framework's types. Every full (generation 2) collection walked all of them:
under load in `husly run` that stopped every answer for about 115 ms a few times a minute, the worst reply
times there were (benchmarks/latency.py, timed with gc.callbacks). Frozen after start-up (``gc.freeze``), they
are never walked again; what is made later is collected as usual. Collecting while start-up builds them found
almost nothing and cost 0.25-0.3 s of a 1.4 s start.
"""

from __future__ import annotations

import gc


def pause() -> None:
    """No cyclic collection until ``settle``: start-up only builds what it keeps."""
    gc.disable()


def resume() -> None:
    """Collect as usual again (when start-up ends without ``settle``)."""
    gc.enable()


def settle() -> int:
    """Once everything long-lived is built: collect start-up's garbage once, set the rest aside for good, then
    collect as usual. Returns how many objects were set aside."""
    gc.collect()
    gc.freeze()
    gc.enable()
    return gc.get_freeze_count()
