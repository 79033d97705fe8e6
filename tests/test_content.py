"""Checks on the course content itself: quizzes, figures, reading level and the red flags.

These tests read lessons/*.yml and quizzes/*.yml as the build does, and the content brief that the
course must follow (../shared/content-brief.md, next to the repository).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import textstat
import yaml
from textstat.backend.counts import _count_syllables

# textstat counts English syllables with NLTK's CMU dictionary, which it downloads on first use; this
# workplace has no route to that download. Use textstat's own fallback, Pyphen's hyphenation
# dictionary, on every machine, so that the grade is the same everywhere and needs no network.
_count_syllables.get_cmudict = lambda lang: None

ROOT = Path(__file__).resolve().parents[1]
BRIEF = Path(__file__).resolve().parents[2] / "shared" / "content-brief.md"
MAX_GRADE = 8.0
SCORED_TYPES = {"single", "multiple", "true-false", "order", "picture"}
RED_FLAG_LESSON = "when-to-see-a-practitioner"
RED_FLAG_QUIZ = "red-flag-check"

# Each red flag of the brief (section 8), by the words it starts with, mapped to the phrases that
# must appear in our red-flags lesson. A flag the brief adds, or one our lesson drops, fails a test.
RED_FLAGS = {
    "emergency": {
        "numbness or tingling between the legs": ["between your legs", "when you wipe"],
        "new trouble starting to pee": ["trouble starting to pee", "bladder is full"],
        "new loss of control of the bladder": ["lost control of your bladder or bowel"],
        "pain, tingling, weakness or numbness in both legs": ["in both legs"],
        "new weakness in a leg that is getting worse": ["weak and getting weaker", "catches or drags"],
        "new problems getting an erection": ["erection", "sexual feeling"],
        "chest pain as well as back pain": ["chest pain"],
        "back pain that started after a serious fall": ["serious fall", "car crash"],
    },
    "urgent": {
        "a fever or feeling hot and shivery": ["fever", "hot and shivery", "drugs by injection"],
        "a past history of cancer": ["had cancer", "lost weight"],
        "pain after a minor fall or strain": ["small fall", "thin bones", "steroid tablets"],
        "pain that is constant, severe": ["constant and severe", "worse at night"],
        "pain that is made worse by sneezing": ["sneeze", "cough", "toilet"],
        "pain high in the back": ["between your shoulder blades"],
        "a new swelling or change of shape": ["swelling", "change of shape"],
    },
    "soon": {
        "the pain stops you doing everyday things": ["doing everyday things"],
        "it is very bad or getting worse": ["very bad or getting worse"],
        "it is not getting better after a few weeks": ["few weeks"],
        "it keeps coming back": ["coming back"],
        "you are worried about it": ["worried", "hard to cope"],
        "the hinge exercises hurt": ["hinge exercises hurt"],
    },
}
BRIEF_TIERS = {
    "emergency": "**Get emergency care now:**",
    "urgent": "**See a doctor urgently",
    "soon": "**See a practitioner soon",
}
PRACTITIONERS = {
    "a family doctor": "family doctor",
    "a physiotherapist or physical therapist": "physiotherapist",
    "an osteopath": "osteopath",
    "a chiropractor": "chiropractor",
    "an athletic therapist": "athletic therapist",
    "a massage therapist": "massage therapist",
}


def read_yaml(path: Path) -> dict:
    """Read one course file."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


LESSONS = {p.name: read_yaml(p) for p in sorted((ROOT / "lessons").glob("*.yml"))}
QUIZZES = {p.name: read_yaml(p) for p in sorted((ROOT / "quizzes").glob("*.yml"))}


def lesson_by_id(lesson_id: str) -> dict:
    """Return the lesson with this id."""
    return next(lesson for lesson in LESSONS.values() if lesson["id"] == lesson_id)


BLOCK_START = re.compile(r"^(!!!|\?\?\?|===|#+\s|[-*+]\s|\d+\.\s)")


def strip_markdown(text: str) -> str:
    """Turn lesson Markdown into plain text: one sentence-ending unit per paragraph, item or title."""
    units: list[str] = []
    joining = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            joining = False
        elif joining and not BLOCK_START.match(line):
            units[-1] += " " + line
        else:
            units.append(line)
            joining = not line.startswith(("!!!", "???", "==="))
    plain = []
    for unit in units:
        unit = re.sub(r'^(!!!|\?\?\?\+?|===)\s*([a-z]+)?\s*"?([^"]*)"?\s*$', r"\3", unit)
        unit = re.sub(r"^(#+|[-*+]|\d+\.)\s+", "", unit)
        unit = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", unit)
        unit = re.sub(r"[*_`]", "", unit).strip()
        if unit:
            plain.append(unit if unit[-1] in ".!?:" else unit + ".")
    return "\n".join(plain)


def body_text(lesson: dict) -> str:
    """Return the lesson's body as plain text: sections, steps, cues, mistakes and versions."""
    parts = []
    for section in lesson.get("sections") or ():
        parts += [section["heading"], section["body"]]
    parts += lesson.get("steps") or []
    parts += lesson.get("cues") or []
    for mistake in lesson.get("mistakes") or ():
        parts += [mistake["mistake"], mistake["fix"]]
    parts += [lesson.get(key) or "" for key in ("easier", "harder")]
    parts += [f"{c['title']}. {c['text']}" for c in lesson.get("callouts") or ()]
    return "\n".join(strip_markdown(part) for part in parts if part)


def all_text(value) -> str:
    """Return every string inside a YAML value, joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n".join(all_text(v) for v in value.values())
    if isinstance(value, list):
        return "\n".join(all_text(v) for v in value)
    return ""


def normalise(text: str) -> str:
    """Lower-case text with straight quotes and single spaces, for phrase matching."""
    return " ".join(text.replace("\u2019", "'").casefold().split())


def brief_red_flags() -> dict[str, list[str]]:
    """Parse the three tiers of red flags from section 8 of the brief."""
    text = BRIEF.read_text(encoding="utf-8")
    section = text.split("## 8.", 1)[1].split("\n## ", 1)[0]
    flags: dict[str, list[str]] = {}
    for tier, marker in BRIEF_TIERS.items():
        block = section.split(marker, 1)[1].split("\n\n", 2)
        items = block[1] if block[0].count("\n- ") == 0 else block[0]
        flags[tier] = [" ".join(item.split()) for item in re.split(r"\n- ", "\n" + items)[1:]]
    return flags


def test_the_course_has_at_least_eight_lessons():
    assert len(LESSONS) >= 8


@pytest.mark.parametrize("name", sorted(LESSONS))
def test_lesson_file_name_matches_order_and_id(name):
    lesson = LESSONS[name]
    assert name == f"{lesson['order']:02d}-{lesson['id']}.yml"


@pytest.mark.parametrize("name", sorted(LESSONS))
def test_every_lesson_has_a_quiz(name):
    lesson_id = LESSONS[name]["id"]
    scored = [q for q in QUIZZES.values() if q["lesson"] == lesson_id and q.get("scored", True)]
    assert scored, f"lesson {lesson_id} has no scored quiz"
    assert all(len(q["questions"]) >= 4 for q in scored)


@pytest.mark.parametrize("name", sorted(LESSONS))
def test_every_lesson_has_a_figure_with_alt_text(name):
    figures = LESSONS[name].get("figures") or []
    assert figures, "no figure"
    for figure in figures:
        assert len(figure.get("alt", "").split()) >= 5, f"{figure['src']}: alt text should say what it shows"
        assert (ROOT / "docs" / figure["src"]).is_file()


@pytest.mark.parametrize("name", sorted(LESSONS))
def test_every_lesson_reads_at_grade_eight_or_lower(name):
    text = body_text(LESSONS[name])
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= MAX_GRADE, f"{name}: Flesch-Kincaid grade {grade:.1f} is above {MAX_GRADE}"


@pytest.mark.parametrize("name", sorted(LESSONS))
def test_every_lesson_sends_readers_to_a_practitioner_when_needed(name):
    callouts = LESSONS[name].get("callouts") or ()
    assert any("practitioner" in c["title"].lower() for c in callouts), "add a 'See a practitioner' callout"


def test_the_course_uses_every_scored_question_type():
    used = {q["type"] for quiz in QUIZZES.values() for q in quiz["questions"]}
    assert used >= SCORED_TYPES, f"missing: {sorted(SCORED_TYPES - used)}"


def test_every_question_explains_and_every_wrong_answer_teaches():
    for name, quiz in QUIZZES.items():
        if not quiz.get("scored", True):
            continue
        for question in quiz["questions"]:
            where = f"{name}:{question['id']}"
            assert question.get("explanation"), f"{where}: no explanation"
            for option in question.get("options") or ():
                if not option.get("correct"):
                    assert len(option.get("feedback", "").split()) >= 5, f"{where}: feedback should say why"
            if question["type"] == "true-false":
                wrong = "feedback_false" if question["answer"] else "feedback_true"
                assert len(question.get(wrong, "").split()) >= 5, f"{where}: feedback should say why"


def test_the_brief_lists_red_flags_in_three_tiers():
    flags = brief_red_flags()
    assert [len(flags[t]) for t in ("emergency", "urgent", "soon")] == [8, 7, 6]


@pytest.mark.parametrize("tier", sorted(RED_FLAGS))
def test_every_red_flag_of_the_brief_is_in_the_red_flags_lesson(tier):
    lesson = normalise(all_text(lesson_by_id(RED_FLAG_LESSON)))
    brief = brief_red_flags()[tier]
    ours = RED_FLAGS[tier]
    for item in brief:
        keys = [key for key in ours if normalise(item).startswith(normalise(key))]
        assert keys, f"brief red flag not mapped in this test ({tier}): {item}"
        for phrase in ours[keys[0]]:
            assert normalise(phrase) in lesson, f"red flag missing from the lesson ({tier}): {item} [{phrase}]"
    assert len(ours) == len(brief), f"{tier}: the test maps flags the brief does not list"


def test_the_self_check_asks_about_every_red_flag_in_its_tier():
    quiz = next(q for q in QUIZZES.values() if q["id"] == RED_FLAG_QUIZ)
    assert quiz["lesson"] == RED_FLAG_LESSON
    assert quiz.get("scored") is False
    assert [level["id"] for level in quiz["levels"]] == ["emergency", "urgent", "soon"]
    for tier, flags in RED_FLAGS.items():
        questions = [normalise(q["prompt"]) for q in quiz["questions"] if q["level"] == tier]
        assert len(questions) == len(flags), f"{tier}: one question per red flag"
        for key, phrases in flags.items():
            assert any(normalise(phrases[0]) in q for q in questions), f"{tier}: no question for '{key}'"


def test_the_red_flags_lesson_names_every_kind_of_practitioner():
    text = BRIEF.read_text(encoding="utf-8").split("## 8.", 1)[1].split("**Get emergency", 1)[0]
    brief = [" ".join(item.split()).rstrip(";.") for item in re.findall(r"^- (.+)$", text, re.M)]
    assert sorted(brief) == sorted(PRACTITIONERS)
    lesson = normalise(all_text(lesson_by_id(RED_FLAG_LESSON)))
    for phrase in PRACTITIONERS.values():
        assert phrase in lesson


def test_the_red_flags_are_unmissable():
    bodies = "\n".join(s["body"] for s in lesson_by_id(RED_FLAG_LESSON)["sections"])
    assert "!!! danger" in bodies
    assert "!!! warning" in bodies


def test_no_lesson_calls_the_hinge_a_cure():
    for name, lesson in LESSONS.items():
        text = normalise(all_text(lesson))
        for claim in ("cures back pain", "will cure", "fixes back pain", "guaranteed"):
            assert claim not in text, f"{name}: '{claim}'"
