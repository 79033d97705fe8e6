"""`serve`: preview the site with MkDocs, regenerating the course's files whenever one of its sources changes."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ..model import paths
from ..model.diagnostics import has_errors
from ..output.write import read_manifest
from ..site.pages import page_heads
from .engine import engine_env, mkdocs_command
from .generate import generate, write_docs
from .installation import installation_problem
from .outcome import Outcome
from .preview import mark_pages_changed, site_wide_key, theme_on_disk
from .read import CONFIG, Remembered

WATCHED = ("lessons", "quizzes", "programs", "docs/figures", "docs/assets", "mkdocs.yml", paths.OVERRIDES)


def serve(project: Path, *, port: int, tell: Callable[[Outcome], None]) -> Outcome:
    """Preview the site at http://127.0.0.1:PORT/, regenerating when a course file changes, until stopped."""
    if problem := installation_problem():
        return Outcome(False, message=problem)
    if not port_is_free(port):
        return Outcome(
            False, message=f"Port {port} on 127.0.0.1 is in use; stop what uses it, or pick another: --port 8001"
        )
    remembered: Remembered = {}  # the course files as last loaded: a save loads only the files it changed
    outcome, site_wide = regenerate(project, remembered=remembered)
    tell(outcome)
    # --dirty: after a save, MkDocs rebuilds only the pages whose files are newer than what it built.
    command = mkdocs_command("serve", "--livereload", "--dirty", "--dev-addr", f"127.0.0.1:{port}")
    server = subprocess.Popen(command, cwd=project, env=engine_env())
    # A stop from a process manager or a closed terminal must stop the preview server too, as Ctrl-C does.
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, lambda *_: sys.exit(0))
    seen = watched_times(project)
    try:
        while server.poll() is None:
            time.sleep(0.5)
            now = watched_times(project)
            if now != seen:
                seen = now
                outcome, site_wide = regenerate(project, site_wide=site_wide, remembered=remembered)
                tell(outcome)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait()
    return Outcome(server.returncode in (0, -signal.SIGTERM, None), message="Stopped the preview.")


def regenerate(project: Path, *, site_wide: str = "", remembered: Remembered | None = None) -> tuple[Outcome, str]:
    """Validate and write the generated files for the preview server, keeping the last good ones on error.

    Also return the key of what every page shows (the menu, the theme, the settings). The preview
    server rebuilds only the pages whose files changed; when that key differs from `site_wide`, the
    one before, every page is marked changed so that it rebuilds them all.
    """
    generated = generate(project, remembered=remembered, preview=True)
    if generated.ok:
        changed = write_docs(project, generated)
        key = site_wide_key(
            config=generated.texts.get(CONFIG, ""),
            titles={page: head[0] for page, head in page_heads(generated.course).items()},
            theme=theme_on_disk(project),
        )
        if not site_wide:
            note = f"Regenerated: {changed} files changed."
        elif key != site_wide:
            mark_pages_changed(project)
            note = f"Regenerated: {changed} files changed. The menu, theme or settings changed: rebuilding every page."
        else:
            note = f"Regenerated: {changed} files changed; rebuilding only the pages they touch."
        return Outcome(True, generated.diagnostics, generated.texts, note), key
    note = (
        "The preview shows the last good version until the errors are fixed."
        if has_errors(generated.diagnostics)
        else ""
    )
    return Outcome(False, generated.diagnostics, generated.texts, note), site_wide


def port_is_free(port: int) -> bool:
    """Tell whether the preview server could listen on a port of 127.0.0.1."""
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def watched_times(project: Path) -> dict[str, float]:
    """Return the modification time of every course file the preview watches (not the generated ones)."""
    owned = set(read_manifest(project))
    times = {}
    for name in WATCHED:
        path = project / name
        for item in [path, *path.rglob("*")] if path.is_dir() else [path]:
            rel = item.relative_to(project).as_posix()
            if item.is_file() and rel not in owned:
                times[rel] = item.stat().st_mtime
    return times
