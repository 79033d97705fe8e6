"""Selectors read loosely: every state a reader or a script sets taken as set, for matching built pages.

Dynamic pseudo-classes (:hover, :focus, :checked, ...) are dropped, pseudo-elements are taken as their
element, :not() and :has() as true, and a compound that could be an element a course script makes is cut
off, so that only its ancestors must match. `names_needed` says which names a page must hold for a
selector to have a chance, so that most selectors are never tried on most pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import tinycss2

# Pseudo-classes a reader's action, the browser or a script turns on and off: taken as always true.
DYNAMIC = frozenset(
    [
        "hover",
        "focus",
        "focus-visible",
        "focus-within",
        "active",
        "checked",
        "target",
        "target-within",
        "visited",
        "link",
        "any-link",
        "disabled",
        "enabled",
        "indeterminate",
        "placeholder-shown",
        "invalid",
        "valid",
        "required",
        "optional",
        "read-only",
        "read-write",
        "default",
        "autofill",
        "user-invalid",
        "user-valid",
        "popover-open",
        "modal",
        "fullscreen",
        "open",
        "closed",
        "empty",
        "defined",
        "playing",
        "paused",
        "current",
        "past",
        "future",
    ]
)
LEGACY_PSEUDO_ELEMENTS = frozenset({"before", "after", "first-line", "first-letter"})
DROPPED_FUNCTIONS = frozenset({"not", "has"})  # taken as true: keeps more, never less
NESTED_FUNCTIONS = frozenset({"is", "where", "matches", "-webkit-any", "-moz-any"})
NAME = re.compile(r"-*[A-Za-z_][\w-]*")
PALETTE_ATTRIBUTE = "data-md-color-"  # set on <body> from the palette inputs, matched by palettes()
ELEMENT = re.compile(r"[a-z][a-z0-9]{0,9}")  # a string that may name an element a script makes: el("li")
OPENING_TAG = re.compile(r"<([a-z][a-z0-9]*)\b")
FUNCTION_ARGUMENTS = re.compile(r"\([^()]*\)")
PSEUDO = re.compile(r"::?-*[A-Za-z_][\w-]*")
EXACT_VALUE = re.compile(r"""\[\s*-*[A-Za-z_][\w-]*\s*~?=\s*["']?([^"'\]\s]+)["']?\s*[iIsS]?\s*\]""")
ATTRIBUTE_SELECTOR = re.compile(r"\[\s*(-*[A-Za-z_][\w-]*)[^\]]*\]")  # [name="value"]: only the name counts


@dataclass(frozen=True)
class ScriptNames:
    """The names the course's scripts may give an element: class, attribute and element names, and prefixes."""

    names: frozenset[str]
    prefixes: tuple[str, ...]
    elements: frozenset[str]
    # The built pages' classes, given for critical.css's narrow reading: a class among them, or a compound
    # nothing narrows (`> :not(.a)`), is then taken as no script's.
    static_classes: frozenset[str] = frozenset()

    def sets(self, name: str) -> bool:
        """Say whether a script may set this attribute on an element."""
        return name in self.names or name.startswith(self.prefixes)

    def sets_class(self, name: str) -> bool:
        """Say whether a script may give an element this class that no built page gives any."""
        return self.sets(name) and name not in self.static_classes


def script_names(sources: Iterable[str]) -> ScriptNames:
    """Return every name written in a string of the scripts: what they may set (a superset, which keeps more)."""
    names: set[str] = set()
    sources_list = list(sources)
    for source in sources_list:
        for literal in re.findall(r"\"([^\"\n]*)\"|'([^'\n]*)'|`([^`]*)`", source):
            for text in literal:
                names.update(NAME.findall(text))
    prefixes = tuple(sorted(n for n in names if n.endswith("-") and len(n) > 3))
    elements = {n for n in names if ELEMENT.fullmatch(n)}
    elements |= {m.lower() for source in sources_list for m in OPENING_TAG.findall(source)}
    return ScriptNames(frozenset(n.lower() for n in names), prefixes, frozenset(elements))


def loosened(tokens: Sequence, scripts: ScriptNames) -> str:
    """Return a selector with every state taken as set, as text a selector engine reads ('' if unreadable).

    From the first compound that could be an element a script makes (its element and classes all named
    by the scripts, its classes on no built page, or, unless reading narrowly, nothing left to narrow it), the
    selector is cut: only its ancestors must match.
    """
    out: list[str] = []
    start = 0  # where the current compound begins in `out`
    element: str | None = None
    classes: list[str] = []

    def made_by_script() -> bool:
        if element is None and not classes:
            # Nothing left narrows it (`> :not(.a)` is `> *`): any element, one a script makes too.
            return not scripts.static_classes and len(out) == start
        named = element is None or element == "*" or element in scripts.elements
        return named and all(scripts.sets(c) and c not in scripts.static_classes for c in classes)

    i = 0
    while i < len(tokens):
        token = tokens[i]
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.type == "whitespace" or is_combinator(token):
            if made_by_script():
                return cut(out[:start])
            out.append(tinycss2.serialize([token]))
            start, element, classes = len(out), None, []
            i += 1
            continue
        if token.type == "literal" and token.value == ":":
            if following is not None and following.type == "literal" and following.value == ":":
                # a pseudo-element: drop it and the rest of its compound (::-webkit-scrollbar-thumb:hover)
                i += 2
                while i < len(tokens) and tokens[i].type != "whitespace" and not is_combinator(tokens[i]):
                    i += 1
                continue
            if following is not None and following.type == "ident":
                name = following.lower_value
                if name in DYNAMIC or name in LEGACY_PSEUDO_ELEMENTS or name.startswith(("-webkit-", "-moz-", "-ms-")):
                    i += 2
                    continue
                out.append(":" + following.value)
                i += 2
                continue
            if following is not None and following.type == "function":
                name = following.lower_name
                if name in DROPPED_FUNCTIONS:
                    i += 2
                    continue
                if name in NESTED_FUNCTIONS:
                    inner = ", ".join(loosened(part, scripts) or "*" for part in split_selectors(following.arguments))
                    out.append(f":is({inner})")
                    i += 2
                    continue
                out.append(":" + tinycss2.serialize([following]))
                i += 2
                continue
            return ""
        if token.type == "literal" and token.value == "." and following is not None and following.type == "ident":
            classes.append(following.lower_value)
            if not scripts.sets_class(following.lower_value):
                out.append("." + tinycss2.serialize([following]))
            i += 2
            continue
        if token.type == "[] block":
            attribute = next((t for t in token.content if t.type == "ident"), None)
            name = attribute.lower_value if attribute is not None else ""
            if name.startswith(PALETTE_ATTRIBUTE) or not scripts.sets(name):
                out.append(tinycss2.serialize([token]))
            i += 1
            continue
        if token.type == "ident" or (token.type == "literal" and token.value == "*"):
            element = token.lower_value if token.type == "ident" else "*"
        out.append(tinycss2.serialize([token]))
        i += 1
    if made_by_script():
        return cut(out[:start])
    return fill_empty_compounds("".join(out).strip())


def cut(left: list[str]) -> str:
    """Return the ancestors' part of a cut selector, without its last combinator ('*' when nothing is left)."""
    text = "".join(left).strip()
    return fill_empty_compounds(text.rstrip(">+~ ").strip()) if text.rstrip(">+~ ").strip() else "*"


def is_combinator(token) -> bool:
    """Say whether a token joins two compounds."""
    return token.type == "literal" and token.value in (">", "+", "~")


def fill_empty_compounds(selector: str) -> str:
    """Put `*` where loosening left a compound empty, so the selector still reads ('> .a' becomes '* > .a')."""
    selector = re.sub(r"\s+", " ", selector)
    selector = re.sub(r"(^|[>+~]\s*)(?=$|[>+~])", r"\1* ", selector)
    selector = re.sub(r"^\s*([>+~])", r"* \1", selector)
    selector = re.sub(r"([>+~])\s*$", r"\1 *", selector)
    return selector.strip() or "*"


def split_selectors(tokens: Sequence) -> list[list]:
    """Split a selector list's tokens at its top-level commas."""
    parts: list[list] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        elif token.type != "comment":
            parts[-1].append(token)
    return [strip_whitespace(part) for part in parts if strip_whitespace(part)]


def strip_whitespace(tokens: list) -> list:
    """Return the tokens without leading and trailing whitespace."""
    start, end = 0, len(tokens)
    while start < end and tokens[start].type == "whitespace":
        start += 1
    while end > start and tokens[end - 1].type == "whitespace":
        end -= 1
    return tokens[start:end]


def names_needed(selector: str) -> frozenset[str]:
    """Return the element, class, id and attribute names a page must hold for a selector to match it.

    Only names outside brackets of functions (:is(a, b) needs neither) count, with the value an attribute
    must equal or hold ([dir=rtl] needs `rtl`), and none from a selector with an escape; the words of a
    page's tags (`WORD`) hold every such name it has, so no match is ever skipped.
    """
    if "\\" in selector:
        return frozenset()
    outside = selector
    while "(" in outside:
        shorter = FUNCTION_ARGUMENTS.sub("", outside)
        if shorter == outside:
            return frozenset()
        outside = shorter
    values = {m.group(1).lower() for m in EXACT_VALUE.finditer(outside) if NAME.fullmatch(m.group(1))}
    outside = ATTRIBUTE_SELECTOR.sub(r" \1 ", PSEUDO.sub("", outside))
    return frozenset(name.lower() for name in NAME.findall(outside)) | values
