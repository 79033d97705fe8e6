"""Run Lighthouse (mobile, default throttling) on the home page, a lesson, a quiz and a program page.

Also runs it on two stock Material pages holding the same lesson text, built in the same run (see
reference.py): plain Material, and Material with the theme settings the course must have. Prints the
median of 3 runs per page. Needs `npm ci` in bench/ and Debian's chromium.

Run after `make site`:  .venv/bin/python bench/lighthouse.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from reference import reference_site
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
    scores["fcp"] = data["audits"]["first-contentful-paint"]["numericValue"] / 1000
    scores["lcp"] = data["audits"]["largest-contentful-paint"]["numericValue"] / 1000
    scores["tbt"] = data["audits"]["total-blocking-time"]["numericValue"]
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
    result = {key: statistics.median(r[key] for r in runs) for key in (*CATEGORIES, "fcp", "lcp", "tbt", "cls")}
    result["failed"] = sorted({a for r in runs for a in r["failed"]})
    return result


def main() -> None:
    """Print the median Lighthouse figures per page."""
    pages = {"home": "", "lesson": "lessons/02-dowel-test/", "quiz": "quizzes/02-dowel-test/"}
    programs = sorted((SITE / "programs").glob("*/index.html")) if (SITE / "programs").is_dir() else []
    if programs:
        pages["program"] = f"programs/{programs[0].parent.name}/"
    with tempfile.TemporaryDirectory() as tmp:
        base, server = serve(SITE)
        plain, plain_server = serve(reference_site(Path(tmp, "plain"), featured=False))
        featured, featured_server = serve(reference_site(Path(tmp, "featured"), featured=True))
        targets = {name: base + path for name, path in pages.items()}
        targets |= {"plain Material": plain, "Material + toggle": featured, "M. + toggle, quiz": featured + "quiz/"}
        print(f"Lighthouse {RUNS}-run medians, mobile, text served gzip-compressed over keep-alive HTTP/1.1")
        print("page               perf  a11y  best   seo    FCP    LCP    TBT    CLS  failed audits")
        for name, url in targets.items():
            r = median_of_runs(url)
            print(
                f"{name:17} {r['performance']:5.0f} {r['accessibility']:5.0f} {r['best-practices']:5.0f} "
                f"{r['seo']:5.0f} {r['fcp']:5.2f}s {r['lcp']:5.2f}s {r['tbt']:4.0f}ms {r['cls']:6.3f}  "
                f"{', '.join(r['failed']) or '-'}"
            )
        for running in (server, plain_server, featured_server):
            running.shutdown()


if __name__ == "__main__":
    main()
