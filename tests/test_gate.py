"""The final gate reads what a browser reads: pages by every name a server sends as HTML, scripts by content."""

from __future__ import annotations

from coursegen.output.gate import Trusted, sha256, site_file_problems

ENGINE_SCRIPT = b"document.body.dataset.cqReady = '1';"
TRUSTED = Trusted(scripts=frozenset({sha256(ENGINE_SCRIPT)}), private=frozenset({sha256(b"# Theme notes\n")}))
PAGE = "<!doctype html><html><head><title>t</title></head><body>{}</body></html>"


def refused(files: dict[str, bytes]) -> list[str]:
    """Return the gate's findings for a site made of these files."""
    return [found for file in sorted(files.items()) for found in site_file_problems(file, base="/", trusted=TRUSTED)]


def test_a_page_named_htm_or_shtml_is_read_and_its_script_refused() -> None:
    for name in ("about/page.htm", "about/PAGE.HTML", "about/page.shtml"):
        assert refused({name: PAGE.format("<script>alert(1)</script>").encode()}) != [], name


def test_pages_the_gate_cannot_read_as_a_browser_does_are_refused() -> None:
    for name in ("about/page.xhtml", "about/page.xht", "figures/x.svgz"):
        assert refused({name: b"<html xmlns='http://www.w3.org/1999/xhtml'><p>hi</p></html>"}) != [], name


def test_an_xml_file_holding_xhtml_script_is_refused() -> None:
    xml = b"<feed><x:script xmlns:x='http://www.w3.org/1999/xhtml'>alert(1)</x:script></feed>"
    found = refused({"feed.xml": xml})
    assert found == ["feed.xml: XHTML, SVG or MathML in an XML file: a browser would show it as a page"]


def test_a_course_script_in_the_engines_folder_is_refused_by_its_content() -> None:
    page = PAGE.format('<script src="../assets/javascripts/bundle.js"></script>').encode()
    site = {"about/index.html": page, "assets/javascripts/bundle.js": b"alert(document.cookie)"}
    assert refused(site) == [
        "assets/javascripts/bundle.js: a script that is not Material's, Zensical's or the course engine's "
        "(see extra_javascript)"
    ]
    assert refused({**site, "assets/javascripts/bundle.js": ENGINE_SCRIPT}) == []


def test_a_script_from_another_site_or_inline_is_refused() -> None:
    for script in ('<script src="https://cdn.example/x.js"></script>', "<script>alert(1)</script>"):
        assert refused({"index.html": PAGE.format(script).encode()}) != [], script


# Each reads as harmless to Python's html.parser, and runs script in Chromium (tests/browser/test_gate_markup.py).
BROWSER_READS_DIFFERENTLY = {
    "raw text in SVG": "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "raw text element": '<noembed><a title="</noembed><img src=x onerror=alert(1)>"></a></noembed>',
    "SVG animation of a link": (
        '<svg width="200" height="40"><a><animate attributeName="href" values="javascript:alert(1)"/>'
        '<text x="0" y="20">Tap</text></a></svg>'
    ),
    "comment ended early": "<!--><img src=x onerror=alert(1)>-->",
}


def test_markup_that_html_parser_and_a_browser_read_differently_is_refused() -> None:
    for name, markup in BROWSER_READS_DIFFERENTLY.items():
        assert refused({"about/index.html": PAGE.format(markup).encode()}) != [], name


def test_a_picture_from_another_site_is_refused() -> None:
    for markup in (
        '<img src="https://tracker.example/pixel.png" alt="">',
        '<img srcset="a.png 1x, //tracker.example/b.png 2x" src="a.png" alt="">',
        '<p style="background:url(https://tracker.example/p.png)">x</p>',
    ):
        assert refused({"index.html": PAGE.format(markup).encode()}) != [], markup
    assert refused({"index.html": PAGE.format('<a href="https://example.com/">a link</a>').encode()}) == []


def test_a_file_of_overrides_is_refused_wherever_it_lands() -> None:
    assert refused({"README.md": b"# Theme notes\n"}) == [
        "README.md: a file of overrides/, which is the theme's and never published"
    ]
