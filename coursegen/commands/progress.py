"""Tell the author how a long command is going: a bar on a terminal, plain lines in a log, nothing when quiet.

The pipeline names its stages and counts its steps through a `Progress`; only the CLI picks which
kind, so the stages stay free of terminal concerns. The bar is tqdm's, with a count and an estimate.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from ..output.cores import Advance, nothing


@dataclass(frozen=True)
class Progress:
    """Where stage messages go: `bar` draws a live bar (a terminal), else one plain line per stage; no stream: quiet."""

    stream: IO[str] | None = None
    bar: bool = False

    @contextlib.contextmanager
    def stage(self, label: str, *, total: int = 0, unit: str = "") -> Iterator[Advance]:
        """Announce a stage of `total` steps (or of unknown length), and yield how to count its steps.

        A stage that counts something (it has a unit) and has nothing to count says nothing.
        """
        if self.stream is None or (unit and not total):
            yield nothing
        elif self.bar:
            with live_bar(self.stream, stage_line(label, total=total, unit=unit), total=total, unit=unit) as advance:
                yield advance
        else:
            self.stream.write(stage_line(label, total=total, unit=unit) + "\n")
            self.stream.flush()
            yield nothing


QUIET = Progress()


def stage_line(label: str, *, total: int, unit: str) -> str:
    """Return a stage's message: 'Drawing 2,000 cards' or, with no count, 'Building the site'."""
    return f"{label} {total:,} {unit}" if total and unit else label


@contextlib.contextmanager
def live_bar(stream: IO[str], text: str, *, total: int, unit: str) -> Iterator[Advance]:
    """Draw a bar with the count and time left while the stage runs; leave its last state on screen."""
    from tqdm import tqdm  # here, not at the top: a quiet or piped build never draws a bar

    tqdm.monitor_interval = 0  # no monitor thread: the drawing workers are forked, which threads make unsafe

    with tqdm(
        total=total or None,
        desc=text,
        unit=f" {unit}" if unit else "it",
        file=stream,
        leave=True,
        ncols=shutil.get_terminal_size().columns,  # 80 when the terminal does not say (tqdm would draw nothing)
        mininterval=0.2,
        bar_format="{desc}: {n_fmt}/{total_fmt} {bar} [{elapsed}<{remaining}]" if total else "{desc} [{elapsed}]",
    ) as bar:
        yield bar.update
        if total and bar.n < total:
            bar.update(total - bar.n)  # a stage may end before its last step is counted: show it done
