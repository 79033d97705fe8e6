"""What the Python that runs MkDocs and Zensical can import: read by `commands/`, checked against by `source/`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


def nothing(name: str) -> bool:
    """Find no module at all."""
    return False


@dataclass(frozen=True)
class Installed:
    """Entry points and languages of the installed packages, and a way to find a module among them only."""

    markdown_extensions: frozenset[str] = frozenset()  # entry-point names of Python-Markdown extensions
    plugins: frozenset[str] = frozenset()  # entry-point names of MkDocs plugins
    theme_languages: frozenset[str] = frozenset()  # the languages Material has its own words in
    has_module: Callable[[str], bool] = nothing  # whether a dotted module is in an installed package
