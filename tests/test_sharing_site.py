"""Trainer sharing, checked on built sites: branding, link previews, reminders, publishing settings."""

from __future__ import annotations

import io
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from PIL import Image, ImageChops
from project import ROOT, copy_project, run_build

from coursegen.site import sharing

TRAINER = """  trainer:
    name: Sam Rivera Coaching
    phone: "+1 555 010 0199"
    email: sam@example.com
    booking_url: https://example.com/book
    city: Halifax
"""
SITE_URL = {"SITE_URL": "https://coach.example.com/hinge/"}


class Meta(HTMLParser):
    """Collect the meta tags of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("property" in values or "name" in values):
            self.tags[values.get("property") or values["name"]] = values.get("content", "")


@pytest.fixture(scope="module")
def branded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real course built with trainer details and a published address."""
    project = copy_project(tmp_path_factory.mktemp("branded") / "course", course=ROOT)
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text() + TRAINER)
    result = run_build(project, "build", "--strict", env=SITE_URL)
    assert result.returncode == 0, result.stderr
    return project / "site"


def pages(site: Path) -> list[Path]:
    """Return every built page except the 404 page."""
    return [p for p in sorted(site.rglob("index.html"))]


def test_every_page_has_link_preview_tags_and_a_1200x630_image(branded: Path) -> None:
    for page in pages(branded):
        meta = Meta()
        meta.feed(page.read_text(encoding="utf-8"))
        for tag in ("og:title", "og:description", "og:image", "og:url", "twitter:card"):
            assert meta.tags.get(tag), f"{page}: {tag}"
        assert meta.tags["og:url"].startswith("https://coach.example.com/hinge/")
        image = branded / meta.tags["og:image"].removeprefix("https://coach.example.com/hinge/")
        with Image.open(image) as preview:
            assert preview.size == (1200, 630), image


def test_trainer_details_show_on_every_page(branded: Path) -> None:
    for page in pages(branded):
        html = page.read_text(encoding="utf-8")
        assert "Sam Rivera Coaching" in html and 'href="tel:+15550100199"' in html, page
        assert 'href="mailto:sam@example.com"' in html and "Book a session" in html, page


def test_without_a_trainer_no_empty_block_shows(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "course")
    assert run_build(project, "build").returncode == 0
    for page in pages(project / "site"):
        html = page.read_text(encoding="utf-8")
        assert "cq-trainer" not in html and "Send my result" not in html, page


def test_quiz_pages_offer_to_send_the_result_to_the_trainer(branded: Path) -> None:
    html = (branded / "quizzes/02-dowel-test/index.html").read_text(encoding="utf-8")
    assert "Send my result to Sam Rivera Coaching" in html and 'data-cq-email="sam@example.com"' in html


def test_a_program_offers_reminders_made_in_the_browser(branded: Path) -> None:
    program = yaml.safe_load((ROOT / "programs/new-client.yml").read_text())
    html = (branded / "programs/new-client/index.html").read_text()
    assert f'data-cq-days="{",".join(program["reminder_days"])}"' in html
    assert f'data-cq-time="{program["reminder_time"]}"' in html and f'data-cq-count="{len(program["lessons"])}"' in html
    assert not (branded / "calendar").exists(), "no calendar file starting on a fixed date is built"


def test_a_missing_site_url_is_warned_about_by_name(sample_project: Path) -> None:
    config = sample_project / "mkdocs.yml"
    config.write_text("\n".join(line for line in config.read_text().splitlines() if not line.startswith("site_url")))
    result = run_build(sample_project, "check")
    assert "mkdocs.yml:1:1: warning: site_url is not set in mkdocs.yml" in result.stderr
    assert run_build(sample_project, "check", "--strict").returncode == 1


def test_the_pages_workflow_runs_the_readme_build(tmp_path: Path) -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text())
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    uses = {step.get("uses", "").split("@")[0] for step in steps}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= uses
    assert any("make site" in step.get("run", "") for step in steps)
    assert "make site" in (ROOT / "README.md").read_text()


def test_a_lesson_card_shows_the_lesson_figure(tmp_path: Path) -> None:
    from coursegen.commands.generate import generate
    from coursegen.commands.read import read_fonts
    from coursegen.site.icons import Artwork, Fonts

    project = copy_project(tmp_path / "course")
    generated = generate(project, env={})
    settings, fonts = generated.course.settings, read_fonts()
    assert isinstance(fonts, Fonts)
    figure = Artwork("figures/hinge.svg", (project / "docs/figures/hinge.svg").read_bytes())
    card = sharing.Card("First steps", "What a hip hinge is.", "figures/hinge.svg")
    with_figure = sharing.draw_card(card, settings=settings, figures={figure.name: figure}, logo=None, fonts=fonts)
    icon_only = sharing.draw_card(
        sharing.Card(card.title, card.description), settings=settings, figures={}, logo=None, fonts=fonts
    )
    key = generated.drawings["docs/previews/lessons-01-first-steps.jpg"].key
    assert (project / ".coursegen-cache/drawings" / key).read_bytes() == with_figure
    with Image.open(io.BytesIO(with_figure)) as drawn, Image.open(io.BytesIO(icon_only)) as plain:
        assert drawn.size == plain.size == (1200, 630)
        box = sharing.CARD_FIGURE_BOX
        difference = ImageChops.difference(drawn.convert("RGB"), plain.convert("RGB")).crop(box)
        assert sum(1 for value in difference.convert("L").tobytes() if value > 40) > 5000


def test_an_unchanged_rebuild_draws_no_card(tmp_path: Path) -> None:
    from coursegen.commands.build import build
    from coursegen.commands.generate import generate

    project = copy_project(tmp_path / "course")
    assert build(project, site_dir=project / "site").ok
    again = generate(project)
    assert again.drawn == 0
    assert again.plan.writes == {} and again.plan.deletes == ()


def test_an_unchanged_rebuild_imports_no_drawing_library(tmp_path: Path) -> None:
    # Pillow, resvg and segno are imported only to draw, and take longer to import than such a rebuild takes.
    project = copy_project(tmp_path / "course")
    assert run_build(project, "build", env=SITE_URL).returncode == 0
    assert list((project / "docs/qr").glob("*.svg")), "the course has QR codes to make"
    probe = (
        "import sys; from pathlib import Path; from coursegen.commands.generate import generate; "
        f"generated = generate(Path('.'), env={SITE_URL!r}); assert generated.ok and not generated.drawn; "
        "print(sorted(m for m in ('PIL', 'resvg_py', 'segno') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=project, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


def test_a_card_drawn_while_the_engine_builds_reaches_docs_and_the_site(tmp_path: Path) -> None:
    from coursegen.commands.build import build
    from coursegen.output.write import digest, read_manifest

    project = copy_project(tmp_path / "course")
    assert build(project, site_dir=project / "site").ok
    lesson = project / "lessons/01-first-steps.yml"
    lesson.write_text(lesson.read_text().replace("title: ", "title: Renamed ", 1))
    card = "previews/lessons-01-first-steps.jpg"
    before = (project / "docs" / card).read_bytes()
    assert build(project, site_dir=project / "site").ok
    after = (project / "docs" / card).read_bytes()
    assert after != before and (project / "site" / card).read_bytes() == after
    assert read_manifest(project)[f"docs/{card}"] == {digest(after)}


def test_a_hand_written_file_where_a_card_goes_stops_the_build_before_any_write(tmp_path: Path) -> None:
    from coursegen.commands.build import build

    project = copy_project(tmp_path / "course")
    card = project / "docs/previews/lessons-01-first-steps.jpg"
    card.parent.mkdir(parents=True)
    card.write_bytes(b"my own picture")
    outcome = build(project, site_dir=project / "site")
    assert not outcome.ok
    assert any(d.path == "docs/previews/lessons-01-first-steps.jpg" for d in outcome.diagnostics)
    assert card.read_bytes() == b"my own picture" and not (project / "site").exists()
    assert not (project / "docs/lessons").exists()
