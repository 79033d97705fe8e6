"""Run Lighthouse (mobile, default throttling) on the home page, a lesson, a quiz and a program page.

Beside them, in the same run and served the same way: the mkdocs-quiz peer (peer.py) and two stock Material
sites holding the same lesson and quiz text (reference.py), plain Material and Material with the theme
settings the course must have. Every page is measured RUNS times, interleaved (one run of every page, then
the next), and the median printed, with each run's performance score; then the budgets of issue 14. Needs
`npm ci` in bench/ and Debian's chromium.

Run after `make site`:  .venv/bin/python bench/lighthouse.py
Both engines side by side, one run:  .venv/bin/python bench/lighthouse.py --engines MKDOCS_SITE ZENSICAL_SITE
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from peer import peer_site
from reference import reference_site
from serve_gzip import serve

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
LIGHTHOUSE = Path(__file__).parent / "node_modules/.bin/lighthouse"
RUNS = 5
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


def median_of_runs(runs: list[dict]) -> dict:
    """Return the median of each figure over the runs, each run's performance, and the audits failed in any run."""
    result = {key: statistics.median(r[key] for r in runs) for key in (*CATEGORIES, "fcp", "lcp", "tbt", "cls")}
    result["runs"] = " ".join(f"{r['performance']:.0f}" for r in runs)
    result["failed"] = sorted({a for r in runs for a in r["failed"]})
    return result


def course_pages(site: Path) -> dict[str, str]:
    """Return the course pages measured: home, a lesson, a quiz and, if the course has one, a program."""
    pages = {"home": "", "lesson": "lessons/02-dowel-test/", "quiz": "quizzes/02-dowel-test/"}
    programs = sorted((site / "programs").glob("*/index.html")) if (site / "programs").is_dir() else []
    if programs:
        pages["program"] = f"programs/{programs[0].parent.name}/"
    return pages


def targets(tmp: Path) -> tuple[dict[str, str], list]:
    """Serve the course, the peer and the two references; return the pages to measure and the servers."""
    pages = course_pages(SITE)
    base, server = serve(SITE)
    peer, peer_server = serve(peer_site(tmp / "peer"))
    plain, plain_server = serve(reference_site(tmp / "plain", featured=False))
    featured, featured_server = serve(reference_site(tmp / "featured", featured=True))
    urls = {name: base + path for name, path in pages.items()}
    urls |= {
        "mkdocs-quiz, quiz": peer + "quiz/",
        "M. + toggle, lesson": featured,
        "M. + toggle, quiz": featured + "quiz/",
        "plain M., lesson": plain,
        "plain M., quiz": plain + "quiz/",
    }
    return urls, [server, peer_server, plain_server, featured_server]


def verdicts(results: dict[str, dict]) -> list[str]:
    """Return issue 14's Lighthouse budgets for each course page, each met or not."""
    lines = []
    for name in ("home", "lesson", "quiz", "program"):
        if name not in results:
            continue
        r = results[name]
        # Each course page against Material + toggle's page of the same kind (its lesson for home and program).
        ref = results["M. + toggle, quiz" if name == "quiz" else "M. + toggle, lesson"]
        checks = [
            ("performance 100", r["performance"] == 100),
            ("a11y/best/SEO 100", min(r["accessibility"], r["best-practices"], r["seo"]) == 100),
            ("TBT <= 50 ms", r["tbt"] <= 50),
            ("CLS 0", round(r["cls"], 3) == 0),
            ("LCP <= 1.2 s", r["lcp"] <= 1.2),
            (f"LCP >= 20% below M.+toggle ({ref['lcp']:.2f}s)", r["lcp"] <= 0.8 * ref["lcp"]),
            (f"FCP <= M.+toggle + 0.1 s ({ref['fcp']:.2f}s)", r["fcp"] <= ref["fcp"] + 0.1),
            (f"FCP <= 0.85x M.+toggle ({0.85 * ref['fcp']:.2f}s, issue 27)", r["fcp"] <= 0.85 * ref["fcp"]),
        ]
        lines.append(f"{name:8} " + "; ".join(f"{label}: {'met' if ok else 'NOT MET'}" for label, ok in checks))
    return lines


def measure(urls: dict[str, str], runs: int) -> dict[str, dict]:
    """Run Lighthouse `runs` times on every page, interleaved, and return each page's medians."""
    measured: dict[str, list[dict]] = {name: [] for name in urls}
    for _ in range(runs):
        for name, url in urls.items():
            measured[name].append(run_lighthouse(url))
    return {name: median_of_runs(r) for name, r in measured.items()}


def print_results(results: dict[str, dict], runs: int) -> None:
    """Print the median Lighthouse figures per page."""
    print(f"Lighthouse {runs}-run medians (interleaved), mobile, text served gzip-compressed over keep-alive HTTP/1.1")
    print("page                 perf (runs)       a11y  best   seo    FCP    LCP    TBT    CLS  failed audits")
    for name, r in results.items():
        print(
            f"{name:19} {r['performance']:4.0f} ({r['runs']:14}) {r['accessibility']:4.0f} {r['best-practices']:5.0f} "
            f"{r['seo']:5.0f} {r['fcp']:5.2f}s {r['lcp']:5.2f}s {r['tbt']:4.0f}ms {r['cls']:6.3f}  "
            f"{', '.join(r['failed']) or '-'}"
        )


def compare_engines(mkdocs_site: Path, zensical_site: Path) -> None:
    """Print one Lighthouse run of the course's pages as each engine built them, side by side."""
    servers, urls = [], {}
    for engine, site in (("mkdocs", mkdocs_site), ("zensical", zensical_site)):
        base, server = serve(site)
        servers.append(server)
        urls |= {f"{engine}, {name}": base + path for name, path in course_pages(site).items()}
    try:
        print_results(measure(urls, 1), 1)
    finally:
        for running in servers:
            running.shutdown()


def main() -> None:
    """Print the median Lighthouse figures per page, then the budgets."""
    with tempfile.TemporaryDirectory() as tmp:
        urls, servers = targets(Path(tmp))
        results = measure(urls, RUNS)
        for running in servers:
            running.shutdown()
    print_results(results, RUNS)
    print("budgets (issue 14):")
    for line in verdicts(results):
        print("  " + line)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--engines":
        compare_engines(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        main()
