"""Golden cases: the sample course's YAML in, the generated Markdown out.

Run with UPDATE_GOLDENS=1 to rewrite the expected pages after an intended change, then review the diff.
"""

from __future__ import annotations

import hashlib
import json
import os

import pytest
from project import ROOT, copy_project

from coursegen.commands.generate import generate

GOLDEN = ROOT / "tests/golden/render"
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    project = copy_project(tmp_path_factory.mktemp("golden") / "course")
    generated = generate(project, env={"SITE_URL": "https://example.com/course/"})
    assert generated.ok, [d.format() for d in generated.diagnostics]
    pages = {rel.removeprefix("docs/"): text for rel, text in generated.pages.items() if rel.endswith(".md")}
    pages["partials/cq-strings.html"] = generated.pages["overrides/partials/cq-strings.html"]
    return pages


def test_every_page_matches_its_golden_file(rendered: dict[str, str]) -> None:
    if UPDATE:
        for old in [*GOLDEN.rglob("*.md"), *GOLDEN.rglob("*.html")]:
            old.unlink()
        for rel, text in rendered.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
    files = [p for p in GOLDEN.rglob("*") if p.is_file()]
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in files}
    assert sorted(rendered) == sorted(expected), "pages added or removed: rerun with UPDATE_GOLDENS=1"
    for rel, text in rendered.items():
        assert text == expected[rel], f"{rel} differs from tests/golden/render/{rel}"


BYTES = ROOT / "tests/golden/made-files.sha256.json"
MADE = (
    "docs/previews/",
    "docs/qr/",
    "docs/icons/",
    "docs/manifest.webmanifest",
    "docs/shared/course.json",
    "docs/shared/course/",
)


def test_every_picture_code_and_data_file_matches_its_pinned_hash(tmp_path_factory: pytest.TempPathFactory) -> None:
    project = copy_project(tmp_path_factory.mktemp("golden-bytes") / "course")
    generated = generate(project, env={"SITE_URL": "https://example.com/course/"})
    drawn = {rel: (project / ".coursegen-cache/drawings" / d.key).read_bytes() for rel, d in generated.drawings.items()}
    made = {
        rel: hashlib.sha256(content if isinstance(content, bytes) else content.encode("utf-8")).hexdigest()
        for rel, content in sorted((generated.pages | drawn).items())
        if rel.startswith(MADE)
    }
    if UPDATE:
        BYTES.write_text(json.dumps(made, indent=1) + "\n", encoding="utf-8")
    assert made == json.loads(BYTES.read_text(encoding="utf-8")), "rerun with UPDATE_GOLDENS=1 and look at the files"


def test_author_markup_is_escaped() -> None:
    from coursegen.source.markup import markdown, plain

    assert plain("<b>Hips</b> *back*") == "&lt;b&gt;Hips&lt;/b&gt; \\*back\\*"
    assert "&lt;script>" in markdown("<script>alert(1)</script>")
    assert markdown("[ok](https://example.com)") == "[ok](https://example.com)"


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "[x](java\nscript:alert(1))",
        "[x](\x01javascript:alert(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "- item\n\n    [r]: javascript:alert(1)\n\n- [x][r]",
        '!!! note "T"\n    [x][r]\n\n    [r]: javascript:alert(1)',
        '=== "Tab"\n    [x][r]\n\n    [r]: vbscript:x',
        "![picture](data:image/svg+xml;base64,PHN2Zz4=)",
    ],
)
def test_links_that_could_run_script_are_found_as_the_page_would_have_them(text: str) -> None:
    from coursegen.source.markup import unsafe_links

    assert unsafe_links(text)


def test_ordinary_links_pass() -> None:
    from coursegen.source.markup import unsafe_links

    assert unsafe_links("[a](https://example.com) [b](../x/) [c](mailto:a@b.c) [d](tel:+15550100)") == []
