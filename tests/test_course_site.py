"""The real course, built as `make site` builds it: what every reader gets on every lesson page."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from project import ROOT, copy_project, run_build, search_fragments


class PageFacts(HTMLParser):
    """Collect the meta tags, images and links of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.images: list[dict[str, str]] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("name" in values or "property" in values):
            self.meta[values.get("name") or values["property"]] = values.get("content", "")
        elif tag == "img":
            self.images.append(values)
        elif tag == "a" and "href" in values:
            self.links.append(values["href"])


def facts(path: Path) -> tuple[str, PageFacts]:
    """Return a page's HTML and its parsed facts."""
    html = path.read_text(encoding="utf-8")
    parser = PageFacts()
    parser.feed(html)
    return html, parser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("real") / "course", course=ROOT)
    result = run_build(project, "build", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def lesson_pages(site: Path) -> list[Path]:
    """Return every built lesson page."""
    pages = sorted(site.glob("lessons/*/index.html"))
    assert len(pages) >= 8
    return pages


def test_every_lesson_has_the_safety_note_linking_to_the_red_flags(site: Path) -> None:
    care = [p for p in lesson_pages(site) if "red-flag" in p.read_text(encoding="utf-8")]
    assert care, "a lesson links to the red-flag self-check"
    for page in lesson_pages(site):
        html, page_facts = facts(page)
        assert "Safety first" in html, page
        assert "education, not medical advice" in html, page
        assert "it does not treat" in html, page
        if "when-to-see-a-practitioner" not in page.parent.name:
            assert any("when-to-see-a-practitioner" in link for link in page_facts.links), page


def test_every_lesson_shows_a_figure_with_alt_text_and_a_description(site: Path) -> None:
    for page in lesson_pages(site):
        _html, page_facts = facts(page)
        figures = [img for img in page_facts.images if "figures/" in img.get("src", "")]
        assert figures and all(len(img.get("alt", "")) > 15 for img in figures), page
        assert all(img.get("width") and img.get("height") for img in figures), "space is kept while loading"
        assert len(page_facts.meta.get("description", "")) > 20, page


EXTERNAL_FETCH = re.compile(
    r"<(?:script|img|iframe|source|video|audio)\b[^>]*\ssrc=\"(?:https?:)?//"
    r"|<link\b[^>]*rel=\"(?:stylesheet|preload|preconnect|modulepreload|icon|manifest)\"[^>]*href=\"(?:https?:)?//"
)


def test_no_page_loads_anything_from_another_site(site: Path) -> None:
    for page in site.rglob("*.html"):
        assert not EXTERNAL_FETCH.search(page.read_text(encoding="utf-8")), page


STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')


def test_every_page_waits_for_one_stylesheet_and_holds_the_complete_one_for_the_first_touch(site: Path) -> None:
    # One small stylesheet before the first paint (the rules the built pages and the scripts use); the rules
    # Material's bundle may also use wait with it in <template id="cq-material">. The full ones are never linked.
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        head, body = html.split("</head>", 1)
        assert [h.rsplit("/", 1)[-1] for h in STYLESHEET.findall(head)] == ["critical.css"], page
        held = [h.rsplit("/", 1)[-1] for h in STYLESHEET.findall(body.split('<template id="cq-material">', 1)[1])]
        assert held == ["complete.css"], page
    css = (site / "assets/coursegen/palette-and-course.css").read_text(encoding="utf-8")
    assert "[data-md-color-scheme=slate]" in css and "--cq-theme:" in css, "Material's dark scheme, then the course's"
    full = len(css) + len(next((site / "assets/stylesheets").glob("main.*.min.css")).read_text())
    critical = (site / "assets/coursegen/critical.css").read_text(encoding="utf-8")
    assert "[data-md-color-scheme=slate]" in critical, "the dark scheme a reader may choose is in it"
    assert ".cq-feedback" in critical, "the quiz's feedback, which quiz.js makes, is styled before the first touch"
    assert len(critical) < full / 2
    complete = (site / "assets/coursegen/complete.css").read_text(encoding="utf-8")
    # An element only the bundle makes: the copy button it adds to a block of code.
    assert ".md-clipboard" in complete and ".md-clipboard" not in critical
    assert len(critical) < len(complete) < full


def test_search_finds_each_lesson_once_and_never_the_program_handout(site: Path) -> None:
    fragments = search_fragments(site)
    pages = [fragment["url"] for fragment in fragments]
    hits = {fragment["url"] for fragment in fragments if "sacrum" in fragment["content"].lower()}
    assert "/lessons/02-dowel-test/" in hits, "the dowel lesson is found"
    assert len(pages) == len(set(pages)), "each page once"
    assert not any("handout" in page for page in pages), "the handout repeats its lessons, so it stays out"
    assert "/programs/new-client/" in pages, "the program page itself is found"


def visible_text(html: str) -> str:
    """Return a page's text without scripts, styles and tags, with white space folded."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_every_page_that_names_911_or_999_also_says_local_emergency_number(site: Path) -> None:
    naming = []
    for page in sorted(site.rglob("*.html")):
        text = visible_text(page.read_text(encoding="utf-8"))
        if re.search(r"(?<![\d.,])(911|999)(?![\d])", text):
            naming.append(page)
            assert "local emergency number" in text, page.relative_to(site)
    assert naming, "some page names an emergency number"
