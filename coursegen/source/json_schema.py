"""Publish the course formats as JSON Schema, for editors that validate YAML as it is typed."""

from __future__ import annotations

import json

from ..model.schema import FORMATS, QUESTION, QUESTION_TYPES, TYPE_KEYS, Field, Record
from .convert import CHECKS

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"
PATTERNS = {kind: regex.pattern for kind, (regex, _hint) in CHECKS.items()}


def record_schema(record: Record) -> dict:
    """Return the JSON Schema of a record: an object with exactly its keys."""
    if record is QUESTION:
        return question_schema()
    return {
        "type": "object",
        "description": record.doc,
        "properties": {f.name: field_schema(f) for f in record.fields},
        "required": [f.name for f in record.fields if f.required],
        "additionalProperties": False,
    }


def question_schema() -> dict:
    """Return the schema of a question: one branch per type, each allowing only the keys that type uses."""
    common = [f for f in QUESTION.fields if f.name not in TYPE_KEYS]
    branches = []
    for kind in QUESTION_TYPES.values():
        fields = [f for f in QUESTION.fields if f.name in kind.keys]
        properties = {f.name: field_schema(f) for f in common + fields}
        properties["type"] = {"const": kind.name, "description": kind.doc}
        branches.append(
            {
                "properties": properties,
                "required": [f.name for f in common if f.required] + sorted(kind.required),
                "additionalProperties": False,
            }
        )
    return {"type": "object", "description": QUESTION.doc, "oneOf": branches}


def field_schema(spec: Field) -> dict:
    """Return the JSON Schema of one field."""
    if spec.kind == "record":
        return record_schema(spec.record)
    schema: dict = {"description": spec.doc}
    if spec.kind == "list":
        item = spec.item
        schema |= {"type": "array", "items": record_schema(item) if isinstance(item, Record) else field_schema(item)}
        if spec.min_items:
            schema["minItems"] = spec.min_items
    elif spec.kind == "int":
        schema |= {"type": "integer", "minimum": spec.minimum, "maximum": spec.maximum}
    elif spec.kind == "bool":
        schema["type"] = "boolean"
    elif spec.kind == "enum":
        schema["enum"] = list(spec.choices)
    else:
        schema |= {"type": "string", "minLength": 1}
        if spec.kind in PATTERNS:
            schema["pattern"] = PATTERNS[spec.kind]
        if spec.max_length:
            schema["maxLength"] = spec.max_length
    if spec.example is not None and spec.kind not in ("list", "record"):
        schema["examples"] = [spec.example]
    return schema


def format_schema(name: str) -> dict:
    """Return the complete JSON Schema document of one course format."""
    record = FORMATS[name]
    return {"$schema": SCHEMA_URL, "$id": f"{name}.schema.json", "title": f"Course {name}"} | record_schema(record)


def schema_files() -> dict[str, str]:
    """Return every published schema file, keyed by its path in the project."""
    return {f"schema/{name}.schema.json": json.dumps(format_schema(name), indent=2) + "\n" for name in FORMATS}
