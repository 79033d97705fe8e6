"""The final gate: every page and picture of a built site is read with a real parser before it is published.

However a page was made (a generated page, a hand-written one, a theme override, something the
engine did), the site is refused if it holds an event handler, an address that could run script, a
script that is neither the theme's nor the course engine's, or an SVG picture that could run script.
"""

from __future__ import annotations

from collections.abc import Iterable
from html.parser import HTMLParser
from xml.etree import ElementTree

from ..source.markup import unsafe_address

ADDRESS_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "data")
SCRIPT_FOLDERS = ("assets/javascripts/", "assets/coursegen/")  # Material's bundle and worker; ours
DATA_SCRIPTS = ("application/json",)  # data, not code: Material's config and our strings
REFUSED_TAGS = ("iframe", "object", "embed", "base")


class PageCheck(HTMLParser):
    """Collect what a page holds that could run script."""

    def __init__(self, page: str, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.base = base  # the path the site is served under ('/course/'), for addresses from the site's root
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.found += [f"<{tag} {name}=…>: an event handler" for name in values if name.startswith("on")]
        for name in ADDRESS_ATTRIBUTES:
            if name in values and unsafe_address(values[name]):
                self.found.append(f'<{tag} {name}="{shown(values[name])}">: an address that could run script')
        if tag in REFUSED_TAGS:
            self.found.append(f"<{tag}>: embeds another page or changes every address")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.found.append("<meta http-equiv=refresh>: sends readers elsewhere")
        if tag == "script" and not self.allowed_script(values):
            self.found.append(f"<script{' src=' + values['src'] if 'src' in values else ''}>: not the theme's or ours")

    def allowed_script(self, values: dict[str, str]) -> bool:
        """Tell whether a script is data, or a file of Material's or the engine's on this site."""
        if values.get("type", "").lower() in DATA_SCRIPTS:
            return True
        source = values.get("src", "")
        if source.startswith("/") and not source.startswith("//"):
            if not source.startswith(self.base):
                return False
            source = source.removeprefix(self.base)
        if not source or "//" in source or ":" in source:
            return False
        resolved = "/".join(part for part in source.split("/") if part not in ("..", "."))
        return resolved.startswith(SCRIPT_FOLDERS)


def shown(address: str) -> str:
    """Return the start of an address as text to print, with invisible characters written out."""
    return address[:60].encode("unicode_escape").decode("ascii")


def check_page(page: str, text: str, *, base: str = "/") -> list[str]:
    """Return what one HTML page holds that could run script."""
    check = PageCheck(page, base)
    check.feed(text)
    check.close()
    return check.found


def check_svg(data: bytes) -> list[str]:
    """Return what an SVG picture holds that could run script if it were opened on its own."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        return [f"cannot be read as SVG ({exc})"]
    found = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag in ("script", "foreignobject"):
            found.append(f"<{tag}>: could run script")
        if tag in ("set", "animate") and element.get("attributeName", "").lower().endswith("href"):
            found.append(f"<{tag} attributeName=href>: could change an address")
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                found.append(f"<{tag} {local}=…>: an event handler")
            elif local == "href" and unsafe_address(value):
                found.append(f'<{tag} href="{shown(value)}">: an address that could run script')
    return found


def check_site(files: Iterable[tuple[str, bytes]], *, base: str = "/") -> list[str]:
    """Return 'path: problem' for every page and picture of a built site that could run script.

    `base` is the path the site is served under, from its `site_url` ('/' when it has none).
    """
    problems = []
    for rel, data in files:
        if rel.endswith(".html"):
            found_here = check_page(rel, data.decode("utf-8", "replace"), base=base)
            problems += [f"{rel}: {found}" for found in found_here]
        elif rel.endswith(".svg"):
            problems += [f"{rel}: {found}" for found in check_svg(data)]
    return problems
