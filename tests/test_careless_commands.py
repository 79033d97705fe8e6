"""Careless arguments and files get a clear refusal from `new lesson` and `init`, never a traceback."""

from __future__ import annotations

from pathlib import Path

import yaml

from coursegen.commands.init import init_course
from coursegen.commands.new import new_lesson


def test_new_lesson_after_a_lesson_whose_order_has_5000_digits(sample_project: Path) -> None:
    (sample_project / "lessons/99-huge.yml").write_text("id: huge\norder: " + "9" * 5000 + "\n", encoding="utf-8")

    outcome = new_lesson(sample_project, "next-step")

    assert outcome.ok, outcome.message
    assert [p.name for p in (sample_project / "lessons").glob("*next-step.yml")] == ["03-next-step.yml"]


def test_init_refuses_a_language_that_would_add_settings(tmp_path: Path) -> None:
    for language in ("fr\nsite_url: https://evil.example/", "en: [", "../../x", "EN", ""):
        outcome = init_course(tmp_path / "course", language=language)
        assert not outcome.ok and "is not a language code" in outcome.message, language
        assert not (tmp_path / "course").exists()


def test_init_refuses_a_name_of_more_than_one_line(tmp_path: Path) -> None:
    outcome = init_course(tmp_path / "course", name="Knife skills\nsite_url: https://evil.example/")
    assert not outcome.ok and "one line" in outcome.message


def test_init_writes_quotes_and_backslashes_of_a_name_as_they_are(tmp_path: Path) -> None:
    name = 'Chef\'s "knife" \\ skills: #1'
    outcome = init_course(tmp_path / "course", name=name, language="fr")
    assert outcome.ok, outcome.message
    settings = yaml.safe_load((tmp_path / "course/mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert settings["site_name"] == name
    assert settings["theme"]["language"] == "fr"
