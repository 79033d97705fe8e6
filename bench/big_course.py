"""Write a synthetic course of many lessons, for benchmarks: neutral settings, varied text, valid for `--strict`.

    .venv/bin/python bench/big_course.py OUT --lessons 1000 [--part-size 20] [--group-size 20] [--prune]

The lessons' text is the course's own (sentences of lessons/*.yml), recombined with a fixed seed, and each
lesson brings words of its own, so that a search index and gzip see text that grows and does not repeat.
The same arguments always write the same files. Build it with `coursegen build --strict` in OUT.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SEED = 20261202
SYLLABLES = tuple(consonant + vowel for consonant in "bdfgklmnprstvz" for vowel in "aeiou")
# Markdown or YAML that a recombined sentence must not carry: links to pages the course lacks, callouts, lists.
UNSAFE = re.compile(r"[\[\]()!?`*|<>#:\"]|^\d+\.|^- ")

SETTINGS = """\
# A synthetic course for benchmarks, written by bench/big_course.py.
site_name: A Synthetic Course
site_description: Many short lessons, one a day, for measuring the course engine.
site_url: http://127.0.0.1:8000/

theme:
  name: material
  custom_dir: overrides
  font: false
  language: en
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: custom
      accent: custom
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: custom
      accent: custom
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode
  features:
    - navigation.instant
    - navigation.footer
    - navigation.top
    - content.tabs.link
    - search.highlight

plugins:
  - search

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

extra:
  generator: false
  course:
    offline: true
    theme_color: "#00695c"
    short_name: Synthetic
"""

HOME = "---\ndescription: Many short lessons, one a day.\n---\n\n# A Synthetic Course\n\nStart with the first lesson.\n"


def with_prune(config: str) -> str:
    """Return mkdocs.yml with navigation.prune added to theme.features."""
    features = "\n  features:\n"
    assert features in config, "mkdocs.yml has no theme.features list to add navigation.prune to"
    return config.replace(features, features + "    - navigation.prune\n", 1)


def part_folder(n: int, lessons: int, *, part_size: int, group_size: int = 0) -> str:
    """Return the folder of lesson `n`: its part (part-01, ...), in its group (group-01/part-01) with `group_size`.

    '' when lessons are not in parts. Parts are numbered through the course, so that no two share a name.
    """
    if not part_size:
        return ""
    parts = -(-lessons // part_size)
    part = (n - 1) // part_size + 1
    folder = f"part-{part:0{max(2, len(str(parts)))}d}"
    if not group_size:
        return folder
    groups = -(-parts // group_size)
    return f"group-{(part - 1) // group_size + 1:0{max(2, len(str(groups)))}d}/{folder}"


def course_sentences(lessons_dir: Path) -> list[str]:
    """Return the plain sentences of a course's lessons: summaries, section bodies, steps, cues and fixes."""
    texts: list[str] = []
    for path in sorted(lessons_dir.rglob("*.yml")):
        lesson = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts.append(lesson.get("summary", ""))
        texts += [section["body"] for section in lesson.get("sections", ())]
        texts += lesson.get("steps", []) + lesson.get("cues", [])
        texts += [m["fix"] for m in lesson.get("mistakes", ())]
    sentences = []
    for text in texts:
        for line in re.split(r"\n\s*\n", text):
            for sentence in re.split(r"(?<=[.])\s+", " ".join(line.split())):
                if sentence.endswith(".") and len(sentence.split()) >= 4 and not UNSAFE.search(sentence):
                    sentences.append(sentence)
    return sorted(set(sentences))


def lesson_words(rng: random.Random, count: int) -> list[str]:
    """Return made-up words for one lesson: the terms it brings that no other lesson need share."""
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(count)]


@dataclass(frozen=True)
class Voice:
    """One lesson's way of writing: the course's sentences, the lesson's own words, a seeded draw."""

    rng: random.Random
    sentences: list[str]
    words: list[str]

    def varied(self, sentence: str) -> str:
        """Return a sentence with some of its longer words swapped for the lesson's own words."""
        out = []
        for word in sentence.split(" "):
            core = word.rstrip(".,;")
            if len(core) >= 5 and core.isalpha() and self.rng.random() < 0.3:
                swap = self.rng.choice(self.words)
                word = (swap.capitalize() if core[0].isupper() else swap) + word[len(core) :]
            out.append(word)
        return " ".join(out)

    def text(self, count: int) -> str:
        """Return `count` sentences drawn from the course, varied with the lesson's words."""
        return " ".join(self.varied(self.rng.choice(self.sentences)) for _ in range(count))

    def short(self) -> str:
        """Return the first five words of a sentence: a cue, an option, a step to order."""
        return " ".join(self.text(1).split()[:5]).rstrip(".,;")

    def distinct(self, count: int) -> list[str]:
        """Return `count` short texts that differ even when case is ignored, as quizzes require."""
        texts: dict[str, str] = {}
        while len(texts) < count:
            text = self.short()
            texts.setdefault(text.casefold(), text)
        return list(texts.values())

    def options(self) -> list[dict]:
        """Return a right and a wrong option."""
        right, wrong = self.distinct(2)
        return [{"text": right, "correct": True}, {"text": wrong}]


def lesson(n: int, voice: Voice) -> dict:
    """Return lesson `n` as a YAML-ready dictionary."""
    words, text, short, rng = voice.words, voice.text, voice.short, voice.rng
    return {
        "id": f"lesson-{n}",
        "title": f"{words[0].capitalize()} and {words[1]}, lesson {n}",
        "summary": text(1),
        "order": n,
        "figures": [{"src": "figures/figure.svg", "alt": text(1)}],
        "sections": [
            {"heading": f"{words[2 + s].capitalize()} {short().lower()}", "body": f"{text(4)}\n\n{text(5)}\n"}
            for s in range(rng.randint(2, 4))
        ],
        "steps": [text(1) for _ in range(rng.randint(3, 6))],
        "cues": voice.distinct(rng.randint(2, 3)),
        "mistakes": [{"mistake": text(1), "fix": text(1)} for _ in range(rng.randint(1, 3))],
    }


def quiz(n: int, voice: Voice) -> dict:
    """Return lesson `n`'s four-question quiz as a YAML-ready dictionary."""
    text = voice.text
    return {
        "id": f"lesson-{n}",
        "lesson": f"lesson-{n}",
        "questions": [
            {"id": "a", "type": "single", "prompt": text(1), "options": voice.options(), "explanation": text(2)},
            {"id": "b", "type": "true-false", "prompt": text(1), "answer": voice.rng.random() < 0.5},
            {"id": "c", "type": "order", "prompt": text(1), "steps": voice.distinct(3)},
            {"id": "d", "type": "multiple", "prompt": text(1), "options": voice.options(), "explanation": text(1)},
        ],
    }


def dump(data: dict) -> str:
    """Return a dictionary as YAML in the key order given."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)


def write_big_course(
    target: Path, lessons: int, *, part_size: int = 20, group_size: int = 0, prune: bool = False
) -> None:
    """Write a course of `lessons` lessons, each with a figure and a four-question quiz, into `target`.

    With `part_size` (0 for none), the lessons sit in parts of that many (lessons/part-01/...); with
    `group_size` (0 for none), the parts sit in groups of that many (lessons/group-01/part-01/...); with
    `prune`, mkdocs.yml turns on Material's navigation.prune.
    """
    target.mkdir(parents=True, exist_ok=True)
    (target / "mkdocs.yml").write_text(with_prune(SETTINGS) if prune else SETTINGS, encoding="utf-8")
    (target / "overrides").mkdir(exist_ok=True)
    (target / "docs/figures").mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "docs/figures/dowel-test.svg", target / "docs/figures/figure.svg")
    (target / "docs/index.md").write_text(HOME, encoding="utf-8")
    (target / "quizzes").mkdir(exist_ok=True)
    sentences = course_sentences(ROOT / "lessons")
    rng = random.Random(SEED)
    width = len(str(lessons))
    for n in range(1, lessons + 1):
        voice = Voice(rng, sentences, lesson_words(rng, 24))
        folder = part_folder(n, lessons, part_size=part_size, group_size=group_size)
        path = target / "lessons" / folder / f"{n:0{width}d}-lesson-{n}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(lesson(n, voice)), encoding="utf-8")
        (target / f"quizzes/lesson-{n}.yml").write_text(dump(quiz(n, voice)), encoding="utf-8")


def main() -> None:
    """Write the course the command line asks for."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the folder to write the course into")
    parser.add_argument("--lessons", type=int, default=1000, help="how many lessons (default 1000)")
    parser.add_argument("--part-size", type=int, default=20, help="lessons per part; 0 for none (default 20)")
    parser.add_argument("--group-size", type=int, default=0, help="parts per group; 0 for none (default 0)")
    parser.add_argument("--prune", action="store_true", help="turn on Material's navigation.prune")
    args = parser.parse_args()
    write_big_course(args.out, args.lessons, part_size=args.part_size, group_size=args.group_size, prune=args.prune)


if __name__ == "__main__":
    main()
