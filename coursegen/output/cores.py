"""Run independent, pure pieces of work on every core: drawing cards, reading the built pages.

Each piece depends only on its arguments, so the results are the same whichever process makes them,
and they come back in the order given.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Advance = Callable[[int], None]  # counts steps done, for a progress display
POOL_FROM = 16  # fewer pieces than this are done here: starting the workers would cost more than it saves
T = TypeVar("T")
R = TypeVar("R")


def nothing(_steps: int = 1) -> None:
    """Take a step that nobody watches."""


def counted(item: T, advance: Advance) -> T:
    """Count one step as done, and pass its result on."""
    advance(1)
    return item


def on_every_core(work: Callable[[T], R], items: Sequence[T], *, advance: Advance = nothing) -> list[R]:
    """Return `work` of each item, in order, counting each as it is done; on every core when there are enough."""
    workers = usable_cores()
    if len(items) < POOL_FROM or workers < 2:
        return [counted(work(item), advance) for item in items]
    # Neighbouring items often share inputs (the cards of a lesson show the same figure), and a chunk keeps them
    # together in one worker and is pickled once with what its items share.
    chunk = max(1, min(32, len(items) // (workers * 8)))
    with ProcessPoolExecutor(workers, mp_context=pool_context(), initializer=start_worker, initargs=(0,)) as pool:
        return [counted(result, advance) for result in pool.map(work, items, chunksize=chunk)]


@contextlib.contextmanager
def in_background(work: Callable[[T], R], items: Sequence[T]) -> Iterator[Callable[[Advance], list[R]]]:
    """Start `work` on each item on every core, at a lower priority; yield a call that waits for the results, in order.

    Meanwhile this process may run something else: the site engine, say, which then keeps a core for itself.
    """
    workers = usable_cores()
    if len(items) < POOL_FROM or workers < 2:
        yield lambda advance: [counted(work(item), advance) for item in items]
        return
    chunk = max(1, min(32, len(items) // (workers * 8)))
    with ProcessPoolExecutor(workers, mp_context=pool_context(), initializer=start_worker, initargs=(5,)) as pool:
        results = pool.map(work, items, chunksize=chunk)
        try:
            yield lambda advance: [counted(result, advance) for result in results]
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def start_worker(niceness: int) -> None:
    """Start a worker: at a lower priority by `niceness`, and, on Linux, ending when the build process ends.

    A forked worker holds the course folder's build lock too; one left behind by a killed build would
    keep the next build waiting for ever.
    """
    os.nice(niceness)
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG = 1
        if os.getppid() == 1:  # the build ended before the line above ran
            os._exit(1)


def usable_cores() -> int:
    """Return how many cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def pool_context() -> multiprocessing.context.BaseContext:
    """Return how to start workers: forked where the system can, so they start without importing anything again.

    Forking is safe here: the build runs no thread of its own while the workers start (the progress bar
    has its monitor thread turned off).
    """
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else methods[0])
