"""Phone-first and offline: no request leaves the site, the course installs, and it works with no network."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

from conftest import PHONE
from PIL import Image
from playwright.sync_api import Browser, expect


def all_pages(site: Path) -> list[str]:
    """Return the path of every built page, relative to the site root."""
    return sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
    )


def test_every_request_of_every_page_stays_on_the_site(browser: Browser, serve, built_site: Path) -> None:
    base = serve(built_site)
    origin = urlparse(base).netloc
    context = browser.new_context(**PHONE)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    pages = all_pages(built_site)
    assert len(pages) >= 18
    for rel in pages:
        page.goto(base + rel, wait_until="networkidle")
    elsewhere = [url for url in requests if urlparse(url).netloc != origin and not url.startswith("data:")]
    assert elsewhere == []
    assert len(requests) > len(pages)
    context.close()


def test_after_one_visit_the_course_works_offline(browser: Browser, serve, built_site: Path) -> None:
    base = serve(built_site)
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=15000)
    context.set_offline(True)
    page.goto(base + "lessons/06-single-leg-hinge/")
    expect(page.locator("h1")).to_contain_text("single-leg")
    expect(page.locator("figure img").first).to_have_js_property("complete", True)
    page.goto(base + "quizzes/02-dowel-test/")
    question = page.locator('.cq-question[data-cq-type="single"]').first
    question.locator("input[data-cq-correct]").locator("xpath=..").tap()
    expect(question.locator("[data-cq-feedback]")).to_contain_text("Right.")
    page.reload()
    expect(question.locator("[data-cq-feedback]")).to_contain_text("Right.")
    context.close()


def test_the_manifest_is_valid_and_its_icons_exist(built_site: Path) -> None:
    manifest = json.loads((built_site / "manifest.webmanifest").read_text())
    assert manifest["name"] == "The Hip Hinge"
    assert manifest["start_url"] == "./" and manifest["display"] == "standalone"
    assert manifest["theme_color"].startswith("#")
    sizes = set()
    for icon in manifest["icons"]:
        with Image.open(built_site / icon["src"]) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]
            sizes.add(image.width)
    assert {192, 512} <= sizes
    home = (built_site / "index.html").read_text()
    assert re.search(r'<link rel="manifest" href="(\./)?manifest\.webmanifest">', home)  # Zensical writes ./


def test_offline_false_ships_a_worker_that_removes_itself(sample_project: Path, engine: str) -> None:
    from project import run_build

    config = sample_project / "mkdocs.yml"
    config.write_text(config.read_text().replace("offline: true", "offline: false"))
    assert run_build(sample_project, "build", "--engine", engine).returncode == 0
    worker = (sample_project / "site/sw.js").read_text()
    assert "unregister()" in worker and "addAll" not in worker
