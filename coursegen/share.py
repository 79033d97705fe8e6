"""Files that help a trainer share the course: link-preview images, QR codes and practice reminders.

Everything is made offline at build time. Preview images are drawn with Pillow and Debian's DejaVu
font: Pillow is already needed for the app icons, works with no network and no system library, and
draws text well enough for a 1200x630 card. (Material's `social` plugin needs cairo and fetches fonts.)
QR codes are SVG from segno, which is pure Python. Calendar files come from the icalendar package.
"""

from __future__ import annotations

import functools
import html
import io
import json
from datetime import datetime, time, timedelta
from pathlib import Path

import icalendar
import segno
from PIL import Image, ImageDraw, ImageFont

from .model import Course, Program
from .offline import icon_png

PREVIEW_SIZE = (1200, 630)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
WEEKDAY_NUMBERS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
CALENDAR_START = datetime(2026, 1, 5)  # a Monday; reminders repeat weekly from the first chosen day after it


def page_url(site_url: str, page: str) -> str:
    """Return the canonical address of a generated page (`lessons/02-x.md` -> `<site>/lessons/02-x/`)."""
    return site_url.rstrip("/") + "/" + page.removesuffix(".md") + "/"


def preview_path(page: str) -> str:
    """Return the docs/ path of a page's preview image."""
    return "previews/" + page.removesuffix(".md").replace("/", "-") + ".jpg"


def qr_path(page: str) -> str:
    """Return the docs/ path of a page's QR code."""
    return "qr/" + page.removesuffix(".md").replace("/", "-") + ".svg"


def calendar_path(program: Program) -> str:
    """Return the docs/ path of a program's practice reminders."""
    return f"calendar/{program.id}.ics"


def render_share_files(course: Course, *, pages: dict[str, str]) -> dict[str, bytes]:
    """Return a preview image for every page, a QR code for every lesson and program, and reminder files."""
    settings = course.settings
    files: dict[str, bytes] = {"previews/home.jpg": preview_image(settings.site_name, "", settings)}
    for page, text in pages.items():
        title, description = front_matter_text(text)
        files[preview_path(page)] = preview_image(title, description, settings)
        if page.startswith(("lessons/", "programs/")) and settings.site_url:
            files[qr_path(page)] = qr_svg(page_url(settings.site_url, page))
    for program in course.programs:
        if program.reminder_days:
            files[calendar_path(program)] = reminders_ics(program, course)
    return files


def front_matter_text(page: str) -> tuple[str, str]:
    """Return the title and description written in a generated page's front matter (already escaped)."""
    fields = {}
    for line in page.split("\n---\n", 1)[0].splitlines()[1:]:
        key, _, value = line.partition(": ")
        if key in ("title", "description"):
            fields[key] = html.unescape(json.loads(value))
    return fields.get("title", ""), fields.get("description", "")


@functools.cache
def font(size: int, *, bold: bool = False) -> ImageFont.ImageFont:
    """Return DejaVu Sans at a size, or Pillow's own font if Debian's fonts are missing."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(FONT_DIR / name), size)
    except OSError:
        return ImageFont.load_default(size)


def wrap(draw: ImageDraw.ImageDraw, text: str, face: ImageFont.ImageFont, width: int, lines: int) -> list[str]:
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


def preview_image(title: str, description: str, settings) -> bytes:
    """Draw a 1200x630 link-preview card: the course name, the page title and its summary."""
    image = Image.new("RGB", PREVIEW_SIZE, "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 1200, 24), fill=settings.theme_color)
    draw.rectangle((0, 606, 1200, 630), fill=settings.theme_color)
    draw.text((80, 80), settings.site_name, font=font(36, bold=True), fill=settings.theme_color)
    y = 170
    for line in wrap(draw, title, font(72, bold=True), 1040, 3):
        draw.text((80, y), line, font=font(72, bold=True), fill="#1b1b1b")
        y += 88
    for line in wrap(draw, description, font(36), 1040, 3):
        draw.text((80, y + 20), line, font=font(36), fill="#3d3d3d")
        y += 50
    if settings.trainer.name:
        draw.text((80, 540), settings.trainer.name, font=font(30), fill="#3d3d3d")
    image.paste(preview_icon(settings.theme_color), (960, 390))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=88)  # JPEG encodes ten times faster than PNG at this size
    return out.getvalue()


@functools.cache
def preview_icon(color: str) -> Image.Image:
    """Return the course icon for preview cards, drawn once per colour."""
    return Image.open(io.BytesIO(icon_png(180, color=color))).convert("RGB")


def qr_svg(url: str) -> bytes:
    """Return a QR code for an address, as a small SVG that scales to any size."""
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


def reminders_ics(program: Program, course: Course) -> bytes:
    """Return an iCalendar file with a weekly practice reminder on the program's days, at its local time."""
    hour, minute = (int(part) for part in program.reminder_time.split(":"))
    first_day = min(WEEKDAY_NUMBERS[day] for day in program.reminder_days)
    start = datetime.combine(CALENDAR_START.date() + timedelta(days=first_day), time(hour, minute))
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//coursegen//practice reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{course.settings.site_name}: {program.title}")
    event = icalendar.Event()
    event.add("uid", f"{program.id}-practice@{course.settings.site_name.replace(' ', '-').lower()}")
    event.add("dtstamp", CALENDAR_START)
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=15))
    event.add("summary", f"Practice: {program.title}")
    link = page_url(course.settings.site_url, f"programs/{program.id}.md") if course.settings.site_url else ""
    event.add("description", f"Time for a few minutes of hinge practice. {link}".strip())
    event.add("rrule", {"freq": "weekly", "byday": list(program.reminder_days)})
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Practice: {program.title}")
    alarm.add("trigger", timedelta(minutes=0))
    event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()
