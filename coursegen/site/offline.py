"""Make the course installable and readable offline: a web app manifest, its icons, and a service worker.

The manifest and icons are generated pages under docs/ (so `serve` and any engine include them). The
service worker is written into the finished site, because it lists every file of that site; its cache
name is a hash of their contents, so an unchanged rebuild gives the same worker and a changed one
replaces the old cache on the reader's next visit.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable

from ..model import paths
from ..model.course import Settings
from .icons import Artwork, Fonts, app_icon
from .jinja import template_text

SKIPPED = ("assets/javascripts/lunr/", "sw.js", "previews/")  # not needed to read offline
SKIPPED_SUFFIXES = (".gz", ".map")


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


def service_worker(files: Iterable[tuple[str, bytes]], *, offline: bool) -> str:
    """Return sw.js for a built site, from its files' paths and contents: a worker that keeps every file
    a reader needs offline, or, with offline reading off, one that removes what an earlier visit kept."""
    if not offline:
        return template_text("sw-remove.js")
    kept = precache(files)
    digest = hashlib.sha256()
    for url, data in kept:
        digest.update(url.encode("utf-8") + hashlib.sha256(data).digest())
    template = template_text("sw.js")
    # The values are JSON, written where the template names them; JSON cannot end a JavaScript statement.
    return template.replace("{{ version }}", json.dumps("course-" + digest.hexdigest()[:16])).replace(
        "{{ files }}", json.dumps([url for url, _ in kept], indent=0)
    )


def precache(files: Iterable[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """Return the address (relative to the site root) and content of everything a reader may need offline."""
    kept = []
    for rel, data in sorted(files):
        if rel.startswith(SKIPPED) or rel.endswith(SKIPPED_SUFFIXES):
            continue
        url = "./" if rel == "index.html" else rel[: -len("index.html")] if rel.endswith("/index.html") else rel
        kept.append((url, data))
    return kept
