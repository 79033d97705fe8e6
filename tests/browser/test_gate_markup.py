"""The markup the final gate refuses because Python's html.parser reads it as harmless does run script in Chromium.

tests/test_gate.py holds the same markup and shows the gate refuses each; this shows the refusal matters.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_gate import BROWSER_READS_DIFFERENTLY, PAGE


@pytest.mark.parametrize("name", sorted(BROWSER_READS_DIFFERENTLY))
def test_markup_html_parser_reads_as_harmless_runs_script_in_chromium(phone: Page, name: str) -> None:
    markup = BROWSER_READS_DIFFERENTLY[name].replace("alert(1)", "window.pwned=1")
    phone.set_content(PAGE.format(markup))
    if phone.locator("text=Tap").count():
        phone.locator("text=Tap").click()
    phone.wait_for_timeout(200)
    assert phone.evaluate("window.pwned") == 1, name
