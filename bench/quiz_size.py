"""Print the gzip size of what a quiz needs (common.js, quiz.js, quiz.css) as a build serves them, against 4 KB.

The build serves quiz.css inside course.css (one stylesheet blocks the first paint); its share is counted here.

Run: .venv/bin/python bench/quiz_size.py
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from coursegen.site.theme import minified  # noqa: E402

ASSETS = ROOT / "coursegen/theme/assets"
BUDGET = 4096


def served(path: Path) -> bytes:
    """Return a theme file as the build writes it into a course."""
    return minified(path.name, path.read_bytes())


def gzip_size(data: bytes) -> int:
    """Return the size of bytes gzip-compressed at level 9, as a web server would send them."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def main() -> None:
    """Print each file's raw and gzip size, the total and whether it fits the budget."""
    total = 0
    for name in ("common.js", "quiz.js", "quiz.css"):
        data = served(ASSETS / name)
        size = gzip_size(data)
        total += size
        print(f"{name:10} {len(data):6} bytes minified  {size:5} bytes gzip")
    verdict = "within" if total <= BUDGET else "OVER"
    print(f"{'total':10} {'':17} {total:5} bytes gzip  ({verdict} the {BUDGET}-byte budget)")


if __name__ == "__main__":
    main()
