"""The parts of a course, in one place: folders of lessons/ (a part, or a group of parts), their order and titles.

A lesson file sits at the top of lessons/, in a part (`lessons/week-1/`), or in a part of a group
(`lessons/unit-1/week-1/`). A lesson's `part` is its folder path under lessons/: '', 'week-1' or
'unit-1/week-1'. The menu lists lessons at the top first, then each folder by name, a group's parts
inside it; `folder_key` is that order.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping

MAX_DEPTH = 2  # folders between lessons/ and a lesson file: a group, then a part


def folder_key(folder: str) -> tuple[str, ...]:
    """Return where the menu lists a folder of lessons/ ('' first): 'unit-1' < 'unit-1/week-2' < 'unit-10'."""
    return tuple(folder.split("/")) if folder else ()


def group_of(folder: str) -> str:
    """Return the group a part folder is in ('unit-1/week-1' -> 'unit-1'), or '' for a part of no group."""
    return posixpath.dirname(folder)


def titled_folders(parts: Iterable[str]) -> list[str]:
    """Return every folder that can have a title, in menu order: each part and each group ('a/b' -> 'a', 'a/b')."""
    folders = {prefix for part in parts if part for prefix in (group_of(part), part) if prefix}
    return sorted(folders, key=folder_key)


def dirname_to_title(dirname: str) -> str:
    """Return the title MkDocs gives a folder: mkdocs.utils' own rule, which tests/test_theme.py compares with this.

    Copied, not imported: mkdocs.utils brings importlib.metadata and more, a tenth of the generator's time.
    """
    title = dirname.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def menu_name(folder: str) -> str:
    """Return the title MkDocs gives a folder of lessons/ in the menu: its own name's, not its group's."""
    return dirname_to_title(posixpath.basename(folder))


def folder_title(titles: Mapping[str, str], folder: str) -> str:
    """Return a part's or group's title: the one in mkdocs.yml (`titles`), else its folder's; "" for no folder."""
    return titles.get(folder, menu_name(folder)) if folder else ""
