"""Render a quiz as plain, readable HTML that docs/assets/quiz.js makes interactive.

The markup and its data attributes are the whole contract with the script; CONTRACT.md lists them.
Without JavaScript every question is still readable, and its answer sits in a native <details>.
All author text is escaped here.
"""

from __future__ import annotations

import hashlib
import random
from html import escape

from .model import Care, Option, Question, Quiz

TIER_LABELS = {"emergency": "Emergency sign", "urgent": "Urgent sign", "soon": "Sign to get checked soon"}
TIER_ADMONITIONS = {"emergency": "danger", "urgent": "warning", "soon": "info"}  # Material's colours and icons
YES_NO = (Option("yes", "Yes"), Option("no", "No"))
CHOICE_INPUT = {"single": "radio", "true-false": "radio", "picture": "radio", "multiple": "checkbox", "yes-no": "radio"}


def page_marker(*, kind: str, item_id: str) -> str:
    """Return the hidden element that tells the script this page is a lesson, so it can be marked as read."""
    return f'<span hidden data-cq-page="{escape(kind)}" data-cq-id="{escape(item_id)}"></span>'


def render_quiz(quiz: Quiz, *, lesson_title: str, lesson_url: str, root: str) -> str:
    """Return the quiz as one HTML block: its questions, a score line and the reset control."""
    questions = [render_question(quiz, q, number=i, root=root) for i, q in enumerate(quiz.questions, 1)]
    scored = "true" if quiz.scored else "false"
    parts = [
        f'<div class="cq-quiz" data-cq-quiz="{escape(quiz.id)}" data-cq-scored="{scored}" '
        f'data-cq-total="{len(quiz.questions)}">',
        *questions,
    ]
    if quiz.scored:
        parts.append(
            f'<p class="cq-score" data-cq-score hidden>'
            f'<span data-cq-score-text></span> <a href="{escape(lesson_url)}" data-cq-review>'
            f"Read &#8216;{escape(lesson_title)}&#8217; again</a></p>"
        )
    else:
        parts += [render_care(care) for care in quiz.care]
    parts.append('<p class="cq-status" role="status" aria-live="polite" data-cq-live></p>')
    parts.append(
        '<p class="cq-tools"><button type="button" class="cq-button" data-cq-reset hidden>'
        "Reset my progress</button></p>"
    )
    parts.append("</div>")
    return "\n".join(parts)


def render_question(quiz: Quiz, question: Question, *, number: int, root: str) -> str:
    """Return one question: a form with a fieldset, its choices, a feedback region and the answer."""
    anchor = f"{quiz.id}-{question.id}"
    body = render_steps(question) if question.type == "order" else render_choices(anchor, question, root=root)
    tier = f' data-cq-tier="{question.tier}"' if question.tier else ""
    label = f'<span class="cq-tier">{TIER_LABELS[question.tier]}: </span>' if question.tier else ""
    parts = [
        f'<form class="cq-question" id="{escape(anchor)}" data-cq-question="{escape(question.id)}" '
        f'data-cq-type="{question.type}"{tier}>',
        f'<fieldset><legend><span class="cq-number">{number}.</span> {label}{escape(question.prompt)}</legend>',
        body,
        "</fieldset>",
        '<div class="cq-feedback" data-cq-feedback tabindex="-1" hidden></div>',
        render_actions(question),
        render_answer(question),
        "</form>",
    ]
    return "\n".join(part for part in parts if part)  # a blank line would end the HTML block in Markdown


def render_choices(anchor: str, question: Question, *, root: str) -> str:
    """Return the options of a choice question as real radio buttons or checkboxes."""
    kind = CHOICE_INPUT[question.type]
    options = YES_NO if question.type == "yes-no" else question.options
    items = []
    for option in options:
        correct = ' data-cq-correct=""' if option.correct else ""
        feedback = f' data-cq-says="{escape(option.feedback)}"' if option.feedback else ""
        content = f"<span>{escape(option.text)}</span>"
        if option.image:
            src = escape(root + option.image)
            content = f'<img src="{src}" alt="{escape(option.alt)}" decoding="async">'
        items.append(
            f'<label class="cq-option"><input type="{kind}" name="{escape(anchor)}" value="{escape(option.key)}"'
            f"{correct}{feedback}> {content}</label>"
        )
    grid = " cq-pictures" if question.type == "picture" else ""
    return f'<div class="cq-options{grid}">' + "".join(items) + "</div>"


def render_steps(question: Question) -> str:
    """Return the steps of an order question, shuffled, each with buttons to move it up or down."""
    items = []
    for index in shuffled_order(question):
        text = escape(question.steps[index])
        items.append(
            f'<li class="cq-step" data-cq-step="{index}"><span>{text}</span>'
            f'<button type="button" class="cq-move" data-cq-move="-1" aria-label="Move up: {text}">&#8593;</button>'
            f'<button type="button" class="cq-move" data-cq-move="1" aria-label="Move down: {text}">&#8595;</button>'
            "</li>"
        )
    return '<ol class="cq-steps" data-cq-steps>' + "".join(items) + "</ol>"


def shuffled_order(question: Question) -> list[int]:
    """Return the step indices in a shuffled order that is never the right one and the same at every build."""
    indices = list(range(len(question.steps)))
    seed = int(hashlib.sha256(question.id.encode("utf-8")).hexdigest()[:8], 16)
    random.Random(seed).shuffle(indices)
    if indices == sorted(indices):
        indices.reverse()
    return indices


def render_actions(question: Question) -> str:
    """Return the buttons the script shows: Check where needed, then Try again and Show answer."""
    check = (
        ""
        if question.type in ("single", "true-false", "picture", "yes-no")
        else ('<button type="submit" class="cq-button cq-primary" data-cq-check hidden>Check</button>')
    )
    return (
        '<div class="cq-actions">'
        + check
        + '<button type="button" class="cq-button" data-cq-retry hidden>Try again</button>'
        + (
            '<button type="button" class="cq-button" data-cq-show hidden>Show answer</button>'
            if question.type != "yes-no"
            else ""
        )
        + "</div>"
    )


def render_answer(question: Question) -> str:
    """Return the right answer and the explanation inside a native 'Show answer' disclosure."""
    if question.type == "yes-no":
        return ""
    if question.type == "order":
        answer = "<ol>" + "".join(f"<li>{escape(step)}</li>" for step in question.steps) + "</ol>"
    else:
        right = [o.text or o.alt for o in question.options if o.correct]
        answer = "<p>Right answer: " + escape("; ".join(right)) + "</p>"
    explanation = f"<p>{escape(question.explanation)}</p>" if question.explanation else ""
    return (
        '<details class="cq-answer" data-cq-answer><summary>Show answer</summary>'
        f"{answer}<div data-cq-explain>{explanation}</div></details>"
    )


def render_care(care: Care) -> str:
    """Return a self-check's advice for one tier; the script shows only the most serious one answered yes."""
    return (
        f'<div class="admonition {TIER_ADMONITIONS[care.tier]} cq-care" data-cq-care="{care.tier}">'
        f'<p class="admonition-title">If you answered yes to any {TIER_LABELS[care.tier].lower()}: '
        f"{escape(care.title)}</p><p>{escape(care.message)}</p></div>"
    )
