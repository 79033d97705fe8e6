"""What the preview server needs to rebuild only what a save changed, and everything when a save changes every page.

MkDocs' dirty rebuild (`mkdocs serve --dirty`) builds again only the pages whose Markdown file is
newer than its built page. That is right for a lesson's body, which only its own pages show; but
the menu (every page title), the theme and the settings are on every page, so a save that changes
them marks every page changed, and MkDocs then rebuilds them all.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path

from ..model import paths
from ..output.write import Content, digest


def site_wide_key(*, config: str, titles: Mapping[str, str], theme: Mapping[str, Content]) -> str:
    """Return a hash of what every page shows: mkdocs.yml, each page's title in the menu, and overrides/."""
    parts = [config, *(f"{page}\0{title}" for page, title in sorted(titles.items()))]
    parts += [f"{rel}\0{digest(content)}" for rel, content in sorted(theme.items())]
    return hashlib.sha256("\0\0".join(parts).encode("utf-8")).hexdigest()


def mark_pages_changed(project: Path) -> None:
    """Give every Markdown page in docs/ the time of now, so that a dirty rebuild builds each one again."""
    for page in (project / paths.DOCS).rglob("*.md"):
        try:
            os.utime(page)
        except OSError:
            continue  # a page that went away, or cannot be touched, is rebuilt when it changes


def theme_on_disk(project: Path) -> dict[str, bytes]:
    """Return every file of overrides/, the engine's and the author's, keyed by its path in the course folder."""
    found = {}
    for path in sorted((project / paths.OVERRIDES).rglob("*")):
        try:
            found[path.relative_to(project).as_posix()] = path.read_bytes()
        except OSError:  # a folder, or a file removed while the folder was read
            continue
    return found
