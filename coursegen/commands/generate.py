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
from ..output.write import Content, Plan, apply_plan, plan_writes, read_manifest
from ..site import sharing
from ..site.icons import Artwork, Fonts
from ..site.images import figure_sizes
from ..site.offline import icon_key, icons, manifest_json
from ..site.pages import page_heads, render_course
from ..site.theme import theme_files
from ..source.validate import validate_course
from .drawings import Drawing, copy_drawings, draw_missing, missing
from .installed import read_installed
from .progress import QUIET, Progress
from .read import (
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
    drawings: dict[str, Drawing] = field(default_factory=dict)  # every card, QR code and icon, by path
    drawn: int = 0  # how many of them were drawn now, for lack of one an earlier build kept

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
    preview: bool = False,
) -> Generated:
    """Read, validate and render the course, and plan the writes, without writing anything.

    `remembered` keeps the files loaded, for the next call (`read_sources`). The cards, QR codes and icons
    are not among the pages: they are drawn into the drawing cache (none with `draw` off), the plan checks
    their paths are the build's, and `write_docs` copies them. `preview` renders the pages for `serve`.
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
    pages, drawings = render_files(course, project=project, progress=progress, preview=preview)
    plan = plan_writes(pages, project=project, manifest=read_manifest(project), pending=frozenset(drawings))
    drawn = 0
    if draw and not plan.problems:
        to_draw = len(missing(project, drawings))
        with progress.stage("Drawing", total=to_draw, unit="cards, QR codes and icons") as advance:
            drawn = draw_missing(project, drawings, advance=advance)
    return Generated(tuple(diagnostics) + plan.problems, course, pages, plan, texts, drawings, drawn)


def render_files(
    course: Course, *, project: Path, progress: Progress = QUIET, preview: bool = False
) -> tuple[dict[str, Content], dict[str, Drawing]]:
    """Render every generated file of the course but its drawings, keyed by its path in the course folder.

    The cards, QR codes and icons come back apart, as drawings to make or take from the cache, keyed by
    their path in the course folder.
    """
    docs_dir = project / paths.DOCS
    figures = read_figures(course, docs_dir)
    logo = read_logo(docs_dir, course.settings.logo)
    fonts = read_fonts()
    with progress.stage("Rendering", total=len(course.lessons) + len(course.quizzes), unit="lessons and quizzes"):
        docs: dict[str, Content] = dict(render_course(course, image_sizes=figure_sizes(figures)))
    artwork = {name: Artwork(name, data) for name, data in figures.items()}
    wanted = drawings_of(course, figures=artwork, logo=logo, fonts=fonts)
    docs[paths.MANIFEST] = manifest_json(course.settings).encode("utf-8")
    files: dict[str, Content] = {f"{paths.DOCS}/{rel}": content for rel, content in docs.items()}
    drawings = {f"{paths.DOCS}/{rel}": drawing for rel, drawing in wanted.items()}
    theme = theme_files(course, packaged=read_theme(), palette=read_material_palette(), preview=preview)
    return files | theme, drawings


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


def write_docs(project: Path, generated: Generated) -> int:
    """Apply the planned writes to the course folder, and copy the drawings the cache holds; return how many changed."""
    plan = generated.plan
    apply_plan(plan, project=project, pages=generated.pages)
    return len(plan.writes) + len(plan.deletes) + len(copy_drawings(project, generated.drawings))
