"""What MkDocs and Zensical can import when they run in isolated mode: never a module of the course folder."""

from __future__ import annotations

import functools
import importlib.machinery
import importlib.metadata
import json
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..model.installed import Installed
from ..output.gate import SCRIPT_EXTENSIONS, Trusted, sha256


def isolated_command(*args: str) -> list[str]:
    """Return the command that runs a module with this Python in isolated mode: no course folder on its path."""
    return [sys.executable, "-I", "-m", *args]


@functools.cache
def isolated_path() -> tuple[str, ...]:
    """Return the module path of this Python in isolated mode: what MkDocs and Zensical can import."""
    result = subprocess.run(
        [sys.executable, "-I", "-c", "import json, sys; print(json.dumps(sys.path))"],
        capture_output=True,
        text=True,
        check=False,
    )
    return tuple(json.loads(result.stdout)) if result.returncode == 0 else ()


def entry_points(group: str) -> frozenset[str]:
    """Return the names installed packages register in an entry-point group."""
    found = set()
    for dist in importlib.metadata.distributions(path=list(isolated_path())):
        found |= {ep.name for ep in dist.entry_points if ep.group == group}
    return frozenset(found)


@functools.cache
def installed_module(name: str) -> bool:
    """Tell whether a dotted module name is found in an installed package, without importing anything."""
    locations: list[str] | None = list(isolated_path())
    parts = name.split(".")
    for depth in range(1, len(parts) + 1):
        if not all(part.isidentifier() for part in parts[:depth]):
            return False
        spec = importlib.machinery.PathFinder.find_spec(".".join(parts[:depth]), locations)
        if spec is None:
            return False
        locations = list(spec.submodule_search_locations or [])
    return True


def installed_folder(package: str) -> Path | None:
    """Return the folder of an installed package (not one of the course folder), without importing it."""
    spec = importlib.machinery.PathFinder.find_spec(package, list(isolated_path()))
    locations = list(spec.submodule_search_locations or []) if spec else []
    return Path(locations[0]) if locations else None


@functools.cache
def read_installed() -> Installed:
    """Read what the isolated Python can import: extension and plugin names, and Material's languages."""
    folder = installed_folder("material")
    languages = folder / "templates/partials/languages" if folder else None
    found = frozenset(p.stem for p in languages.glob("*.html")) if languages and languages.is_dir() else frozenset()
    return Installed(
        markdown_extensions=entry_points("markdown.extensions"),
        plugins=entry_points("mkdocs.plugins"),
        theme_languages=found,
        has_module=installed_module,
    )


THEME_PACKAGES = ("material", "zensical")  # their templates/ folders hold the scripts they publish
SCRIPT_PATTERNS = ("*.js", "*.mjs")


def read_trusted(project: Path, *, generated: Mapping[str, bytes | str], course_scripts: Iterable[str]) -> Trusted:
    """Read what the gate trusts for this build: the scripts of the themes, the engine and the course's choice.

    Also the hashes of the files under overrides/, which no site may hold.
    """
    scripts = {sha256(as_bytes(data)) for rel, data in generated.items() if rel.lower().endswith(SCRIPT_EXTENSIONS)}
    for package in THEME_PACKAGES:
        folder = installed_folder(package)
        templates = folder / "templates" if folder else None
        if templates and templates.is_dir():
            scripts |= {sha256(p.read_bytes()) for pattern in SCRIPT_PATTERNS for p in templates.rglob(pattern)}
    for rel in course_scripts:
        scripts.add(sha256((project / "docs" / rel).read_bytes()))
    overrides = project / "overrides"
    private = {sha256(p.read_bytes()) for p in overrides.rglob("*") if p.is_file()} if overrides.is_dir() else set()
    return Trusted(frozenset(scripts), frozenset(private - {sha256(b"")}))


def as_bytes(data: bytes | str) -> bytes:
    """Return file content as bytes."""
    return data.encode("utf-8") if isinstance(data, str) else data
