"""Reference sites for the benchmarks: stock Material pages holding the course's own text, built in the same run.

- "plain": Material as installed, with no palette and no features (the issue's "plain Material page").
- "featured": Material with the theme settings the course must have (issue 2): the light and dark palette
  toggle, instant navigation, footer links, search. No overrides, no course CSS or JS. What this page costs
  is the floor for any site on this stack; what the course adds is the difference.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from mkdocs.utils import yaml_load

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_PAGES = {"index.md": "docs/lessons/02-dowel-test.md", "quiz.md": "docs/quizzes/02-dowel-test.md"}


def course_theme() -> dict:
    """Return the course's palette and features from mkdocs.yml, with Material's own colours for 'custom'."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        theme = yaml_load(file)["theme"]
    palette = [{**entry, "primary": "teal", "accent": "deep orange"} for entry in theme.get("palette", [])]
    return {"palette": palette, "features": theme.get("features", [])}


def reference_site(target: Path, *, featured: bool) -> Path:
    """Build a stock Material site holding the course's dowel-test lesson and quiz text; return its site/."""
    (target / "docs").mkdir(parents=True)
    for name, source in REFERENCE_PAGES.items():
        text = (ROOT / source).read_text(encoding="utf-8")
        (target / "docs" / name).write_text(text.split("\n---\n", 1)[-1], encoding="utf-8")
    shutil.copytree(ROOT / "docs/figures", target / "docs/figures")
    theme = {"name": "material", "font": False, **(course_theme() if featured else {})}
    config = {
        "site_name": "Reference",
        "site_url": "http://127.0.0.1/",
        "site_description": "The same lesson text.",
        "theme": theme,
        "markdown_extensions": [
            "admonition",
            "pymdownx.details",
            "pymdownx.superfences",
            {"pymdownx.tabbed": {"alternate_style": True}},
        ],
    }
    if featured:
        config["plugins"] = ["search"]
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=target,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return target / "site"
