"""Search on an MkDocs site: which pages Pagefind indexes, how it is run, and which of its files a site keeps.

Pagefind reads the built pages after the engine and writes a chunked index into `pagefind/`: a reader's
first search fetches its script, its WebAssembly, a small entry and meta file, and then only the index
chunks and page fragments the words typed need. Zensical builds its own search, so none of this runs there.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..model import paths

BUNDLE = "pagefind"  # the folder of the site Pagefind writes, and search.js reads
# Only the lesson text: Material's article, without the notice every lesson repeats or the engine's panels.
ROOT_SELECTOR = "article.md-content__inner"
EXCLUDED = (".cq-notice", ".cq-share", ".cq-progress", ".cq-keep", ".headerlink", "[hidden]")
# Pages left out: the trainer's and the reader's own pages, the print handouts (a program's lessons again),
# and the page shown for a missing address.
NOT_INDEXED = (f"{paths.SHARED}/", f"{paths.HANDOUTS}/", "404.html")
# What search.js loads before any index chunk: Pagefind's script, its worker, its WebAssembly and the small
# files that say which chunks hold which words. A bounded offline copy keeps these in its shell.
CORE_NAMES = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json")
CORE_SUFFIXES = (".pagefind", ".pf_meta")
# Material's own search: its index, worker and languages, which an MkDocs page with Pagefind's box never loads.
LUNR = ("search/search_index.json", "assets/javascripts/workers/search.", "assets/javascripts/lunr/")


def indexed(rel: str) -> bool:
    """Tell whether a page of the built site is searched ('lessons/a/index.html' is; 'shared/…' is not)."""
    return rel.endswith(".html") and not rel.startswith(NOT_INDEXED)


def pagefind_arguments(binary: Path, *, pages: Path, bundle: Path) -> list[str]:
    """Return the command that indexes the pages under `pages` into the folder `bundle`."""
    command = [str(binary), "--site", str(pages), "--output-path", str(bundle), "--quiet"]
    command += ["--root-selector", ROOT_SELECTOR]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    return command


def is_core(rel: str) -> bool:
    """Tell whether a file of the site is part of Pagefind's core (not an index chunk or a page fragment)."""
    folder, _, name = rel.rpartition("/")
    return folder == BUNDLE and (name in CORE_NAMES or name.endswith(CORE_SUFFIXES))


def is_used(rel: str) -> bool:
    """Tell whether a file Pagefind wrote is one search.js uses: its core, index chunks and fragments (no UI kits)."""
    return is_core(rel) or rel.startswith((f"{BUNDLE}/index/", f"{BUNDLE}/fragment/"))


def is_lunr(rel: str) -> bool:
    """Tell whether a file is Material's own search index or worker, which an MkDocs site no longer loads."""
    return rel.startswith(LUNR)


def is_unused(rel: str, *, languages: frozenset[str] = frozenset()) -> bool:
    """Tell whether a file of a built MkDocs site is one no page loads: Pagefind's UI kits, Material's search, or
    the WebAssembly of a language (`wasm.LANG.pagefind`) the index does not use, when `languages` are known."""
    folder, _, name = rel.rpartition("/")
    other_wasm = folder == BUNDLE and name.startswith("wasm.") and name.endswith(".pagefind") and bool(languages)
    if other_wasm and name.removeprefix("wasm.").removesuffix(".pagefind") not in languages:
        return True
    return (rel.startswith(f"{BUNDLE}/") and not is_used(rel)) or is_lunr(rel)


def wasm_languages(entry: str) -> frozenset[str]:
    """Return the WebAssembly languages Pagefind's entry file names ('{"languages": {"en": {"wasm": "en"}}}')."""
    languages = json.loads(entry).get("languages", {})
    return frozenset(str(language.get("wasm")) for language in languages.values() if language.get("wasm"))
