"""Check that mkdocs.yml names no Python of the course folder: no hooks, extensions and plugins from installed packages.

MkDocs and Zensical run in Python's isolated mode (`python -I`), so nothing in the course folder is on
their module path; this check says so at `check` time, with the line, instead of a failed build.
"""

from __future__ import annotations

import functools
import importlib.machinery
import importlib.metadata
import json
import posixpath
import subprocess
import sys
from pathlib import Path

import yaml

from .diagnostics import Diagnostic, error, note
from .load import position

# Installed plugins that run Python or code blocks named by the course itself (MkDocs or Zensical's own copy).
CODE_RUNNING_PLUGINS = frozenset(
    {"macros", "markdown-exec", "gen-files", "simple-hooks", "mkdocs-simple-hooks", "projects"}
)
PLUGIN_HINT = "Keep `- search`; the course engine needs no other plugin."


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


@functools.cache
def entry_points(group: str) -> frozenset[str]:
    """Return the names an installed package registers in an entry-point group."""
    found = set()
    for dist in importlib.metadata.distributions(path=list(isolated_path())):
        found |= {ep.name for ep in dist.entry_points if ep.group == group}
    return frozenset(found)


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


def installed_extension(name: str) -> bool:
    """Tell whether Python-Markdown would load an extension from an installed package."""
    if "." not in name and ":" not in name and name in entry_points("markdown.extensions"):
        return True
    return installed_module(name.split(":", 1)[0])


def named_items(node: yaml.Node | None) -> list[tuple[str, yaml.Node]]:
    """Return the names of a list or mapping of extensions or plugins, with the node of each."""
    if isinstance(node, yaml.MappingNode):
        return [(str(k.value), k) for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
    items = []
    for item in node.value if isinstance(node, yaml.SequenceNode) else []:
        if isinstance(item, yaml.ScalarNode):
            items.append((str(item.value), item))
        elif isinstance(item, yaml.MappingNode) and item.value and isinstance(item.value[0][0], yaml.ScalarNode):
            items.append((str(item.value[0][0].value), item.value[0][0]))
    return items


def check_engine_code(path: str, top: dict[str, yaml.Node]) -> list[Diagnostic]:
    """Refuse hooks, and extensions or plugins that do not come from an installed package."""
    problems = []
    if "hooks" in top:
        problems.append(
            error(
                path,
                *position(top["hooks"]),
                "hooks: would run Python files of the course folder at build time, which the build never does",
                "Remove the hooks: setting; the course engine does its work without them.",
            )
        )
    for name, node in named_items(top.get("markdown_extensions")):
        if not installed_extension(name):
            problems.append(
                error(
                    path,
                    *position(node),
                    f"markdown extension '{name}' is not from an installed package; "
                    "the build never runs Python found in the course folder",
                    "Use an extension of Python-Markdown or pymdown-extensions (AUTHORING.md), or remove the line.",
                )
            )
    for name, node in named_items(top.get("plugins")):
        problems += plugin_problems(path, name, node)
    return problems


def plugin_problems(path: str, name: str, node: yaml.Node) -> list[Diagnostic]:
    """Refuse a plugin that is not installed, or one that runs code the course names."""
    if name.rsplit("/", 1)[-1] in CODE_RUNNING_PLUGINS:
        reason = "runs Python or code blocks named by the course"
    elif name not in entry_points("mkdocs.plugins"):
        reason = "is not from an installed package"
    else:
        return []
    message = f"plugin '{name}' {reason}; the build never runs code from the course folder"
    return [error(path, *position(node), message, PLUGIN_HINT)]


SCRIPTS_HINT = (
    "Remove extra_javascript, or, if you wrote these scripts and want every reader to run them, add:\n"
    "  extra:\n    course:\n      allow_extra_javascript: true"
)


def script_entries(node: yaml.Node | None) -> list[tuple[str, yaml.Node]]:
    """Return the paths of `extra_javascript`, written as text or as `- path: x.js` entries, with their nodes."""
    found = []
    for item in node.value if isinstance(node, yaml.SequenceNode) else []:
        if isinstance(item, yaml.MappingNode):
            item = next((v for k, v in item.value if getattr(k, "value", None) == "path"), item)
        found.append((str(item.value) if isinstance(item, yaml.ScalarNode) else "", item))
    return found


def course_scripts(
    path: str, node: yaml.Node | None, *, allowed: bool, docs: frozenset[str]
) -> tuple[tuple[str, ...], list[Diagnostic]]:
    """Return the course's own scripts (paths under docs/) and the diagnostics about them.

    They are refused unless the course opts in with `allow_extra_javascript`; then every run says so.
    """
    if node is None:
        return (), []
    if not allowed:
        message = "extra_javascript would publish the course's own scripts, to run in every reader's browser"
        return (), [error(path, *position(node), message, SCRIPTS_HINT)]
    scripts, problems = [], []
    for name, item in script_entries(node):
        rel = posixpath.normpath(name) if name else ""
        if rel not in docs:
            message = f"extra_javascript '{name}' is not a file under docs/"
            problems.append(error(path, *position(item), message, "Name a script of docs/, like js/extra.js."))
        else:
            scripts.append(rel)
    if scripts:
        listed = ", ".join(scripts)
        message = f"publishing the course's own scripts, run on every page: {listed}"
        problems.append(note(path, *position(node), message))
    return tuple(scripts), problems


def installed_folder(package: str) -> Path | None:
    """Return the folder of an installed package (not one of the course folder), without importing it."""
    spec = importlib.machinery.PathFinder.find_spec(package, list(isolated_path()))
    locations = list(spec.submodule_search_locations or []) if spec else []
    return Path(locations[0]) if locations else None


@functools.cache
def theme_languages() -> frozenset[str]:
    """Return the languages the installed Material translates its own words into (none if it is not found)."""
    folder = installed_folder("material")
    languages = folder / "templates/partials/languages" if folder else None
    return frozenset(p.stem for p in languages.glob("*.html")) if languages and languages.is_dir() else frozenset()
