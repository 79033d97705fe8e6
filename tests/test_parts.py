"""Big courses: page names that keep their order past 99 lessons, and lessons grouped in part folders."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from project import run_build


class NavTitles(HTMLParser):
    """Collect, in order, the titles of the links and sections of a page's main navigation."""

    def __init__(self) -> None:
        super().__init__()
        self.titles: list[str] = []
        self.navs: list[bool] = []  # for each open <nav>: is it part of the main navigation?
        self.capturing = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "nav":
            inside = bool(self.navs and self.navs[-1])
            self.navs.append("md-nav--primary" in classes or (inside and "md-nav--secondary" not in classes))
        elif self.navs and self.navs[-1] and tag in ("a", "label") and "md-nav__link" in classes:
            self.capturing = tag
            self.titles.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.navs:
            self.navs.pop()
        elif tag == self.capturing:
            self.capturing = ""
            self.titles[-1] = " ".join(self.titles[-1].split())

    def handle_data(self, data: str) -> None:
        if self.capturing:
            self.titles[-1] += data


def nav_titles(page: Path) -> list[str]:
    """Return the titles in a built page's main navigation, in order (the current page once)."""
    parser = NavTitles()
    parser.feed(page.read_text(encoding="utf-8"))
    return [t for i, t in enumerate(parser.titles) if t and (i == 0 or t != parser.titles[i - 1])]


def write_lesson(project: Path, rel: str, *, lesson_id: str, title: str, order: int) -> None:
    """Write a small valid lesson file."""
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"id: {lesson_id}\ntitle: {title}\nsummary: A lesson.\norder: {order}\n"
        "figures:\n  - src: figures/hinge.svg\n    alt: A person bends at the hips.\n"
        "sections:\n  - heading: How\n    body: Push your hips back.\n",
        encoding="utf-8",
    )


def write_quiz(project: Path, rel: str, *, lesson_id: str) -> None:
    """Write a one-question quiz for a lesson."""
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"id: {lesson_id}\nlesson: {lesson_id}\nquestions:\n"
        "  - id: hips\n    type: true-false\n    prompt: The hips go back.\n    answer: true\n",
        encoding="utf-8",
    )


def test_lessons_past_99_keep_their_order_in_the_navigation(sample_project: Path) -> None:
    write_lesson(sample_project, "lessons/11-eleventh.yml", lesson_id="eleventh", title="Eleventh lesson", order=11)
    write_lesson(sample_project, "lessons/100-hundredth.yml", lesson_id="hundredth", title="Lesson 100", order=100)
    for lesson_id in ("eleventh", "hundredth"):
        write_quiz(sample_project, f"quizzes/{lesson_id}.yml", lesson_id=lesson_id)
    home = sample_project / "docs/index.md"  # its link names the page; with three digits it is 001-first-steps.md
    home.write_text(home.read_text().replace("[the first lesson](lessons/01-first-steps.md)", "the first lesson"))
    result = run_build(sample_project, "build")
    assert result.returncode == 0, result.stderr
    titles = nav_titles(sample_project / "site/index.html")
    lessons = titles[titles.index("Lessons") + 1 :][:4]
    assert lessons == ["First steps", "When to get help", "Eleventh lesson", "Lesson 100"]
    names = sorted(p.name for p in (sample_project / "docs/lessons").iterdir())
    assert names == ["001-first-steps.md", "002-red-flags.md", "011-eleventh.md", "100-hundredth.md"]
