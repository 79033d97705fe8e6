"""No Python of a course folder runs at build time: not a module shadowing one the engine imports, not a hook,
not a Markdown extension of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursegen.commands.build import build
from coursegen.commands.check import check
from coursegen.commands.engine import zensical_path

PROBE = "import pathlib\npathlib.Path({marker!r}).write_text(__name__)\n"
PROBES = ("yaml.py", "pymdownx/__init__.py", "markdown/__init__.py", "material/__init__.py", "my_hook.py", "my_ext.py")


def plant_probes(project: Path, marker: Path) -> None:
    """Write Python files into the course folder that leave a marker file if anything imports them."""
    for rel in PROBES:
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(PROBE.format(marker=str(marker)), encoding="utf-8")


def test_hooks_and_a_local_extension_are_refused_at_check_with_their_lines(
    sample_project: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "ran"
    plant_probes(sample_project, marker)
    config = sample_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("markdown_extensions:\n", "markdown_extensions:\n  - my_ext\n")
    config.write_text(text + "hooks:\n  - my_hook.py\nplugins:\n  - search\n  - macros\n", encoding="utf-8")
    lines = config.read_text(encoding="utf-8").splitlines()

    outcome = check(sample_project, env={})

    report = outcome.report()
    assert not outcome.ok
    extension = lines.index("  - my_ext") + 1
    assert f"mkdocs.yml:{extension}:5: error: markdown extension 'my_ext' is not from an installed package" in report
    assert f"mkdocs.yml:{lines.index('hooks:') + 2}:3: error: hooks: would run Python files" in report
    assert f"mkdocs.yml:{lines.index('  - macros') + 1}:5: error: plugin 'macros' runs Python" in report
    assert not marker.exists()


ENGINES = [
    "mkdocs",
    pytest.param("zensical", marks=pytest.mark.skipif(not zensical_path().exists(), reason="no Zensical")),
]


@pytest.mark.parametrize("engine", ENGINES)
def test_modules_in_the_course_folder_never_run_when_the_site_is_built(
    sample_project: Path, tmp_path: Path, engine: str
) -> None:
    marker = tmp_path / "ran"
    plant_probes(sample_project, marker)
    # Zensical publishes overrides/README.md, which the gate refuses; issue 28 stops that at its cause.
    (sample_project / "overrides/README.md").unlink(missing_ok=True)

    outcome = build(sample_project, site_dir=Path("site"), engine=engine, env={})

    assert outcome.ok, outcome.report()
    assert not marker.exists(), f"{marker.read_text()} of the course folder ran"
    assert (sample_project / "site/index.html").is_file()
