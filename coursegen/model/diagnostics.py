"""Diagnostics: `path:line:col: error: message`, with a hint and the offending source line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
NOTE = "note"  # worth knowing, never a failure, even with --strict


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in one file, at a 1-based line and column."""

    path: str
    line: int
    col: int
    severity: str
    message: str
    hint: str = ""

    def format(self, source: str | Sequence[str] | None = None) -> str:
        """Render the diagnostic as the author sees it, with the source line when known."""
        lines = [f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"]
        excerpt = source_excerpt(source, self.line, self.col)
        if excerpt:
            lines.extend(excerpt)
        if self.hint:
            lines.extend(
                f"  hint: {part}" if i == 0 else f"        {part}" for i, part in enumerate(self.hint.splitlines())
            )
        return "\n".join(lines)


def source_excerpt(source: str | Sequence[str] | None, line: int, col: int) -> list[str]:
    """Return the source line and a caret under the column, or nothing if unavailable.

    `source` is the file's text, or its lines already split (a report of many problems splits once).
    """
    if not source:
        return []
    source_lines = source.splitlines() if isinstance(source, str) else source
    if not 1 <= line <= len(source_lines):
        return []
    text = source_lines[line - 1].replace("\t", " ")
    if len(text) > 200:
        return []
    gutter = f"{line:>5} | "
    # A control character would garble the terminal (or vanish): show it as \xNN, the caret under its spot.
    shown = [f"\\x{ord(c):02x}" if is_control(c) else c for c in text]
    caret = sum(len(part) for part in shown[: col - 1])
    return [gutter + "".join(shown), " " * (len(gutter) - 2) + "| " + " " * caret + "^"]


def is_control(char: str) -> bool:
    """Tell whether a character is invisible on a terminal: C0 and C1 controls, DEL, and line separators."""
    point = ord(char)
    return point < 0x20 or 0x7F <= point <= 0x9F or point in (0x2028, 0x2029)


def error(path: str, line: int, col: int, message: str, hint: str = "") -> Diagnostic:
    """Make an error diagnostic."""
    return Diagnostic(path, line, col, ERROR, message, hint)


def warning(path: str, line: int, col: int, message: str, hint: str = "") -> Diagnostic:
    """Make a warning diagnostic."""
    return Diagnostic(path, line, col, WARNING, message, hint)


def note(path: str, line: int, col: int, message: str, hint: str = "") -> Diagnostic:
    """Make a note: something the author should know that is not wrong."""
    return Diagnostic(path, line, col, NOTE, message, hint)


def has_errors(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> bool:
    """Tell whether any diagnostic is an error."""
    return any(d.severity == ERROR for d in diagnostics)


def promote_warnings(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Turn warnings into errors, as `--strict` asks."""
    return [
        Diagnostic(d.path, d.line, d.col, ERROR, f"{d.message} [strict]", d.hint) if d.severity == WARNING else d
        for d in diagnostics
    ]


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int]:
    """Order diagnostics by file, then position."""
    return (diagnostic.path, diagnostic.line, diagnostic.col)
