"""Rewrite a course written for an earlier format into this engine's, keeping comments and key order.

Pure: each function takes a file's text and returns the new text and the changes, each with its line.
ruamel.yaml round-trips the files, so comments, key order and quoting stay as the author wrote them.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from ..model import paths
from ..model.formats import FORMAT

# Format 1 named a self-check's three tiers; format 2 lists levels with a style each, most serious first.
TIER_STYLES = {"emergency": "danger", "urgent": "warning", "soon": "info"}


@dataclass(frozen=True)
class Change:
    """One rewrite: where it was made and what it replaced."""

    path: str
    line: int
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.old} -> {self.new}"


def round_trip() -> YAML:
    """Return a YAML reader and writer that keeps comments, order, quotes and the course's indentation."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def dumped(yaml: YAML, data: object) -> str:
    """Return YAML text for round-tripped data."""
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def line_of(mapping: CommentedMap, key: str) -> int:
    """Return the 1-based line of a key in its file."""
    return mapping.lc.key(key)[0] + 1


def upgrade_quiz(path: str, text: str) -> tuple[str, list[Change]]:
    """Rewrite a quiz's `care` messages as `levels` and its questions' `tier` as `level`."""
    yaml = round_trip()
    quiz = yaml.load(text)
    if not isinstance(quiz, CommentedMap):
        return text, []
    changes = []
    if isinstance(quiz.get("care"), CommentedMap):
        changes.append(Change(path, line_of(quiz, "care"), "care", "levels"))
        rename(quiz, "care", "levels", care_levels(quiz["care"]))
    for question in quiz.get("questions") or ():
        if isinstance(question, CommentedMap) and "tier" in question:
            changes.append(Change(path, line_of(question, "tier"), "tier", "level"))
            rename(question, "tier", "level", question["tier"])
    return (dumped(yaml, quiz), changes) if changes else (text, [])


def care_levels(care: CommentedMap) -> CommentedSeq:
    """Return format 2's levels for format 1's care messages, in the same order."""
    levels = CommentedSeq()
    for tier, message in care.items():
        level = CommentedMap(id=tier)
        level.update(message if isinstance(message, CommentedMap) else {})
        level["style"] = TIER_STYLES.get(str(tier), "warning")
        levels.append(level)
    return levels


def rename(mapping: CommentedMap, old: str, new: str, value: object) -> None:
    """Replace a key by another at the same place, with a new value."""
    position = list(mapping).index(old)
    comment = mapping.ca.items.pop(old, None)  # a comment after the key stays with it
    del mapping[old]
    mapping.insert(position, new, value)
    if comment is not None:
        mapping.ca.items[new] = comment


def upgrade_settings(path: str, text: str) -> tuple[str, list[Change]]:
    """Add what mkdocs.yml needs in this format: not_in_nav for /shared/, and the format it is written in."""
    yaml = round_trip()
    config = yaml.load(text)
    if not isinstance(config, CommentedMap):
        return text, []
    changes = []
    listed = str(config.get("not_in_nav") or "")
    if paths.NOT_IN_NAV not in listed.split():
        line = line_of(config, "not_in_nav") if "not_in_nav" in config else len(text.splitlines()) + 1
        old = "not_in_nav: " + (" ".join(listed.split()) or "(none)")
        patterns = listed.rstrip("\n") + ("\n" if listed.strip() else "") + paths.NOT_IN_NAV + "\n"
        config["not_in_nav"] = LiteralScalarString(patterns)
        changes.append(Change(path, line, old, "not_in_nav: " + " ".join(patterns.split())))
    changes += set_format(path, config, last_line=len(text.splitlines()) + 1)
    return (dumped(yaml, config), changes) if changes else (text, [])


def set_format(path: str, config: CommentedMap, *, last_line: int) -> list[Change]:
    """Record in extra.course.format that the course is written in this engine's format."""
    extra = config.setdefault("extra", CommentedMap())
    course = extra.setdefault("course", CommentedMap()) if isinstance(extra, CommentedMap) else None
    if not isinstance(course, CommentedMap) or course.get("format") == FORMAT:
        return []
    old = course.get("format", 1)
    line = line_of(course, "format") if "format" in course else last_line
    if "format" in course:
        course["format"] = FORMAT
    else:  # first in the table: after its last key come the comments that close the file
        course.insert(0, "format", FORMAT)
    return [Change(path, line, f"format {old}", f"format {FORMAT}")]


def upgrade_file(path: str, text: str) -> tuple[str, list[Change]]:
    """Rewrite one course file by its place in the course: mkdocs.yml, or a quiz."""
    if path == "mkdocs.yml":
        return upgrade_settings(path, text)
    if path.startswith("quizzes/"):
        return upgrade_quiz(path, text)
    return text, []
