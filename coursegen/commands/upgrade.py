"""`coursegen upgrade`: read mkdocs.yml and the quizzes, rewrite those of an earlier format, print each change."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml.error import YAMLError

from ..model.formats import FORMAT
from ..output.write import write_atomic
from ..source.upgrade import Change, upgrade_file
from .outcome import Outcome
from .read import CONFIG, source_files


def upgrade_course(project: Path) -> Outcome:
    """Rewrite the course in place for this engine's format; write nothing if any file cannot be read."""
    files = [project / CONFIG, *source_files(project, "quizzes")]
    rewritten: dict[Path, str] = {}
    changes: list[Change] = []
    for path in files:
        rel = path.relative_to(project).as_posix()
        try:
            text, changed = upgrade_file(rel, path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, YAMLError) as exc:
            return Outcome(False, message=f"cannot upgrade {rel}: {exc}. Nothing was changed; fix it, then run again.")
        if changed:
            rewritten[path], changes = text, changes + changed
    for path, text in rewritten.items():
        write_atomic(path, text)
    if not changes:
        return Outcome(True, message=f"The course is already in format {FORMAT}; nothing to change.")
    lines = [str(change) for change in changes]
    files = "1 file" if len(rewritten) == 1 else f"{len(rewritten)} files"
    lines.append(f"Upgraded {files} to format {FORMAT}. Next: coursegen build --strict")
    return Outcome(True, message="\n".join(lines))
