"""Draw the cards, QR codes and icons a build needs, on every core, taking the ones an earlier build kept.

Each drawing is a pure function of what it shows, named by a key that hashes those inputs, so any
process may draw it and the bytes are the same; the cache (.coursegen-cache/drawings) maps key to bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..output.cores import Advance, nothing, on_every_core
from .read import read_cached_drawing


@dataclass(frozen=True)
class Drawing:
    """One file to draw: its cache key, and a picklable call that draws it."""

    key: str
    draw: Callable[[], bytes]


def kept_drawings(project: Path, drawings: Mapping[str, Drawing]) -> dict[str, bytes]:
    """Return the drawings an earlier build kept, by path."""
    kept: dict[str, bytes] = {}
    for rel, drawing in drawings.items():
        cached = read_cached_drawing(project, drawing.key)
        if cached is not None:
            kept[rel] = cached
    return kept


def draw_all(drawings: list[Drawing], *, advance: Advance = nothing) -> dict[str, bytes]:
    """Draw each drawing once, on every core when there are enough of them; return the bytes by key."""
    drawn = on_every_core(call, [d.draw for d in drawings], advance=advance)
    return {d.key: data for d, data in zip(drawings, drawn, strict=True)}


def call(draw: Callable[[], bytes]) -> bytes:
    """Run one drawing (in a worker)."""
    return draw()
