"""The practice formats (issue 24): a lesson's exercises and their doses, a program's doses, the pain rule.

Part of the one definition of the course formats: schema.py puts these records in the lesson, program
and settings formats, and the validator, the JSON Schema and the authoring guide follow from there.
"""

from __future__ import annotations

from .records import Field, Record

MAX_SETS = 20
MAX_REPS = 100
MAX_SECONDS = 600  # a hold or a rest: ten minutes at most
DOSE_KEYS = ("sets", "reps", "hold", "rest")  # what a program or a prescription may override
SETS = Field("sets", "int", "How many sets. Default: 1.", False, 3, minimum=1, maximum=MAX_SETS)
REPS = Field(
    "reps",
    "int",
    "Repetitions in a set, counted by a tap. Give `reps` or `hold`.",
    False,
    5,
    minimum=1,
    maximum=MAX_REPS,
)
HOLD = Field(
    "hold", "int", "Seconds to hold, counted down. Give `reps` or `hold`.", False, 20, minimum=1, maximum=MAX_SECONDS
)
REST = Field("rest", "int", "Seconds of rest after each set. Default: 0.", False, 30, minimum=0, maximum=MAX_SECONDS)

PRACTICE = Record(
    "practice",
    "One exercise of a lesson, with its dose, for the session player.",
    (
        Field("id", "slug", "A short name, unique in the lesson; the practice log names it.", True, "wall-slide"),
        Field("name", "text", "The exercise's name, as the player shows it.", True, "Wall slide", max_length=60),
        SETS,
        REPS,
        HOLD,
        REST,
        Field("sides", "bool", "true to do each set on the left, then the right side.", False, True),
        Field(
            "cue",
            "text",
            "A tempo or cue line shown while practising.",
            False,
            "Slow: three seconds down.",
            max_length=120,
        ),
        Field(
            "figure",
            "image",
            "The figure to show: the `src` of one of the lesson's figures. Default: its first figure.",
            False,
            "figures/pencil-grip.svg",
        ),
    ),
)

DOSE = Record(
    "dose",
    "The dose of one lesson's exercises in a program. Keys left out keep the lesson's own.",
    (
        Field("lesson", "slug", "The lesson's id; the lesson must be in the program.", True, "pencil-grip"),
        SETS,
        REPS,
        HOLD,
        REST,
    ),
)

PAIN_RULE = Record(
    "pain_rule",
    "What the player says after a session when pain is high or rising.",
    (
        Field(
            "threshold",
            "int",
            "A pain score (0 to 10) above this shows the message. Rising pain, three sessions in a row, does too.",
            True,
            3,
            minimum=0,
            maximum=9,
        ),
        Field("message", "text", "The advice, in a calm voice.", True, "Stop the moves that hurt and ask your coach."),
        Field("link", "slug", "The id of a lesson the advice links to.", False, "first-aid"),
        Field("link_text", "text", "The words of that link. Required with 'link'.", False, "When to get help"),
    ),
)
