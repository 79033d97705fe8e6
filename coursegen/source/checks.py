"""What every course file goes through: shape, then its own rules, then its model; and the checks files share.

A file's module (`lesson.py`, `quiz.py`, `program.py`, `settings.py`) calls these in order, so that one
file reads from its nodes to its model in one place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..model.course import DocsFiles
from ..model.diagnostics import Diagnostic, error, has_errors
from ..model.schema import Record
from .convert import Converted, convert_record, did_you_mean
from .load import Loaded
from .markup import scheme_of, unsafe_links

IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif")
IMAGE_HINT = (
    "Save the picture again: a plain SVG whose pictures are embedded (data: addresses), "
    "or a PNG, JPEG, GIF or WebP under 40 megapixels."
)


@dataclass(frozen=True)
class Checked:
    """One file after checking: its kind, its values (even if invalid), positions, and model if valid."""

    kind: str
    values: dict
    out: Converted
    model: object | None


def check_file(
    loaded: Loaded,
    record: Record,
    diagnostics: list[Diagnostic],
    *,
    rules: Callable[[dict, Converted], None],
    build: Callable[[dict, str], object],
) -> Checked | None:
    """Check one loaded file's shape against its record, then its rules; build its model only if it has no error."""
    if loaded.node is None or has_errors(loaded.diagnostics):
        return None
    out = Converted(loaded.path)
    values = convert_record(loaded.node, record, out)
    if values is not None:
        rules(values, out)
    diagnostics += out.diagnostics
    if values is None:
        return None
    model = None if has_errors(out.diagnostics) else build(values, loaded.path)
    return Checked(record.name, values, out, model)


def check_markdown(text: str | None, out: Converted, where: tuple) -> None:
    """Refuse links and images whose address could run script, found as the page would have them."""
    for address in unsafe_links(text or ""):
        shown = address.encode("unicode_escape").decode("ascii")[:60]
        out.error(
            where,
            f"a link or image uses '{scheme_of(address)}:' ({shown}), which could run script",
            "Links may start with https:, http:, mailto: or tel:, or point to another page; images must be "
            "files under docs/.",
        )


def check_image(src: str, out: Converted, where: tuple, *, docs: DocsFiles) -> None:
    """Check that an image path stays inside docs/, names an image, and exists there as a file of its own."""
    path = PurePosixPath(src)
    if path.is_absolute() or src.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", src):
        out.error(
            where, f"image path '{src}' must be relative to docs/, not absolute", "For example: figures/pencil-grip.svg"
        )
        return
    if ".." in path.parts:
        out.error(where, f"image path '{src}' leaves the docs/ folder", "Put the image under docs/figures/.")
        return
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        out.error(where, f"'{src}' is not an image file", "Use one of: " + ", ".join(IMAGE_SUFFIXES) + ".")
        return
    if any("/".join(path.parts[: i + 1]) in docs.outside for i in range(len(path.parts))):
        out.error(
            where,
            f"image 'docs/{src}' is a link to a file outside docs/",
            "Copy the image into docs/ instead of linking to it.",
        )
        return
    if path.as_posix() not in docs.files:
        out.error(
            where,
            f"image file 'docs/{src}' does not exist{nearby_image(path, docs)}",
            "Check the spelling, or add the file under docs/.",
        )
    elif docs.image_problems.get(path.as_posix()):
        out.error(where, f"image 'docs/{src}' {docs.image_problems[path.as_posix()]}", IMAGE_HINT)


def nearby_image(path: PurePosixPath, docs: DocsFiles) -> str:
    """Suggest an existing file with a similar path in the same folder."""
    folder = path.parent.as_posix()
    names = [name for name in docs.files if PurePosixPath(name).parent.as_posix() == folder]
    return did_you_mean(path.as_posix(), names)


def report_duplicates(items: list, out: Converted, places: list[tuple], what: str) -> None:
    """Report every repeat of an item after its first appearance."""
    first: dict = {}
    for item, where in zip(items, places, strict=False):
        if item is None or item == "":
            continue
        if item in first:
            line = out.at(first[item])[0]
            out.error(where, f"duplicate {what} '{item}' (first at line {line})", f"Each {what} must be different.")
        else:
            first[item] = where


def duplicate_across(files: list, key: str, kind: str) -> list[Diagnostic]:
    """Report a value of `key` that more than one file of a kind uses."""
    counts = Counter(c.values.get(key) for c in files if c.values.get(key) is not None)
    seen: dict = {}
    problems = []
    for c in sorted(files, key=lambda c: c.out.path):
        value = c.values.get(key)
        if value is None or counts[value] < 2:
            continue
        if value in seen:
            problems.append(
                error(
                    c.out.path,
                    *c.out.at((key,)),
                    f"{kind} {key} '{value}' is also used by {seen[value]}",
                    f"Each {kind} needs its own {key}.",
                )
            )
        else:
            seen[value] = c.out.path
    return problems


def missing_reference(checked, where: tuple, lesson_id: str | None, lesson_ids: list[str]) -> list[Diagnostic]:
    """Report a reference to a lesson id that no lesson file has."""
    if not lesson_id or lesson_id in lesson_ids:
        return []
    return [
        error(
            checked.out.path,
            *checked.out.at(where),
            f"no lesson has the id '{lesson_id}'" + did_you_mean(lesson_id, lesson_ids),
            "Lesson ids: " + ", ".join(sorted(lesson_ids)) + ".",
        )
    ]
