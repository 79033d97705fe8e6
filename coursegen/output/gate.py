"""The final gate: every file of a built site that a browser would run or render is read as a browser reads it.

However a page was made (a generated page, a hand-written one, a theme override, something the
engine did), the site is refused if it holds an event handler, an address that could run script, a
script file that is not one of Material's, Zensical's or the course engine's by its exact content (or
one the course chose to publish), a picture or resource fetched from another site, an SVG picture
that could run script, a page in a form the gate cannot read as a browser does, or a file of the
course's private `overrides/` folder.

Pages are read by the WHATWG parsing rules browsers use. Lexbor (through selectolax, in C) reads a page
first; when every start tag in the page's text is an element of its tree, its reading is the answer.
Otherwise (a tag dropped, moved or made up by the tree builder, as in a table, a template, a repeated
`<body>` or a stray `</p>`), html5lib reads it again, and every start tag its tokenizer sees is checked,
even one the tree builder drops, so a newer browser that keeps it is covered.
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import html5lib
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_xml
from html5lib import _tokenizer
from html5lib.constants import tokenTypes
from selectolax.lexbor import LexborHTMLParser, LexborNode

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
START_TAG = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)")  # what a tokenizer reads as a start tag, in its data state
ONE_OF_EACH = ("html", "head", "body")  # a second one merges into the first, so the quick reading needs one of each
# Start tags a tree builder drops, moves or makes up, and <select>, whose parsing the standard changed in 2025:
# html5lib reads a page with any of them.
MOVED_OR_MADE = frozenset(
    {"caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr", "table", "frameset", "select"}
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


def element_problems(tag: str, attributes: Mapping[str, str | None]) -> tuple[str, ...]:
    """Return what one element (or start tag) holds that could run script or fetch from another site."""
    return tag_problems(tag, tuple(attributes.items()))


@functools.lru_cache(maxsize=1 << 16)  # a site repeats a few thousand kinds of element over and over
def tag_problems(tag: str, attributes: tuple[tuple[str, str | None], ...]) -> tuple[str, ...]:
    """Return what a tag with these attributes, in this order, holds that could run script or fetch from elsewhere."""
    values = {local(name): value or "" for name, value in attributes}
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
    return tuple(found)


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
    quick = quick_page_problems(page, text, base=base)
    return quick if quick is not None else exact_page_problems(page, text, base=base)


def quick_page_problems(page: str, text: str, *, base: str) -> list[str] | None:
    """Return a page's problems as Lexbor reads it, or None when its tree may not hold every start tag of its text."""
    tags = Counter(name.lower() for name in START_TAG.findall(text))
    if any(tags[name] != 1 for name in ONE_OF_EACH) or MOVED_OR_MADE & tags.keys():
        return None
    elements, inside = [], Counter()
    for node in in_page_order(LexborHTMLParser(text).root):
        if node.is_comment_node:
            inside.update(name.lower() for name in START_TAG.findall(node.comment_content or ""))
        elif node.is_element_node:
            elements.append(node)
    for element in (element for element in elements if element.tag.lower() in ("script", "style")):
        # An SVG script; a style whose text is markup; or script or style text that holds a tag, which an older
        # browser, or html5lib, may read as markup where Lexbor read text: html5lib reads those pages.
        if in_foreign_content(element) or START_TAG.search(element.text(deep=False)):
            return None
    if Counter(element.tag.lower() for element in elements) + inside != tags:
        return None
    found = [problem for element in elements for problem in element_problems(element.tag.lower(), element.attributes)]
    for script in (element for element in elements if element.tag.lower() == "script"):
        found += script_problems(page, script.attributes, script.text(deep=False), base=base)
    for style in (element for element in elements if element.tag.lower() == "style"):
        if CSS_FETCH.search(style.text(deep=False)):
            found.append("<style>: a stylesheet address that fetches from another site")
    return list(dict.fromkeys(found))


def in_page_order(root: LexborNode) -> Iterator[LexborNode]:
    """Yield the elements and comments under a node in the order of the page, a template's content after its tag."""
    for node in root.traverse(include_text=False):
        yield node
        if node.is_element_node and node.tag == "template":  # an SVG <template> has no content of its own
            for content in (
                f for f in node.template_fragments() if f.parent is not None and f.parent.mem_id == node.mem_id
            ):
                yield from in_page_order(content)


def in_foreign_content(element: LexborNode) -> bool:
    """Tell whether an element sits inside an SVG or MathML element."""
    parent = element.parent
    while parent is not None:
        if parent.tag in ("svg", "math"):
            return True
        parent = parent.parent
    return False


def exact_page_problems(page: str, text: str, *, base: str) -> list[str]:
    """Return a page's problems as html5lib reads it, with every start tag its tokenizer saw."""
    parser = RecordingParser(namespaceHTMLElements=False)
    tree = parser.parse(text)
    found = [problem for tag, attributes in parser.start_tags for problem in element_problems(tag, attributes)]
    scripts = [element for element in tree.iter() if isinstance(element.tag, str) and local(element.tag) == "script"]
    if len(scripts) != sum(tag == "script" for tag, _ in parser.start_tags):
        found.append("<script>: a script tag the parser set aside, which another browser may run")
    for script in scripts:
        found += script_problems(page, script.attrib, script.text or "", base=base, foreign=script.tag != "script")
    for style in (e for e in tree.iter() if isinstance(e.tag, str) and local(e.tag) == "style"):
        if CSS_FETCH.search(style.text or ""):
            found.append("<style>: a stylesheet address that fetches from another site")
    return list(dict.fromkeys(found))


def script_problems(
    page: str, attributes: Mapping[str, str | None], text: str, *, base: str, foreign: bool = False
) -> list[str]:
    """Refuse an HTML script that is neither data nor a file of this site (whose content the site check then trusts)."""
    values = {local(name): value or "" for name, value in attributes.items()}
    if values.get("type", "").strip().lower() in DATA_SCRIPTS and "src" not in values:
        return []
    source = values.get("src", "")
    shown_tag = f"<script{' src=' + shown(source) if source else ''}>"
    if foreign or text.strip() or site_path(page, source, base=base) is None:
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


def site_file_problems(file: tuple[str, bytes], *, base: str, trusted: Trusted) -> list[str]:
    """Return 'path: problem' for one file of the site: private, or holding what could run script."""
    rel, data = file
    if data and sha256(data) in trusted.private:
        return [f"{rel}: a file of overrides/, which is the theme's and never published"]
    return [f"{rel}: {found}" for found in check_file(rel, data, base=base, trusted=trusted)]
