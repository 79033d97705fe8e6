"""After a swap that failed, or on a full disk, the build says truly where the site is, with no traceback."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from coursegen.commands import build as build_command
from coursegen.commands.build import build, engine_output
from coursegen.output import swap


def built(project: Path) -> Path:
    """Build the course once and return its site folder."""
    outcome = build(project, site_dir=Path("site"), env={})
    assert outcome.ok, outcome.report()
    return project / "site"


def test_an_old_site_that_cannot_be_removed_is_named_and_the_new_one_is_said_to_be_in(
    sample_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = built(sample_project)
    (site / "marker").write_text("old", encoding="utf-8")
    real_rmtree = shutil.rmtree

    def refuse_previous(path: Path, *args: object, **kwargs: object) -> None:
        if Path(path).name == "site.previous":
            return None  # as if every file in it were read-only
        return real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(swap.shutil, "rmtree", refuse_previous)
    outcome = build(sample_project, site_dir=Path("site"), env={})

    assert outcome.ok
    assert "The old site could not be removed: delete site.previous/ by hand." in outcome.message
    assert not (site / "marker").exists() and (sample_project / "site.previous/marker").exists()


def test_a_new_site_that_cannot_be_moved_in_leaves_the_old_one_in_place_as_said(
    sample_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = built(sample_project)
    (site / "marker").write_text("old", encoding="utf-8")
    real_replace = os.replace

    def refuse_new(source: Path, target: Path) -> None:
        if Path(target).name == "site" and Path(source).name.startswith(".site-"):
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        real_replace(source, target)

    monkeypatch.setattr(swap.os, "replace", refuse_new)
    outcome = build(sample_project, site_dir=Path("site"), env={})

    assert not outcome.ok
    assert outcome.message == (
        "The build stopped: cannot use site: Permission denied. "
        "The site folder was left as it was; fix the cause, then build again."
    )
    assert (site / "marker").read_text(encoding="utf-8") == "old"


def test_a_full_disk_while_writing_is_said_in_one_line(sample_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "docs/lessons/x.md")

    monkeypatch.setattr(build_command, "write_docs", full)
    outcome = build(sample_project, site_dir=Path("site"), env={})

    assert not outcome.ok
    assert outcome.message.startswith("The build stopped: the disk is full (no space left on the device)")


def test_mkdocs_own_out_of_space_traceback_becomes_one_line() -> None:
    traceback = (
        'Traceback (most recent call last):\n  File ".../mkdocs/commands/build.py", line 84, in _build_template\n'
        "OSError: [Errno 28] No space left on device: 'site/lessons/index.html'\n"
    )
    assert (
        engine_output(traceback) == "The disk is full (no space left on the device): free some space, then build again."
    )
