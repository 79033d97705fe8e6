"""The scripts as the build writes them: minified by either minifier, each still parses as the language
Safari 15 reads (ES2021: the parser `make lint` checks the sources with), so no phone gets a broken script."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from project import ROOT

from coursegen.site import theme

ASSETS = ROOT / "coursegen/theme/assets"
ESPREE = ROOT / "lint/node_modules/espree/dist/espree.cjs"
SCRIPTS = sorted(p for p in ASSETS.rglob("*.js") if "vendor" not in p.parts)
# Read every script from stdin as {name: [source, "module"|"script"]} and print the ones that fail to parse.
PARSE = """
const espree = require(process.argv[1]);
const scripts = JSON.parse(require("fs").readFileSync(0, "utf8"));
const failed = {};
for (const [name, [source, sourceType]] of Object.entries(scripts)) {
  try { espree.parse(source, { ecmaVersion: 2021, sourceType }); } catch (e) { failed[name] = e.message; }
}
console.log(JSON.stringify(failed));
"""
NEEDS_NODE = pytest.mark.skipif(
    not shutil.which("node") or not ESPREE.is_file(), reason="needs node and lint/node_modules (make lint)"
)


def parse_failures(scripts: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Return each script that ES2021's parser rejects, with the parser's message."""
    result = subprocess.run(
        ["node", "-e", PARSE, str(ESPREE)], input=json.dumps(scripts), capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


@pytest.fixture(params=["tdewolff-minify", "rjsmin"])
def minifier(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Build with each minifier: tdewolff-minify where it has a wheel, rjsmin on macOS with Apple chips."""
    if request.param == "rjsmin":
        monkeypatch.setattr(theme, "tdewolff", None)
    elif theme.tdewolff is None:
        pytest.skip("tdewolff-minify has no wheel for this platform")
    return request.param


@NEEDS_NODE
def test_every_minified_script_parses_as_es2021(minifier: str) -> None:
    scripts = {
        p.relative_to(ASSETS).as_posix(): (
            theme.minified(p.name, p.read_bytes()).decode("utf-8"),
            "script" if "theme" in p.relative_to(ASSETS).parts else "module",
        )
        for p in SCRIPTS
    }
    assert len(scripts) > 10
    assert parse_failures(scripts) == {}


def test_minifying_keeps_the_words_a_script_builds(minifier: str) -> None:
    # Spaces inside a template literal are words the reader sees (rjsmin drops them in a nested one, which
    # the scripts therefore never write).
    source = b'const link = "x";\nexport const text = `Time for practice. ${link} and  ${link}`;\n'
    out = theme.minified("a.js", source).decode("utf-8")
    assert "`Time for practice. ${" in out and "} and  ${" in out, out


@NEEDS_NODE
def test_a_broken_script_fails_the_parse_check() -> None:
    assert parse_failures({"broken.js": ("export const = 1;", "module")}) != {}
