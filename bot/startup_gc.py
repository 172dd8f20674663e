"""Python's cyclic garbage collector around the start-up of a long-running bot.

Start-up builds about 200,000 objects that live as long as the process: modules, the knowledge base and its
index, the triage model, the Telegram framework's types. Every full (generation 2) collection walked all of them:
under load in `husly run` that stopped every answer for about 115 ms a few times a minute, the worst reply
times there were (benchmarks/latency.py, timed with gc.callbacks). Frozen after start-up (``gc.freeze``), they
are never walked again; what is made later is collected as usual. Collecting while start-up builds them found
almost nothing and cost 0.25-0.3 s of a 1.4 s start; one collection before freezing found about 1,700
unreachable objects among 185,000 (start-up's few cycles) and took 0.1-0.2 s of a 1 s start, so they are frozen
with the rest: a few hundred kilobytes kept for good, against a start that much quicker.
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
    """Once everything long-lived is built: set it aside for good, then collect as usual. Returns how many objects
    were set aside."""
    gc.freeze()
    gc.enable()
    return gc.get_freeze_count()
