"""Check that mkdocs.yml names no Python of the course folder: no hooks, extensions and plugins from installed packages.

MkDocs and Zensical run in Python's isolated mode (`python -I`), so nothing in the course folder is on
their module path; this check says so at `check` time, with the line, instead of a failed build.
"""

from __future__ import annotations

import posixpath

import yaml

from ..model.diagnostics import Diagnostic, error, note
from ..model.installed import Installed
from .load import position

# Installed plugins that run Python or code blocks named by the course itself (MkDocs or Zensical's own copy).
CODE_RUNNING_PLUGINS = frozenset(
    {"macros", "markdown-exec", "gen-files", "simple-hooks", "mkdocs-simple-hooks", "projects"}
)
PLUGIN_HINT = "Keep `- search`; the course engine needs no other plugin."


def installed_extension(name: str, installed: Installed) -> bool:
    """Tell whether Python-Markdown would load an extension from an installed package."""
    if "." not in name and ":" not in name and name in installed.markdown_extensions:
        return True
    return installed.has_module(name.split(":", 1)[0])


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


def check_engine_code(path: str, top: dict[str, yaml.Node], installed: Installed) -> list[Diagnostic]:
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
        if not installed_extension(name, installed):
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
        problems += plugin_problems(path, name, node, installed)
    return problems


def plugin_problems(path: str, name: str, node: yaml.Node, installed: Installed) -> list[Diagnostic]:
    """Refuse a plugin that is not installed, or one that runs code the course names."""
    if name.rsplit("/", 1)[-1] in CODE_RUNNING_PLUGINS:
        reason = "runs Python or code blocks named by the course"
    elif name not in installed.plugins:
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
