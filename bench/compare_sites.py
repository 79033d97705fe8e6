"""Build the course at two git revisions and compare the sites file by file: what a change of the engine changed.

    .venv/bin/python bench/compare_sites.py [BEFORE [AFTER]]     (default: main, then the working tree)

Each revision's tracked files are copied into a temporary folder and built there with `build.py build`, with
the same SITE_URL and SOURCE_DATE_EPOCH, so two builds of the same engine give byte-identical sites. Prints
every file only one site has, and every file both have that differs, with the first differing line of a
text file; exits 1 if any differ.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKING_TREE = "."
ENV = {"SITE_URL": "https://example.org/course/", "SOURCE_DATE_EPOCH": "1767225600"}


def copy_revision(revision: str, target: Path) -> None:
    """Copy the files git tracks, at a revision or as the working tree has them, without any generated file."""
    if revision == WORKING_TREE:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
        for rel in listed.stdout.decode("utf-8").split("\0"):
            if rel and (ROOT / rel).is_file():
                (target / rel).parent.mkdir(parents=True, exist_ok=True)
                (target / rel).write_bytes((ROOT / rel).read_bytes())
        return
    archive = subprocess.run(["git", "archive", revision], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)


def build_site(revision: str, folder: Path) -> dict[str, bytes]:
    """Build the course of one revision in a folder of its own; return the site's files by path."""
    folder.mkdir(parents=True)
    copy_revision(revision, folder)
    env = {**os.environ, **ENV, "PYTHONPATH": str(folder)}
    result = subprocess.run(
        [sys.executable, "build.py", "build"], cwd=folder, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"{revision}: the build failed\n{result.stdout}{result.stderr}")
    site = folder / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def first_difference(before: bytes, after: bytes) -> str:
    """Return the first differing lines of two text files, or the sizes of two binary ones."""
    try:
        old, new = before.decode("utf-8").splitlines(), after.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return f"    binary: {len(before)} -> {len(after)} bytes"
    changed = [line for line in difflib.unified_diff(old, new, lineterm="", n=0) if line[:1] in "+-"][2:6]
    return "\n".join(f"    {line[:160]}" for line in changed)


def compare(before: dict[str, bytes], after: dict[str, bytes]) -> list[str]:
    """Return a line for every file that only one site has or that differs between them."""
    lines = [f"only before: {rel}" for rel in sorted(set(before) - set(after))]
    lines += [f"only after: {rel}" for rel in sorted(set(after) - set(before))]
    for rel in sorted(set(before) & set(after)):
        if before[rel] != after[rel]:
            lines += [f"differs: {rel}", first_difference(before[rel], after[rel])]
    return lines


def main() -> None:
    """Build both revisions and print how their sites differ."""
    revisions = (sys.argv[1:] + ["main", WORKING_TREE][len(sys.argv[1:]) :])[:2]
    with tempfile.TemporaryDirectory() as scratch:
        before = build_site(revisions[0], Path(scratch) / "before")
        after = build_site(revisions[1], Path(scratch) / "after")
    lines = compare(before, after)
    print("\n".join(lines) if lines else "The two sites are byte-identical.")
    differing = sum(line.startswith(("only", "differs")) for line in lines)
    print(f"{revisions[0]}: {len(before)} files; {revisions[1]}: {len(after)} files; {differing} differ.")
    raise SystemExit(1 if lines else 0)


if __name__ == "__main__":
    main()
