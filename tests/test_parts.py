"""Big courses: page names that keep their order past 99 lessons, and lessons grouped in part folders."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from project import run_build
from test_reliability import broken_links

from coursegen.commands.engine import zensical_path

ENGINES = [
    "mkdocs",
    pytest.param("zensical", marks=pytest.mark.skipif(not zensical_path().exists(), reason="no Zensical")),
]


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


class Images(HTMLParser):
    """Collect the local image addresses of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        source = dict(attrs).get("src") or ""
        if tag == "img" and source and not re.match(r"^[a-z]+:", source):
            self.sources.append(source)


def broken_images(site: Path) -> list[str]:
    """Return every <img> in the site whose file does not exist."""
    broken = []
    for page in site.rglob("*.html"):
        parser = Images()
        parser.feed(page.read_text(encoding="utf-8"))
        broken += [f"{page}: {src}" for src in parser.sources if not (page.parent / unquote(src)).is_file()]
    return broken


def make_parts(project: Path) -> None:
    """Group the sample course in two parts, with a third lesson in the second, and one quiz in a sub-folder."""
    (project / "lessons/week-1").mkdir()
    (project / "lessons/week-2").mkdir()
    (project / "lessons/01-first-steps.yml").rename(project / "lessons/week-1/01-first-steps.yml")
    (project / "lessons/02-red-flags.yml").rename(project / "lessons/week-2/02-red-flags.yml")
    write_lesson(project, "lessons/week-2/03-daily-life.yml", lesson_id="daily-life", title="Daily life", order=3)
    write_quiz(project, "quizzes/daily-life.yml", lesson_id="daily-life")
    (project / "quizzes/week-1").mkdir()
    (project / "quizzes/first-steps.yml").rename(project / "quizzes/week-1/first-steps.yml")
    home = project / "docs/index.md"
    home.write_text(home.read_text().replace("lessons/01-first-steps.md", "lessons/week-1/01-first-steps.md"))


def generated_pages(project: Path) -> list[str]:
    """Return the generated lesson and quiz pages under docs/."""
    docs = project / "docs"
    return sorted(p.relative_to(docs).as_posix() for f in ("lessons", "quizzes") for p in (docs / f).rglob("*.md"))


def test_parts_become_sections_of_the_menu_and_every_link_resolves(sample_project: Path) -> None:
    make_parts(sample_project)
    result = run_build(sample_project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert generated_pages(sample_project) == [
        "lessons/week-1/01-first-steps.md",
        "lessons/week-2/02-red-flags.md",
        "lessons/week-2/03-daily-life.md",
        "quizzes/week-1/01-first-steps.md",
        "quizzes/week-2/02-red-flags-check.md",
        "quizzes/week-2/02-red-flags.md",
        "quizzes/week-2/03-daily-life.md",
    ]
    site = sample_project / "site"
    titles = nav_titles(site / "index.html")
    lessons = titles[titles.index("Lessons") : titles.index("Programs")]
    assert lessons == ["Lessons", "Week 1", "First steps", "Week 2", "When to get help", "Daily life"]
    assert titles[titles.index("Quizzes") :][:3] == ["Quizzes", "Week 1", "Check yourself: First steps"]
    lesson = (site / "lessons/week-1/01-first-steps/index.html").read_text(encoding="utf-8")
    assert '<a href="../../week-2/02-red-flags/">Warning signs that need care</a>' in lesson
    quiz = (site / "quizzes/week-1/01-first-steps/index.html").read_text(encoding="utf-8")
    assert 'href="../../../lessons/week-2/02-red-flags/">Next lesson: When to get help</a>' in quiz
    assert broken_links(site) == []
    assert broken_images(site) == []


def test_an_unchanged_rebuild_of_a_course_in_parts_rewrites_no_file(sample_project: Path) -> None:
    make_parts(sample_project)
    assert run_build(sample_project, "build").returncode == 0
    files = [*(sample_project / "docs").rglob("*"), sample_project / ".coursegen-manifest.json"]
    times = {p: p.stat().st_mtime_ns for p in files if p.is_file()}
    assert sample_project / "docs/lessons/week-2/03-daily-life.md" in times
    result = run_build(sample_project, "build")
    assert result.returncode == 0, result.stderr
    assert "(0 changed)" in result.stdout
    assert {p: p.stat().st_mtime_ns for p in times} == times


def test_leaving_a_part_removes_its_pages_and_folders_but_never_a_hand_written_file(sample_project: Path) -> None:
    make_parts(sample_project)
    assert run_build(sample_project, "build").returncode == 0
    notes = sample_project / "docs/lessons/week-1/notes.md"
    notes.write_text("# Notes for week 1\n\nWritten by hand.\n")
    for lesson in [*(sample_project / "lessons").rglob("*.yml")]:
        lesson.rename(sample_project / "lessons" / lesson.name)
    home = sample_project / "docs/index.md"
    home.write_text(home.read_text().replace("lessons/week-1/01-first-steps.md", "lessons/01-first-steps.md"))
    result = run_build(sample_project, "build")
    assert result.returncode == 0, result.stderr
    docs = sample_project / "docs"
    assert generated_pages(sample_project)[:3] == [
        "lessons/01-first-steps.md",
        "lessons/02-red-flags.md",
        "lessons/03-daily-life.md",
    ]
    assert not (docs / "lessons/week-2").exists() and not (docs / "quizzes/week-2").exists()
    assert not (docs / "quizzes/week-1").exists() and not (docs / "lessons/week-1/01-first-steps.md").exists()
    assert notes.read_text() == "# Notes for week 1\n\nWritten by hand.\n"
    assert not (docs / "previews/lessons-week-2-02-red-flags.jpg").exists()
    assert broken_links(sample_project / "site") == []


def test_a_lesson_three_folders_deep_is_an_error_naming_the_file_and_the_fix(sample_project: Path) -> None:
    write_lesson(sample_project, "lessons/unit-1/week-1/extra/03-deep.yml", lesson_id="deep", title="Deep", order=3)
    result = run_build(sample_project, "check")
    assert result.returncode == 1
    assert (
        "lessons/unit-1/week-1/extra/03-deep.yml:1:1: error: a lesson file can be in lessons/, in a part "
        "(lessons/<part>/) or in a part of a group (lessons/<group>/<part>/), not 3 folders deep" in result.stderr
    )
    assert "Move it to lessons/unit-1/week-1/03-deep.yml." in result.stderr


def make_groups(project: Path) -> None:
    """Group the sample course's parts: week-1 in unit-1, week-2 and week-3 in unit-2; prune the menu; title some."""
    make_parts(project)
    lessons = project / "lessons"
    (lessons / "unit-1").mkdir()
    (lessons / "unit-2").mkdir()
    (lessons / "week-1").rename(lessons / "unit-1/week-1")
    (lessons / "week-2").rename(lessons / "unit-2/week-2")
    write_lesson(project, "lessons/unit-2/week-3/04-at-work.yml", lesson_id="at-work", title="At work", order=4)
    write_quiz(project, "quizzes/at-work.yml", lesson_id="at-work")
    home = project / "docs/index.md"
    home.write_text(home.read_text().replace("lessons/week-1/", "lessons/unit-1/week-1/"))
    config = project / "mkdocs.yml"
    text = config.read_text().replace("\n  features:\n", "\n  features:\n    - navigation.prune\n", 1)
    titles = (
        "\n    parts:\n      - folder: unit-2\n        title: Everyday life\n"
        "      - folder: unit-2/week-2\n        title: Around the house\n"
    )
    config.write_text(text.replace("\n  course:\n", "\n  course:" + titles, 1))
    (project / "overrides/README.md").unlink(missing_ok=True)  # Zensical would publish it (issue 28)


@pytest.mark.parametrize("engine", ENGINES)
def test_grouped_parts_build_and_a_lessons_menu_shows_the_groups_and_the_open_groups_parts(
    sample_project: Path, engine: str
) -> None:
    make_groups(sample_project)
    result = run_build(sample_project, "build", "--strict", "--engine", engine)
    assert result.returncode == 0, result.stderr
    site = sample_project / "site"
    titles = nav_titles(site / "lessons/unit-2/week-2/03-daily-life/index.html")
    lessons = titles[titles.index("Lessons") : titles.index("Programs")]
    open_part = ["Around the house", "When to get help", "Daily life"]
    assert lessons == ["Lessons", "Unit 1", "Everyday life", *open_part, "Week 3"], "groups, the open group's parts"
    assert "First steps" not in lessons and "At work" not in lessons, "a closed group or part shows no lessons"
    prescribe = (site / "shared/prescribe/index.html").read_text(encoding="utf-8")
    assert "<summary>Everyday life: Week 3</summary>" in prescribe
    assert (site / "quizzes/unit-2/week-3/04-at-work/index.html").is_file()
    assert broken_links(site) == []


def test_two_grouped_parts_of_one_name_and_two_titles_are_an_error_the_menu_would_hide(sample_project: Path) -> None:
    make_groups(sample_project)
    (sample_project / "lessons/unit-2/week-3").rename(sample_project / "lessons/unit-2/week-1")
    result = run_build(sample_project, "check")
    assert result.returncode == 0, "one name and one title: the menu shows the right one"
    config = sample_project / "mkdocs.yml"
    config.write_text(config.read_text().replace("folder: unit-2/week-2", "folder: unit-2/week-1"))
    result = run_build(sample_project, "check")
    assert result.returncode == 1
    assert (
        "error: the folders 'unit-1/week-1' and 'unit-2/week-1' have different titles, but the menu knows a "
        "folder by its own name" in result.stderr
    )
    assert "Rename one of them (unit-2/week-1-2), or give both the same title." in result.stderr


def test_a_part_folder_with_spaces_or_capitals_is_an_error_naming_where_titles_go(sample_project: Path) -> None:
    write_lesson(sample_project, "lessons/Part One/03-spaced.yml", lesson_id="spaced", title="Spaced", order=3)
    result = run_build(sample_project, "check")
    assert result.returncode == 1
    assert "lessons/Part One/03-spaced.yml:1:1: error: the part folder 'Part One' is not a short name" in result.stderr
    assert "under extra.course.parts" in result.stderr


def test_a_lesson_id_used_in_two_parts_is_reported_where_it_repeats(sample_project: Path) -> None:
    make_parts(sample_project)
    write_lesson(sample_project, "lessons/week-2/05-again.yml", lesson_id="first-steps", title="Again", order=5)
    result = run_build(sample_project, "check")
    assert result.returncode == 1
    assert (
        "lessons/week-2/05-again.yml:1:5: error: lesson id 'first-steps' is also used by "
        "lessons/week-1/01-first-steps.yml" in result.stderr
    )


def test_a_part_the_menu_lists_out_of_lesson_order_is_a_warning(sample_project: Path) -> None:
    make_parts(sample_project)
    (sample_project / "lessons/week-2").rename(sample_project / "lessons/week-0")
    result = run_build(sample_project, "check")
    assert result.returncode == 0, result.stderr
    assert "lessons/week-0/03-daily-life.yml:4:8: warning: lesson order 3 comes after order 1" in result.stderr
    assert result.stderr.count("warning: lesson order") == 2, "the lesson of order 1 is where it belongs"
    assert (
        "lessons/week-0/02-red-flags.yml:4:8: warning: lesson order 2 comes after order 1 "
        "(lessons/week-1/01-first-steps.yml), but the menu lists part 'week-0' before part 'week-1'"
    ) in result.stderr
    assert run_build(sample_project, "check", "--strict").returncode == 1


def test_new_lesson_goes_to_the_top_of_lessons_numbered_after_every_part(sample_project: Path) -> None:
    make_parts(sample_project)
    result = run_build(sample_project, "new", "lesson", "at-home")
    assert result.returncode == 0, result.stderr
    assert (sample_project / "lessons/04-at-home.yml").is_file()
    assert run_build(sample_project, "new", "quiz", "at-home").returncode == 0
    check = run_build(sample_project, "check")
    assert check.returncode == 0, check.stderr
    assert (
        "lessons/04-at-home.yml:9:8: warning: lesson order 4 comes after order 3 (lessons/week-2/03-daily-life.yml), "
        "but the menu lists the lessons at the top of lessons/ before part 'week-2'"
    ) in check.stderr
    assert "Move the file into the right part" in check.stderr
    taken = run_build(sample_project, "new", "lesson", "daily-life")
    assert taken.returncode != 0 and "lessons/week-2/03-daily-life.yml already exists" in taken.stderr
