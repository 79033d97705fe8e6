"""Swap a freshly built site into place, keeping the old one until the new one is in, and recover after a kill."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def recover_site(site: Path) -> None:
    """Put back the previous site if a build was stopped between the two renames of a swap."""
    previous = site.with_name(site.name + ".previous")
    if not site.exists() and previous.is_dir():
        os.replace(previous, site)


def swap_site(built: Path, site: Path) -> None:
    """Replace the site folder with a freshly built one, keeping the old one until the new one is in.

    If the new one cannot be moved in, the old one is put back before the error goes on. An old one that
    cannot be removed once the new one is in stays beside it, as `site.previous` (see `leftover_site`).
    """
    previous = site.with_name(site.name + ".previous")
    if previous.exists():
        shutil.rmtree(previous)
    if site.exists():
        os.replace(site, previous)
    try:
        os.replace(built, site)
    except OSError:
        if previous.exists() and not site.exists():
            os.replace(previous, site)
        raise
    shutil.rmtree(previous, ignore_errors=True)


def leftover_site(site: Path) -> str:
    """Return the name of an old site that could not be removed after a new one went in, or ''."""
    previous = site.with_name(site.name + ".previous")
    return previous.name if previous.exists() else ""


def remove_stale_builds(site_dir: Path) -> None:
    """Remove temporary build folders left behind by a build that was killed."""
    for stale in site_dir.parent.glob(f".{site_dir.name}-*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
