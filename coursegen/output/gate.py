"""The final gate: every file of a built site that a browser would run or render is read as a browser reads it.

However a page was made (a generated page, a hand-written one, a theme override, something the
engine did), the site is refused if it holds an event handler, an address that could run script, a
script file that is not one of Material's, Zensical's or the course engine's by its exact content (or
one the course chose to publish), a picture or resource fetched from another site, an SVG picture
that could run script, a page in a form the gate cannot read as a browser does, or a file of the
course's private `overrides/` folder.

Pages are parsed with html5lib, which follows the WHATWG parsing rules browsers use; every start tag
its tokenizer sees is checked too, even one the tree builder drops, so a newer browser that keeps it
is covered.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from xml.etree.ElementTree import Element

import html5lib
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_xml
from html5lib import _tokenizer
from html5lib.constants import tokenTypes

from ..source.markup import unsafe_address

PAGE_EXTENSIONS = (".html", ".htm", ".shtml")  # what web servers send as text/html
XML_PAGE_EXTENSIONS = (".svg",)  # image/svg+xml: a document of its own when opened
XML_EXTENSIONS = (".xml",)  # text/xml: a browser renders XHTML or SVG elements in it
UNREAD_EXTENSIONS = (".xhtml", ".xht", ".svgz", ".mht", ".mhtml", ".xsl", ".xslt")  # pages the gate does not read
SCRIPT_EXTENSIONS = (".js", ".mjs")
ADDRESS_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data")
RESOURCE_ATTRIBUTES = ("src", "poster", "srcset", "background")  # addresses a browser fetches on its own
FETCHED_LINKS = frozenset(
    {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}
)
DATA_SCRIPTS = ("application/json",)  # data, not code: Material's config and our strings
REFUSED_TAGS = ("iframe", "frame", "frameset", "object", "embed", "base", "portal", "fencedframe")
FOREIGN_NAMESPACES = (
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1998/Math/MathML",
)
CSS_FETCH = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"]?)\s*(?:https?:|//|\\\\)", re.I)


@dataclass(frozen=True)
class Trusted:
    """What the gate lets through: script files by their SHA-256, and the course's private files by path and hash."""

    scripts: frozenset[str] = frozenset()
    private: frozenset[str] = frozenset()  # SHA-256 of every file under overrides/


def sha256(data: bytes) -> str:
    """Return the hex SHA-256 of some bytes."""
    return hashlib.sha256(data).hexdigest()


def shown(address: str) -> str:
    """Return the start of an address as text to print, with invisible characters written out."""
    return address[:60].encode("unicode_escape").decode("ascii")


def local(name: str) -> str:
    """Return a tag or attribute name without its namespace or prefix, in lower case."""
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def fetched_elsewhere(address: str) -> bool:
    """Tell whether a browser would fetch an address from another site (http:, https: or //host)."""
    value = address.strip().lower()
    return value.startswith(("http:", "https:", "//", "\\\\", "/\\", "\\/"))


class RecordingTokenizer(_tokenizer.HTMLTokenizer):
    """html5lib's tokenizer, keeping every start tag it hands the tree builder."""

    def emitCurrentToken(self) -> None:
        """Emit a token as html5lib does, noting it if it is a start tag."""
        token = self.currentToken
        super().emitCurrentToken()
        if token["type"] in (tokenTypes["StartTag"], tokenTypes["EmptyTag"]):
            self.parser.start_tags.append((token["name"], token["data"]))


class RecordingParser(html5lib.HTMLParser):
    """html5lib's parser, keeping every start tag; scripting off, so what <noscript> holds is read as markup too."""

    def _parse(self, stream, innerHTML=False, container="div", scripting=False, **kwargs) -> None:
        """Parse as html5lib does, with the recording tokenizer."""
        self.start_tags: list[tuple[str, dict]] = []
        self.innerHTMLMode = innerHTML
        self.container = container
        self.scripting = scripting
        self.tokenizer = RecordingTokenizer(stream, parser=self, **kwargs)
        self.reset()
        try:
            self.mainLoop()
        except html5lib.html5parser._ReparseException:  # as html5lib's own _parse does
            self.reset()
            self.mainLoop()


def element_problems(tag: str, attributes: Mapping[str, str]) -> list[str]:
    """Return what one element (or start tag) holds that could run script or fetch from another site."""
    values = {local(name): value or "" for name, value in attributes.items()}
    found = [f"<{tag} {name}=…>: an event handler" for name in values if name.startswith("on")]
    for name in ADDRESS_ATTRIBUTES:
        if name in values and unsafe_address(values[name]):
            found.append(f'<{tag} {name}="{shown(values[name])}">: an address that could run script')
    found += fetched_problems(tag, values)
    if tag in REFUSED_TAGS:
        found.append(f"<{tag}>: embeds another page or changes every address")
    if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
        found.append("<meta http-equiv=refresh>: sends readers elsewhere")
    if tag in ("set", "animate") and local(values.get("attributename", "")).endswith("href"):
        found.append(f"<{tag} attributeName=href>: could change an address")
    return found


def fetched_problems(tag: str, values: Mapping[str, str]) -> list[str]:
    """Return the resources of an element that a browser would fetch from another site."""
    found = []
    for name in RESOURCE_ATTRIBUTES:
        addresses = [part.strip().split(" ")[0] for part in values.get(name, "").split(",")] if name == "srcset" else []
        for address in addresses or ([values[name]] if name in values else []):
            if fetched_elsewhere(address):
                found.append(f'<{tag} {name}="{shown(address)}">: fetched from another site')
    fetched_link = tag == "link" and FETCHED_LINKS & set(values.get("rel", "").lower().split())
    if (fetched_link or tag in ("image", "use", "feimage")) and fetched_elsewhere(values.get("href", "")):
        found.append(f'<{tag} href="{shown(values["href"])}">: fetched from another site')
    if CSS_FETCH.search(values.get("style", "")):
        found.append(f"<{tag} style=…>: a stylesheet address that fetches from another site")
    return found


def check_page(page: str, text: str, *, base: str = "/") -> list[str]:
    """Return what one HTML page holds that could run script or fetch from another site, read as a browser does."""
    parser = RecordingParser(namespaceHTMLElements=False)
    tree = parser.parse(text)
    found = [problem for tag, attributes in parser.start_tags for problem in element_problems(tag, attributes)]
    scripts = [element for element in tree.iter() if isinstance(element.tag, str) and local(element.tag) == "script"]
    if len(scripts) != sum(tag == "script" for tag, _ in parser.start_tags):
        found.append("<script>: a script tag the parser set aside, which another browser may run")
    found += [problem for script in scripts for problem in script_problems(page, script, base=base)]
    for style in (e for e in tree.iter() if isinstance(e.tag, str) and local(e.tag) == "style"):
        if CSS_FETCH.search(style.text or ""):
            found.append("<style>: a stylesheet address that fetches from another site")
    return list(dict.fromkeys(found))


def script_problems(page: str, script: Element, *, base: str) -> list[str]:
    """Refuse a script that is neither data nor a file of this site (whose content the site check then trusts)."""
    values = {local(name): value for name, value in script.attrib.items()}
    if values.get("type", "").strip().lower() in DATA_SCRIPTS and "src" not in values:
        return []
    source = values.get("src", "")
    shown_tag = f"<script{' src=' + shown(source) if source else ''}>"
    if script.tag != "script" or (script.text or "").strip() or site_path(page, source, base=base) is None:
        return [f"{shown_tag}: not a file of this site's theme or engine"]
    return []


def site_path(page: str, source: str, *, base: str) -> str | None:
    """Return the path in the site of a same-site script address, or None for any other address."""
    address = source.split("#", 1)[0].split("?", 1)[0]
    if not address or "\\" in address or address.startswith("//") or ":" in address.split("/", 1)[0]:
        return None
    if address.startswith("/"):
        if not address.startswith(base):
            return None
        resolved = posixpath.normpath(address.removeprefix(base))
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), address))
    return None if resolved.startswith("..") else resolved


def check_svg(data: bytes) -> list[str]:
    """Return what an SVG picture holds that could run script if it were opened on its own."""
    try:
        root = parse_xml(data, forbid_dtd=True)
    except (DefusedXmlException, SyntaxError, ValueError) as exc:
        return [f"cannot be read as a plain SVG picture ({exc})"]
    found = []
    for element in root.iter():
        tag = local(element.tag)
        if tag in ("script", "foreignobject") or element.tag.startswith("{http://www.w3.org/1999/xhtml}"):
            found.append(f"<{tag}>: could run script")
        found += element_problems(tag, element.attrib)
    return list(dict.fromkeys(found))


def check_xml(data: bytes) -> list[str]:
    """Return why an XML file could show a page that runs script: XHTML, SVG or MathML in it, or a stylesheet."""
    if b"<?xml-stylesheet" in data:
        return ["<?xml-stylesheet?>: would turn the file into a page"]
    try:
        root = parse_xml(data, forbid_dtd=True)
    except (DefusedXmlException, SyntaxError, ValueError) as exc:
        return [f"cannot be read as plain XML ({exc})"]
    if any(element.tag.startswith(tuple("{" + n + "}" for n in FOREIGN_NAMESPACES)) for element in root.iter()):
        return ["XHTML, SVG or MathML in an XML file: a browser would show it as a page"]
    return []


def check_file(rel: str, data: bytes, *, base: str, trusted: Trusted) -> list[str]:
    """Return what one file of the site holds that could run script in a reader's browser."""
    name = rel.lower()
    if name.endswith(PAGE_EXTENSIONS):
        return check_page(rel, data.decode("utf-8", "replace"), base=base)
    if name.endswith(XML_PAGE_EXTENSIONS):
        return check_svg(data)
    if name.endswith(XML_EXTENSIONS):
        return check_xml(data)
    if name.endswith(UNREAD_EXTENSIONS):
        return ["a page served as XHTML, SVG or XSLT that the gate does not read; write it as .html or .svg"]
    if name.endswith(".css") and CSS_FETCH.search(data.decode("utf-8", "replace")):
        return ["a stylesheet that fetches from another site"]
    if name.endswith(SCRIPT_EXTENSIONS) and sha256(data) not in trusted.scripts:
        return ["a script that is not Material's, Zensical's or the course engine's (see extra_javascript)"]
    return []


def check_site(files: Iterable[tuple[str, bytes]], *, base: str = "/", trusted: Trusted | None = None) -> list[str]:
    """Return 'path: problem' for every file of a built site that could run script or is private.

    `base` is the path the site is served under, from its `site_url` ('/' when it has none).
    """
    trusted = trusted or Trusted()
    problems = []
    for rel, data in files:
        if data and sha256(data) in trusted.private:
            problems.append(f"{rel}: a file of overrides/, which is the theme's and never published")
            continue
        problems += [f"{rel}: {found}" for found in check_file(rel, data, base=base, trusted=trusted)]
    return problems
