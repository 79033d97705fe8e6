"""The generator: read the course, check it, make the site's files and plan their writes; then apply the plan.

Everything is read and checked before anything is written. A failed step leaves docs/ as it was.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..model import paths
from ..model.course import Course
from ..model.diagnostics import Diagnostic, has_errors, promote_warnings, sort_key
from ..output.write import Content, Plan, apply_plan, plan_writes, read_current, read_manifest, write_atomic
from ..site import sharing
from ..site.icons import Artwork, Fonts
from ..site.images import figure_sizes
from ..site.offline import icon_key, icons, manifest_json
from ..site.pages import page_heads, render_course
from ..site.theme import theme_files
from ..source.validate import validate_course
from .drawings import Drawing, draw_all, kept_drawings
from .installed import read_installed
from .progress import QUIET, Progress
from .read import (
    DRAWING_CACHE,
    Remembered,
    count_sources,
    list_docs,
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
    pending: dict[str, Drawing] = field(default_factory=dict)  # the ones still to draw (draw=False), by path

    @property
    def ok(self) -> bool:
        """Tell whether the build may go on."""
        return self.plan is not None and not has_errors(self.diagnostics)


def generate(
    project: Path,
    *,
    strict: bool = False,
    env: Mapping[str, str] | None = None,
    progress: Progress = QUIET,
    draw: bool = True,
    remembered: Remembered | None = None,
) -> Generated:
    """Read, validate and render the course, and plan the writes, without writing anything.

    `remembered` keeps the files loaded, for the next call (`read_sources`). With `draw` off, the cards, QR
    codes and icons no earlier build kept are left to draw (`pending`):
    the plan checks their paths are the build's, and `write_drawn` writes them once drawn.
    """
    with progress.stage("Checking", total=count_sources(project), unit="course files") as advance:
        sources = read_sources(project, advance=advance, remembered=remembered)
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
    pages, pending = render_files(course, project=project, progress=progress)
    new_drawings: dict[str, bytes] = {}
    if draw:
        to_draw = unique(pending)
        with progress.stage("Drawing", total=len(to_draw), unit="cards, QR codes and icons") as advance:
            new_drawings = draw_all(to_draw, advance=advance)
        pages |= drawn_files(pending, new_drawings)
        pending = {}
    plan = plan_writes(pages, project=project, manifest=read_manifest(project), pending=frozenset(pending))
    return Generated(tuple(diagnostics) + plan.problems, course, pages, plan, texts, new_drawings, pending)


def render_files(
    course: Course, *, project: Path, progress: Progress = QUIET
) -> tuple[dict[str, Content], dict[str, Drawing]]:
    """Render every generated file of the course, keyed by its path in the course folder, but the drawings to make.

    The cards, QR codes and icons an earlier build kept are among the files; the others come back apart,
    to draw, keyed by their path in the course folder.
    """
    docs_dir = project / paths.DOCS
    figures = read_figures(course, docs_dir)
    logo = read_logo(docs_dir, course.settings.logo)
    fonts = read_fonts()
    with progress.stage("Rendering", total=len(course.lessons) + len(course.quizzes), unit="lessons and quizzes"):
        docs: dict[str, Content] = dict(render_course(course, image_sizes=figure_sizes(figures)))
    artwork = {name: Artwork(name, data) for name, data in figures.items()}
    wanted = drawings_of(course, figures=artwork, logo=logo, fonts=fonts)
    kept = kept_drawings(project, wanted)
    docs |= kept
    docs[paths.MANIFEST] = manifest_json(course.settings).encode("utf-8")
    files: dict[str, Content] = {f"{paths.DOCS}/{rel}": content for rel, content in docs.items()}
    pending = {f"{paths.DOCS}/{rel}": drawing for rel, drawing in wanted.items() if rel not in kept}
    return files | theme_files(course, packaged=read_theme(), palette=read_material_palette()), pending


def drawings_of(
    course: Course, *, figures: dict[str, Artwork], logo: Artwork | None, fonts: Fonts
) -> dict[str, Drawing]:
    """Return every card, QR code and icon the course shows, keyed by its path under docs/."""
    inputs = {"settings": course.settings, "figures": figures, "logo": logo, "fonts": fonts}
    found = {
        rel: Drawing(sharing.card_key(card, **inputs), functools.partial(sharing.draw_card, card, **inputs))
        for rel, card in sharing.cards(course, heads=page_heads(course)).items()
    }
    found |= {
        rel: Drawing(sharing.qr_key(url), functools.partial(sharing.qr_svg, url))
        for rel, url in sharing.qr_codes(course).items()
    }
    found |= {
        rel: Drawing(icon_key(draw), draw) for rel, draw in icons(course.settings, logo=logo, fonts=fonts).items()
    }
    return found


def unique(pending: Mapping[str, Drawing]) -> list[Drawing]:
    """Return each drawing to make once, though several paths may show it."""
    return list({drawing.key: drawing for drawing in pending.values()}.values())


def drawn_files(pending: Mapping[str, Drawing], drawn: Mapping[str, bytes]) -> dict[str, Content]:
    """Return the bytes of each drawing by its path, from the drawings made, by key."""
    return {rel: drawn[drawing.key] for rel, drawing in pending.items()}


def write_docs(project: Path, generated: Generated) -> int:
    """Apply the planned writes to the course folder; return how many files changed."""
    plan = generated.plan
    apply_plan(plan, project=project, pages=generated.pages)
    keep_drawings(project, generated.new_drawings)
    return len(plan.writes) + len(plan.deletes)


def write_drawn(project: Path, generated: Generated, drawn: Mapping[str, bytes]) -> int:
    """Write the drawings a build left to draw, once drawn, and keep them for later builds; return how many changed."""
    files = drawn_files(generated.pending, drawn)
    writes = {rel: data for rel, data in files.items() if read_current(project / rel, like=data) != data}
    apply_plan(Plan(writes, (), ()), project=project, pages=generated.pages | files)
    keep_drawings(project, drawn)
    return len(writes)


def keep_drawings(project: Path, drawings: Mapping[str, bytes]) -> None:
    """Keep newly drawn cards, QR codes and icons for later builds; a cache that cannot be written only costs time."""
    for key, data in drawings.items():
        try:
            write_atomic(project / DRAWING_CACHE / key, data)
        except OSError:
            return
