"""The engine's own templates (`coursegen/templates/`): one Jinja environment, autoescaping HTML.

Compiling the templates takes longer than rendering every page with them, so compiled templates are
kept between builds, as Python keeps `__pycache__`: the pipeline hands in what an earlier build kept
(`use_compiled`) and keeps what this one compiled (`newly_compiled`); nothing here touches the disk.
"""

from __future__ import annotations

import functools
import pickle
from collections.abc import Mapping

import jinja2
from jinja2.bccache import Bucket, bc_magic


class KeptBytecode(jinja2.BytecodeCache):
    """Compiled templates in memory, by Jinja's name for each: those handed in, and those compiled since."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        """Load a kept template only if it was compiled from this very source, by this Jinja and Python."""
        # Checked here, before Jinja unpickles anything: kept bytes must start as Jinja would write them now.
        if self.kept.get(bucket.key, b"").startswith(bc_magic + pickle.dumps(bucket.checksum, 2)):
            bucket.bytecode_from_string(self.kept[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Note a template compiled now, for the pipeline to keep."""
        self.compiled[bucket.key] = bucket.bytecode_to_string()


BYTECODE = KeptBytecode()


@functools.cache
def templates() -> jinja2.Environment:
    """Return the environment of the engine's own templates; everything printed into HTML is escaped."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("coursegen", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        bytecode_cache=BYTECODE,
    )


def use_compiled(kept: Mapping[str, bytes]) -> None:
    """Let templates not compiled yet in this process load from what an earlier build kept."""
    BYTECODE.kept = dict(kept)


def newly_compiled() -> dict[str, bytes]:
    """Return the templates compiled since the last call, and forget them."""
    compiled, BYTECODE.compiled = BYTECODE.compiled, {}
    return compiled


def template_text(name: str) -> str:
    """Return the text of one template, for files that are filled in without Jinja (scripts)."""
    return templates().loader.get_source(templates(), name)[0]
