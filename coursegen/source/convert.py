"""A file's shape: walk YAML nodes against a schema Record, checking keys and types.

The result is plain Python values plus the position of every value, so that the file's own module
(`lesson.py`, `quiz.py`, `program.py`, `settings.py`) can report a broken rule at the right line.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

import yaml

from ..model.diagnostics import Diagnostic, error
from ..model.formats import RETIRED_KEYS, UPGRADE_HINT
from ..model.schema import FOLDER_PATTERN, SLUG_PATTERN, Field, Record
from .load import position

Path = tuple  # e.g. ("questions", 0, "options")

KIND_NAMES = {
    "text": "text",
    "markdown": "text",
    "slug": "short name",
    "folder": "folder under lessons/",
    "int": "whole number",
    "bool": "true or false",
    "image": "image path",
    "url": "web address",
    "email": "email address",
    "phone": "phone number",
    "time": "time (HH:MM)",
    "color": "colour (#rrggbb)",
    "enum": "choice",
    "list": "list",
    "record": "mapping",
}
CHECKS = {
    "slug": (re.compile(SLUG_PATTERN), "use lowercase letters, digits and dashes, like 'pencil-grip'"),
    "folder": (
        re.compile(FOLDER_PATTERN),
        "name a folder of lessons/ like 'week-1', or a part in a group like 'unit-1/week-1'",
    ),
    "url": (re.compile(r"^https?://[^\s<>\"']+$"), "start it with https://, like 'https://example.com/book'"),
    "email": (re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$"), "write it like 'name@example.com'"),
    "phone": (re.compile(r"^\+?[0-9][0-9 ().-]{4,}$"), "use digits, spaces and an optional leading +"),
    "time": (re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$"), "use 24-hour HH:MM, like '08:30'"),
    "color": (re.compile(r"^#[0-9a-fA-F]{6}$"), 'write it as # and six hex digits, in quotes, like "#00695c"'),
}


@dataclass
class Converted:
    """Values and positions gathered from one file."""

    path: str
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def at(self, where: Path) -> tuple[int, int]:
        """Return the position recorded for `where`, or of its nearest recorded parent."""
        while where not in self.positions and where:
            where = where[:-1]
        return self.positions.get(where, (1, 1))

    def error(self, where: Path, message: str, hint: str = "") -> None:
        """Record an error at the position of `where`."""
        self.diagnostics.append(error(self.path, *self.at(where), message, hint))


def convert_record(node: yaml.Node, record: Record, out: Converted, where: Path = ()) -> dict | None:
    """Check a mapping node against `record` and return its values by field name."""
    out.positions[where] = position(node)
    if not isinstance(node, yaml.MappingNode):
        out.error(
            where, f"expected a mapping of keys for the {record.name}, found {describe(node)}", example_of(record)
        )
        return None
    values: dict = {}
    first_seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        key_where = (*where, str(key))
        if key is None:
            out.positions[key_where] = position(key_node)
            out.error(key_where, "a key must be a plain word")
            continue
        out.positions[key_where] = position(key_node)
        if key in first_seen:
            out.error(
                key_where,
                f"duplicate key '{key}' (first at line {first_seen[key]})",
                "YAML would silently keep only the last one. Delete or rename one of them.",
            )
            continue
        first_seen[key] = position(key_node)[0]
        spec = record.get(key)
        if spec is None:
            out.error(key_where, unknown_key_message(key, record), unknown_key_hint(key, record))
            continue
        values[key] = convert_value(value_node, spec, out, key_where)
    misspelt = {close for key in first_seen if record.get(key) is None for close in closest(key, record)}
    for spec in record.fields:
        if spec.required and spec.name not in values and spec.name not in {*first_seen, *misspelt}:
            out.error(
                where,
                f"missing required key '{spec.name}' in the {record.name}",
                f"Add it, for example:\n  {spec.name}: {example_text(spec)}",
            )
    return values


def convert_value(node: yaml.Node, spec: Field, out: Converted, where: Path) -> object:
    """Check one value against its field spec and return it as a Python value, or None."""
    out.positions[where] = position(node)
    if spec.kind == "record":
        return convert_record(node, spec.record, out, where)
    if spec.kind == "list":
        return convert_list(node, spec, out, where)
    if not isinstance(node, yaml.ScalarNode):
        out.error(where, f"'{spec.name}' should be {article(spec)}, found {describe(node)}", example_hint(spec))
        return None
    if node.tag.endswith(":null"):
        out.error(where, f"'{spec.name}' is empty", example_hint(spec))
        return None
    if spec.kind == "int":
        return convert_int(node, spec, out, where)
    if spec.kind == "bool":
        if not node.tag.endswith(":bool"):
            out.error(
                where, f"'{spec.name}' should be true or false, found '{node.value}'", f"Write:\n  {spec.name}: true"
            )
            return None
        return node.value.lower() in ("true", "yes", "on", "y")
    return convert_text(node, spec, out, where)


MAX_WHOLE_NUMBER = 99_999
MAX_SLUG = 60
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def convert_int(node: yaml.ScalarNode, spec: Field, out: Converted, where: Path) -> int | None:
    """Return a whole number from 0 to 99,999, or report what was found."""
    digits = node.value.replace("_", "")
    if node.tag.endswith(":int") and digits.lstrip("+-").isdigit():
        if len(digits) > 6 or not spec.minimum <= int(digits, 10) <= min(spec.maximum, MAX_WHOLE_NUMBER):
            out.error(
                where,
                f"'{spec.name}' should be from {spec.minimum} to {min(spec.maximum, MAX_WHOLE_NUMBER):,}, "
                f"found {digits[:12]}",
                example_hint(spec),
            )
            return None
        return int(digits, 10)
    out.error(where, f"'{spec.name}' should be a whole number, found '{node.value}'", example_hint(spec))
    return None


def convert_text(node: yaml.ScalarNode, spec: Field, out: Converted, where: Path) -> str | None:
    """Return a text value after checking its pattern, choices and length."""
    if node.tag.endswith(":bool") and spec.kind != "enum":
        out.error(
            where,
            f"'{spec.name}' should be text, found the true/false value '{node.value}'",
            f'Put it in quotes:\n  {spec.name}: "{node.value}"',
        )
        return None
    value = node.value.strip()
    if not value:
        out.error(where, f"'{spec.name}' is empty", example_hint(spec))
        return None
    invisible = CONTROL.search(value)
    if invisible:
        out.error(
            where,
            f"'{spec.name}' holds an invisible control character (U+{ord(invisible.group()):04X})",
            "Text pasted from a PDF or a word processor can carry one. Retype the text around it, or delete it.",
        )
        return None
    if spec.kind == "slug" and len(value) > MAX_SLUG:
        out.error(
            where, f"'{spec.name}' is {len(value)} characters long; keep it to {MAX_SLUG} or fewer", example_hint(spec)
        )
        return None
    if spec.kind == "enum" and value not in spec.choices:
        out.error(
            where,
            f"'{value}' is not a valid {spec.name}{did_you_mean(value, spec.choices)}",
            "Choose one of: " + ", ".join(spec.choices) + ".",
        )
        return None
    if spec.kind in CHECKS and not CHECKS[spec.kind][0].match(value):
        out.error(
            where,
            f"'{value}' is not a valid {KIND_NAMES[spec.kind]} for '{spec.name}'",
            CHECKS[spec.kind][1].capitalize() + ".",
        )
        return None
    if spec.max_length and len(value) > spec.max_length:
        out.error(
            where,
            f"'{spec.name}' is {len(value)} characters long; keep it under {spec.max_length}",
            "Short titles and summaries read better on phones and in link previews.",
        )
    return value


def convert_list(node: yaml.Node, spec: Field, out: Converted, where: Path) -> list | None:
    """Check a sequence and each of its items."""
    if not isinstance(node, yaml.SequenceNode):
        out.error(
            where,
            f"'{spec.name}' should be a list, found {describe(node)}",
            f"Write each item on its own line starting with '- ':\n  {spec.name}:\n    - {example_text(spec)}",
        )
        return None
    if len(node.value) < spec.min_items:
        out.error(where, f"'{spec.name}' needs at least {spec.min_items} item(s)", example_hint(spec))
    item = spec.item
    items = []
    for index, child in enumerate(node.value):
        child_where = (*where, index)
        if isinstance(item, Record):
            items.append(convert_record(child, item, out, child_where))
        else:
            items.append(convert_value(child, item, out, child_where))
    return items


def unknown_key_hint(key: str, record: Record) -> str:
    """Return the keys a record takes, or how to upgrade a course that uses a key of an earlier format."""
    if (record.name, key) in RETIRED_KEYS:
        return f"'{key}' is from an earlier course format; it is now '{RETIRED_KEYS[record.name, key]}'. {UPGRADE_HINT}"
    return f"The keys of a {record.name} are: " + ", ".join(f.name for f in record.fields) + "."


def unknown_key_message(key: str, record: Record) -> str:
    """Say that a key is unknown, suggesting the closest known one."""
    return f"unknown key '{key}'{did_you_mean(key, [f.name for f in record.fields])}"


def closest(key: str, record: Record) -> list[str]:
    """Return the field name a misspelt key most likely means, if any; its own error already says so."""
    return difflib.get_close_matches(key, [f.name for f in record.fields], n=1, cutoff=0.6)


def did_you_mean(word: str, choices) -> str:
    """Return " (did you mean 'x'?)" for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def describe(node: yaml.Node) -> str:
    """Name what a node is, in words an author knows."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping of keys"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"'{node.value}'" if node.value else "nothing"


def article(spec: Field) -> str:
    """Return the kind of a field with an article ('a list', 'an image path')."""
    name = KIND_NAMES[spec.kind]
    return ("an " if name[0] in "aeiou" else "a ") + name


def example_text(spec: Field) -> str:
    """Return the field's example as YAML text."""
    example = spec.example
    if isinstance(example, bool):
        return "true" if example else "false"
    if example is None and isinstance(spec.item, Field):
        return example_text(spec.item) if spec.item.example is not None else "..."
    return "..." if example is None else str(example)


def example_hint(spec: Field) -> str:
    """Return a hint showing a correct value for the field."""
    return f"For example:\n  {spec.name}: {example_text(spec)}" if spec.example is not None else ""


def example_of(record: Record) -> str:
    """Return a hint listing a record's required keys with examples."""
    required = [f for f in record.fields if f.required]
    if not required:
        return ""
    return "For example:\n" + "\n".join(f"  {f.name}: {example_text(f)}" for f in required)
