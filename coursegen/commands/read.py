"""Read from the disk what the stages need: the course's files, the engine's catalogues and theme, fonts, figures.

Nothing here checks or renders: a file that cannot be read becomes a diagnostic or is left out, and the
stages decide what that means.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import yaml

from ..model import paths
from ..model.course import Course, DocsFiles
from ..model.diagnostics import error
from ..output.cores import Advance, counted, nothing
from ..site.icons import Artwork, Fonts
from ..site.images import image_problem
from ..site.theme import Stylesheet
from ..source.checks import IMAGE_SUFFIXES
from ..source.load import MAX_FILE_BYTES, Loaded, load, too_big
from ..source.validate import Sources
from .installation import PACKAGE

SOURCE_FOLDERS = ("lessons", "quizzes", "programs")
NESTED_FOLDERS = ("lessons", "quizzes")  # lessons in parts (lessons/week-1/), quizzes anywhere under quizzes/
CONFIG = "mkdocs.yml"
MKDOCS_TAGS = frozenset({"!ENV", "!relative"})
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
DRAWING_CACHE = (
    ".coursegen-cache/drawings"  # cards, QR codes and icons by a hash of what they show: a rebuild draws only new ones
)


Remembered = dict[str, tuple[bytes, Loaded]]  # each file's bytes when last loaded, and what loading them gave


def read_sources(project: Path, *, advance: Advance = nothing, remembered: Remembered | None = None) -> Sources:
    """Load mkdocs.yml and every lesson, quiz and program file, in a stable order, counting each file read.

    A file whose bytes are the same as `remembered` holds for it is not loaded again (`serve` keeps
    them between saves); the files loaded now are remembered there.
    """
    groups = {
        name: tuple(counted(load_file(project, p, remembered=remembered), advance) for p in source_files(project, name))
        for name in SOURCE_FOLDERS
    }
    config_path = project / CONFIG
    if config_path.is_file():
        config = load_file(project, config_path, extra_tags=MKDOCS_TAGS, remembered=remembered)
    else:
        config = Loaded(
            CONFIG,
            "",
            None,
            (
                error(
                    CONFIG,
                    1,
                    1,
                    "mkdocs.yml is missing",
                    "Run the build from the course folder, the one holding mkdocs.yml.",
                ),
            ),
        )
    return Sources(groups["lessons"], groups["quizzes"], groups["programs"], config)


def count_sources(project: Path) -> int:
    """Return how many course files a build reads: mkdocs.yml, and every lesson, quiz and program."""
    return 1 + sum(len(source_files(project, name)) for name in SOURCE_FOLDERS)


def source_files(project: Path, folder: str) -> list[Path]:
    """Return the YAML files of one source folder, sorted by name; lessons and quizzes may sit in sub-folders."""
    base = project / folder
    found = base.rglob("*") if folder in NESTED_FOLDERS else base.glob("*")
    return sorted(p for p in found if p.suffix in (".yml", ".yaml") and p.is_file()) if base.is_dir() else []


def load_file(
    project: Path, path: Path, *, extra_tags: frozenset[str] = frozenset(), remembered: Remembered | None = None
) -> Loaded:
    """Read and load one file, named relative to the project; one unchanged since `remembered` is not loaded again."""
    name = path.relative_to(project).as_posix()
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:  # refused from its size, before a byte of it is read
            return too_big(name, size)
        data = path.read_bytes()
    except OSError as exc:
        return Loaded(name, "", None, (error(name, 1, 1, f"cannot read the file: {exc.strerror}"),))
    if remembered is None:
        return load(data, path=name, extra_tags=extra_tags)
    before = remembered.get(name)
    if before is None or before[0] != data:
        remembered[name] = (data, load(data, path=name, extra_tags=extra_tags))
    return remembered[name][1]


def read_catalogues() -> dict[str, dict]:
    """Read the strings catalogues that ship with the engine, keyed by language code."""
    folder = PACKAGE / "catalogues"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ten times faster
    return {p.stem: yaml.load(p.read_text(encoding="utf-8"), Loader=loader) for p in sorted(folder.glob("*.yml"))}


def read_theme() -> dict[str, bytes]:
    """Read the engine's theme files, keyed by their path under coursegen/theme/."""
    folder = PACKAGE / "theme"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def read_material_palette() -> Stylesheet | None:
    """Read the installed Material's palette stylesheet, which course pages carry in palette-and-course.css."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    templates = Path(next(iter(spec.submodule_search_locations))) / "templates"
    found = sorted(templates.glob("assets/stylesheets/palette.*.min.css"))
    if len(found) != 1:
        return None
    return Stylesheet(found[0].relative_to(templates).as_posix(), found[0].read_bytes())


def read_fonts() -> Fonts:
    """Read the DejaVu fonts that cards and icons are drawn with, if the machine has them."""

    def read(name: str) -> bytes | None:
        try:
            return (FONT_DIR / name).read_bytes()
        except OSError:
            return None

    return Fonts(read("DejaVuSans.ttf"), read("DejaVuSans-Bold.ttf"))


def read_logo(docs_dir: Path, logo: str) -> Artwork | None:
    """Read the course logo named in mkdocs.yml, if it names one that exists."""
    if not logo:
        return None
    try:
        return Artwork(logo, (docs_dir / logo).read_bytes())
    except OSError:
        return None


def list_docs(project: Path) -> DocsFiles:
    """Return what docs/ holds for the validator: its files, and the links that lead out of it or of the course.

    Generated folders are left out, and links are not followed, so a link to a big folder costs nothing.
    """
    docs = project / paths.DOCS
    root, course = docs.resolve(), project.resolve()
    files, outside, escapes = set(), set(), set()
    for folder, names, filenames in os.walk(docs):
        here = Path(folder)
        if here == docs:
            names[:] = [n for n in names if n not in paths.GENERATED_FOLDERS]
        elif here == docs / "assets":
            names[:] = [n for n in names if n != paths.THEME_ASSETS]
        for name in [*names, *filenames]:
            path = here / name
            rel = path.relative_to(docs).as_posix()
            target = path.resolve() if path.is_symlink() else None
            if target is not None and not target.is_relative_to(root):
                outside.add(rel)
                if not target.is_relative_to(course):
                    escapes.add(rel)
            elif name in filenames and path.is_file():
                files.add(rel)
    return DocsFiles(frozenset(files), frozenset(outside), frozenset(escapes), read_image_problems(docs, files))


def read_image_problems(docs: Path, files: set[str]) -> dict[str, str]:
    """Read every image of docs/ and say which cannot be read and drawn safely, and why."""
    found = {}
    for rel in sorted(f for f in files if f.lower().endswith(IMAGE_SUFFIXES)):
        try:
            problem = image_problem((docs / rel).read_bytes(), name=rel)
        except OSError as exc:
            problem = f"cannot be read ({exc.strerror})"
        if problem:
            found[rel] = problem
    return found


def read_figures(course: Course, docs_dir: Path) -> dict[str, bytes]:
    """Read every figure and picture option the course names, for their sizes."""
    names = {f.src for lesson in course.lessons for f in lesson.figures}
    names |= {o.image for quiz in course.quizzes for q in quiz.questions for o in q.options if o.image}
    figures = {}
    for name in sorted(names):
        try:
            figures[name] = (docs_dir / name).read_bytes()
        except OSError:
            continue
    return figures
