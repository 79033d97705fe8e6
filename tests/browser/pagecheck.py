"""Checks the browser tests share: the strict Content-Security-Policy, and axe-core."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).parent / "node_modules/axe-core/axe.min.js"
# Pagefind (search on MkDocs) compiles its WebAssembly, which script-src must allow: 'wasm-unsafe-eval' lets
# a page compile WebAssembly, and nothing else (no eval, no inline script).
STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data:"
# Zensical 0.0.73's search draws its panel with one inline <style> in a shadow root, which `default-src
# 'self'` blocks; a Zensical site must allow that one stylesheet by its hash (README, Content-Security-Policy).
ZENSICAL_SEARCH_STYLE = "'sha256-NwSx/R2V/U4jnW0Tq5pQ53Y/rzPVJ4dqE7D6UTA/J1k='"
# Zensical 0.0.73's bundle looks the decoded fragment up as an element id, `[id="..."]`: a program link whose
# note or name holds a quote or a line break makes that selector invalid, and the bundle logs the error (the
# page still works). Material's bundle does not; this is the one message a Zensical page may log for it.
ZENSICAL_FRAGMENT_LOOKUP = "is not a valid selector"


def engine_problems(problems: list[str], engine: str) -> list[str]:
    """Return the problems a page logged, less Zensical's own fragment lookup error on a Zensical site."""
    return [p for p in problems if engine != "zensical" or ZENSICAL_FRAGMENT_LOOKUP not in p]


STRICT_CSPS = {"mkdocs": STRICT_CSP, "zensical": f"{STRICT_CSP}; style-src 'self' {ZENSICAL_SEARCH_STYLE}"}


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core on the page and return its violations (WCAG 2 A and AA rules)."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})).violations"
        ".map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"
    )
