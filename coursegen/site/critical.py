"""The render-blocking stylesheet made of what the site uses: the rules that match an element of a built page.

Two stylesheets are made. critical.css, the one the pages link, holds the rules the pages and the course's
scripts may use; complete.css, which md-start.js loads at the reader's first touch before Material's bundle
starts, holds those and the rules for what the bundle and the other held scripts may make. The full
stylesheets are never fetched.

A rule is kept when one of its selectors, read loosely, matches an element of some built page. Loosely:
the states a reader or a script sets are taken as set (:hover, :focus, :checked and the other dynamic
pseudo-classes; a class, attribute or element name that one of the scripts names), pseudo-elements
are taken as their element, and :not() and :has() as true. So the kept rules are a superset of those the
pages can use: what is left out matches nothing a page holds or one of the scripts makes. At-rules keep
their kept rules (@media, @supports) or are kept whole (@font-face, @keyframes, @page). The order of the
rules is kept, so the cascade is the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

import tinycss2
from selectolax.lexbor import LexborHTMLParser

from .loose_selectors import PALETTE_ATTRIBUTE, ScriptNames, loosened, names_needed, script_names, split_selectors

NESTED_RULES = frozenset({"media", "supports", "layer", "container"})
CLASS_ATTRIBUTE = re.compile(r"""\sclass=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")
VENDOR = re.compile(r":-(?:webkit|moz|ms|o)-")
VAR = re.compile(r"var\(\s*(--[\w-]+)")
WORD = re.compile(r"-*[a-z_][\w-]*")  # every name a page's tags hold is one of their words, read lower-case
TAG = re.compile(r"<[A-Za-z][^>]*")  # an opening tag: its element name and its attributes' names and values


def page_classes(pages: Iterable[str]) -> frozenset[str]:
    """Return every class an element of the pages holds."""
    found: set[str] = set()
    for html in pages:
        found.update(" ".join(" ".join(values) for values in CLASS_ATTRIBUTE.findall(html)).lower().split())
    return frozenset(found)


def parsed(stylesheet: str) -> list:
    """Return a stylesheet's rules as tinycss2 reads them, without comments and whitespace."""
    return tinycss2.parse_stylesheet(stylesheet, skip_comments=True, skip_whitespace=True)


def rule_selectors(stylesheet: list, scripts: ScriptNames) -> set[str]:
    """Return every loosened selector of a parsed stylesheet's rules, at any depth of @media and @supports."""
    found: set[str] = set()
    for rule in style_rules(stylesheet):
        found.update(loosened(part, scripts) for part in split_selectors(rule.prelude))
    return found


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


def pruned(stylesheets: Sequence[list], scripts: ScriptNames, used: frozenset[str]) -> str:
    """Return the parsed stylesheets, in order, with only the rules one of whose loosened selectors is in `used`.

    Custom properties no kept rule of any of them reads (directly or through another kept property) are
    left out too: one stylesheet may declare what the next reads (Material's `--md-hue`, read by its palette).
    """
    kept = [list(kept_rules(rules, scripts, used)) for rules in stylesheets]
    read = properties_read([rule for rules in kept for rule in rules], scripts)
    return "".join(serialized(rule, read) for rules in kept for rule in rules)


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
COMPLETE = "assets/coursegen/complete.css"  # every rule the site may use, once Material's bundle runs
HELD = '<template id="cq-material">'  # Material's bundle waits in it (main.html); complete.css joins it
BLOCKING_LINK = re.compile(r'<link rel="stylesheet" href="([^"<>]*)">')
HELD_SCRIPT = re.compile(r'<script\b[^>]*\bsrc="([^"<>]*)"')


def blocking_links(html: str) -> list[tuple[str, str]]:
    """Return the (tag, href) of each stylesheet the page's <head> links, in order."""
    head = html.split("</head>", 1)[0]
    return [(m.group(0), m.group(1)) for m in BLOCKING_LINK.finditer(head)]


def held_scripts(html: str) -> list[str]:
    """Return the site paths of the scripts a page holds for the first touch: Material's bundle, any extra."""
    if HELD not in html:
        return []
    held = html.split(HELD, 1)[1].split("</template>", 1)[0]
    return [site_path(src) for src in HELD_SCRIPT.findall(held) if site_path(src)]


def site_path(href: str) -> str:
    """Return a stylesheet's path in the site from a page's link to it ('../../assets/x.css' -> 'assets/x.css')."""
    return "assets/" + href.rsplit("assets/", 1)[1] if "assets/" in href else ""


def with_critical(html: str) -> str:
    """Return the page linking only the critical stylesheet, with the complete one held for md-start.js.

    md-start.js adds the held stylesheet, then starts Material's bundle once it has loaded, at the reader's
    first touch. A page with no held bundle (Zensical) or no stylesheet is returned as it was.
    """
    links = blocking_links(html)
    if HELD not in html or not links or not all(site_path(href) for _, href in links):
        return html
    first_tag, first_href = links[0]
    root = first_href.rsplit("assets/", 1)[0]
    head, rest = html.split("</head>", 1)
    for tag, _ in links:
        head = head.replace(tag, f'<link rel="stylesheet" href="{root}{CRITICAL}">' if tag == first_tag else "", 1)
    return head + "</head>" + rest.replace(HELD, f'{HELD}<link rel="stylesheet" href="{root}{COMPLETE}">', 1)


def first_paint_stylesheets(
    stylesheets: Sequence[str],
    *,
    classes: frozenset[str],
    match: Callable[[frozenset[str]], frozenset[str]],
    scripts: Iterable[str],
    held: Iterable[str],
) -> tuple[str, str]:
    """Return critical.css and complete.css: the rules of the stylesheets (in their order) that may be used.

    critical.css: by the pages or the course's `scripts`; complete.css: by those or the `held` scripts
    (Material's bundle). `classes` are the built pages' (`page_classes`); `match` returns the selectors
    that match an element of some built page (`matched`, over all of them). critical.css reads narrowly: a
    class a built page holds, or a compound nothing narrows (`> :not(.a)`), is taken as no script's, so
    `.md-typeset h1` must match a page as written. It stays small, and the pages were compared with it pixel
    for pixel. complete.css does not: a script may make such an element anywhere (search.js makes
    `.md-search-result .md-typeset h1`; program.js fills `.cq-prescribed > :not(.cq-for)`).
    """
    ours = list(scripts)
    names = [replace(script_names(ours), static_classes=classes), script_names([*ours, *held])]
    rules = [parsed(text) for text in stylesheets]
    selectors = frozenset().union(*(rule_selectors(sheet, n) for sheet in rules for n in names))
    used = match(selectors)
    critical, complete = (pruned(rules, n, used) for n in names)
    return critical, complete
