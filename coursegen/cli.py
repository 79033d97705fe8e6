"""The command line: `build.py build | check | serve | new | schema`."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import click

from . import pipeline, scaffold
from .diagnostics import Diagnostic, has_errors
from .guide import update_guide
from .json_schema import schema_files

PROJECT = Path.cwd()
WATCHED = ("lessons", "quizzes", "programs", "docs/figures", "docs/assets", "mkdocs.yml")


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.pass_context
def main(ctx: click.Context) -> None:
    """Build a course site from lessons/*.yml and quizzes/*.yml. With no command, run `build`."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(build)


@main.command()
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--site-dir", default="site", show_default=True, help="Where to put the built site.")
@click.option(
    "--engine",
    type=click.Choice(["mkdocs", "zensical"]),
    default="mkdocs",
    show_default=True,
    help="The site engine: MkDocs with Material, or Zensical (Material's successor, reads mkdocs.yml).",
)
def build(strict: bool, site_dir: str, engine: str) -> None:
    """Validate, write the generated pages into docs/, then build the site with MkDocs (strict)."""
    started = time.perf_counter()
    pipeline.recover_site(PROJECT / site_dir)
    generated = checked(strict=strict)
    changed = pipeline.write_docs(PROJECT, generated)
    offline = generated.course.settings.offline
    ok, output = pipeline.build_site(PROJECT, site_dir=PROJECT / site_dir, offline=offline, engine=engine)
    if not ok:
        click.echo(output.rstrip(), err=True)
        fail(f"{engine} could not build the site; {site_dir}/ was left as it was.")
    seconds = time.perf_counter() - started
    click.echo(f"Built {len(generated.pages)} generated pages ({changed} changed) into {site_dir}/ in {seconds:.1f} s.")


@main.command()
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(strict: bool) -> None:
    """Validate every course file and report all problems, without writing anything."""
    generated = checked(strict=strict)
    course = generated.course
    click.echo(f"OK: {len(course.lessons)} lessons, {len(course.quizzes)} quizzes, {len(course.programs)} programs.")


@main.command()
@click.option("--port", default=8000, show_default=True, help="The port to serve on, at 127.0.0.1.")
def serve(port: int) -> None:
    """Preview the site at http://127.0.0.1:PORT/, rebuilding and reloading when a file changes."""
    regenerate()
    command = pipeline.mkdocs_command("serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}")
    server = subprocess.Popen(command, cwd=PROJECT, env=pipeline.engine_env())
    # A stop from a process manager or a closed terminal must stop the preview server too, as Ctrl-C does.
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, lambda *_: sys.exit(0))
    seen = snapshot()
    try:
        while server.poll() is None:
            time.sleep(0.5)
            now = snapshot()
            if now != seen:
                seen = now
                regenerate()
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait()


@main.group()
def new() -> None:
    """Start a new lesson or quiz from a commented example that passes validation."""


@new.command("lesson")
@click.argument("slug")
def new_lesson(slug: str) -> None:
    """Write lessons/NN-SLUG.yml, numbered after the last lesson."""
    created(scaffold.new_lesson(PROJECT, slug))


@new.command("quiz")
@click.argument("slug")
@click.option("--lesson", help="The id of the lesson the quiz checks. Default: SLUG.")
def new_quiz(slug: str, lesson: str | None) -> None:
    """Write quizzes/SLUG.yml for a lesson."""
    created(scaffold.new_quiz(PROJECT, slug, lesson=lesson or slug))


@main.command()
def schema() -> None:
    """Write the JSON Schema files in schema/ and the field tables in AUTHORING.md."""
    for rel, text in schema_files().items():
        write_if_changed(PROJECT / rel, text)
    guide = PROJECT / "AUTHORING.md"
    write_if_changed(guide, update_guide(guide.read_text(encoding="utf-8") if guide.exists() else ""))
    click.echo("Wrote schema/*.schema.json and the field tables in AUTHORING.md.")


def checked(*, strict: bool) -> pipeline.Generated:
    """Validate everything and print the problems; stop with exit code 1 if there is an error."""
    generated = pipeline.generate(PROJECT, strict=strict)
    report(generated.diagnostics, generated.texts)
    if not generated.ok:
        fail("Nothing was written. Fix the errors above, then run the build again.")
    return generated


def report(diagnostics: tuple[Diagnostic, ...], texts: dict[str, str]) -> None:
    """Print every diagnostic with its source line, then a count."""
    for diagnostic in diagnostics:
        click.echo(diagnostic.format(texts.get(diagnostic.path)), err=True)
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    if diagnostics:
        files = len({d.path for d in diagnostics})
        click.echo(f"{plural(errors, 'error')} and {plural(warnings, 'warning')} in {plural(files, 'file')}.", err=True)


def plural(count: int, word: str) -> str:
    """Return '1 error' or '2 errors'."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def fail(message: str) -> None:
    """Print a final message and exit with status 1."""
    click.echo(message, err=True)
    raise SystemExit(1)


def regenerate() -> None:
    """Validate and write docs/ for the preview server, keeping the last good pages on error."""
    generated = pipeline.generate(PROJECT)
    report(generated.diagnostics, generated.texts)
    if generated.ok:
        changed = pipeline.write_docs(PROJECT, generated)
        click.echo(f"Regenerated: {changed} pages changed.")
    elif has_errors(generated.diagnostics):
        click.echo("The preview shows the last good version until the errors are fixed.", err=True)


def snapshot() -> dict[str, float]:
    """Return the modification time of every watched file."""
    times = {}
    for name in WATCHED:
        path = PROJECT / name
        for item in [path, *path.rglob("*")] if path.is_dir() else [path]:
            if item.is_file():
                times[item.as_posix()] = item.stat().st_mtime
    return times


def created(path: Path) -> None:
    """Report a scaffolded file."""
    click.echo(f"Wrote {path.relative_to(PROJECT).as_posix()}. Edit it, then run: python build.py check")


def write_if_changed(path: Path, text: str) -> None:
    """Write a file only when its content changes."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
