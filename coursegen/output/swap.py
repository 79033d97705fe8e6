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
    """Replace the site folder with a freshly built one, keeping the old one until the new one is in."""
    previous = site.with_name(site.name + ".previous")
    if previous.exists():
        shutil.rmtree(previous)
    if site.exists():
        os.replace(site, previous)
    os.replace(built, site)
    if previous.exists():
        shutil.rmtree(previous)


def remove_stale_builds(site_dir: Path) -> None:
    """Remove temporary build folders left behind by a build that was killed."""
    for stale in site_dir.parent.glob(f".{site_dir.name}-*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
