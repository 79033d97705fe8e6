"""Read the intrinsic size of figure images, so pages can reserve their space before they load."""

from __future__ import annotations

import re
from collections.abc import Mapping
from io import BytesIO

SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.S)
NUMBER = rb"\s*=\s*[\"']\s*([0-9.]+)\s*(?:px)?\s*[\"']"
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
