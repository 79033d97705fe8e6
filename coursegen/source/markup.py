"""Author text on its way to the page: plain text escaped, Markdown kept but made safe, links checked.

Links are checked in what Python-Markdown makes of the text, with the extensions a course uses, and
not by reading the raw text: a link split over lines, a reference defined inside a list or a tab, or a
scheme broken up by control characters is found all the same.
"""

from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import markdown as python_markdown

MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
ORDINARY_SPACE = re.compile(r"[ \t\r\n\f\v]+")
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
EXTENSIONS = ["admonition", "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed", "toc", "tables"]
URL_NOISE = re.compile(r"[\t\n\r]")  # browsers drop these anywhere in an address
URL_EDGE = "".join(chr(c) for c in range(0x21))  # and these at its ends
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def plain(text: str) -> str:
    """Escape plain author text for Markdown: no HTML, no Markdown syntax."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(collapse_spaces(text), quote=False))


def collapse_spaces(text: str) -> str:
    """Fold runs of ordinary white space into one space; keep no-break spaces, which French typography needs."""
    return ORDINARY_SPACE.sub(" ", text).strip(" ")


def markdown(text: str) -> str:
    """Make author Markdown safe to publish: raw HTML shows as text. Links are checked by `unsafe_links`."""
    return text.replace("&", "&amp;").replace("<", "&lt;").strip()


def scheme_of(address: str) -> str:
    """Return the scheme a browser would read in an address ('' for a relative one), lower-cased."""
    cleaned = URL_NOISE.sub("", address).strip(URL_EDGE)
    found = SCHEME.match(cleaned)
    return found.group(1).lower() if found else ""


def unsafe_address(address: str) -> bool:
    """Tell whether an address would do anything but open a page, a mail or a call."""
    scheme = scheme_of(address)
    return bool(scheme) and scheme not in SAFE_SCHEMES


class Addresses(HTMLParser):
    """Collect every address in a piece of HTML: links, images, forms and their buttons."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value or "" for name, value in attrs if name in ("href", "src", "action", "formaction")]


@functools.cache
def converter() -> python_markdown.Markdown:
    """Return one Markdown converter with the extensions a course's pages use."""
    import markdown as python_markdown  # here, not at the top: a course whose text has no link never needs it

    return python_markdown.Markdown(extensions=EXTENSIONS)


def unsafe_links(text: str) -> list[str]:
    """Return the addresses in author Markdown, as the page would have them, that could run script."""
    if ":" not in text or "[" not in text:
        # Every scheme ends in a colon, and every link, image or reference definition opens with a bracket:
        # with raw HTML and autolinks escaped ('<'), and entities too ('&'), nothing else can make an address,
        # and no entity can write a colon or a bracket. So the converter is built only for text that has both.
        return []
    md = converter()
    md.reset()
    parser = Addresses()
    parser.feed(md.convert(markdown(text)))
    return [address for address in parser.found if unsafe_address(address)]
