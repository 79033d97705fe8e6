"""Index an MkDocs site with Pagefind, the binary of the installed `pagefind_bin` wheel (never downloaded)."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..output.gate import SCRIPT_EXTENSIONS, sha256
from ..site.search import BUNDLE, indexed, is_unused, pagefind_arguments, wasm_languages

SAMPLE_PAGE = '<!doctype html><html lang="en"><body><article class="md-content__inner">A page</article></body></html>'


def pagefind_binary() -> Path:
    """Return the path of the Pagefind binary the installed wheel holds."""
    import pagefind_bin  # here: only an MkDocs build indexes

    return pagefind_bin.get_executable()


def index_site(site: Path) -> str:
    """Index the searched pages of a built site into its `pagefind/` folder; return what went wrong, or ''.

    Pagefind reads a folder of hard links to the searched pages only, so the trainer's pages and the
    handouts stay out; Pagefind's UI kits and the WebAssembly of languages the index does not use, which
    the site does not load, and Material's own search index are then removed.
    """
    pages = [p for p in site.rglob("*.html") if indexed(p.relative_to(site).as_posix())]
    with tempfile.TemporaryDirectory(prefix=".search-", dir=site.parent) as staging:
        for page in pages:
            linked = Path(staging) / page.relative_to(site)
            linked.parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(page, linked)
        command = pagefind_arguments(pagefind_binary(), pages=Path(staging), bundle=site / BUNDLE)
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return f"Pagefind could not index the site:\n{result.stdout}{result.stderr}"
    languages = wasm_languages((site / BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8"))
    unused = [
        p for p in site.rglob("*") if p.is_file() and is_unused(p.relative_to(site).as_posix(), languages=languages)
    ]
    for path in unused:
        path.unlink()
    for folder in sorted({p.parent for p in unused}, key=lambda f: len(f.parts), reverse=True):
        if folder != site and not any(folder.iterdir()):
            folder.rmdir()
    return ""


def link_or_copy(source: Path, target: Path) -> None:
    """Hard-link a file (no bytes copied), or copy it where the file system cannot link."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


@functools.cache
def search_scripts() -> frozenset[str]:
    """Return the SHA-256 of the scripts the installed Pagefind writes, read from what it writes for a sample page.

    The gate trusts Pagefind's scripts by this content, never by their name or folder.
    """
    with tempfile.TemporaryDirectory(prefix="coursegen-pagefind-") as folder:
        sample = Path(folder) / "site"
        sample.mkdir()
        (sample / "index.html").write_text(SAMPLE_PAGE, encoding="utf-8")
        bundle = Path(folder) / BUNDLE
        command = pagefind_arguments(pagefind_binary(), pages=sample, bundle=bundle)
        subprocess.run(command, capture_output=True, check=True)
        scripts = [p for p in bundle.rglob("*") if p.name.endswith(SCRIPT_EXTENSIONS)]
        return frozenset(sha256(p.read_bytes()) for p in scripts)
