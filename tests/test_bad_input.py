"""The bad-input corpus: every broken course file gets exact errors, a non-zero exit, and nothing written.

Each case in tests/bad_input/ changes the sample course (`files`, which may replace mkdocs.yml,
`binary` as base64, `symlinks`) and lists the error lines it must produce (`expect`). After an
intended change to a message, run with UPDATE_GOLDENS=1 and review the diff.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
from pathlib import Path

import pytest
import yaml
from project import ROOT, copy_project, run_build

from coursegen.pipeline import generate

CASES = sorted((ROOT / "tests/bad_input").glob("*.yml"))
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"


@pytest.fixture(scope="module")
def built_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample course, built once, so each case can show that a failed build keeps the old site."""
    project = copy_project(tmp_path_factory.mktemp("built") / "course")
    result = run_build(project, "build")
    assert result.returncode == 0, result.stderr
    return project


def apply_case(case: dict, project: Path) -> None:
    """Write a case's broken files into a copy of the sample course."""
    for rel, text in (case.get("files") or {}).items():
        (project / rel).write_text(text, encoding="utf-8")
    for rel, data in (case.get("binary") or {}).items():
        (project / rel).write_bytes(base64.b64decode(data))
    for rel, target in (case.get("symlinks") or {}).items():
        (project / rel).symlink_to(target)


def tree_hashes(folder: Path) -> dict[str, str]:
    """Return the SHA-256 of every file under a folder."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_bad_input_gets_exact_errors_and_nothing_is_written(
    case_file: Path, built_sample: Path, tmp_path: Path
) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    project = tmp_path / "course"
    shutil.copytree(built_sample, project, symlinks=True)
    apply_case(case, project)
    before = {"docs": tree_hashes(project / "docs"), "site": tree_hashes(project / "site")}

    generated = generate(project, env={})
    errors = [d.format().splitlines()[0] for d in generated.diagnostics if d.severity == "error"]
    if UPDATE:
        case["expect"] = errors
        case_file.write_text(yaml.safe_dump(case, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")
    assert errors, "a broken course must produce at least one error"
    assert errors == case["expect"]
    assert all(d.line >= 1 and d.col >= 1 for d in generated.diagnostics)

    result = run_build(project, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    for line in case["expect"]:
        assert line in result.stderr
    assert "Nothing was written." in result.stderr
    assert {"docs": tree_hashes(project / "docs"), "site": tree_hashes(project / "site")} == before


def test_a_ten_megabyte_file_is_refused_without_reading_it_all(sample_project: Path) -> None:
    big = sample_project / "lessons/03-huge.yml"
    big.write_bytes(b"title: " + b"x" * 10_000_000 + b"\n")
    result = run_build(sample_project, "check")
    assert result.returncode == 1
    assert "lessons/03-huge.yml:1:1: error: file is 10.0 MB; course files must be under 1 MB" in result.stderr


def test_a_byte_order_mark_is_accepted(sample_project: Path) -> None:
    lesson = sample_project / "lessons/01-first-steps.yml"
    lesson.write_bytes(b"\xef\xbb\xbf" + lesson.read_bytes())
    result = run_build(sample_project, "check")
    assert result.returncode == 0, result.stderr
