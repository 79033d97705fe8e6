"""How a course shows on a phone, from mkdocs.yml: its name under the home-screen icon, and its colour's contrast."""

from __future__ import annotations

import yaml

from ..model.diagnostics import Diagnostic, warning
from .load import position, setting_line

SHORT_NAME_LENGTH = 12


def pick_short_name(
    path: str, chosen: str | None, site_name: str, name_node: yaml.Node | None
) -> tuple[str, list[Diagnostic]]:
    """Return the home-screen name: the course's short_name, else the site name when it fits."""
    if chosen:
        return chosen, []
    if len(site_name) <= SHORT_NAME_LENGTH:
        return site_name, []
    words = site_name.split()
    fitted = ""
    for word in words:
        if len((fitted + " " + word).strip()) > SHORT_NAME_LENGTH:
            break
        fitted = (fitted + " " + word).strip()
    line, column = position(name_node) if name_node is not None else (1, 1)
    suggestion = fitted or site_name[:SHORT_NAME_LENGTH]
    hint = (
        f"Set a name of {SHORT_NAME_LENGTH} characters or fewer:\n  extra:\n    course:\n      short_name: {suggestion}"
    )
    message = (
        f"site_name is longer than {SHORT_NAME_LENGTH} characters, so phones would cut it under the home-screen icon"
    )
    return fitted or site_name[:SHORT_NAME_LENGTH], [warning(path, line, column, message, hint)]


def check_contrast(path: str, node: yaml.Node, color: str) -> list[Diagnostic]:
    """Warn when the course colour is too light for links and buttons on white (WCAG AA asks 4.5:1)."""
    ratio = contrast_on_white(color)
    if ratio >= 4.5:
        return []
    line, column = setting_line(node, "extra", "course", "theme_color")
    return [
        warning(
            path,
            line,
            column,
            f"theme_color {color} has a contrast of {ratio:.1f}:1 on white; links and buttons need 4.5:1",
            "Choose a darker colour, for example #00695c (teal) or #1565c0 (blue).",
        )
    ]


def contrast_on_white(color: str) -> float:
    """Return the WCAG contrast ratio of a #rrggbb colour against white."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(color[i : i + 2], 16)) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)
