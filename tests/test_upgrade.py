"""`coursegen upgrade` turns a course in the previous format into one that builds, and a second run changes nothing."""

from __future__ import annotations

from pathlib import Path

from project import ROOT, copy_project, run_build

from coursegen.source.upgrade import upgrade_quiz

# The kit check of the knife-skills course as format 1 wrote a self-check: a message per tier, `tier` on questions.
FORMAT_1_QUIZ = """\
id: kit-check
lesson: pinch-grip
title: Is your kit ready?
intro: Answer five questions before you start. The advice below changes with your answers.
scored: false
care:  # one message per tier, most serious first
  emergency:
    title: "Do not use this knife today"
    message: >-
      Put the knife away with the blade covered, and use another one.
  urgent:
    title: Fix it before you start
    message: Put a damp cloth under the board, and dry the handle and your hands.
  soon:
    title: Get your knife sharpened
    message: Ask a chef or a knife shop to sharpen it.
questions:
  - id: loose-handle
    type: yes-no
    prompt: Does the blade wobble or move in the handle?
    tier: emergency  # a loose blade can slip
  - id: board-slides
    type: yes-no
    prompt: Does your board slide when you push it?
    tier: urgent
  - id: crushes-tomato
    type: yes-no
    prompt: Does the knife squash a tomato instead of slicing it?
    tier: soon
"""


def test_a_quiz_is_rewritten_in_place_keeping_its_comments_and_order() -> None:
    text, changes = upgrade_quiz("quizzes/kit-check.yml", FORMAT_1_QUIZ)
    assert [str(c) for c in changes] == [
        "quizzes/kit-check.yml:6: care -> levels",
        "quizzes/kit-check.yml:21: tier -> level",
        "quizzes/kit-check.yml:25: tier -> level",
        "quizzes/kit-check.yml:29: tier -> level",
    ]
    assert "levels: # one message per tier, most serious first\n  - id: emergency\n" in text
    assert "    level: emergency # a loose blade can slip\n" in text
    assert text.index("scored: false") < text.index("levels:") < text.index("questions:")
    assert "      Put the knife away with the blade covered, and use another one.\n    style: danger\n" in text
    assert upgrade_quiz("quizzes/kit-check.yml", text) == (text, [])


def test_a_course_in_the_previous_format_builds_after_one_upgrade(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "course", course=ROOT / "tests/courses/knife-skills")
    (project / "quizzes/kit-check.yml").write_text(FORMAT_1_QUIZ, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("not_in_nav: |\n  /shared/\n", ""), encoding="utf-8")

    refused = run_build(project, "check")
    assert refused.returncode == 1
    assert "unknown key 'care'" in refused.stderr and "coursegen upgrade" in refused.stderr

    first = run_build(project, "upgrade")
    assert first.returncode == 0, first.stderr
    assert "quizzes/kit-check.yml:6: care -> levels" in first.stdout + first.stderr
    assert "mkdocs.yml" in first.stdout + first.stderr and "not_in_nav" in first.stdout + first.stderr
    upgraded = {p: p.read_bytes() for p in (config, project / "quizzes/kit-check.yml")}

    second = run_build(project, "upgrade")
    assert second.returncode == 0 and "nothing to change" in second.stdout + second.stderr
    assert {p: p.read_bytes() for p in upgraded} == upgraded

    built = run_build(project, "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert "format: 2" in config.read_text(encoding="utf-8")
