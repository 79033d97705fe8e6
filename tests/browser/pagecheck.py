"""Checks the browser tests share: the strict Content-Security-Policy, and axe-core."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).parent / "node_modules/axe-core/axe.min.js"
STRICT_CSP = "default-src 'self'; img-src 'self' data:"
# Zensical 0.0.73's search draws its panel with one inline <style> in a shadow root, which `default-src
# 'self'` blocks; a Zensical site must allow that one stylesheet by its hash (README, Content-Security-Policy).
ZENSICAL_SEARCH_STYLE = "'sha256-NwSx/R2V/U4jnW0Tq5pQ53Y/rzPVJ4dqE7D6UTA/J1k='"
STRICT_CSPS = {"mkdocs": STRICT_CSP, "zensical": f"{STRICT_CSP}; style-src 'self' {ZENSICAL_SEARCH_STYLE}"}


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core on the page and return its violations (WCAG 2 A and AA rules)."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})).violations"
        ".map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"
    )
