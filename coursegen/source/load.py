"""Load YAML safely into a node tree that keeps the line and column of every value.

Nothing here constructs Python objects from tags: the composer builds plain nodes, and each file's module
turns them into the typed model. So `!!python/object` cannot run, and aliases are refused before
they can expand.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import yaml

from ..model.diagnostics import Diagnostic, error

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's C parser when present: same nodes, faster
MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 50
STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)


@dataclass(frozen=True)
class Loaded:
    """A parsed file: its text (for excerpts), and its root node or None when it could not be read."""

    path: str
    text: str
    node: yaml.Node | None
    diagnostics: tuple[Diagnostic, ...]


def too_big(path: str, size: int) -> Loaded:
    """Refuse a file over the size limit, naming its size."""
    message = f"file is {size / 1_000_000:.1f} MB; course files must be under 1 MB"
    problem = error(path, 1, 1, message, "Split it into smaller files, or remove pasted data.")
    return Loaded(path, "", None, (problem,))


def load(data: bytes, *, path: str, extra_tags: frozenset[str] = frozenset()) -> Loaded:
    """Decode and parse one YAML file, reporting every problem as a diagnostic."""
    if len(data) > MAX_FILE_BYTES:
        return too_big(path, len(data))
    text, problem = decode(data, path=path)
    if problem:
        return Loaded(path, "", None, (problem,))
    node, problems = parse(text, path=path, extra_tags=extra_tags)
    return Loaded(path, text, node, tuple(problems))


def decode(data: bytes, *, path: str) -> tuple[str, Diagnostic | None]:
    """Decode UTF-8 text, dropping a UTF-8 byte-order mark, or explain what is wrong."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "", error(
            path,
            1,
            1,
            "file is saved as UTF-16; course files must be UTF-8",
            "In your editor, choose 'Save with encoding' and pick UTF-8.",
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return "", error(
            path,
            line,
            col,
            f"byte 0x{data[exc.start]:02x} is not valid UTF-8 text",
            "Save the file as UTF-8, and retype any character that shows as garbage here.",
        )


def parse(
    text: str, *, path: str, extra_tags: frozenset[str] = frozenset()
) -> tuple[yaml.Node | None, list[Diagnostic]]:
    """Compose YAML text into nodes, then check for aliases, unknown tags and excessive depth."""
    if "\0" in text:
        line = text[: text.index("\0")].count("\n") + 1
        return None, [error(path, line, 1, "file contains a NUL byte; is it really a text file?")]
    try:
        node = yaml.compose(text, Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        return None, [syntax_error(exc, path=path, text=text)]
    except yaml.YAMLError as exc:
        return None, [error(path, 1, 1, f"could not read YAML: {exc}")]
    except RecursionError:
        return None, [error(path, 1, 1, f"the YAML is nested too deeply (more than {MAX_DEPTH} levels)")]
    if node is None:
        return None, [
            error(
                path,
                1,
                1,
                "file is empty (it holds no keys)",
                "Start from a working file: coursegen new lesson my-lesson",
            )
        ]
    return node, check_nodes(node, path=path, allowed_tags=STANDARD_TAGS | extra_tags)


def check_nodes(root: yaml.Node, *, path: str, allowed_tags: frozenset[str] = STANDARD_TAGS) -> list[Diagnostic]:
    """Refuse aliases, non-standard tags and nesting deeper than MAX_DEPTH, walking without recursion."""
    problems: list[Diagnostic] = []
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        line, col = position(node)
        if id(node) in seen:
            return [
                *problems,
                error(
                    path,
                    line,
                    col,
                    "anchors and aliases (& and *) are not supported",
                    "Write the value out in full each time it is needed.",
                ),
            ]
        seen.add(id(node))
        if depth > MAX_DEPTH:
            return [*problems, error(path, line, col, f"the YAML is nested too deeply (more than {MAX_DEPTH} levels)")]
        if node.tag not in allowed_tags:
            problems.append(
                error(
                    path,
                    line,
                    col,
                    f"the tag '{node.tag}' is not allowed",
                    "Remove the tag (the part starting with !); plain values are enough.",
                )
            )
            continue
        stack.extend((child, depth + 1) for child in children(node))
    return problems


def children(node: yaml.Node) -> list[yaml.Node]:
    """Return the direct child nodes of a mapping or sequence node."""
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def position(node: yaml.Node) -> tuple[int, int]:
    """Return the 1-based line and column where a node starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def syntax_error(exc: yaml.MarkedYAMLError, *, path: str, text: str) -> Diagnostic:
    """Turn a PyYAML error into a diagnostic with a hint for the usual causes."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    hint = syntax_hint(problem, text=text, line=line)
    return error(path, line, col, f"YAML syntax: {problem}", hint)


def syntax_hint(problem: str, *, text: str, line: int) -> str:
    """Suggest a fix for a YAML syntax problem."""
    source_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    if "\t" in problem or "\t" in source_line[: len(source_line) - len(source_line.lstrip())]:
        return "YAML does not allow tabs for indentation: indent with spaces."
    if "mapping values are not allowed" in problem and indented_more_than_previous(text, line=line):
        return "This line is indented more than the line above. Keys at the same level must line up."
    if "mapping values are not allowed" in problem:
        return "A value contains ': '. Put the whole value in quotes:\n  title: \"Why: the short answer\""
    if "could not find expected ':'" in problem or "simple key" in problem:
        return "Each line of a mapping needs 'key: value'. Check the line above for a missing ':' or quote."
    if "found character" in problem:
        return "A value starts with a special character (such as @, ` or %). Put the value in quotes."
    if "found undefined alias" in problem or "anchor" in problem:
        return "Anchors and aliases (& and *) are not supported; a value starting with * must be quoted."
    opened = unclosed_quote(text, before=line)
    if opened:
        return f"Line {opened} opens a quote that is never closed. Close it on the same line."
    return "Check the indentation and quoting near this line."


def indented_more_than_previous(text: str, *, line: int) -> bool:
    """Tell whether a line starts further right than the nearest non-blank line above it."""
    lines = text.splitlines()
    if not 1 < line <= len(lines):
        return False
    above = next((x for x in reversed(lines[: line - 1]) if x.strip()), "")
    indent = len(lines[line - 1]) - len(lines[line - 1].lstrip())
    return indent > len(above) - len(above.lstrip()) and not above.rstrip().endswith(":")


def unclosed_quote(text: str, *, before: int) -> int:
    """Return the number of the first line up to `before` whose value opens a quote it never closes, or 0."""
    for number, line in enumerate(text.splitlines()[:before], 1):
        value = line.split(": ", 1)[1].strip() if ": " in line else line.strip().removeprefix("- ")
        if value[:1] in "\"'" and value and (len(value) == 1 or value[-1] != value[0]):
            return number
    return 0


def setting_line(node: yaml.Node, *keys: str | int) -> tuple[int, int]:
    """Return the position of a nested setting (a key, or an index in a list), or of its nearest parent."""
    found = (1, 1)
    for key in keys:
        if isinstance(key, int):
            items = node.value if isinstance(node, yaml.SequenceNode) else []
            node = items[key] if key < len(items) else None
        else:
            node = mapping_of(node).get(key)
        if node is None:
            break
        found = position(node)
    return found


def mapping_of(node: yaml.Node | None) -> dict[str, yaml.Node]:
    """Return a mapping node's values by key, or nothing for any other node."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
