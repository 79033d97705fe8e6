"""The building blocks of the course formats: a field of a record, and a record (schema.py uses them)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Field:
    """One key of a record: its name, kind, whether it is required, and what it means."""

    name: str
    kind: str  # text, markdown, slug, folder, int, bool, image, url, email, phone, time, color, enum, list, record
    doc: str
    required: bool = False
    example: object = None
    item: Field | Record | None = None  # for kind == "list"
    record: Record | None = None  # for kind == "record"
    choices: tuple[str, ...] = ()  # for kind == "enum"
    min_items: int = 0
    max_length: int = 0
    minimum: int = 0  # for kind == "int": the smallest whole number allowed
    maximum: int = 99_999  # for kind == "int": the largest


@dataclass(frozen=True)
class Record:
    """A mapping with a fixed set of keys."""

    name: str
    doc: str
    fields: tuple[Field, ...] = field(default_factory=tuple)

    def get(self, name: str) -> Field | None:
        """Return the field called `name`, or None."""
        return next((f for f in self.fields if f.name == name), None)
