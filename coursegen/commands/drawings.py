"""Draw the cards, QR codes and icons a build needs into the drawing cache, on every core, and copy them to docs/.

Each drawing is a pure function of what it shows, named by a key that hashes those inputs, so any
process may draw it and the bytes are the same. The cache (.coursegen-cache/drawings) maps key to
bytes; the worker that draws one writes it there, and docs/ gets a copy. No drawing is held in memory,
so a course of thousands of lessons costs no more memory than a small one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..output.cores import Advance, nothing, on_every_core
from ..output.write import copy_generated, write_atomic
from .read import DRAWING_CACHE


@dataclass(frozen=True)
class Drawing:
    """One file to draw: its cache key, and a picklable call that draws it."""

    key: str
    draw: Callable[[], bytes]


def missing(project: Path, drawings: Mapping[str, Drawing]) -> list[Drawing]:
    """Return each drawing no earlier build kept, once, though several paths may show it."""
    cache = project / DRAWING_CACHE
    return list({d.key: d for d in drawings.values() if not (cache / d.key).is_file()}.values())


def drawer(project: Path) -> Callable[[Drawing], int]:
    """Return the call that draws one drawing into the course's cache (picklable, for the workers)."""
    return functools.partial(draw_into_cache, cache=project / DRAWING_CACHE)


def draw_into_cache(drawing: Drawing, *, cache: Path) -> int:
    """Draw one drawing and keep it in the cache (in a worker); return its size in bytes."""
    data = drawing.draw()
    write_atomic(cache / drawing.key, data)
    return len(data)


def draw_missing(project: Path, drawings: Mapping[str, Drawing], *, advance: Advance = nothing) -> int:
    """Draw into the cache every drawing it does not hold, on every core when there are enough; return how many."""
    return len(on_every_core(drawer(project), missing(project, drawings), advance=advance))


def copy_drawings(project: Path, drawings: Mapping[str, Drawing]) -> list[str]:
    """Copy each drawing the cache holds to its path in the course folder where it differs; return the paths copied."""
    cache = project / DRAWING_CACHE
    return copy_generated(project, {rel: cache / d.key for rel, d in drawings.items() if (cache / d.key).is_file()})
