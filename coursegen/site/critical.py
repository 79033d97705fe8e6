"""The render-blocking stylesheet made of what the site uses: the rules that match an element of a built page.

A rule is kept when one of its selectors, read loosely, matches an element of some built page. Loosely:
the states a reader or a script sets are taken as set (:hover, :focus, :checked and the other dynamic
pseudo-classes; a class, attribute or element name that a script of the course names), pseudo-elements
are taken as their element, and :not() and :has() as true. So the kept rules are a superset of those the
page can use before Material's bundle starts: what is left out matches nothing a page holds or a course
script makes. At-rules keep their kept rules (@media, @supports) or are kept whole (@font-face,
@keyframes, @page). The order of the rules is kept, so the cascade is the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import tinycss2
from selectolax.lexbor import LexborHTMLParser

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
KEPT_WHOLE = frozenset({"font-face", "keyframes", "-webkit-keyframes", "page", "property", "counter-style"})
NESTED_RULES = frozenset({"media", "supports", "layer", "container"})
NAME = re.compile(r"-*[A-Za-z_][\w-]*")
CLASS_ATTRIBUTE = re.compile(r"""\sclass=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")
PALETTE_ATTRIBUTE = "data-md-color-"  # set on <body> from the palette inputs, matched by palettes()
VENDOR = re.compile(r":-(?:webkit|moz|ms|o)-")
VAR = re.compile(r"var\(\s*(--[\w-]+)")
ELEMENT = re.compile(r"[a-z][a-z0-9]{0,9}")  # a string that may name an element a script makes: el("li")
OPENING_TAG = re.compile(r"<([a-z][a-z0-9]*)\b")
WORD = re.compile(r"-*[a-z_][\w-]*")  # every name a page's tags hold is one of their words, read lower-case
TAG = re.compile(r"<[A-Za-z][^>]*")  # an opening tag: its element name and its attributes' names and values
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
    static_classes: frozenset[str] = frozenset()

    def sets(self, name: str) -> bool:
        """Say whether a script may set this attribute on an element."""
        return name in self.names or name.startswith(self.prefixes)

    def sets_class(self, name: str) -> bool:
        """Say whether a script may give an element this class that no built page gives any."""
        return self.sets(name) and name not in self.static_classes


def page_classes(pages: Iterable[str]) -> frozenset[str]:
    """Return every class an element of the pages holds."""
    found: set[str] = set()
    for html in pages:
        found.update(" ".join(" ".join(values) for values in CLASS_ATTRIBUTE.findall(html)).lower().split())
    return frozenset(found)


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
    by the scripts, its classes on no built page), the selector is cut: only its ancestors must match.
    """
    out: list[str] = []
    start = 0  # where the current compound begins in `out`
    element: str | None = None
    classes: list[str] = []

    def made_by_script() -> bool:
        if element is None and not classes:
            return False
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


def rule_selectors(stylesheet: str, scripts: ScriptNames) -> set[str]:
    """Return every loosened selector of a stylesheet's rules, at any depth of @media and @supports."""
    found: set[str] = set()
    for rule in style_rules(tinycss2.parse_stylesheet(stylesheet, skip_comments=True, skip_whitespace=True)):
        found.update(loosened(part, scripts) for part in split_selectors(rule.prelude))
    return found


def parsed_block(content: list) -> list:
    """Return the rules or declarations inside a block."""
    return tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True)


def style_rules(rules: Iterable) -> Iterable:
    """Yield the qualified rules, inside nested at-rules too."""
    for rule in rules:
        if rule.type == "qualified-rule":
            yield rule
        elif rule.type == "at-rule" and rule.lower_at_keyword in NESTED_RULES and rule.content is not None:
            yield from style_rules(
                tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
            )


def matched(selectors: Iterable[str], pages: Iterable[str]) -> frozenset[str]:
    """Return the selectors that match an element of some page, in any palette the reader may choose.

    md-start.js copies the chosen palette input's data-md-color-* attributes onto <body>, so each page is
    matched once per palette input too. An unreadable selector counts as matched.
    """
    left = set(selectors)
    found: set[str] = {s for s in left if not s}
    left -= found
    needs = {selector: names_needed(selector) for selector in left}
    vocabulary = frozenset().union(*needs.values())
    for html in pages:
        if not left:
            break
        # A selector is tried only on a page that holds every name it needs somewhere: most never are.
        present = vocabulary.intersection(WORD.findall(" ".join(TAG.findall(html)).lower()))
        tried = [s for s in left if needs[s] <= present]
        if not tried:
            continue
        tree = LexborHTMLParser(html)
        for variant, _ in enumerate(palettes(tree)):
            for selector in [s for s in tried if (not variant or PALETTE_ATTRIBUTE in s) and s in left]:
                try:
                    hit = tree.css_first(selector) is not None
                except Exception:  # an engine that cannot read it: keep the rule
                    hit = True
                if hit:
                    found.add(selector)
                    left.discard(selector)
    return frozenset(found)


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


def palettes(tree: LexborHTMLParser) -> Iterable[None]:
    """Set each palette a reader may choose on <body> in turn, as md-start.js does; the page as built first."""
    yield None
    body = tree.body
    if body is None:
        return
    for choice in tree.css("[data-md-component=palette] input"):
        for name, value in choice.attributes.items():
            if name.startswith(PALETTE_ATTRIBUTE) and value is not None:
                body.attrs[name] = value
        yield None


def pruned(stylesheet: str, scripts: ScriptNames, used: frozenset[str]) -> str:
    """Return the stylesheet with only the rules one of whose loosened selectors is in `used`.

    Custom properties no kept rule reads (directly or through another kept property) are left out too.
    """
    rules = list(
        kept_rules(tinycss2.parse_stylesheet(stylesheet, skip_comments=True, skip_whitespace=True), scripts, used)
    )
    read = properties_read(rules, scripts)
    return "".join(serialized(rule, read) for rule in rules)


def kept_rules(rules: Iterable, scripts: ScriptNames, used: frozenset[str]) -> Iterable:
    """Yield each kept rule, in order: (at-rule prelude text, kept inner rules) for a nested at-rule."""
    for rule in rules:
        if rule.type == "qualified-rule":
            parts = split_selectors(rule.prelude)
            hits = [part for part in parts if loosened(part, scripts) in used]
            if hits and (len(hits) == len(parts) or VENDOR.search(tinycss2.serialize(rule.prelude))):
                yield rule  # a list with a prefixed selector is dropped whole by a browser that does not know it
            elif hits:
                yield (",".join(tinycss2.serialize(h) for h in hits), rule)
        elif rule.type == "at-rule":
            if rule.lower_at_keyword in NESTED_RULES and rule.content is not None:
                inner = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
                kept = list(kept_rules(inner, scripts, used))
                if kept:
                    yield (f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", kept)
            else:
                yield rule


def declarations(rule) -> list:
    """Return a style rule's declarations."""
    return [
        d
        for d in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
        if d.type == "declaration"
    ]


def flat(rules: Iterable) -> Iterable:
    """Yield the style rules among kept rules, at any depth."""
    for rule in rules:
        if isinstance(rule, tuple) and not isinstance(rule[1], list):
            yield rule[1]
        elif isinstance(rule, tuple):
            yield from flat(rule[1])
        elif rule.type == "qualified-rule":
            yield rule


def properties_read(rules: list, scripts: ScriptNames) -> frozenset[str]:
    """Return the custom properties the kept rules read, through other custom properties too, or a script names."""
    values: dict[str, list[str]] = {}
    read: set[str] = {n for n in scripts.names if n.startswith("--")}
    for rule in flat(rules):
        for declaration in declarations(rule):
            refs = VAR.findall(tinycss2.serialize(declaration.value))
            if declaration.name.startswith("--"):
                values.setdefault(declaration.name, []).extend(refs)
            else:
                read.update(refs)
    for rule in rules:
        if not isinstance(rule, tuple) and rule.type == "at-rule":  # @keyframes, @font-face read them too
            read.update(VAR.findall(rule.serialize()))
    todo = list(read)
    while todo:
        for ref in values.get(todo.pop(), ()):
            if ref not in read:
                read.add(ref)
                todo.append(ref)
    return frozenset(read)


def serialized(rule, read: frozenset[str]) -> str:
    """Return a kept rule as text, without the custom properties nothing reads."""
    prelude = None
    if isinstance(rule, tuple) and isinstance(rule[1], list):
        prelude, inner = rule
        body = "".join(serialized(r, read) for r in inner)
        return f"{prelude}{{{body}}}" if body else ""
    if isinstance(rule, tuple):
        prelude, rule = rule
    if rule.type != "qualified-rule":
        return rule.serialize()
    kept = [d for d in declarations(rule) if not d.name.startswith("--") or d.name in read]
    if not kept:
        return ""
    body = ";".join(
        f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}" for d in kept
    )
    return f"{(prelude or tinycss2.serialize(rule.prelude)).strip()}{{{body}}}"


CRITICAL = "assets/coursegen/critical.css"  # the one stylesheet before the first paint, in a built MkDocs site
HELD = '<template id="cq-material">'  # Material's bundle waits in it (main.html); the full stylesheets join it
BLOCKING_LINK = re.compile(r'<link rel="stylesheet" href="([^"<>]*)">')


def blocking_links(html: str) -> list[tuple[str, str]]:
    """Return the (tag, href) of each stylesheet the page's <head> links, in order."""
    head = html.split("</head>", 1)[0]
    return [(m.group(0), m.group(1)) for m in BLOCKING_LINK.finditer(head)]


def site_path(href: str) -> str:
    """Return a stylesheet's path in the site from a page's link to it ('../../assets/x.css' -> 'assets/x.css')."""
    return "assets/" + href.rsplit("assets/", 1)[1] if "assets/" in href else ""


def with_critical(html: str) -> str:
    """Return the page linking only the critical stylesheet, with its full stylesheets held for md-start.js.

    md-start.js adds the held stylesheets, then starts Material's bundle once they have loaded, at the
    reader's first touch. A page with no held bundle (Zensical) or no stylesheet is returned as it was.
    """
    links = blocking_links(html)
    if HELD not in html or not links or not all(site_path(href) for _, href in links):
        return html
    first_tag, first_href = links[0]
    critical = f'<link rel="stylesheet" href="{first_href.rsplit("assets/", 1)[0]}{CRITICAL}">'
    head, rest = html.split("</head>", 1)
    for tag, _ in links:
        head = head.replace(tag, critical if tag == first_tag else "", 1)
    held = "".join(tag for tag, _ in links)
    return head + "</head>" + rest.replace(HELD, HELD + held, 1)


def critical_css(
    stylesheets: Sequence[str],
    *,
    classes: frozenset[str],
    match: Callable[[frozenset[str]], frozenset[str]],
    scripts: Iterable[str],
) -> str:
    """Return the rules of the stylesheets (in their order) that the pages or the scripts may use.

    `classes` are the built pages' (`page_classes`); `match` returns the selectors that match an element
    of some built page (`matched`, over all of them).
    """
    names = script_names(scripts)
    names = ScriptNames(names.names, names.prefixes, names.elements, classes)
    selectors = frozenset().union(*(rule_selectors(text, names) for text in stylesheets))
    used = match(selectors)
    return "".join(pruned(text, names, used) for text in stylesheets)
