"""Read the intrinsic size of figure images, so pages can reserve their space before they load."""

from __future__ import annotations

import re
from collections.abc import Mapping
from io import BytesIO
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as parse_xml

SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.S)
NUMBER = rb"\s*=\s*[\"']\s*([0-9.]+)\s*(?:px)?\s*[\"']"
MAX_PIXELS = 40_000_000  # a bigger picture is a decompression bomb, or far too big for a phone
VIEWBOX = re.compile(rb"viewBox\s*=\s*[\"']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*[\"']")


def image_size(data: bytes, *, name: str) -> tuple[int, int] | None:
    """Return (width, height) of an SVG, PNG, JPEG, GIF or WebP image, or None if unknown."""
    if name.lower().endswith(".svg"):
        return svg_size(data)
    from PIL import Image, UnidentifiedImageError  # here, not at the top: most figures are SVG, read without it

    try:
        with Image.open(BytesIO(data)) as image:
            return image.size
    except (UnidentifiedImageError, OSError, ValueError):
        return None


def svg_size(data: bytes) -> tuple[int, int] | None:
    """Return the size of an SVG from its width and height, or else its viewBox."""
    tag = SVG_TAG.search(data[:4096])
    if not tag:
        return None
    width = re.search(rb"\swidth" + NUMBER, tag.group())
    height = re.search(rb"\sheight" + NUMBER, tag.group())
    if width and height:
        return round(float(width.group(1))), round(float(height.group(1)))
    box = VIEWBOX.search(tag.group())
    return (round(float(box.group(1))), round(float(box.group(2)))) if box else None


def figure_sizes(figures: Mapping[str, bytes]) -> dict[str, tuple[int, int]]:
    """Return the size of every figure whose size can be read, keyed by its path under docs/."""
    sizes = {}
    for src, data in sorted(figures.items()):
        size = image_size(data, name=src)
        if size and size[0] > 0 and size[1] > 0:
            sizes[src] = size
    return sizes


def image_problem(data: bytes, *, name: str) -> str:
    """Return why an image cannot be read and drawn safely (as text after its name), or '' if it can."""
    return svg_problem(data) if name.lower().endswith(".svg") else raster_problem(data)


def svg_problem(data: bytes) -> str:
    """Refuse an SVG with entities, a document type, or a picture linked from a file rather than embedded."""
    try:
        root = parse_xml(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        return "has a <!DOCTYPE> or entities, which a picture never needs and which can read other files"
    except (ParseError, ValueError) as exc:
        return f"cannot be read as an SVG picture ({exc})"
    if root.tag.rsplit("}", 1)[-1] != "svg":
        return "is not an SVG picture: its first element is not <svg>"
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        links = [v.strip() for k, v in element.attrib.items() if k.rsplit("}", 1)[-1] == "href"]
        if tag in ("image", "feimage") and any(not link.startswith("data:") for link in links):
            return f"links a file in <{tag}>, which drawing it would read from the building machine"
        if tag == "use" and any(not link.startswith("#") for link in links):
            return "uses an element of another file in <use>"
    return ""


def raster_problem(data: bytes) -> str:
    """Refuse a PNG, JPEG, GIF or WebP picture that Pillow cannot read, or that would be too big to decode."""
    import warnings

    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as image:
                width, height = image.size
                image.verify()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return "is too many pixels to draw safely"
    except Exception as exc:  # Pillow raises many kinds for a damaged file; each means 'unreadable'
        return f"cannot be read as a picture ({type(exc).__name__})"
    return "is too many pixels to draw safely" if width * height > MAX_PIXELS else ""
