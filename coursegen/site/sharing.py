"""Files that help a trainer share the course: link-preview images, QR codes and practice reminders.

Everything is made offline at build time. Preview images are drawn with Pillow and Debian's DejaVu
font: Pillow is already needed for the app icons, works with no network and no system library, and
draws text well enough for a 1200x630 card. (Material's `social` plugin needs cairo and fetches fonts.)
QR codes are SVG from segno, which is pure Python. Practice reminders are made in the browser when a
reader asks (program.js), from that day and ending with the program, so no calendar file is built.
"""

from __future__ import annotations

import functools
import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import paths
from ..model.course import Course, Lesson, Settings
from .icons import Artwork, Fonts, card_icon, rasterize

if TYPE_CHECKING:
    from PIL import Image, ImageDraw

PREVIEW_SIZE = (1200, 630)


CARD_STYLE = "2"  # bump when the drawing changes, so cached cards are drawn again
QR_STYLE = "1"  # the same for QR codes
CARD_FIGURE_BOX = (720, 110, 1160, 550)


@dataclass(frozen=True)
class Card:
    """What one link-preview card shows: a title, a description, and a figure (a path under docs/) or none."""

    title: str
    description: str
    figure: str = ""


def cards(course: Course, *, heads: Mapping[str, tuple[str, str]]) -> dict[str, Card]:
    """Return the card of every page, keyed by the card's path: lessons and their quizzes show the lesson's figure."""
    settings = course.settings
    figure_of = {paths.lesson_page(les, course): first_figure(les) for les in course.lessons}
    figure_of |= {paths.quiz_page(q, course): first_figure(course.lesson(q.lesson)) for q in course.quizzes}
    found = {paths.HOME_PREVIEW: Card(settings.site_name, settings.site_description)}
    for page, (title, description) in heads.items():
        found[paths.preview_image(page)] = Card(title, description, figure_of.get(page, ""))
    # Cards that show the same figure come together, so the figure is drawn once for them (card_figure).
    return dict(sorted(found.items(), key=lambda item: item[1].figure))


def first_figure(lesson: Lesson) -> str:
    """Return the path of a lesson's first figure, or an empty string."""
    return lesson.figures[0].src if lesson.figures else ""


def card_key(
    card: Card, *, settings: Settings, figures: Mapping[str, Artwork], logo: Artwork | None, fonts: Fonts
) -> str:
    """Return a name for a card that changes whenever anything drawn on it could change."""
    digest = hashlib.sha256()
    parts = [CARD_STYLE, card.title, card.description, settings.site_name, settings.theme_color, settings.trainer.name]
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    figure = figures.get(card.figure)
    for artwork in (figure, logo):
        digest.update(artwork.digest if artwork else b"-")
    digest.update(fonts.digest)
    return digest.hexdigest()[:32]


def qr_codes(course: Course) -> dict[str, str]:
    """Return the address of every lesson and program, keyed by its QR code's path, when the site's address is known."""
    settings = course.settings
    if not settings.site_url:
        return {}
    pages = [paths.lesson_page(les, course) for les in course.lessons]
    pages += [paths.program_page(program) for program in course.programs]
    return {paths.qr_code(page): paths.absolute_url(settings.site_url, page) for page in pages}


def qr_key(url: str) -> str:
    """Return a name for a QR code that changes whenever what it shows could change."""
    return hashlib.sha256(f"qr {QR_STYLE} {url}".encode()).hexdigest()[:32]


def wrap(draw: ImageDraw.ImageDraw, text: str, face, width: int, lines: int) -> list[str]:
    """Break text into at most `lines` lines that fit `width` pixels, with an ellipsis if it is cut."""
    out: list[str] = []
    for word in text.split():
        if out and draw.textlength(out[-1] + " " + word, font=face) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1].rstrip(".,;:") + "…"
    return out


def draw_card(
    card: Card, *, settings: Settings, figures: Mapping[str, Artwork], logo: Artwork | None, fonts: Fonts
) -> bytes:
    """Draw a 1200x630 link-preview card: the course name, the title and summary, and the lesson's figure
    (or, without one, the course icon)."""
    from PIL import Image, ImageDraw  # here, not at the top: an unchanged rebuild draws no card

    font = fonts.face
    image = Image.new("RGB", PREVIEW_SIZE, "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 1200, 24), fill=settings.theme_color)
    draw.rectangle((0, 606, 1200, 630), fill=settings.theme_color)
    figure = figures.get(card.figure)
    width = 600 if figure else 1040
    draw.text((80, 80), settings.site_name, font=font(36, bold=True), fill=settings.theme_color)
    y = 170
    for line in wrap(draw, card.title, font(72 if not figure else 60, bold=True), width, 3):
        draw.text((80, y), line, font=font(72 if not figure else 60, bold=True), fill="#1b1b1b")
        y += 88 if not figure else 74
    for line in wrap(draw, card.description, font(36 if not figure else 32), width, 3):
        draw.text((80, y + 20), line, font=font(36 if not figure else 32), fill="#3d3d3d")
        y += 50 if not figure else 44
    if settings.trainer.name:
        draw.text((80, 540), settings.trainer.name, font=font(30), fill="#3d3d3d")
    if figure:
        paste_figure(image, figure)
    else:
        icon = preview_icon(settings.site_name, logo, settings.theme_color, fonts)
        image.paste(icon, (960, 390), icon)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=88)  # JPEG encodes ten times faster than PNG at this size
    return out.getvalue()


def paste_figure(image: Image.Image, figure: Artwork) -> None:
    """Draw a lesson figure in the card's right-hand box, scaled to fit, on white."""
    left, top, right, bottom = CARD_FIGURE_BOX
    art = card_figure(figure)
    image.paste(art, (left + (right - left - art.width) // 2, top + (bottom - top - art.height) // 2), art)


@functools.lru_cache(maxsize=1)
def card_figure(figure: Artwork) -> Image.Image:
    """Return a figure scaled to the card's box, kept for the next card: a lesson's and its quizzes' show the same."""
    left, top, right, bottom = CARD_FIGURE_BOX
    art = rasterize(figure, max(right - left, bottom - top))
    art.thumbnail((right - left, bottom - top))
    return art


@functools.cache
def preview_icon(name: str, logo: Artwork | None, color: str, fonts: Fonts) -> Image.Image:
    """Return the course icon for preview cards, drawn once per build."""
    return card_icon(180, name=name, logo=logo, color=color, fonts=fonts)


def qr_svg(url: str) -> bytes:
    """Return a QR code for an address, as a small SVG that scales to any size."""
    import segno  # here, not at the top: an unchanged rebuild makes no QR code, and segno takes 0.02 s to import

    out = io.BytesIO()
    # A fixed mask skips segno's search for the best of eight, which is most of its time; any mask scans.
    segno.make(url, error="m", micro=False, mask=0).save(
        out,
        kind="svg",
        scale=4,
        border=2,
        xmldecl=False,
        svgns=True,
        title="QR code: " + url,
        dark="#000",
        light="#fff",
    )
    return out.getvalue()
