"""The shape of the package, read from the code with `ast`: what may import what, and where the disk is touched."""

from __future__ import annotations

import ast

import pytest
from project import ROOT

from coursegen.model.schema import QUESTION_TYPES

PACKAGE = ROOT / "coursegen"
# Each module by its path in the package without .py: "cli", "source/settings", "commands/build".
MODULES = {p.relative_to(PACKAGE).with_suffix("").as_posix(): p for p in sorted(PACKAGE.rglob("*.py"))}
STAGES = ("model", "source", "site", "output", "commands")
# What each stage may import: commands -> site and output -> source -> model, never upwards.
MAY_IMPORT = {
    "model": {"model"},
    "source": {"model", "source"},
    "site": {"model", "source", "site"},
    "output": {"model", "source", "output"},
    "commands": set(STAGES),
    "": {"commands", ""},  # cli.py and __main__.py: the command line only
}
DISK_EDGES = {"output/write", "output/swap"} | {name for name in MODULES if name.startswith("commands/")}
MAX_LINES = 400
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


def resolved(name: str, node: ast.ImportFrom) -> set[str]:
    """Return the modules of the package an import names, as keys of MODULES ("model/paths"), or none."""
    if node.level:
        folder = name.split("/")[:-1]
        base = folder[: len(folder) - (node.level - 1)] + (node.module.split(".") if node.module else [])
    elif (node.module or "").split(".")[0] == "coursegen":
        base = node.module.split(".")[1:]
    else:
        return set()
    found = set()
    for alias in node.names:
        target = "/".join([*base, alias.name])
        found.add(target if target in MODULES else "/".join(base) or "__init__")
    return found


def our_imports(name: str, module: ast.Module | None = None) -> set[str]:
    """Return the modules of the package that a module imports when it runs."""
    nodes = runtime_nodes(module or tree(name))
    return {found for node in nodes if isinstance(node, ast.ImportFrom) for found in resolved(name, node)}


def stage_of(name: str) -> str:
    """Return the stage a module belongs to, by its folder; "" for the command line at the top."""
    return name.split("/")[0] if "/" in name else ""


def wrong_way_imports(name: str, module: ast.Module | None = None) -> list[str]:
    """Return each import of a module that goes against the stages' direction."""
    allowed = MAY_IMPORT[stage_of(name)]
    return sorted(f"{name} imports {found}" for found in our_imports(name, module) if stage_of(found) not in allowed)


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


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_import_goes_down_the_stages(name: str) -> None:
    assert wrong_way_imports(name) == []


def test_the_direction_check_finds_a_source_module_importing_the_site() -> None:
    # settings.py once imported the trainer's page maker for one check: the test must refuse that.
    module = tree("source/settings")
    module.body.insert(0, ast.parse("from ..site import trainer").body[0])
    assert wrong_way_imports("source/settings", module) == ["source/settings imports site/trainer"]


def test_every_module_sits_in_a_stage_folder_and_each_folder_says_its_rule() -> None:
    assert {name for name in MODULES if "/" not in name} == {"__init__", "__main__", "cli"}
    assert {stage_of(name) for name in MODULES} == {"", *STAGES}
    assert all(ast.get_docstring(tree(f"{stage}/__init__")) for stage in STAGES)


def test_each_kind_of_course_file_is_checked_in_one_module() -> None:
    # A file's shape, rules and references are read top to bottom in its own module: no module of one
    # kind of file calls into another's, and validate.py only puts them in order.
    files = {"source/lesson", "source/quiz", "source/program", "source/settings"}
    assert {name: our_imports(name) & (files | {"source/validate"}) for name in files} == {
        name: set() for name in files
    }
    assert files <= our_imports("source/validate")


def test_the_model_imports_only_the_format_definitions() -> None:
    assert our_imports("model/course") <= {"model/schema"}


def test_the_loader_imports_only_diagnostics() -> None:
    assert our_imports("source/load") <= {"model/diagnostics"}


def test_no_module_is_over_400_lines() -> None:
    long = {
        name: n
        for name, path in MODULES.items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


@pytest.mark.parametrize("name", sorted(set(MODULES) - DISK_EDGES))
def test_only_the_commands_and_the_writer_touch_the_disk(name: str) -> None:
    assert disk_uses(name) == []


def test_the_disk_check_finds_a_command_reading_files() -> None:
    assert any("read_bytes()" in use for use in disk_uses("commands/read"))


def test_a_question_type_is_named_in_one_python_table_only() -> None:
    # "order" is also a lesson's field; every other type name may appear nowhere but in schema.py,
    # and no code compares anything with a type name.
    names = set(QUESTION_TYPES)
    found = []
    for name in sorted(set(MODULES) - {"model/schema"}):
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
    missing = [
        f"{name}.py" for name in MODULES if not name.endswith(("__init__", "__main__")) and f"`{name}.py`" not in table
    ]
    assert missing == []
