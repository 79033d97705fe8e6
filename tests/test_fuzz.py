"""Property-based fuzzing of load and validate: no input may crash them, and every failure has a position.

`make test` runs a quick profile; `make fuzz` sets FUZZ_EXAMPLES=10000 and prints the count.
"""

from __future__ import annotations

import os

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from project import ROOT

from coursegen.commands.read import list_docs, read_catalogues
from coursegen.model.diagnostics import Diagnostic
from coursegen.source.load import load
from coursegen.source.validate import Sources, validate_course

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
SAMPLE = ROOT / "tests/sample"
SEEDS = [p.read_bytes() for p in sorted(SAMPLE.glob("*/*.yml"))]
CONFIG = load((SAMPLE / "mkdocs.yml").read_bytes(), path="mkdocs.yml", extra_tags=frozenset({"!ENV"}))
CATALOGUES = read_catalogues()
YAML_BITS = [
    b": ",
    b"- ",
    b"\n",
    b"  ",
    b"\t",
    b"#",
    b"&a ",
    b"*a",
    b"!!python/object ",
    b"[",
    b"]",
    b"{",
    b"}",
    b'"',
    b"'",
    b"|",
    b">",
    b"? ",
    b"%",
    b"@",
    b"\xff",
    b"\x00",
    b"\xef\xbb\xbf",
    b"true",
    b"null",
    b"1e9",
]


@st.composite
def mutated_course_file(draw: st.DrawFn) -> bytes:
    """Take a real course file and damage it: flip bytes, drop, repeat or re-indent lines, splice YAML bits."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "insert", "drop-line", "repeat-line", "indent", "truncate"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        lines = data.split(b"\n")
        line = draw(st.integers(0, len(lines) - 1))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from(YAML_BITS) | st.binary(max_size=8) | st.text(max_size=8).map(str.encode))
        elif kind == "drop-line":
            data = bytearray(b"\n".join(lines[:line] + lines[line + 1 :]))
        elif kind == "repeat-line":
            data = bytearray(b"\n".join(lines[: line + 1] + lines[line:]))
        elif kind == "indent":
            lines[line] = b" " * draw(st.integers(1, 5)) + lines[line]
            data = bytearray(b"\n".join(lines))
        else:
            data = data[:at]
    return bytes(data)


def generated_yaml() -> st.SearchStrategy[bytes]:
    """Random YAML-ish documents built from the format's own keys and values."""
    keys = st.sampled_from(
        [
            "id",
            "title",
            "summary",
            "order",
            "figures",
            "sections",
            "steps",
            "lesson",
            "questions",
            "type",
            "options",
            "correct",
            "answer",
            "src",
            "alt",
            "care",
            "tier",
            "scored",
            "x",
        ]
    )
    scalars = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
    values = st.recursive(
        scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5), max_leaves=20
    )
    return st.dictionaries(keys, values, max_size=8).map(lambda d: yaml.safe_dump(d, allow_unicode=True).encode())


def check_all_diagnostics(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> None:
    """Every diagnostic has a real position and a message."""
    for diagnostic in diagnostics:
        assert diagnostic.line >= 1 and diagnostic.col >= 1, diagnostic
        assert diagnostic.message, diagnostic
        diagnostic.format("some\nsource\ntext\n")


def run_one(data: bytes, folder: str) -> None:
    """Load one file as a lesson, quiz or program, validate it beside the sample course, and check the result."""
    loaded = load(data, path=f"{folder}/fuzzed.yml")
    check_all_diagnostics(loaded.diagnostics)
    sample = {
        f: tuple(load(p.read_bytes(), path=f"{f}/{p.name}") for p in sorted((SAMPLE / f).glob("*.yml")))
        for f in ("lessons", "quizzes", "programs")
    }
    sample[folder] = (*sample[folder], loaded)
    course, diagnostics = validate_course(
        Sources(sample["lessons"], sample["quizzes"], sample["programs"], CONFIG),
        catalogues=CATALOGUES,
        docs=list_docs(SAMPLE),
        env={},
    )
    check_all_diagnostics(diagnostics)
    assert course is not None or any(d.severity == "error" for d in diagnostics)


FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 200,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def fuzz(files: st.SearchStrategy[bytes]) -> int:
    """Run load and validate on generated files; return how many examples ran."""
    count = 0

    @FUZZ_SETTINGS
    @given(data=files, folder=st.sampled_from(["lessons", "quizzes", "programs"]))
    def one(data: bytes, folder: str) -> None:
        nonlocal count
        run_one(data, folder)
        count += 1

    one()
    print(f"\nfuzz: {count} examples ran through load and validate with no crash")
    return count


def test_mutated_course_files_never_crash() -> None:
    assert fuzz(mutated_course_file()) >= min(EXAMPLES, 100)


def test_generated_yaml_never_crashes() -> None:
    assert fuzz(generated_yaml()) >= min(EXAMPLES, 100)
