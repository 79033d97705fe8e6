"""Make the course installable and readable offline: a web app manifest, its icons, and a service worker.

The manifest and icons are generated pages under docs/ (so `serve` and any engine include them). The
service worker and the list of files it keeps (offline.json) are written into the finished site, because
they list every file of that site; the cache name is a hash of their contents, so an unchanged rebuild
gives the same worker and a changed one replaces the old cache on the reader's next visit. A small course
is kept whole at the first visit; a bigger one keeps its shell and the pages the reader opens, and the
rest only when the reader asks for it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from ..model import paths
from ..model.course import Settings
from .icons import Artwork, Fonts, app_icon
from .jinja import template_text
from .search import is_core as is_search_core

OFFLINE_LIST = "offline.json"  # the files the service worker keeps, fetched by it at install
SKIPPED = ("assets/javascripts/lunr/", "sw.js", OFFLINE_LIST, "previews/")  # not needed to read offline
SHELL = ("assets/", "icons/")  # the app shell: styles, scripts, fonts, icons
# A course whose offline copy is at most this (gzip bytes) is kept whole at the first visit: about six
# times the first course's, and no more than a reader would accept on a data plan without being asked.
WHOLE_COURSE_LIMIT = 2_000_000
SKIPPED_SUFFIXES = (".gz", ".map")
SITE_ROOT = "http://site/"  # a stand-in address to resolve a page's relative URLs against


def icons(settings: Settings, *, logo: Artwork | None, fonts: Fonts) -> dict[str, functools.partial]:
    """Return how to draw each app icon, keyed by its path under docs/; the key of a drawing names its inputs."""
    icon = functools.partial(app_icon, name=settings.site_name, logo=logo, color=settings.theme_color, fonts=fonts)
    drawings = {paths.icon(size): functools.partial(icon, size) for size in paths.ICON_SIZES}
    drawings[paths.MASKABLE_ICON] = functools.partial(icon, 512, maskable=True)
    return drawings


def icon_key(drawing: functools.partial) -> str:
    """Return a name for an icon that changes whenever anything drawn on it could change."""
    values = drawing.keywords  # partial of a partial: one flat set of arguments
    digest = hashlib.sha256(f"icon {drawing.args} {values['name']} {values['color']} {values.get('maskable')}".encode())
    logo = values["logo"]
    digest.update(logo.digest if logo else b"-")
    digest.update(values["fonts"].digest)
    return digest.hexdigest()[:32]


def manifest_json(settings: Settings) -> str:
    """Return the web app manifest; its URLs are relative, so the site works under any sub-path."""
    icons = [{"src": paths.icon(s), "sizes": f"{s}x{s}", "type": "image/png"} for s in paths.ICON_SIZES]
    icons.append({"src": paths.MASKABLE_ICON, "sizes": "512x512", "type": "image/png", "purpose": "maskable"})
    manifest = {
        "name": settings.site_name,
        "short_name": settings.short_name,
        "description": settings.site_description,
        "lang": settings.strings.language,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": settings.theme_color,
        "icons": icons,
    }
    return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class OfflinePlan:
    """What the service worker keeps: the shell at install, the rest only when the reader asks for it."""

    version: str  # the cache's name; it changes with any file, so no reader keeps a stale page
    shell: tuple[str, ...]
    rest: tuple[str, ...]
    rest_bytes: int  # gzip bytes the whole-course choice fetches on top of the shell
    # For each page left out of the shell, the files of the rest it shows (its figures): what keeping that
    # page alone (a lesson of the reader's program) must also keep.
    needs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def offline_files(
    files: Iterable[tuple[str, bytes]], *, offline: bool, whole_limit: int = WHOLE_COURSE_LIMIT
) -> dict[str, str]:
    """Return the service worker and the list it fetches, keyed by their path in a built site; with offline
    reading off, only a worker that removes what an earlier visit kept."""
    if not offline:
        return {"sw.js": template_text("sw-remove.js")}
    plan = offline_plan(files, whole_limit=whole_limit)
    # The version is JSON, written where the template names it; JSON cannot end a JavaScript statement.
    worker = template_text("sw.js").replace("{{ version }}", json.dumps(plan.version))
    worker = worker.replace("{{ list }}", json.dumps(OFFLINE_LIST))
    listing = {
        "version": plan.version,
        "shell": plan.shell,
        "rest": plan.rest,
        "rest_bytes": plan.rest_bytes,
        "needs": plan.needs,
    }
    return {"sw.js": worker, OFFLINE_LIST: json.dumps(listing, indent=0) + "\n"}


@dataclass(frozen=True)
class KeptFile:
    """What the offline plan needs of one file a reader may keep: its address, hash, gzip size, and what it shows."""

    url: str
    hash: bytes
    size: int  # gzip bytes
    images: tuple[str, ...] = ()  # the site addresses of the images a page shows
    lessons: tuple[str, ...] = ()  # the ids of the lessons a page is


def offline_plan(files: Iterable[tuple[str, bytes]], *, whole_limit: int = WHOLE_COURSE_LIMIT) -> OfflinePlan:
    """Return what to keep of a built site: all of it below `whole_limit` gzip bytes, else its shell first.

    The files are read once, one at a time, so a site of any size costs no more memory than its largest file.
    """
    found, index = [], None
    for rel, data in files:
        if offline_url(rel):
            found.append((rel, kept_file(offline_url(rel), data)))
            index = data if rel == paths.COURSE_DATA else index
    kept = [file for _, file in sorted(found, key=lambda pair: pair[0])]  # in the order of the site's paths
    digest = hashlib.sha256()
    for file in kept:
        digest.update(file.url.encode("utf-8") + file.hash)
    version = "course-" + digest.hexdigest()[:16]
    if sum(file.size for file in kept) <= whole_limit:
        return OfflinePlan(version, tuple(file.url for file in kept), (), 0)
    shell = tuple(file.url for file in kept if is_shell(file.url))
    rest = tuple(file.url for file in kept if not is_shell(file.url))
    needs = needs_of(kept, rest=set(rest), pieces=lesson_pieces(index))
    return OfflinePlan(version, shell, rest, sum(file.size for file in kept if not is_shell(file.url)), needs)


def kept_file(url: str, data: bytes) -> KeptFile:
    """Return what the plan needs of one file: a page's images and lesson ids are read with Lexbor."""
    hashed, size = hashlib.sha256(data).digest(), len(zlib.compress(data, 6))
    if not (url.endswith("/") or url.endswith(".html")):
        return KeptFile(url, hashed, size)
    tree = LexborHTMLParser(data.decode("utf-8", "replace"))
    images = tuple(site_url(url, image.attributes["src"] or "") for image in tree.css("img[src]"))
    lessons = tuple(marker.attributes["data-cq-id"] or "" for marker in tree.css("[data-cq-page=lesson]"))
    return KeptFile(url, hashed, size, images, lessons)


def lesson_pieces(index: bytes | None) -> dict[str, str]:
    """Return the piece of the course data each lesson id lives in, read from the built index (trainer.py)."""
    parts = json.loads(index)["parts"] if index else []
    return {lesson: paths.course_piece(part["piece"]) for part in parts for lesson in part["lessons"]}


def page_needs(
    kept: Iterable[tuple[str, bytes]], *, rest: set[str], pieces: Mapping[str, str]
) -> dict[str, tuple[str, ...]]:
    """Return, for each page of `rest`, the files of `rest` it shows: its images ("lessons/a/" -> "figures/a.svg"),
    and for a lesson, the piece of the course data its lesson lives in (what its program page reads)."""
    return needs_of([kept_file(url, data) for url, data in kept], rest=rest, pieces=pieces)


def needs_of(kept: Iterable[KeptFile], *, rest: set[str], pieces: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Return, for each page of `rest`, the files of `rest` it shows (see `page_needs`)."""
    needs = {}
    for file in kept:
        if file.url in rest:
            found = [*file.images, *(pieces.get(lesson, "") for lesson in file.lessons)]
            shown = tuple(dict.fromkeys(name for name in found if name in rest))
            if shown:
                needs[file.url] = shown
    return needs


def site_url(page: str, src: str) -> str:
    """Return the URL, relative to the site root, of a relative `src` on a page ("a/b/", "../../f.svg" -> "f.svg").

    It is resolved as a browser does, with ".." stopping at the root (Zensical writes one ".." too many).
    """
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or src.startswith("/"):
        return ""
    return urlsplit(urljoin(SITE_ROOT + page, parts.path)).path.removeprefix("/")


def is_shell(url: str) -> bool:
    """Tell whether a file is part of the app shell: what every page needs, the data's index, home, search's core.

    Search's index chunks and page fragments are not: the service worker keeps each one a search fetches.
    """
    return url.startswith(SHELL) or url in ("./", "404.html", paths.MANIFEST, paths.COURSE_DATA) or is_search_core(url)


def offline_url(rel: str) -> str:
    """Return the address (relative to the site root) of a file a reader may need offline, or '' for one never kept."""
    if rel.startswith(SKIPPED) or rel.endswith(SKIPPED_SUFFIXES):
        return ""
    return "./" if rel == "index.html" else rel[: -len("index.html")] if rel.endswith("/index.html") else rel
