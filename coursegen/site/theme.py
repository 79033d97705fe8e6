"""The engine's theme as files of the course: Material overrides, scripts and styles, and the strings partial.

The theme ships inside the package (`coursegen/theme/`); every build writes it into the course's
`overrides/` and `docs/assets/coursegen/` (scripts and styles minified), as files the build owns, so a
course folder never holds a copy to merge when the engine is upgraded. The one generated template,
`overrides/partials/cq-strings.html`, hands the course's words to the other templates as Jinja literals
that cannot open a template tag.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import rcssmin
import rjsmin

try:  # tdewolff-minify also shortens local names; it has no wheel for macOS on Apple chips, which get rjsmin
    import minify as tdewolff

    tdewolff.config({"js-version": 2020})  # write no syntax newer than ES2020: Safari 15 reads it all
except ImportError:  # pragma: no cover - the platforms without its wheel
    tdewolff = None

from ..model import paths
from ..model.course import Course
from ..model.parts import dirname_to_title, folder_title, menu_name, titled_folders
from ..model.strings import jinja_literal, script_json

THEME_FOLDERS = {"overrides/": paths.OVERRIDES + "/", "assets/": paths.DOCS + "/assets/coursegen/"}
SECTION_KEYS = {
    "lessons": "section_lessons",
    "quizzes": "section_quizzes",
    "programs": "section_programs",
    "handouts": "section_handouts",
}
COURSE_CSS = "assets/course.css"
# The quiz engine keeps its own stylesheet in the package, but a course page gets one: the quiz styles
# follow the course's in course.css, so only one course stylesheet blocks the first paint (BENCHMARKS.md).
MERGED_CSS = ("assets/quiz.css", "assets/program.css")
# A MkDocs page links this instead of Material's palette stylesheet and course.css: Material's palette rules,
# then the course's, in one file, so the first paint waits for two stylesheets, as on stock Material.
PALETTE_AND_COURSE_CSS = THEME_FOLDERS["assets/"] + "palette-and-course.css"
VENDOR = "assets/vendor/"


@dataclass(frozen=True)
class Stylesheet:
    """One of the installed Material's stylesheets: its path in a built site, and its text."""

    path: str
    css: bytes


def mix(color: str, other: str, share: float) -> str:
    """Return `color` mixed with `other` (both #rrggbb), `share` of the way towards `other`."""
    a = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


def theme_variables(color: str) -> str:
    """Return the CSS variables of the course colour and its shades: the one place the colour reaches CSS."""
    shades = {
        "--cq-theme": color,
        "--cq-theme-light": mix(color, "#ffffff", 0.25),
        "--cq-theme-dark": mix(color, "#000000", 0.42),
        "--cq-theme-on-dark": mix(color, "#ffffff", 0.5),
    }
    return ":root{" + ";".join(f"{name}:{value}" for name, value in shades.items()) + "}\n"


def theme_files(
    course: Course, *, packaged: Mapping[str, bytes], palette: Stylesheet | None = None, preview: bool = False
) -> dict[str, bytes | str]:
    """Return the theme files to write into the course, keyed by their path in the course folder.

    `packaged` holds the files of `coursegen/theme/`, keyed by their path there (`assets/quiz.js`);
    `palette` is the installed Material's palette stylesheet, if there is one to carry; `preview` is on
    for the pages `serve` shows.
    """
    files: dict[str, bytes | str] = {}
    for name, data in packaged.items():
        if name in MERGED_CSS:
            continue
        folder = next(f for f in THEME_FOLDERS if name.startswith(f))
        if name == COURSE_CSS:
            parts = [theme_variables(course.settings.theme_color).encode("utf-8"), data]
            data = b"\n".join(parts + [packaged[merged] for merged in MERGED_CSS])
        files[THEME_FOLDERS[folder] + name.removeprefix(folder)] = data = minified(name, data)
        if name == COURSE_CSS and palette is not None:
            files[PALETTE_AND_COURSE_CSS] = palette.css.rstrip(b"\n") + b"\n" + data
    files[f"{paths.OVERRIDES}/{paths.STRINGS_PARTIAL}"] = strings_partial(course, palette, preview=preview)
    return files


def minified(name: str, data: bytes) -> bytes:
    """Return a script or stylesheet without comments and spare white space; other files as they are.

    Vendored files (`assets/vendor/`) are copied unchanged, so their licence header stays with them.
    """
    if name.startswith(VENDOR):
        return data
    kind = "application/javascript" if name.endswith(".js") else "text/css" if name.endswith(".css") else ""
    if not kind:
        return data
    text = data.decode("utf-8")
    if tdewolff is not None:
        return tdewolff.string(kind, text).encode("utf-8")
    return (rjsmin.jsmin(text) if kind.endswith("javascript") else rcssmin.cssmin(text)).encode("utf-8")


def section_titles(course: Course) -> dict[str, str]:
    """Return the menu title of every folder of generated pages, keyed by the title MkDocs gives that folder.

    A part in a group is keyed by its own folder's name: settings.py refuses two folders with one key
    and two titles.
    """
    strings = course.settings.strings
    titles = {dirname_to_title(folder): strings(key) for folder, key in SECTION_KEYS.items()}
    for folder in titled_folders(lesson.part for lesson in course.lessons):
        titles[menu_name(folder)] = part_title(course, folder)
    return titles


def part_title(course: Course, part: str) -> str:
    """Return a part's or group's title as the menu shows it: its title in mkdocs.yml, else its folder's."""
    return folder_title(course.settings.parts, part)


def strings_partial(course: Course, palette: Stylesheet | None = None, *, preview: bool = False) -> str:
    """Return the generated Jinja module that gives templates the course's words (`cq.t`, `cq.sections`).

    It also names Material's palette stylesheet (`cq.material_palette`, '' if none) that
    palette-and-course.css carries, so main.html can leave out Material's own link to it, and tells
    whether the pages are `serve`'s preview (`cq.preview`), which has no Pagefind index.
    """
    strings = course.settings.strings
    words = {key: strings(key) for key in strings.entries}
    return (
        "{#- Generated by build.py from the strings catalogue "
        f"({strings.language}) and mkdocs.yml. Do not edit: it is rewritten at every build. -#}}\n"
        f"{{% set t = {jinja_literal(words)} %}}\n"
        f"{{% set sections = {jinja_literal(section_titles(course))} %}}\n"
        f"{{% set scripts = {jinja_literal(script_json(strings.for_scripts()))} %}}\n"
        f"{{% set theme_color = {jinja_literal(course.settings.theme_color)} %}}\n"
        f"{{% set keeps_url = {jinja_literal(paths.url_of(paths.KEEPS_PAGE))} %}}\n"
        f"{{% set material_palette = {jinja_literal(palette.path if palette else '')} %}}\n"
        f"{{% set preview = {'true' if preview else 'false'} %}}\n"
    )
