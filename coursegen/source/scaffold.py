"""Starter files: a new lesson or quiz, and a whole new course. Commented, neutral, and valid as written.

Everything here returns text; the pipeline decides where it goes and writes it.
"""

from __future__ import annotations

import re

from ..model.schema import SLUG_PATTERN

SCHEMA_LINE = "# yaml-language-server: $schema={up}schema/{kind}.schema.json\n"

LESSON_TEMPLATE = """\
{schema}# A lesson. The authoring guide (AUTHORING.md) explains every key.
# Check your work with: python build.py check

id: {slug}
title: "{title}"
# One sentence. It also shows in link previews when you share the lesson.
summary: "One sentence that says what the reader will learn."
order: {order}

# figures:
#   - src: figures/{slug}.svg         # an image under docs/
#     alt: "What the picture shows."   # required: said aloud by screen readers

sections:
  - heading: "Why it matters"
    body: |
      Write the lesson here, in Markdown. Keep sentences short.

      !!! note "A callout"
          Indent the text of a callout by four spaces.

steps:
  - "The first thing to do."
  - "The next thing to do."

cues:
  - "A short reminder of what good looks like."

mistakes:
  - mistake: "What often goes wrong."
    fix: "How to put it right."

# callouts:
#   - title: "Ask for help"
#     style: warning
#     text: "When to stop and ask someone who knows."
"""

QUIZ_TEMPLATE = """\
{schema}# A quiz. Types: single, multiple, true-false, order, picture (and yes-no for self-checks).
# Check your work with: python build.py check

id: {slug}
lesson: {lesson}

questions:
  - id: first-question
    type: single
    prompt: "Which one is right?"
    options:
      - text: "This one"
        correct: true
        feedback: "Yes. Say why it is right."
      - text: "Not this one"
        feedback: "Not quite. Say why, so the reader learns something."
    explanation: "Explain the right answer in one or two sentences."

  - id: true-or-false
    type: true-false
    prompt: "A statement the reader decides is true or false."
    answer: true
    feedback_true: "Right. Say why."
    feedback_false: "Not quite. Say why."
    explanation: "Explain it."

  - id: in-order
    type: order
    prompt: "Put the steps in order."
    steps:   # the right order; readers see them shuffled
      - "First step"
      - "Second step"
      - "Third step"
    explanation: "Explain the order."
"""

COURSE_SETTINGS = """\
# The course settings. The authoring guide (AUTHORING.md) explains each one; `build.py check` checks them.
site_name: {name}
site_description: {description}
# The address where the site will be published. Link previews and printed QR codes use it.
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]

theme:
  name: material
  custom_dir: overrides
  font: false
  # The language of every word the site shows (en, fr, ...).
  language: {language}
  # Your logo (SVG or PNG under docs/) becomes the header logo, the tab icon, the home-screen icon and
  # the icon on link-preview cards. Without one, the course's initials are used.
  # logo: assets/logo.svg
  # favicon: assets/logo.svg
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: custom
      accent: custom
      toggle:
        icon: material/weather-night
        name: Dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: custom
      accent: custom
      toggle:
        icon: material/weather-sunny
        name: Light mode
  features:
    - navigation.instant
    - navigation.footer
    - navigation.top
    - content.tabs.link
    - search.highlight

plugins:
  - search

# The trainer's prescribe page and the pages the browser builds from a link stay out of the menu.
not_in_nav: |
  /shared/

markdown_extensions:
  - admonition
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
  - toc:
      permalink: true

validation:
  nav:
    omitted_files: warn
    not_found: warn
    absolute_links: warn
  links:
    not_found: warn
    anchors: warn
    absolute_links: warn
    unrecognized_links: warn

watch:
  - overrides

extra:
  generator: false
  course:
    offline: true
    theme_color: "#00695c"
    short_name: {short_name}
    # notice:
    #   title: Before you start
    #   style: warning
    #   text: A note shown at the top of every lesson and handout.
  # trainer:
  #   name: Your name
  #   phone: "+1 555 010 0199"
  #   email: you@example.com
  #   booking_url: https://example.com/book
  # strings:
  #   book: Book a class   # replace any word the site shows (AUTHORING.md, Another language)
"""

FIRST_LESSON = """\
{schema}# Your first lesson: replace it with your own. The authoring guide (AUTHORING.md) explains every key.
id: welcome
title: How this course works
summary: Read a short lesson, try it, then check yourself with a quiz.
order: 1
figures:
  - src: figures/welcome.svg
    alt: A phone showing a lesson, with a tick beside a quiz question.
sections:
  - heading: What you will do
    body: |
      Each lesson is short. Read it, then try what it shows.

      !!! tip "On your phone"
          The course works offline once you have opened it, and it keeps your progress on this
          device only.
steps:
  - Read the lesson from top to bottom.
  - Try each step yourself.
  - Take the quiz at the end.
cues:
  - One lesson at a time.
mistakes:
  - mistake: Skipping straight to the quiz.
    fix: Read the lesson first; the quiz checks what it taught.
"""

FIRST_QUIZ = """\
{schema}id: welcome
lesson: welcome
intro: Three quick questions.
questions:
  - id: order
    type: single
    prompt: What comes first?
    options:
      - text: Reading the lesson
        correct: true
        feedback: Yes. The quiz checks what the lesson taught.
      - text: The quiz
        feedback: Not yet. Read the lesson first.
    explanation: Read, try, then check yourself.
  - id: saved
    type: true-false
    prompt: Your answers are sent to a server.
    answer: false
    feedback_true: No. They stay on your device.
    feedback_false: Right. They stay on your device.
    explanation: Progress is saved on the device you use, and nowhere else.
  - id: steps
    type: order
    prompt: Put the steps in order.
    steps:
      - Read the lesson
      - Try it yourself
      - Take the quiz
    explanation: Read, try, check.
"""

FIRST_PROGRAM = """\
{schema}id: first-week
title: Your first week
note: Start here. One short lesson a day is plenty.
lessons:
  - welcome
reminder_days: [MO, WE, FR]
reminder_time: "08:00"
"""

HOME_PAGE = """\
---
description: {description}
---

# {name}

{description}

Start with the first lesson in the menu.
"""

FIGURE = """\
<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400" viewBox="0 0 600 400">
  <rect width="600" height="400" fill="#f5f5f5"/>
  <rect x="220" y="40" width="160" height="320" rx="24" fill="#fff" stroke="#37474f" stroke-width="6"/>
  <rect x="245" y="80" width="110" height="14" rx="7" fill="#00695c"/>
  <rect x="245" y="110" width="110" height="8" rx="4" fill="#90a4ae"/>
  <rect x="245" y="128" width="90" height="8" rx="4" fill="#90a4ae"/>
  <rect x="245" y="146" width="100" height="8" rx="4" fill="#90a4ae"/>
  <rect x="245" y="200" width="110" height="40" rx="8" fill="none" stroke="#00695c" stroke-width="4"/>
  <path d="M260 220l12 12 22-24" fill="none" stroke="#2e7d32" stroke-width="6" stroke-linecap="round"/>
  <rect x="245" y="256" width="110" height="40" rx="8" fill="none" stroke="#90a4ae" stroke-width="4"/>
</svg>
"""

GITIGNORE = """\
# Made by every build: do not commit.
site/
site.*/
.site-*/
.venv/
.coursegen-manifest.json
.coursegen-cache/
.coursegen.lock
/docs/lessons/
/docs/quizzes/
/docs/programs/
/docs/icons/
/docs/previews/
/docs/qr/
/docs/shared/
/docs/manifest.webmanifest
/docs/assets/coursegen/
/overrides/main.html
/overrides/partials/
"""

OVERRIDES_README = """\
# overrides/

Every build writes the course engine's templates here (`main.html` and `partials/`). Do not edit them;
add your own overrides of other Material partials beside them.
"""

EDITOR_SETTINGS = """\
{
  "yaml.schemas": {
    "schema/lesson.schema.json": ["lessons/*.yml", "lessons/*/*.yml"],
    "schema/quiz.schema.json": ["quizzes/*.yml", "quizzes/**/*.yml"],
    "schema/program.schema.json": ["programs/*.yml"]
  }
}
"""


def slug_problem(slug: str) -> str:
    """Return why a name cannot be an id, or an empty string if it can."""
    if re.match(SLUG_PATTERN, slug) and len(slug) <= 60:
        return ""
    return f"'{slug}' cannot be an id: use up to 60 lowercase letters, digits and dashes, like 'first-steps'."


def schema_line(kind: str, *, depth: int) -> str:
    """Return the editor's schema comment for a file `depth` folders below the course folder."""
    return SCHEMA_LINE.format(up="../" * depth, kind=kind)


def lesson_file(slug: str, *, order: int) -> str:
    """Return a starter lesson."""
    title = slug.replace("-", " ").capitalize()
    return LESSON_TEMPLATE.format(schema=schema_line("lesson", depth=1), slug=slug, title=title, order=order)


def quiz_file(slug: str, *, lesson: str) -> str:
    """Return a starter quiz for a lesson."""
    return QUIZ_TEMPLATE.format(schema=schema_line("quiz", depth=1), slug=slug, lesson=lesson)


def next_order(lesson_texts: list[str]) -> int:
    """Return one more than the highest `order:` found in the lesson files' texts."""
    orders = [0]
    for text in lesson_texts:
        found = re.search(r"^order:\s*(\d+)\s*$", text, re.M)
        if found:
            orders.append(int(found.group(1)))
    return max(orders) + 1


def yaml_text(value: str) -> str:
    """Return a string as a double-quoted YAML scalar."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def course_files(*, name: str, language: str, schemas: dict[str, str]) -> dict[str, str]:
    """Return every file of a new course, keyed by its path in the course folder."""
    description = "A short course, one lesson at a time."
    short = name if len(name) <= 12 else name[:12].rstrip()
    settings = COURSE_SETTINGS.format(
        name=yaml_text(name), description=yaml_text(description), language=language, short_name=yaml_text(short)
    )
    return {
        "mkdocs.yml": settings,
        "lessons/01-welcome.yml": FIRST_LESSON.format(schema=schema_line("lesson", depth=1)),
        "quizzes/welcome.yml": FIRST_QUIZ.format(schema=schema_line("quiz", depth=1)),
        "programs/first-week.yml": FIRST_PROGRAM.format(schema=schema_line("program", depth=1)),
        "docs/index.md": HOME_PAGE.format(name=name.replace("<", "&lt;"), description=description),
        "docs/figures/welcome.svg": FIGURE,
        "overrides/README.md": OVERRIDES_README,
        ".gitignore": GITIGNORE,
        ".vscode/settings.json": EDITOR_SETTINGS,
        **schemas,
    }
