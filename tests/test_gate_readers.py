"""The gate's quick reader (Lexbor) finds what its exact reader (html5lib) finds, or hands the page over."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coursegen.output.gate import check_page, exact_page_problems, quick_page_problems

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
PAGE = "<!doctype html><html><head><title>t</title></head><body>{}</body></html>"
PIECES = [
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<a href='x'>",
    "</a>",
    "<img src=x onerror=alert(1)>",
    "<img src='https://tracker.example/p.png'>",
    "<frame onload=alert(1)>",
    "<body onload=alert(1)>",
    "<form>",
    "<form action='javascript:alert(1)'>",
    "<select>",
    "<table>",
    "<tr>",
    "<td>",
    "</table>",
    "<template>",
    "</template>",
    "<svg>",
    "</svg>",
    "<math>",
    "<style>",
    "</style>",
    "<script src='a.js'>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<!-->",
    "<noscript>",
    "<textarea>",
    "<title>",
    "<xmp>",
    "<noembed>",
    "<image href=//e.example/x.png>",
    "<![CDATA[",
    "]]>",
    "<a title='<img onerror=x>'>",
    "&lt;iframe ",
    "<iframe>",
    "<animate attributeName=href values=javascript:alert(1)>",
    "<meta http-equiv=refresh content=0>",
    "<html onload=alert(1)>",
    "<head>",
    "<isindex action=javascript:alert(1)>",
    "<option>",
    "<plaintext>",
    "<keygen autofocus onfocus=alert(1)>",
    "<a href='&#106;avascript:alert(1)'>",
    "<a href='java&#x09;script:alert(1)'>",
    "<input type=image src=//e.example/x>",
    "<link rel=stylesheet href=//e.example/x.css>",
    "<object data=x>",
    "<base href=//e.example/>",
    "<foreignObject>",
    "<desc>",
    "<nobr>",
    "<li>",
    "<caption>",
    "<colgroup>",
    "<frameset>",
    "<button formaction=javascript:alert(1)>",
    "<div style='background:url(//e.example/p.png)'>",
    "<script type=application/json>",
    "\0",
    "\r\n",
    "text",
    '"',
    "'",
    ">",
    "<",
    " ",
]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_the_quick_reader_finds_what_html5lib_finds_or_hands_the_page_over(pieces: list[str]) -> None:
    page = PAGE.format("".join(pieces))
    quick = quick_page_problems("index.html", page, base="/")
    assert quick is None or quick == exact_page_problems("index.html", page, base="/"), page


def test_a_page_like_the_engines_is_read_by_the_quick_reader() -> None:
    markup = "<template id='m'><script src='x.js'></script></template><p>A <b>lesson</b></p><!-- <b> -->"
    assert quick_page_problems("index.html", PAGE.format(markup), base="/") == []
    unsafe = PAGE.format("<template><script src='https://cdn.example/x.js'></script></template>")
    assert quick_page_problems("index.html", unsafe, base="/") == [
        '<script src="https://cdn.example/x.js">: fetched from another site',
        "<script src=https://cdn.example/x.js>: not a file of this site's theme or engine",
    ]


def test_a_tag_the_tree_builder_drops_is_still_refused() -> None:
    for markup in ("<frame onload=alert(1)>", "<table><tbody onclick=alert(1)></table>", "<body onload=alert(1)>"):
        page = PAGE.format(markup)
        assert quick_page_problems("index.html", page, base="/") is None, markup
        assert check_page("index.html", page) != [], markup
