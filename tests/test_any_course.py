"""Any subject, any language: other courses build with nothing of the hip-hinge course, and every catalogue is whole.

Two fixture courses live in tests/courses/: knife skills (English, in parts, every question type, a
self-check, a program, trainer details) and hand washing in French. A third is made by `init`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from project import ROOT, copy_project, run_build, search_fragments

from coursegen.commands.read import read_catalogues
from coursegen.model.strings import PLURAL_CATEGORIES, placeholders

COURSES = ROOT / "tests/courses"
FORBIDDEN = ("hinge", "dowel", "back pain", "practitioner", "physio", "red flag", "sacrum")
TEXT_SUFFIXES = (".html", ".json", ".ics", ".webmanifest", ".js", ".css", ".xml", ".svg", ".txt")
CATALOGUES = read_catalogues()


def built(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """Build one fixture course in a throwaway folder with the engine, and return the project."""
    project = copy_project(tmp_path_factory.mktemp(name) / "course", course=COURSES / name)
    result = run_build(project, "build", "--strict", env={"SITE_URL": "https://example.com/course/"})
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture(scope="module")
def knife_skills(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(tmp_path_factory, "knife-skills")


@pytest.fixture(scope="module")
def hand_washing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(tmp_path_factory, "lavage-des-mains")


@pytest.fixture(scope="module")
def new_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A course made by `coursegen init`, then built with one command, as an author would."""
    folder = tmp_path_factory.mktemp("init") / "my-course"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    made = subprocess.run(
        [sys.executable, "-m", "coursegen", "init", str(folder)], capture_output=True, text=True, env=env
    )
    assert made.returncode == 0, made.stderr
    result = subprocess.run(
        [sys.executable, "-m", "coursegen", "build", "--strict"], cwd=folder, capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


def site_words(site: Path) -> dict[str, str]:
    """Return the text of every text file of a built site, lower-cased, by path."""
    words = {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8", errors="replace").lower()
        for p in site.rglob("*")
        if p.is_file() and p.suffix in TEXT_SUFFIXES
    }
    if (site / "pagefind/fragment").is_dir():  # the search's text, gzipped by Pagefind
        words |= {f"pagefind: {f['url']}": json.dumps(f, ensure_ascii=False).lower() for f in search_fragments(site)}
    return words


def forbidden_in(site: Path) -> list[str]:
    """Return 'path: word' for every hip-hinge word found in a built site."""
    return [f"{path}: {word}" for path, text in site_words(site).items() for word in FORBIDDEN if word in text]


@pytest.mark.parametrize("course", ["knife_skills", "hand_washing", "new_course"])
def test_a_built_course_holds_nothing_of_the_hip_hinge_course(course: str, request: pytest.FixtureRequest) -> None:
    site = request.getfixturevalue(course) / "site"
    assert (site / "pagefind/pagefind-entry.json").is_file() and (site / "manifest.webmanifest").is_file()
    assert list(site.glob("programs/*/index.html")), "the course has a program"
    assert (site / "shared/course.json").is_file(), "the course lists its lessons for programs made in the browser"
    assert forbidden_in(site) == []


def test_the_check_catches_a_hip_hinge_word(knife_skills: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "search/search_index.json").write_text('{"docs": [{"text": "The Dowel test"}]}', encoding="utf-8")
    assert forbidden_in(site) == ["search/search_index.json: dowel"]


def test_the_new_course_passes_check_and_says_so(new_course: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "coursegen", "check"], cwd=new_course, capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert "OK: 1 lesson, 1 quiz, 1 program." in result.stdout


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "coursegen", "init", str(tmp_path)], capture_output=True, text=True, env=env
    )
    assert result.returncode == 1
    assert "is not empty" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_the_french_course_speaks_french(hand_washing: Path) -> None:
    site = hand_washing / "site"
    lesson = next(site.glob("lessons/*/index.html")).read_text(encoding="utf-8")
    assert '<html lang="fr"' in lesson
    assert ">Étapes<" in lesson or "Étapes</h2>" in lesson
    assert "Leçons" in lesson and "Lessons" not in lesson
    strings = json.loads(re.search(r'<script type="application/json" id="cq-strings">(.*?)</script>', lesson).group(1))
    assert strings["score"]["one"] == "{right} bonne réponse sur {total}."
    program = next(site.glob("programs/*/index.html")).read_text(encoding="utf-8")
    reminders = re.search(r'<div class="cq-reminders" data-cq-reminders[^>]*>', program).group(0)
    assert "Time for" not in reminders and "Practice:" not in reminders


def test_knife_skills_parts_carry_their_authors_titles(knife_skills: Path) -> None:
    settings = yaml.safe_load((COURSES / "knife-skills/mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    titles = [part["title"] for part in settings["extra"]["course"]["parts"]]
    page = (knife_skills / "site/index.html").read_text(encoding="utf-8")
    for title in titles:
        assert title.replace("&", "&amp;") in page, title


def test_every_catalogue_has_every_english_key_with_the_same_placeholders() -> None:
    english = CATALOGUES["en"]
    assert len(CATALOGUES) >= 2
    for code, catalogue in CATALOGUES.items():
        assert sorted(catalogue) == sorted(english), f"{code}.yml: keys differ from en.yml"
        for key, entry in catalogue.items():
            assert placeholders(entry) == placeholders(english[key]), f"{code}.yml {key}: placeholders"
            assert isinstance(entry, str) == isinstance(english[key], str), f"{code}.yml {key}: plural or not"
            if not isinstance(entry, str):
                assert "other" in entry and set(entry) <= set(PLURAL_CATEGORIES), f"{code}.yml {key}: forms"


def test_the_engine_names_no_subject() -> None:
    engine = [
        p
        for p in (ROOT / "coursegen").rglob("*")
        if p.is_file() and p.suffix in (".py", ".html", ".js", ".css", ".yml")
    ]
    found = [
        f"{p.relative_to(ROOT)}: {word}"
        for p in engine
        for word in FORBIDDEN
        if word in p.read_text(encoding="utf-8").lower()
    ]
    assert found == []


def test_a_language_with_no_catalogue_builds_in_english_and_says_so_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "course", course=COURSES / "knife-skills")
    settings = project / "mkdocs.yml"
    settings.write_text(
        re.sub(r"language: \w+", "language: de", settings.read_text(encoding="utf-8")), encoding="utf-8"
    )
    result = run_build(project, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("no strings catalogue for language 'de'") == 1
    page = next((project / "site/lessons").rglob("index.html")).read_text(encoding="utf-8")
    assert '<html lang="de"' in page and 'id="steps">Steps' in page
