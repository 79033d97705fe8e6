"""The course's words: the catalogue of its language, and the single strings it overrides under `extra.strings`."""

from __future__ import annotations

from collections.abc import Mapping

import yaml

from ..model.diagnostics import Diagnostic, error, note
from ..model.strings import PLURAL_CATEGORIES, Entry, placeholders
from .convert import CONTROL, Converted, did_you_mean
from .load import position


def read_overrides(node: yaml.Node | None, english: Mapping[str, Entry], out: Converted) -> dict[str, Entry]:
    """Check `extra.strings`, the course's own words for single catalogue keys, and return them."""
    if node is None:
        return {}
    out.positions[("extra", "strings")] = position(node)
    if not isinstance(node, yaml.MappingNode):
        out.error(
            ("extra", "strings"),
            "'strings' should be a mapping of catalogue keys to words",
            "For example:\n  strings:\n    book: Book a class",
        )
        return {}
    found: dict[str, Entry] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        where = ("extra", "strings", key)
        out.positions[where] = position(key_node)
        if key not in english:
            out.error(
                where,
                f"unknown string '{key}'{did_you_mean(key, english)}",
                "The keys are those of the English catalogue (AUTHORING.md, Another language).",
            )
            continue
        entry = override_entry(value_node, english[key], out, where)
        if entry is not None:
            found[key] = entry
    return found


def override_entry(node: yaml.Node, english: Entry, out: Converted, where: tuple) -> Entry | None:
    """Return one overriding string, checked to have the shape and placeholders of the English one."""
    if isinstance(node, yaml.ScalarNode) and node.value.strip() and not node.tag.endswith((":null", ":bool")):
        entry: Entry = node.value
    elif isinstance(node, yaml.MappingNode) and not isinstance(english, str):
        entry = {str(k.value): str(v.value) for k, v in node.value if isinstance(v, yaml.ScalarNode)}
        unknown = sorted(set(entry) - set(PLURAL_CATEGORIES))
        if unknown or "other" not in entry:
            out.error(
                where,
                f"a plural string needs the form 'other', and only {', '.join(PLURAL_CATEGORIES)}",
                f"For example:\n  one: {english.get('one', english['other'])}\n  other: {english['other']}",
            )
            return None
    else:
        shape = "text" if isinstance(english, str) else "a mapping of plural forms (one, other)"
        out.error(where, f"this string should be {shape}", f"English has: {english}")
        return None
    texts = [entry] if isinstance(entry, str) else list(entry.values())
    invisible = next((CONTROL.search(text) for text in texts if CONTROL.search(text)), None)
    if invisible:
        out.error(
            where,
            f"this string holds an invisible control character (U+{ord(invisible.group()):04X})",
            "Text pasted from a PDF or a word processor can carry one. Retype the text around it, or delete it.",
        )
        return None
    extra_names = placeholders(entry) - placeholders(english)
    if extra_names:
        out.error(
            where,
            f"unknown placeholder {{{sorted(extra_names)[0]}}}",
            "It may use: "
            + (", ".join("{" + n + "}" for n in sorted(placeholders(english))) or "no placeholders")
            + ".",
        )
        return None
    return entry


def no_catalogue(path: str, node: yaml.Node | None, language: str, catalogues: Mapping) -> Diagnostic:
    """Say once that a language has no catalogue, so the course's own words are in English."""
    line, column = position(node) if node is not None else (1, 1)
    return note(
        path,
        line,
        column,
        f"no strings catalogue for language '{language}'; the course's own words will be in English",
        "Catalogues: "
        + ", ".join(sorted(catalogues))
        + ". Translate single strings under extra.strings, or add a catalogue (AUTHORING.md, Another language).",
    )


def unknown_language(path: str, node: yaml.Node | None, language: str, known: frozenset[str]) -> Diagnostic:
    """Refuse a theme.language that Material has no words for: its templates would fail to build."""
    line, column = position(node) if node is not None else (1, 1)
    return error(
        path,
        line,
        column,
        f"theme.language {language[:40]!r} is not a language the theme knows",
        "Use a language code such as en, fr, de, es, pt-BR (" + str(len(known)) + " are known), or en for English.",
    )
