"""The shape of the package, read from the code with `ast`: what may import what, and where the disk is touched."""

from __future__ import annotations

import ast

import pytest
from project import ROOT

from coursegen.schema import QUESTION_TYPES

PACKAGE = ROOT / "coursegen"
MODULES = {p.stem: p for p in sorted(PACKAGE.glob("*.py"))}
DISK_EDGES = {"pipeline", "write"}
DISK_CALLS = {
    "open",  # the built-in
    "read_text",
    "read_bytes",
    "write_text",
    "write_bytes",
    "mkdir",
    "glob",
    "rglob",
    "iterdir",
    "walk",
    "listdir",
    "scandir",
    "unlink",
    "rmdir",
    "exists",
    "is_file",
    "is_dir",
    "is_symlink",
    "stat",
    "resolve",
    "touch",
    "chmod",
    "Popen",
    "run",
}
DISK_MODULES = {"subprocess", "shutil", "tempfile"}


def tree(name: str) -> ast.Module:
    """Return the parsed source of one module of the package."""
    return ast.parse(MODULES[name].read_text(encoding="utf-8"))


def runtime_nodes(module: ast.Module) -> list[ast.AST]:
    """Return every node that runs, leaving out `if TYPE_CHECKING:` blocks (type names only)."""
    skipped = {
        id(node)
        for block in ast.walk(module)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for node in ast.walk(block)
    }
    return [node for node in ast.walk(module) if id(node) not in skipped]


def our_imports(name: str) -> set[str]:
    """Return the modules of the package that a module imports when it runs."""
    found = set()
    for node in runtime_nodes(tree(name)):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found |= {node.module} if node.module else {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("coursegen"):
            found.add(node.module.split(".")[1] if "." in node.module else node.names[0].name)
    return found


def disk_uses(name: str) -> list[str]:
    """Return each place a module touches the disk or starts a process: a call or an import."""
    uses = []
    for node in runtime_nodes(tree(name)):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                owner = getattr(func.value, "id", "")
                # Image.open(BytesIO(...)) reads bytes in memory; os.walk and friends list folders.
                called = func.attr if owner not in ("Image", "ImageFont") else ""
                called = called if called not in ("walk", "listdir", "scandir") or owner == "os" else ""
            else:
                called = getattr(func, "id", "")
                called = called if called == "open" else ""
            if called in DISK_CALLS:
                uses.append(f"{name}.py:{node.lineno}: {called}()")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            uses += [f"{name}.py:{node.lineno}: import {n}" for n in names if n.split(".")[0] in DISK_MODULES]
    return uses


def test_the_model_imports_only_the_format_definitions() -> None:
    assert our_imports("model") <= {"schema"}


def test_the_loader_imports_only_diagnostics() -> None:
    assert our_imports("load") <= {"diagnostics"}


def test_the_command_line_imports_only_the_pipeline_and_diagnostics() -> None:
    assert our_imports("cli") <= {"pipeline", "diagnostics"}


@pytest.mark.parametrize("name", sorted(set(MODULES) - DISK_EDGES))
def test_only_the_pipeline_and_the_writer_touch_the_disk(name: str) -> None:
    assert disk_uses(name) == []


def test_the_disk_check_finds_the_pipeline_reading_files() -> None:
    assert any("read_bytes()" in use for use in disk_uses("pipeline"))


def test_a_question_type_is_named_in_one_python_table_only() -> None:
    # "order" is also a lesson's field; every other type name may appear nowhere but in schema.py,
    # and no code compares anything with a type name.
    names = set(QUESTION_TYPES)
    found = []
    for name in sorted(set(MODULES) - {"schema"}):
        for node in ast.walk(tree(name)):
            if isinstance(node, ast.Constant) and node.value in names - {"order"}:
                found.append(f"{name}.py:{node.lineno}: {node.value}")
            if isinstance(node, ast.Compare):
                compared = [node.left, *node.comparators]
                if any(isinstance(c, ast.Constant) and c.value in names for c in compared):
                    found.append(f"{name}.py:{node.lineno}: {ast.unparse(node)}")
    assert found == []
    script = (PACKAGE / "theme/assets/quiz.js").read_text(encoding="utf-8")
    assert not [n for n in names if f'"{n}"' in script], "the script reads behaviour attributes, not type names"


def test_every_module_is_in_the_readme_layout_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## How the code is laid out", 1)[1].split("\n## ", 1)[0]
    missing = [f"{name}.py" for name in MODULES if name not in ("__init__", "__main__") and f"`{name}.py`" not in table]
    assert missing == []
