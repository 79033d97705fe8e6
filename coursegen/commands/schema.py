"""`schema`: write the JSON Schema files and the field tables of AUTHORING.md from the format's definitions."""

from __future__ import annotations

from pathlib import Path

from ..output.write import write_atomic
from ..source.guide import update_guide
from ..source.json_schema import schema_files
from .outcome import Outcome


def write_schema(project: Path) -> Outcome:
    """Write the JSON Schema files in schema/ and the field tables of AUTHORING.md, if they changed."""
    files = dict(schema_files())
    guide = project / "AUTHORING.md"
    files["AUTHORING.md"] = update_guide(guide.read_text(encoding="utf-8") if guide.exists() else "")
    for rel, text in files.items():
        if not (project / rel).exists() or (project / rel).read_text(encoding="utf-8") != text:
            write_atomic(project / rel, text)
    return Outcome(True, message="Wrote schema/*.schema.json and the field tables in AUTHORING.md.")
