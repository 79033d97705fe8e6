"""The course format: its version, and the keys earlier versions used, for messages and `coursegen upgrade`."""

from __future__ import annotations

# 1: self-checks with `care` (a message per tier) and questions with `tier`; no not_in_nav needed.
# 2: self-checks with `levels` and questions with `level`; mkdocs.yml keeps /shared/ out of the menu.
FORMAT = 2
FORMAT_KEY = ("extra", "course", "format")
# Keys of an earlier format, by the record that held them, and what replaced them.
RETIRED_KEYS = {("quiz", "care"): "levels", ("question", "tier"): "level"}
UPGRADE_HINT = "Run `coursegen upgrade` in the course folder: it rewrites the course for this engine."
