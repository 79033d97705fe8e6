"""Starter files: a new lesson or quiz, and a whole new course. Commented, neutral, and valid as written.

Everything here returns text; the pipeline decides where it goes and writes it.
"""

from __future__ import annotations

import json
import re

from ..model.formats import FORMAT
from ..model.schema import SLUG_PATTERN
from .starter_course import FIRST_LESSON, FIRST_QUIZ

SCHEMA_LINE = "# yaml-language-server: $schema={up}schema/{kind}.schema.json\n"

LESSON_TEMPLATE = """\
{schema}# A lesson. The authoring guide (AUTHORING.md) explains every key.
# Check your work with: {check}

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
# Check your work with: {check}

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
# {c[settings_intro]}
site_name: {name}
site_description: {description}
# {c[site_url_comment]}
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]

theme:
  name: material
  custom_dir: overrides
  font: false
  # {c[language_comment]}
  language: {language}
  # {c[logo_comment]}
  # logo: assets/logo.svg
  # favicon: assets/logo.svg
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: custom
      accent: custom
      toggle:
        icon: material/weather-night
        name: {q[to_dark]}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: custom
      accent: custom
      toggle:
        icon: material/weather-sunny
        name: {q[to_light]}
  features:
    - navigation.instant
    - navigation.footer
    - navigation.top
    - content.tabs.link
    - search.highlight

plugins:
  - search

# {c[not_in_nav_comment]}
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
    # {c[short_name_comment]}
    short_name: {short_name}
    # {c[format_comment]}
    format: {format}
    # notice:
    #   title: {c[notice_title]}
    #   style: warning
    #   text: {c[notice_text]}
  # trainer:
  #   name: {c[trainer_name]}
  #   phone: "+1 555 010 0199"
  #   email: you@example.com
  #   booking_url: https://example.com/book
  # strings:
  #   book: {c[book]}   # {c[strings_comment]}
"""

FIRST_PROGRAM = """\
{schema}id: first-week
title: {q[program_title]}
note: {q[program_note]}
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

{c[home_next]}
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
    "schema/lesson.schema.json": ["lessons/*.yml", "lessons/*/*.yml", "lessons/*/*/*.yml"],
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


LANGUAGE_CODE = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"


def init_problem(*, name: str, language: str) -> str:
    """Return why `init` cannot write a course with this name and language, or an empty string if it can."""
    if not re.fullmatch(LANGUAGE_CODE, language):
        return f"{language[:40]!r} is not a language code: use two or three lowercase letters, like en or fr."
    if len(name) > 120 or any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in "\u2028\u2029" for c in name):
        return "The course name must be one line of text, up to 120 characters."
    return ""


def schema_line(kind: str, *, depth: int) -> str:
    """Return the editor's schema comment for a file `depth` folders below the course folder."""
    return SCHEMA_LINE.format(up="../" * depth, kind=kind)


def lesson_file(slug: str, *, order: int, check: str) -> str:
    """Return a starter lesson whose comment names the course's check command."""
    title = slug.replace("-", " ").capitalize()
    schema = schema_line("lesson", depth=1)
    return LESSON_TEMPLATE.format(schema=schema, slug=slug, title=title, order=order, check=check)


def quiz_file(slug: str, *, lesson: str, check: str) -> str:
    """Return a starter quiz for a lesson, whose comment names the course's check command."""
    return QUIZ_TEMPLATE.format(schema=schema_line("quiz", depth=1), slug=slug, lesson=lesson, check=check)


def next_order(lesson_texts: list[str]) -> int:
    """Return one more than the highest `order:` found in the lesson files' texts."""
    orders = [0]
    for text in lesson_texts:
        found = re.search(r"^order:\s*(\d{1,9})\s*$", text, re.M)  # a longer one is refused by check anyway
        if found:
            orders.append(int(found.group(1)))
    return max(orders) + 1


def yaml_text(value: str) -> str:
    """Return a string as a double-quoted YAML scalar."""
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def short_name(name: str, *, small_words: str) -> str:
    """Return a home-screen name of at most 12 characters ending on a whole word, or '' if none fits."""
    if len(name) <= 12:
        return name
    words: list[str] = []
    for word in name.split():
        if len(" ".join([*words, word])) > 12:
            break
        words.append(word)
    while words and words[-1].casefold() in small_words.split():
        words.pop()
    return " ".join(words)


def course_files(
    *, name: str, short: str, language: str, words: dict[str, str], schemas: dict[str, str]
) -> dict[str, str]:
    """Return every file of a new course in its language's words, keyed by its path in the course folder."""
    quoted = {key: yaml_text(value) for key, value in words.items()}
    plain = {key: " ".join(value.split()) for key, value in words.items()}
    settings = COURSE_SETTINGS.format(
        name=yaml_text(name),
        description=quoted["description"],
        language=language,
        short_name=yaml_text(short),
        format=FORMAT,
        c=plain,
        q=quoted,
    )
    first = {"schema": "", "c": plain, "q": quoted}
    return {
        "mkdocs.yml": settings,
        "lessons/01-welcome.yml": FIRST_LESSON.format(**{**first, "schema": schema_line("lesson", depth=1)}),
        "quizzes/welcome.yml": FIRST_QUIZ.format(**{**first, "schema": schema_line("quiz", depth=1)}),
        "programs/first-week.yml": FIRST_PROGRAM.format(**{**first, "schema": schema_line("program", depth=1)}),
        "docs/index.md": HOME_PAGE.format(name=name.replace("<", "&lt;"), description=plain["description"], c=plain),
        "docs/figures/welcome.svg": FIGURE,
        "overrides/README.md": OVERRIDES_README,
        ".gitignore": GITIGNORE,
        ".vscode/settings.json": EDITOR_SETTINGS,
        **schemas,
    }
