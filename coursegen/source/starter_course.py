"""The example lesson and quiz a new course starts with (`init`), filled in by scaffold.py."""

from __future__ import annotations

FIRST_LESSON = """\
{schema}# {c[lesson_comment]}
id: welcome
title: {q[lesson_title]}
summary: {q[lesson_summary]}
order: 1
figures:
  - src: figures/welcome.svg
    alt: {q[figure_alt]}
sections:
  - heading: {q[section_heading]}
    body: |
      {c[section_text]}

      !!! tip {q[tip_title]}
          {c[tip_text]}
steps:
  - {q[step_read]}
  - {q[step_try]}
  - {q[step_quiz]}
cues:
  - {q[cue]}
mistakes:
  - mistake: {q[mistake]}
    fix: {q[fix]}
"""

FIRST_QUIZ = """\
{schema}id: welcome
lesson: welcome
intro: {q[quiz_intro]}
questions:
  - id: order
    type: single
    prompt: {q[first_prompt]}
    options:
      - text: {q[first_right]}
        correct: true
        feedback: {q[first_right_feedback]}
      - text: {q[first_wrong]}
        feedback: {q[first_wrong_feedback]}
    explanation: {q[first_explanation]}
  - id: saved
    type: true-false
    prompt: {q[saved_prompt]}
    answer: false
    feedback_true: {q[saved_if_true]}
    feedback_false: {q[saved_if_false]}
    explanation: {q[saved_explanation]}
  - id: steps
    type: order
    prompt: {q[order_prompt]}
    steps:
      - {q[order_read]}
      - {q[order_try]}
      - {q[order_quiz]}
    explanation: {q[order_explanation]}
"""
