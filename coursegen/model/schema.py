"""The course file formats, defined once.

These specs drive the checks (`source/convert.py`), the published JSON Schema files (`json_schema.py`)
and the field tables of the authoring guide (`guide.py`). Change a format here and all three follow.
"""

from __future__ import annotations

from dataclasses import dataclass

from .practice_formats import DOSE, PRACTICE
from .records import Field, Record

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# A folder of lessons/ as mkdocs.yml names it: a part or a group (unit-1), or a part in a group (unit-1/week-1).
FOLDER_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)?$"
DEFAULT_COLOR = "#00695c"  # the course colour when extra.course.theme_color is not set
ADMONITION_STYLES = ("note", "info", "tip", "success", "question", "warning", "danger", "example", "quote")
MAX_LEVELS = 5
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class QuestionType:
    """What one question type is: the keys it uses, how it is answered, and whether it is scored."""

    name: str
    doc: str
    keys: frozenset[str]
    required: frozenset[str]
    control: str = "radio"  # the input each option gets: radio, checkbox, or none (order: move buttons)
    on_tap: bool = True  # answered as soon as an option is chosen; otherwise a Check button
    scored: bool = True  # false: a self-check question, shown in unscored quizzes only
    pictures: bool = False  # options are pictures with alt text, not words


OPTIONS = frozenset({"options"})
TRUE_FALSE = frozenset({"answer", "feedback_true", "feedback_false"})
STEPS = frozenset({"steps"})
LEVEL_KEY = frozenset({"level"})
# The one table of question types: rules, rendering, JSON Schema and the guide all read it.
QUESTION_TYPES = {
    t.name: t
    for t in (
        QuestionType("single", "single choice", OPTIONS, OPTIONS),
        QuestionType("multiple", "select all that apply", OPTIONS, OPTIONS, "checkbox", on_tap=False),
        QuestionType("true-false", "true or false", TRUE_FALSE, frozenset({"answer"})),
        QuestionType("order", "put steps in order", STEPS, STEPS, "none", on_tap=False),
        QuestionType("picture", "pick the picture", OPTIONS, OPTIONS, pictures=True),
        QuestionType("yes-no", "self-check, not scored", LEVEL_KEY, LEVEL_KEY, scored=False),
    )
}
TYPE_KEYS = frozenset().union(*(t.keys for t in QUESTION_TYPES.values()))


FIGURE = Record(
    "figure",
    "A picture: an image file under docs/ and a sentence saying what it shows.",
    (
        Field("src", "image", "Image path, relative to docs/.", True, "figures/pencil-grip.svg"),
        Field(
            "alt",
            "text",
            "What the picture shows, for people who cannot see it. Required.",
            True,
            "A hand holds a pencil between the thumb and two fingers.",
        ),
        Field("caption", "text", "A short caption shown under the picture.", False, "Three points touch."),
    ),
)

SECTION = Record(
    "section",
    "A block of lesson text under its own heading.",
    (
        Field("heading", "text", "The section heading.", True, "What it is for"),
        Field(
            "body",
            "markdown",
            "The text, in Markdown. Admonitions, content tabs and details work here.",
            True,
            "Hold the pencil lightly, near its tip.",
        ),
    ),
)

MISTAKE = Record(
    "mistake",
    "A common mistake and how to fix it.",
    (
        Field("mistake", "text", "What goes wrong.", True, "The fingers squeeze too hard."),
        Field("fix", "text", "How to put it right.", True, "Relax your hand until the pencil can wiggle."),
    ),
)

CALLOUT = Record(
    "callout",
    "A boxed note in a lesson.",
    (
        Field("title", "text", "The note's heading.", True, "Ask for help"),
        Field("text", "markdown", "The note, in Markdown.", True, "If this hurts, stop and ask your coach."),
        Field(
            "style",
            "enum",
            "How the box looks (Material's admonition styles). Default: note.",
            False,
            "warning",
            choices=ADMONITION_STYLES,
        ),
    ),
)

LESSON = Record(
    "lesson",
    "One lesson: lessons/NN-slug.yml.",
    (
        Field(
            "id", "slug", "A short name used in links and by quizzes. Lowercase words and dashes.", True, "pencil-grip"
        ),
        Field("title", "text", "The lesson title.", True, "The pencil grip", max_length=80),
        Field(
            "summary",
            "text",
            "One sentence about the lesson. Also used in link previews.",
            True,
            "How to hold a pencil so your hand stays relaxed.",
            max_length=200,
        ),
        Field("order", "int", "Where the lesson sits in the course: 1 comes first.", True, 2),
        Field("figures", "list", "Pictures for the lesson. The first one is also used in link previews.", item=FIGURE),
        Field("sections", "list", "The lesson text, in sections.", item=SECTION),
        Field("steps", "list", "Numbered steps, in order.", item=Field("step", "markdown", "One step.")),
        Field("cues", "list", "Short coaching cues.", item=Field("cue", "markdown", "One cue.")),
        Field("mistakes", "list", "Common mistakes and their fixes.", item=MISTAKE),
        Field("easier", "markdown", "An easier version of the exercise.", False, "Use a thick pencil."),
        Field("harder", "markdown", "A harder version of the exercise.", False, "Write a whole line without stopping."),
        Field("callouts", "list", "Boxed notes shown after the steps, such as a warning.", item=CALLOUT),
        Field(
            "practice",
            "list",
            "Exercises to practise with the session player, each with its dose (sets, reps or hold, rest).",
            item=PRACTICE,
        ),
        Field(
            "prescribe_first",
            "bool",
            "true to tick this lesson and put it first on the trainer's prescribe page, such as a safety lesson.",
            False,
            True,
        ),
    ),
)

OPTION = Record(
    "option",
    "One answer a reader can pick. Give `text`, or `image` and `alt` for picture questions.",
    (
        Field("text", "text", "The answer, as the reader sees it.", False, "Near the tip"),
        Field(
            "image",
            "image",
            "Picture questions: an image path, relative to docs/.",
            False,
            "figures/relaxed-grip.svg",
        ),
        Field("alt", "text", "Picture questions: what the picture shows.", False, "A relaxed hand holding a pencil."),
        Field("correct", "bool", "true if this answer is right.", False, True),
        Field(
            "feedback",
            "text",
            "Shown when the reader picks this answer: say why it is right or wrong.",
            False,
            "Yes: near the tip gives the most control.",
        ),
    ),
)

QUESTION = Record(
    "question",
    "One question of a quiz.",
    (
        Field("id", "slug", "A short name, unique in the quiz. Used in links to the question.", True, "three-points"),
        Field(
            "type",
            "enum",
            ", ".join(f"{t.name} ({t.doc})" for t in QUESTION_TYPES.values()) + ".",
            True,
            "single",
            choices=tuple(QUESTION_TYPES),
        ),
        Field("prompt", "text", "The question.", True, "Where do your fingers hold the pencil?"),
        Field("options", "list", "single, multiple and picture: the answers to choose from.", item=OPTION),
        Field("answer", "bool", "true-false: the right answer.", False, True),
        Field("feedback_true", "text", "true-false: shown when the reader picks True.", False, "Right."),
        Field("feedback_false", "text", "true-false: shown when the reader picks False.", False, "Not quite."),
        Field(
            "steps",
            "list",
            "order: the steps in the right order. Readers see them shuffled.",
            item=Field("step", "text", "One step."),
        ),
        Field("level", "slug", "yes-no: the id of the self-check level a 'yes' leads to.", False, "urgent"),
        Field("explanation", "text", "Why the right answer is right. Shown after answering.", False, "All three."),
    ),
)

LEVEL = Record(
    "level",
    "One level of a self-check's advice. List the most serious level first.",
    (
        Field("id", "slug", "A short name that yes-no questions use in 'level'.", True, "urgent"),
        Field("title", "text", "The heading of the advice.", True, "If you said yes to any of these: call today"),
        Field("message", "text", "What to do, in a calm voice.", True, "Ask your teacher before you go on."),
        Field(
            "style",
            "enum",
            "How the advice box looks (Material's admonition styles).",
            True,
            "warning",
            choices=ADMONITION_STYLES,
        ),
        Field("label", "text", "Shown before each question of this level.", False, "Urgent sign"),
    ),
)

ALL_NO = Record(
    "all_no",
    "A self-check's advice for a reader who answers no to every question.",
    (
        Field("title", "text", "The heading of the advice.", True, "If you said no to every question"),
        Field("message", "text", "What to do next, in a calm voice.", True, "You can start the lessons."),
        Field(
            "style",
            "enum",
            "How the advice box looks (Material's admonition styles).",
            True,
            "success",
            choices=ADMONITION_STYLES,
        ),
    ),
)

QUIZ = Record(
    "quiz",
    "One quiz: quizzes/slug.yml.",
    (
        Field("id", "slug", "A short name used in links.", True, "pencil-grip"),
        Field("lesson", "slug", "The id of the lesson this quiz checks.", True, "pencil-grip"),
        Field("title", "text", "The quiz title. Default: 'Check yourself: <lesson title>'.", False, "Check yourself"),
        Field("intro", "text", "A line shown above the questions.", False, "Four quick questions."),
        Field(
            "scored",
            "bool",
            "false for a self-check that gives advice instead of a score (yes-no questions).",
            False,
            True,
        ),
        Field(
            "levels",
            "list",
            f"Self-checks only: 1 to {MAX_LEVELS} levels of advice, most serious first. "
            "The most serious level answered 'yes' is shown.",
            item=LEVEL,
        ),
        Field(
            "all_no",
            "record",
            "Self-checks only: the advice shown once every question is answered 'no'.",
            record=ALL_NO,
        ),
        Field("questions", "list", "The questions, in order.", True, item=QUESTION, min_items=1),
    ),
)

PROGRAM = Record(
    "program",
    "A trainer's program for a client: programs/slug.yml.",
    (
        Field("id", "slug", "A short name; the program's page is /programs/<id>/.", True, "new-client"),
        Field("title", "text", "The program title.", True, "Your first two weeks"),
        Field("note", "markdown", "A short note to the client.", False, "Do one lesson a day."),
        Field(
            "lessons",
            "list",
            "Lesson ids, in the order the client should take them.",
            True,
            item=Field("lesson", "slug", "A lesson id."),
            min_items=1,
        ),
        Field(
            "reminder_days",
            "list",
            "Days for a practice reminder in the client's calendar: MO TU WE TH FR SA SU.",
            item=Field("day", "enum", "A weekday.", choices=WEEKDAYS),
        ),
        Field("reminder_time", "time", "Time of day for the reminder, 24-hour HH:MM.", False, "08:00"),
        Field(
            "doses",
            "list",
            "A dose per lesson for this client, replacing the one in the lesson's practice blocks.",
            item=DOSE,
        ),
        Field(
            "reminder_text",
            "text",
            "The reminder's words. Default: the catalogue's reminder_text.",
            False,
            "Ten minutes of knife work today.",
        ),
    ),
)

FORMATS = {"lesson": LESSON, "quiz": QUIZ, "program": PROGRAM}
