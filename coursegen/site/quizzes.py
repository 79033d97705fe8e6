"""Render a quiz as plain, readable HTML that the quiz script makes interactive.

The markup lives in `templates/quiz.html`, rendered with autoescaping; its data attributes are the whole
contract with the script (CONTRACT.md). Without JavaScript every question is still readable, and its
answer sits in a native <details>.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Mapping
from dataclasses import replace
from html import escape

from ..model.course import Option, Question, Quiz
from ..model.schema import QUESTION_TYPES
from ..model.strings import Strings
from .jinja import templates

ImageSizes = Mapping[str, tuple[int, int]]


def page_marker(*, kind: str, item_id: str) -> str:
    """Return the hidden element that tells the scripts which lesson or program a page is."""
    return f'<span hidden data-cq-module="share" data-cq-page="{escape(kind)}" data-cq-id="{escape(item_id)}"></span>'


def render_quiz(
    quiz: Quiz, *, strings: Strings, lesson_title: str, lesson_url: str, root: str, sizes: ImageSizes
) -> str:
    """Return the quiz as one HTML block: its questions, then a score line or a self-check's advice, and reset."""
    html = (
        templates()
        .get_template("quiz.html")
        .render(
            quiz=quiz,
            types=QUESTION_TYPES,
            levels={level.id: level for level in quiz.levels},
            options={q.id: options_of(q, strings) for q in quiz.questions},
            shuffled={q.id: shuffled_order(q) for q in quiz.questions},
            right_answers={
                q.id: "; ".join(o.text or o.alt for o in options_of(q, strings) if o.correct) for q in quiz.questions
            },
            lesson_title=lesson_title,
            lesson_url=lesson_url,
            root=root,
            sizes=sizes,
            t=strings,
        )
    )
    return "\n".join(line for line in html.splitlines() if line.strip())  # a blank line would end the HTML block


def options_of(question: Question, strings: Strings) -> tuple[Option, ...]:
    """Return the options a reader sees; built-in answers (true, false, yes, no) get the course's words."""
    return tuple(o if o.text or o.image else replace(o, text=strings(f"answer_{o.key}")) for o in question.options)


def shuffled_order(question: Question) -> list[int]:
    """Return the step indices in a shuffled order that is never the right one and the same at every build."""
    indices = list(range(len(question.steps)))
    seed = int(hashlib.sha256(question.id.encode("utf-8")).hexdigest()[:8], 16)
    random.Random(seed).shuffle(indices)
    if indices == sorted(indices):
        indices.reverse()
    return indices
