"""The course's pictures for phones and chat apps: app icons and preview-card icons, from its own logo.

The logo is the image `theme.logo` (or `theme.favicon`) names in mkdocs.yml, SVG or PNG. SVG is drawn
with resvg (a wheel with no system library); a course with no logo gets its initials in its colour.
Fonts come in as bytes, so nothing here reads a file.
"""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image, ImageFont


@dataclass(frozen=True)
class Artwork:
    """An image file's name and bytes."""

    name: str
    data: bytes

    @functools.cached_property
    def digest(self) -> bytes:
        """Return a hash of the bytes, made once however many cards and icons name the picture."""
        return hashlib.sha256(self.data).digest()


@dataclass(frozen=True)
class Fonts:
    """The regular and bold font files used to draw text on cards and icons."""

    regular: bytes | None
    bold: bytes | None

    @functools.cached_property
    def digest(self) -> bytes:
        """Return a hash of both font files, made once per build: they are big, and every card and icon names them."""
        return hashlib.sha256(
            b"".join(hashlib.sha256(data or b"").digest() for data in (self.regular, self.bold))
        ).digest()

    def face(self, size: int, *, bold: bool = False) -> ImageFont.ImageFont:
        """Return the font at a size, or Pillow's own when no font file was found."""
        return load_face(self.bold if bold else self.regular, size)


@functools.cache
def load_face(data: bytes | None, size: int) -> ImageFont.ImageFont:
    """Return a font face from font file bytes, once per size."""
    from PIL import ImageFont  # Pillow and resvg are imported where they draw: an unchanged rebuild draws nothing

    if data is None:
        return ImageFont.load_default(size)
    return ImageFont.truetype(io.BytesIO(data), size)


def rasterize(art: Artwork, size: int) -> Image.Image:
    """Return a picture scaled to fit a square of `size` pixels, on a transparent background."""
    import resvg_py
    from PIL import Image

    if art.name.lower().endswith(".svg"):
        png = resvg_py.svg_to_bytes(svg_string=art.data.decode("utf-8", "replace"), width=size)
        image = Image.open(io.BytesIO(bytes(png))).convert("RGBA")
    else:
        image = Image.open(io.BytesIO(art.data)).convert("RGBA")
    image.thumbnail((size, size), Image.Resampling.LANCZOS)
    square = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    square.paste(image, ((size - image.width) // 2, (size - image.height) // 2), image)
    return square


def initials(name: str) -> str:
    """Return up to two capital letters from a course name ('Knife skills at home' -> 'KS')."""
    small = {"a", "an", "the", "of", "and", "at", "to", "in", "on", "for", "la", "le", "les", "de", "du", "des", "et"}
    words = [w for w in name.split() if w.lower() not in small and w[0].isalnum()] or name.split() or ["?"]
    return "".join(w[0] for w in words[:2]).upper()


def initials_icon(name: str, size: int, *, color: str, fonts: Fonts) -> Image.Image:
    """Draw a course's initials in white on its colour, filling a square."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (size, size), color)
    draw = ImageDraw.Draw(image)
    face = fonts.face(round(size * 0.42), bold=True)
    draw.text((size / 2, size / 2), initials(name), font=face, fill="white", anchor="mm")
    return image


def app_icon(size: int, *, name: str, logo: Artwork | None, color: str, fonts: Fonts, maskable: bool = False) -> bytes:
    """Return a PNG app icon: the logo on white (or the initials on the course colour).

    A maskable icon keeps its picture within the middle 80%, the safe zone phones crop to.
    """
    from PIL import Image

    background = "#ffffff" if logo else color
    image = Image.new("RGBA", (size, size), background)
    inner = round(size * (0.7 if maskable else 0.86))
    art = rasterize(logo, inner) if logo else initials_icon(name, inner, color=color, fonts=fonts)
    image.paste(art, ((size - inner) // 2, (size - inner) // 2), art)
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG")
    return out.getvalue()


def card_icon(size: int, *, name: str, logo: Artwork | None, color: str, fonts: Fonts) -> Image.Image:
    """Return the icon drawn on link-preview cards."""
    return rasterize(logo, size) if logo else initials_icon(name, size, color=color, fonts=fonts)
