"""The peer for the benchmarks: mkdocs-quiz on stock Material with the toggle, holding the course's own quiz text.

mkdocs-quiz (a plugin, pinned with its dependencies in bench/requirements-peer.txt) is installed into its
own virtual environment, bench/out/peer-venv, so it never meets the course's. The site has the same theme
settings as reference.py's "Material + toggle" and the dowel-test lesson and quiz: each question as
mkdocs-quiz writes one (`- [x]` right, `- [ ]` wrong; pictures as images), its explanation as the text
shown after answering. Fonts are off, as in the other references, so no page of the run leaves the machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from reference import REFERENCE_PAGES, course_theme

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / "bench/out/peer-venv"
REQUIREMENTS = ROOT / "bench/requirements-peer.txt"
QUIZ = ROOT / "quizzes/dowel-test.yml"


def peer_python() -> Path:
    """Return the peer's Python, installing bench/requirements-peer.txt into its venv when it changed."""
    python = VENV / "bin/python"
    stamp = VENV / ".installed"
    if not stamp.exists() or stamp.read_text() != REQUIREMENTS.read_text():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", str(REQUIREMENTS)],
            check=True,
        )
        stamp.write_text(REQUIREMENTS.read_text())
    return python


def quiz_markdown(quiz: dict) -> str:
    """Return the quiz as mkdocs-quiz Markdown: one <quiz> block a question, in the course's order."""
    blocks = [f"# {quiz.get('title') or 'Quiz: the dowel test'}\n", quiz.get("intro", ""), "<!-- mkdocs-quiz intro -->"]
    for question in quiz["questions"]:
        if question["type"] == "true-false":
            options = [("True", question["answer"] is True), ("False", question["answer"] is False)]
        elif question["type"] in ("single", "multiple", "picture"):
            options = [
                (f"![{o['alt']}](../{o['image']})" if "image" in o else o["text"], bool(o.get("correct")))
                for o in question["options"]
            ]
        else:  # mkdocs-quiz has no ordering question
            continue
        lines = [f"- [{'x' if right else ' '}] {text}" for text, right in options]
        body = "\n".join([question["prompt"], *lines, "", question["explanation"]])
        blocks.append(f"<quiz>\n{body}\n</quiz>")
    blocks.append("<!-- mkdocs-quiz results -->")
    return "\n\n".join(b for b in blocks if b) + "\n"


def peer_site(target: Path) -> Path:
    """Build the mkdocs-quiz peer into target/site and return it: the lesson at /, the quiz at /quiz/."""
    (target / "docs/quiz").mkdir(parents=True)
    lesson = (ROOT / REFERENCE_PAGES["index.md"]).read_text(encoding="utf-8")
    (target / "docs/index.md").write_text(lesson.split("\n---\n", 1)[-1], encoding="utf-8")
    quiz = yaml.safe_load(QUIZ.read_text(encoding="utf-8"))
    (target / "docs/quiz/index.md").write_text(quiz_markdown(quiz), encoding="utf-8")
    shutil.copytree(ROOT / "docs/figures", target / "docs/figures")
    config = {
        "site_name": "Peer",
        "site_url": "http://127.0.0.1/",
        "site_description": "The same quiz text, with mkdocs-quiz.",
        "theme": {"name": "material", "font": False, **course_theme()},
        "plugins": ["search", "mkdocs_quiz"],
        "markdown_extensions": ["admonition", "pymdownx.details", "pymdownx.superfences", "attr_list", "md_in_html"],
    }
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    subprocess.run(
        [str(peer_python()), "-m", "mkdocs", "build", "-q"],
        cwd=target,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return target / "site"


if __name__ == "__main__":
    print(peer_site(Path(sys.argv[1])))
