"""The generator: read the course, check it, make the site's files and plan their writes; then apply the plan.

Everything is read and checked before anything is written. A failed step leaves docs/ as it was.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..model import paths
from ..model.course import Course
from ..model.diagnostics import Diagnostic, has_errors, promote_warnings, sort_key
from ..output.write import Content, Plan, apply_plan, plan_writes, read_manifest, write_atomic
from ..site import sharing
from ..site.icons import Artwork
from ..site.images import figure_sizes
from ..site.offline import icon_key, icons, manifest_json
from ..site.pages import page_heads, render_course
from ..site.theme import theme_files
from ..source.validate import validate_course
from .installed import read_installed
from .read import (
    DRAWING_CACHE,
    list_docs,
    read_cached_drawing,
    read_catalogues,
    read_figures,
    read_fonts,
    read_logo,
    read_material_palette,
    read_sources,
    read_theme,
)


@dataclass(frozen=True)
class Generated:
    """The outcome of reading and rendering: diagnostics, the course, and the pages and plan if valid."""

    diagnostics: tuple[Diagnostic, ...]
    course: Course | None = None
    pages: dict[str, Content] = field(default_factory=dict)
    plan: Plan | None = None
    texts: dict[str, str] = field(default_factory=dict)
    new_drawings: dict[str, bytes] = field(default_factory=dict)  # cards, QR codes and icons drawn now, for the cache

    @property
    def ok(self) -> bool:
        """Tell whether the build may go on."""
        return self.plan is not None and not has_errors(self.diagnostics)


def generate(project: Path, *, strict: bool = False, env: Mapping[str, str] | None = None) -> Generated:
    """Read, validate and render the course, and plan the writes, without writing anything."""
    sources = read_sources(project)
    texts = {f.path: f.text for f in [sources.config, *sources.lessons, *sources.quizzes, *sources.programs]}
    course, diagnostics = validate_course(
        sources,
        catalogues=read_catalogues(),
        docs=list_docs(project),
        env=os.environ if env is None else env,
        installed=read_installed(),
    )
    if strict:
        diagnostics = promote_warnings(diagnostics)
    diagnostics = sorted(diagnostics, key=sort_key)
    if course is None or has_errors(diagnostics):
        return Generated(tuple(diagnostics), course, texts=texts)
    pages, new_drawings = render_files(course, project=project)
    plan = plan_writes(pages, project=project, manifest=read_manifest(project))
    return Generated(tuple(diagnostics) + plan.problems, course, pages, plan, texts, new_drawings)


def render_files(course: Course, *, project: Path) -> tuple[dict[str, Content], dict[str, bytes]]:
    """Render every generated file of the course, keyed by its path in the course folder.

    Also return the cards, QR codes and icons that were not in the cache and had to be drawn, keyed by cache name.
    """
    docs_dir = project / paths.DOCS
    figures = read_figures(course, docs_dir)
    logo = read_logo(docs_dir, course.settings.logo)
    fonts = read_fonts()
    docs: dict[str, Content] = dict(render_course(course, image_sizes=figure_sizes(figures)))
    artwork = {name: Artwork(name, data) for name, data in figures.items()}
    new_drawings: dict[str, bytes] = {}
    inputs = {"settings": course.settings, "figures": artwork, "logo": logo, "fonts": fonts}
    for rel, card in sharing.cards(course, heads=page_heads(course)).items():
        draw = functools.partial(sharing.draw_card, card, **inputs)
        docs[rel] = cached_or_drawn(project, sharing.card_key(card, **inputs), draw, new_drawings)
    for rel, url in sharing.qr_codes(course).items():
        docs[rel] = cached_or_drawn(project, sharing.qr_key(url), functools.partial(sharing.qr_svg, url), new_drawings)
    for rel, drawing in icons(course.settings, logo=logo, fonts=fonts).items():
        docs[rel] = cached_or_drawn(project, icon_key(drawing), drawing, new_drawings)
    docs[paths.MANIFEST] = manifest_json(course.settings).encode("utf-8")
    files: dict[str, Content] = {f"{paths.DOCS}/{rel}": content for rel, content in docs.items()}
    return files | theme_files(course, packaged=read_theme(), palette=read_material_palette()), new_drawings


def cached_or_drawn(project: Path, key: str, draw: Callable[[], bytes], new_drawings: dict[str, bytes]) -> bytes:
    """Return a drawing kept by an earlier build under its key, or draw it now and note it for the cache."""
    cached = read_cached_drawing(project, key)
    return cached if cached is not None else new_drawings.setdefault(key, draw())


def write_docs(project: Path, generated: Generated) -> int:
    """Apply the planned writes to the course folder; return how many files changed."""
    plan = generated.plan
    apply_plan(plan, project=project, pages=generated.pages)
    keep_drawings(project, generated.new_drawings)
    return len(plan.writes) + len(plan.deletes)


def keep_drawings(project: Path, drawings: Mapping[str, bytes]) -> None:
    """Keep newly drawn cards, QR codes and icons for later builds; a cache that cannot be written only costs time."""
    for key, data in drawings.items():
        try:
            write_atomic(project / DRAWING_CACHE / key, data)
        except OSError:
            return
