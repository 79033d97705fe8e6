"""Every path the build generates, in one place: pages, their addresses, and the files made for them.

Page paths are relative to docs/. Addresses follow MkDocs' directory URLs (`lessons/02-x.md` is served
at `lessons/02-x/`); the build refuses `use_directory_urls: false`, so templates and scripts can rely
on it. A path that reaches a URL is percent-encoded by `url_of`.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from .course import Course, Lesson, Program, Quiz

DOCS = "docs"
OVERRIDES = "overrides"
GENERATED_FOLDERS = ("lessons", "quizzes", "programs", "previews", "qr", "icons", "shared")
HANDOUTS = "programs/handouts"
THEME_ASSETS = "coursegen"  # docs/assets/coursegen/: the engine's scripts and styles
MANIFEST = "manifest.webmanifest"
ICON_SIZES = (192, 512)
MASKABLE_ICON = "icons/maskable-512.png"
HOME_PREVIEW = "previews/home.jpg"
STRINGS_PARTIAL = "partials/cq-strings.html"  # under overrides/
# Pages built in the browser from a link (a trainer's prescription, progress from another device), the
# trainer's prescribe page, and the course data they read. They stay out of the menu: mkdocs.yml must
# list the folder under `not_in_nav` (settings.py checks it). Each is a folder's index.md, so that a link in
# their HTML means the same to MkDocs (from the page's address) and to Zensical (from the Markdown file).
SHARED = "shared"
PRESCRIBE_PAGE = f"{SHARED}/prescribe/index.md"
PRESCRIBED_PAGE = f"{SHARED}/program/index.md"
PROGRESS_PAGE = f"{SHARED}/progress/index.md"
INBOX_PAGE = f"{SHARED}/inbox/index.md"  # the trainer's inbox of sealed result links, beside the prescribe page
KEEPS_PAGE = f"{SHARED}/privacy/index.md"  # "What this site keeps", linked from every page's footer
COURSE_DATA = f"{SHARED}/course.json"  # the index: course-wide facts, the parts and the piece of each id
COURSE_PIECES = f"{SHARED}/course"  # one piece per part, `shared/course/N.json`: its lessons in full
PRACTICE_PAGE = f"{SHARED}/practice/index.md"  # "My practice": the practice log kept on the device
NOT_IN_NAV = f"/{SHARED}/"
SHARED_PAGES = (PRESCRIBE_PAGE, PRESCRIBED_PAGE, PROGRESS_PAGE, INBOX_PAGE, KEEPS_PAGE)


def course_piece(number: int) -> str:
    """Return the file of one piece of the course data (a part's lessons), numbered from 1."""
    return f"{COURSE_PIECES}/{number}.json"


def lesson_page(lesson: Lesson, course: Course) -> str:
    """Return the page of a lesson, in its part's folder; the order prefix keeps the menu in order."""
    return posixpath.join("lessons", lesson.part, f"{lesson.order:0{course.order_width}d}-{lesson.id}.md")


def quiz_page(quiz: Quiz, course: Course) -> str:
    """Return the page of a quiz, in the folder of its lesson's part and ordered like that lesson."""
    lesson = course.lesson(quiz.lesson)
    return posixpath.join("quizzes", lesson.part, f"{lesson.order:0{course.order_width}d}-{quiz.id}.md")


def program_page(program: Program) -> str:
    """Return the page of a program."""
    return f"programs/{program.id}.md"


def handout_page(program: Program) -> str:
    """Return the printable handout of a program; handouts sit in their own folder, after every program."""
    return f"{HANDOUTS}/{program.id}.md"


def url_of(page: str) -> str:
    """Return a page's address relative to the site root, percent-encoded (`lessons/02-x.md` -> `lessons/02-x/`)."""
    folder = address_folder(page)
    return "" if folder == "." else quote(folder + "/")


def absolute_url(site_url: str, page: str) -> str:
    """Return the canonical address of a page on the published site."""
    return site_url.rstrip("/") + "/" + url_of(page)


def page_slug(page: str) -> str:
    """Return a flat name for a page, for the files made for it (`lessons/p1/02-x.md` -> `lessons-p1-02-x`)."""
    folder = address_folder(page)
    return "index" if folder == "." else folder.replace("/", "-")


def preview_image(page: str) -> str:
    """Return the link-preview card of a page."""
    return f"previews/{page_slug(page)}.jpg"


def qr_code(page: str) -> str:
    """Return the QR code of a page."""
    return f"qr/{page_slug(page)}.svg"


def icon(size: int) -> str:
    """Return an app icon of a size."""
    return f"icons/icon-{size}.png"


def relative_link(from_page: str, to_page: str) -> str:
    """Return a Markdown link from one page to another, at any depth, by way of the docs/ folder."""
    folder = posixpath.dirname(from_page)
    return posixpath.relpath(".", folder) + "/" + to_page if folder else to_page


def address_folder(page: str) -> str:
    """Return the folder a page is served from, relative to the site root (`shared/x/index.md` -> `shared/x`)."""
    stem = page.removesuffix(".md")
    return "." if stem == "index" else stem.removesuffix("/index")


def root_from(page: str) -> str:
    """Return the way up from a page's address to the site root (`lessons/01-x.md` -> `../../`)."""
    return posixpath.relpath(".", address_folder(page)) + "/"


def address_link(from_page: str, to_page: str) -> str:
    """Return a link from one page's address to another's, for raw HTML (`../02-y/`)."""
    return posixpath.relpath(address_folder(to_page), address_folder(from_page)) + "/"
