"""The engine's own templates (`coursegen/templates/`): one Jinja environment, autoescaping HTML."""

from __future__ import annotations

import functools

import jinja2


@functools.cache
def templates() -> jinja2.Environment:
    """Return the environment of the engine's own templates; everything printed into HTML is escaped."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("coursegen", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )


def template_text(name: str) -> str:
    """Return the text of one template, for files that are filled in without Jinja (scripts)."""
    return templates().loader.get_source(templates(), name)[0]
