"""The bad-input corpus: every broken course file gets exact errors, a failed build, and nothing written.

Each case in tests/bad_input/ changes the sample course (`files`, which may replace mkdocs.yml,
`binary` as base64, `symlinks`), or the machine (`engine_missing`: engine files an installation lacks;
`disk_full`: writes under a path fail as on a full disk), and holds the whole report the build must
print (`expect`: every error and warning with its source line, caret and hint, then the count and the
final line). Cases run in-process through `commands.build.build`; one more test runs the command line itself.
After an intended change to a message, run with UPDATE_GOLDENS=1: it rewrites only the `expect` block;
review the diff.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import os
import shutil
from pathlib import Path

import pytest
import yaml
from project import ROOT, copy_project, run_build

from coursegen.commands import installation
from coursegen.commands.build import build
from coursegen.output import write

CASES = sorted((ROOT / "tests/bad_input").glob("*.yml"))
CASES_BEFORE_THE_SAFETY_WORK = 54  # 2026-11-25; the safety work asked for at least 40 more
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
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(text, encoding="utf-8")
    for rel, size in (case.get("sparse") or {}).items():
        with open(project / rel, "wb") as sparse:
            sparse.truncate(size)
    for rel, data in (case.get("binary") or {}).items():
        (project / rel).write_bytes(base64.b64decode(data))
    for rel, target in (case.get("symlinks") or {}).items():
        (project / rel).symlink_to(target)


def inject_faults(case: dict, project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Make the machine as a case describes: an engine installed without some files, or a disk that fills up."""
    if case.get("engine_missing"):
        package = tmp_path / "installed" / "coursegen"
        shutil.copytree(installation.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
        for rel in case["engine_missing"]:
            (package / rel).unlink()
        monkeypatch.setattr(installation, "PACKAGE", package)
    if case.get("disk_full"):
        full, real_write = project / case["disk_full"], write.write_atomic

        def write_until_full(path: Path, content: write.Content) -> None:
            if path.is_relative_to(full):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
            real_write(path, content)

        monkeypatch.setattr(write, "write_atomic", write_until_full)


GENERATED = ("lessons/", "quizzes/", "programs/", "previews/", "qr/", "icons/", "calendar/", "assets/coursegen/")


def tree_hashes(folder: Path, *, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Return the SHA-256 of every file under a folder, leaving out paths that start with `skip`."""
    return {
        rel: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and not (rel := p.relative_to(folder).as_posix()).startswith(skip)
    }


def hand_written_and_site(project: Path) -> dict[str, dict[str, str]]:
    """Hash the hand-written files of docs/ and the whole site: what a failed build must never change.

    Generated pages may change when a build gets as far as the engine (the final gate runs after it);
    they are the build's own, and the next good build writes them again.
    """
    docs = tree_hashes(project / "docs", skip=(*GENERATED, "manifest.webmanifest"))
    return {
        "docs": docs,
        "site": tree_hashes(project / "site"),
        "course": tree_hashes(project, skip=("docs/", "site/", "overrides/", ".coursegen")),
    }


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= CASES_BEFORE_THE_SAFETY_WORK + 40


def update_expectation(case_file: Path, report: str) -> None:
    """Rewrite the `expect` block of a case file (always its last key), leaving its inputs as written."""
    text = case_file.read_text(encoding="utf-8")
    head = text[: text.index("\nexpect:")] if "\nexpect:" in text else text.rstrip("\n")
    block = "".join(f"  {line}\n" if line else "\n" for line in report.splitlines())
    case_file.write_text(f"{head}\nexpect: |\n{block}", encoding="utf-8")


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_bad_input_gets_exact_errors_and_nothing_is_written(
    case_file: Path, built_sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    project = tmp_path / "course"
    shutil.copytree(built_sample, project, symlinks=True)
    apply_case(case, project)
    before = hand_written_and_site(project)
    inject_faults(case, project, monkeypatch, tmp_path)

    outcome = build(
        project,
        site_dir=Path(case.get("site_dir", "site")),
        strict=case.get("strict", False),
        engine=case.get("engine", "mkdocs"),
        env={},
    )
    report = outcome.report() + "\n"
    if UPDATE:
        update_expectation(case_file, report)
    assert not outcome.ok
    assert outcome.message, "a refused build says why"
    assert report == case["expect"]
    assert all(d.line >= 1 and d.col >= 1 for d in outcome.diagnostics)
    assert hand_written_and_site(project) == before
    assert sorted(p.name for p in project.parent.iterdir() if p.name != "installed") == ["course"], (
        "nothing written beside the course"
    )
    assert "None" not in report, "a message never shows a missing value"


def test_the_command_line_exits_1_with_the_report_and_no_traceback(built_sample: Path, tmp_path: Path) -> None:
    case_file = ROOT / "tests/bad_input/lesson-unknown-key.yml"
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    project = tmp_path / "course"
    shutil.copytree(built_sample, project, symlinks=True)
    apply_case(case, project)
    before = tree_hashes(project / "site")
    result = run_build(project, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == case["expect"]
    assert tree_hashes(project / "site") == before


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
