"""The installed engine is the tested engine: a wheel, installed away from the source tree, makes and builds courses.

The wheel test builds a wheel from a copy of the package, installs it into a new virtual environment
outside the repository (its dependencies come from the test environment's own site-packages, through a
.pth file, so nothing is downloaded), then runs `coursegen init` in English and in French and builds both
with --strict, from a folder outside the repository and with no PYTHONPATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from project import ROOT

from coursegen.commands.installation import ENGINE_FILES, PACKAGE, missing_engine_files


def test_the_engine_file_list_is_every_file_of_the_package() -> None:
    found = {
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    }
    assert set(ENGINE_FILES) == found, "list every file coursegen/ holds besides its modules in ENGINE_FILES"
    assert missing_engine_files() == []


def run(command: list[str | Path], *, cwd: Path, env: dict[str, str]) -> str:
    """Run a command; fail the test with its output if it fails."""
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}{result.stderr}"
    return result.stdout + result.stderr


def installed_engine(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Build a wheel from a copy of the package, install it into a new venv; return its bin folder and environment."""
    source = tmp_path / "source"
    shutil.copytree(ROOT / "coursegen", source / "coursegen", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", source / "pyproject.toml")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "-q"]
    run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", tmp_path / "wheels", source], cwd=tmp_path, env=env)
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp_path, env=env)
    python = venv / "bin" / "python"
    purelib = run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp_path, env=env)
    Path(purelib.strip(), "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    wheel = next((tmp_path / "wheels").glob("coursegen-*.whl"))
    run([*pip, "--python", python, "install", "--no-index", wheel], cwd=tmp_path, env=env)
    return venv / "bin", env


def test_the_installed_wheel_makes_and_builds_a_course_in_english_and_in_french(tmp_path: Path) -> None:
    bin_dir, env = installed_engine(tmp_path)
    where = run([bin_dir / "python", "-c", "import coursegen; print(coursegen.__file__)"], cwd=tmp_path, env=env)
    assert Path(where.strip()).is_relative_to(tmp_path / "venv"), "the engine under test is the installed one"
    courses = tmp_path / "courses"
    courses.mkdir()
    run([bin_dir / "coursegen", "init", "knife-skills"], cwd=courses, env=env)
    run([bin_dir / "coursegen", "init", "laver-les-mains", "--language", "fr"], cwd=courses, env=env)
    for course in ("knife-skills", "laver-les-mains"):
        out = run([bin_dir / "coursegen", "build", "--strict"], cwd=courses / course, env=env)
        assert "Built" in out
        assert (courses / course / "site/sw.js").is_file()
    french = (courses / "laver-les-mains/site/index.html").read_text(encoding="utf-8")
    assert 'lang="fr"' in french
    for english in ("Dark mode", "Light mode", "Switch to", "Start with the first lesson"):
        assert english not in french


def test_every_starter_catalogue_has_the_keys_of_the_english_one() -> None:
    import yaml

    folder = PACKAGE / "catalogues/starter"
    english = set(yaml.safe_load((folder / "en.yml").read_text(encoding="utf-8")))
    for path in folder.glob("*.yml"):
        assert set(yaml.safe_load(path.read_text(encoding="utf-8"))) == english, path.name
