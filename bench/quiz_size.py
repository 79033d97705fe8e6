"""Print the gzip size of the quiz script and styles, against the 4 KB budget.

Run: .venv/bin/python bench/quiz_size.py
"""

from __future__ import annotations

import gzip
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[1] / "docs/assets"
BUDGET = 4096


def gzip_size(path: Path) -> int:
    """Return the size of a file gzip-compressed at level 9, as a web server would send it."""
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def main() -> None:
    """Print each file's raw and gzip size, the total and whether it fits the budget."""
    total = 0
    for name in ("quiz.js", "quiz.css"):
        path = ASSETS / name
        size = gzip_size(path)
        total += size
        print(f"{name:10} {path.stat().st_size:6} bytes raw  {size:5} bytes gzip")
    verdict = "within" if total <= BUDGET else "OVER"
    print(f"{'total':10} {'':17} {total:5} bytes gzip  ({verdict} the {BUDGET}-byte budget)")


if __name__ == "__main__":
    main()
