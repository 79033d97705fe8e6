"""Run Lighthouse (mobile, default throttling) on the home page, a lesson, a quiz and a program page.

Also runs it on a plain Material page holding the same lesson text, built in the same run, for the LCP
comparison. Prints the median of 3 runs per page. Needs `npm ci` in bench/ and Debian's chromium.

Run after `make site`:  .venv/bin/python bench/lighthouse.py
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from serve_gzip import serve

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
LIGHTHOUSE = Path(__file__).parent / "node_modules/.bin/lighthouse"
RUNS = 3
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def run_lighthouse(url: str) -> dict[str, float]:
    """Run Lighthouse once and return the four scores, LCP (s) and CLS."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--output=json",
                f"--output-path={report.name}",
                "--quiet",
                f"--chrome-flags={CHROME_FLAGS}",
                "--only-categories=" + ",".join(CATEGORIES),
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
            capture_output=True,
        )
        data = json.loads(Path(report.name).read_text())
    scores = {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}
    scores["lcp"] = data["audits"]["largest-contentful-paint"]["numericValue"] / 1000
    scores["cls"] = data["audits"]["cumulative-layout-shift"]["numericValue"]
    failed = [
        a
        for c in CATEGORIES
        for a in data["categories"][c]["auditRefs"]
        if data["audits"][a["id"]]["score"] not in (None, 1) and a.get("weight")
    ]
    scores["failed"] = sorted({a["id"] for a in failed})
    return scores


def median_of_runs(url: str) -> dict:
    """Return the median of each figure over RUNS runs, and the audits that failed in any run."""
    runs = [run_lighthouse(url) for _ in range(RUNS)]
    result = {key: statistics.median(r[key] for r in runs) for key in (*CATEGORIES, "lcp", "cls")}
    result["failed"] = sorted({a for r in runs for a in r["failed"]})
    return result


def plain_material_site(lesson_md: Path, target: Path) -> Path:
    """Build a stock Material site (no overrides, no quiz) holding the same lesson text."""
    (target / "docs").mkdir(parents=True)
    text = lesson_md.read_text(encoding="utf-8")
    (target / "docs/index.md").write_text(text.split("\n---\n", 1)[-1], encoding="utf-8")
    shutil.copytree(ROOT / "docs/figures", target / "docs/figures")
    (target / "mkdocs.yml").write_text(
        "site_name: Plain Material\nsite_url: http://127.0.0.1/\nsite_description: The same lesson text.\n"
        "theme:\n  name: material\n  font: false\nmarkdown_extensions: [admonition, pymdownx.details, "
        "pymdownx.superfences, {pymdownx.tabbed: {alternate_style: true}}]\n",
        encoding="utf-8",
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=target,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return target / "site"


def main() -> None:
    """Print the median Lighthouse figures per page."""
    pages = {"home": "", "lesson": "lessons/02-dowel-test/", "quiz": "quizzes/02-dowel-test/"}
    programs = sorted((SITE / "programs").glob("*/index.html")) if (SITE / "programs").is_dir() else []
    if programs:
        pages["program"] = f"programs/{programs[0].parent.name}/"
    base, server = serve(SITE)
    with tempfile.TemporaryDirectory() as tmp:
        plain_base, plain_server = serve(plain_material_site(ROOT / "docs/lessons/02-dowel-test.md", Path(tmp)))
        print(f"Lighthouse {RUNS}-run medians, mobile, text served gzip-compressed")
        print("page              perf  a11y  best   seo    LCP    CLS  failed audits")
        targets = {**{name: base + path for name, path in pages.items()}, "plain Material": plain_base}
        for name, url in targets.items():
            r = median_of_runs(url)
            print(
                f"{name:16} {r['performance']:5.0f} {r['accessibility']:5.0f} {r['best-practices']:5.0f} "
                f"{r['seo']:5.0f} {r['lcp']:5.2f}s {r['cls']:6.3f}  {', '.join(r['failed']) or '-'}"
            )
        plain_server.shutdown()
    server.shutdown()


if __name__ == "__main__":
    main()
