"""The format of the course's own settings in mkdocs.yml (`extra.course`, `extra.trainer`), defined once."""

from __future__ import annotations

from .practice_formats import PAIN_RULE
from .records import Field, Record
from .schema import ADMONITION_STYLES

TRAINER = Record(
    "trainer",
    "The trainer or business shown on every page and handout. Every key is optional.",
    (
        Field("name", "text", "Your name or business name.", False, "Sam Rivera Coaching"),
        Field("logo", "image", "A logo image, relative to docs/.", False, "assets/logo.svg"),
        Field("phone", "phone", "A phone number.", False, "+1 555 010 0199"),
        Field("email", "email", "An email address.", False, "sam@example.com"),
        Field("booking_url", "url", "A web address where clients book a session.", False, "https://example.com/book"),
        Field("city", "text", "Where you work.", False, "Halifax"),
    ),
)


NOTICE = Record(
    "notice",
    "A note shown at the top of every lesson, program and handout.",
    (
        Field("title", "text", "The note's heading.", True, "Work safely"),
        Field("text", "markdown", "The note, in Markdown.", True, "Keep your fingers curled away from the blade."),
        Field("style", "enum", "How it looks. Default: note.", False, "warning", choices=ADMONITION_STYLES),
        Field("link", "slug", "The id of a lesson the note links to.", False, "first-aid"),
        Field("link_text", "text", "The words of that link. Required with 'link'.", False, "What to do if you cut"),
    ),
)


PART = Record(
    "part",
    "The title of a part (a sub-folder of lessons/) or of a group of parts (a sub-folder holding parts).",
    (
        Field(
            "folder",
            "folder",
            "The folder's path under lessons/: a part or a group (unit-1), or a part in a group (unit-1/week-1).",
            True,
            "unit-1/week-1",
        ),
        Field("title", "text", "The title shown in the menu.", True, "Week 1: The grip", max_length=60),
    ),
)


COURSE = Record(
    "course",
    "Course-wide options.",
    (
        Field("offline", "bool", "Let readers keep the course on their phone for offline use.", False, True),
        Field(
            "theme_color",
            "color",
            "The course colour: browser bar, icons and preview cards, as #rrggbb.",
            False,
            "#00695c",
        ),
        Field(
            "short_name",
            "text",
            "The name under the icon on a phone's home screen. Default: the site name, if short enough.",
            False,
            "Knife Skills",
            max_length=12,
        ),
        Field(
            "format",
            "int",
            "The course format the folder is written in; `coursegen upgrade` rewrites an older one.",
            False,
            2,
        ),
        Field("notice", "record", "A note shown on every lesson, program and handout.", record=NOTICE),
        Field("parts", "list", "Titles for the parts of the course and their groups (folders of lessons/).", item=PART),
        Field("pain_rule", "record", "The advice the practice player gives when pain is high.", record=PAIN_RULE),
        Field(
            "weekly_goal",
            "int",
            "Practice sessions a week to aim for, when a program names no days. Default: 3.",
            False,
            3,
            minimum=1,
            maximum=7,
        ),
        Field(
            "allow_extra_javascript",
            "bool",
            "Publish the course's own scripts listed under `extra_javascript`; they then run on every page. "
            "Only for scripts you wrote or checked: every build says they are published.",
            False,
            False,
        ),
    ),
)


SETTINGS = Record(
    "extra",
    "Course settings: the `extra:` block of mkdocs.yml.",
    (
        Field("course", "record", "Course-wide options.", record=COURSE),
        Field("trainer", "record", "Trainer details for branding and handouts.", record=TRAINER),
    ),
)
