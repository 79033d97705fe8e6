"""Search on an MkDocs site: Pagefind indexes the built pages, and the search box speaks the course's language."""

from __future__ import annotations

import json
from pathlib import Path

from project import run_build, search_fragments

from coursegen.site.search import indexed, is_core, is_unused

HOSTILE = "<img src=x onerror=alert(1)> Zzyzx"


def test_the_build_writes_a_chunked_index_of_the_lessons_and_no_lunr_index(sample_project: Path) -> None:
    lesson = sample_project / "lessons/01-first-steps.yml"
    lesson.write_text(lesson.read_text().replace("title: First steps", f"title: '{HOSTILE}'"))
    result = run_build(sample_project, "build", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    site = sample_project / "site"
    assert (site / "pagefind/pagefind.js").is_file() and any((site / "pagefind/index").iterdir())
    assert not (site / "search/search_index.json").exists(), "Material's index is no longer published"
    assert not (site / "pagefind/pagefind-ui.js").exists(), "Pagefind's UI kits are not published"
    pages = {fragment["url"]: fragment for fragment in search_fragments(site)}
    assert any(url.startswith("/lessons/") for url in pages) and any(url.startswith("/quizzes/") for url in pages)
    assert not any(url.startswith(("/shared/", "/programs/handouts/")) for url in pages)
    # The lesson's title is text, as the reader wrote it: search.js shows it as text (tests/browser/test_search.py).
    titles = [fragment["meta"]["title"] for fragment in pages.values()]
    assert any("Zzyzx" in title for title in titles)
    # The notice every lesson repeats and the navigation are not what a search finds.
    assert not any("Table of contents" in fragment["content"] for fragment in pages.values())
    offline = json.loads((site / "offline.json").read_text())
    assert "pagefind/pagefind.js" in offline["shell"] + offline["rest"]


def test_the_search_box_speaks_the_course_language(sample_project: Path) -> None:
    settings = sample_project / "mkdocs.yml"
    settings.write_text(settings.read_text().replace("language: en", "language: fr"))
    result = run_build(sample_project, "build", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (sample_project / "site/index.html").read_text()
    assert 'placeholder="Rechercher dans le cours"' in page
    assert "Tapez un mot pour chercher dans les leçons." in page
    strings = page.split('id="cq-strings">', 1)[1].split("</script>", 1)[0]
    assert json.loads(strings)["search_none"] == "Aucune page ne correspond."


def test_which_pages_and_files_search_uses() -> None:
    assert indexed("lessons/01-a/index.html") and indexed("index.html")
    assert not indexed("shared/prescribe/index.html") and not indexed("programs/handouts/p/index.html")
    assert not indexed("404.html") and not indexed("lessons/figure.svg")
    assert is_core("pagefind/pagefind.js") and is_core("pagefind/wasm.en.pagefind")
    assert not is_core("pagefind/index/en_1.pf_index") and not is_core("pagefind/fragment/en_1.pf_fragment")
    assert is_unused("pagefind/pagefind-ui.js") and is_unused("search/search_index.json")
    assert not is_unused("pagefind/fragment/en_1.pf_fragment") and not is_unused("assets/coursegen/search.js")
