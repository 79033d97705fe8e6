"""What a command did, told to the author: every diagnostic with its source line, a count, then one message."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.diagnostics import Diagnostic

NOT_WRITTEN = "Nothing was written. Fix the errors above, then run the build again."


@dataclass(frozen=True)
class Outcome:
    """What a command did: whether it succeeded, every diagnostic with its file's text, and what to tell the author."""

    ok: bool
    diagnostics: tuple[Diagnostic, ...] = ()
    texts: dict[str, str] = field(default_factory=dict)
    message: str = ""
    detail: str = ""  # the engine's own output, when it failed

    def report(self) -> str:
        """Return every diagnostic with its source line and hint, then a count, then the final message."""
        split = {path: text.splitlines() for path, text in self.texts.items()}
        lines = [d.format(split.get(d.path)) for d in self.diagnostics]
        errors = sum(d.severity == "error" for d in self.diagnostics)
        warnings = sum(d.severity == "warning" for d in self.diagnostics)
        if errors or warnings:
            files = len({d.path for d in self.diagnostics if d.severity != "note"})
            lines.append(f"{plural(errors, 'error')} and {plural(warnings, 'warning')} in {plural(files, 'file')}.")
        if self.detail:
            lines.append(self.detail.rstrip())
        if self.message:
            lines.append(self.message)
        return "\n".join(lines)


def plural(count: int, word: str) -> str:
    """Return '1 error' or '2 errors' (and '2 quizzes')."""
    return f"{count} {word}" if count == 1 else f"{count} {word}{'zes' if word.endswith('z') else 's'}"
