"""The command line: `coursegen build | check | serve | new | init | upgrade | schema`; each calls one function."""

from __future__ import annotations

from pathlib import Path

import click

from . import pipeline

ENGINES = click.Choice(["mkdocs", "zensical"])


def project() -> Path:
    """Return the course folder: the one the command runs in."""
    return Path.cwd()


def finish(outcome: pipeline.Outcome) -> None:
    """Print what a command found and did; exit with status 1 if it failed."""
    text = outcome.report()
    if text:
        click.echo(text, err=not outcome.ok or bool(outcome.diagnostics))
    if not outcome.ok:
        raise SystemExit(1)


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
    type=ENGINES,
    default="mkdocs",
    show_default=True,
    help="The site engine: MkDocs with Material, or Zensical (Material's successor, reads mkdocs.yml).",
)
def build(strict: bool, site_dir: str, engine: str) -> None:
    """Validate, write the generated files, then build the site (strict)."""
    finish(pipeline.build(project(), site_dir=Path(site_dir), strict=strict, engine=engine))


@main.command()
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(strict: bool) -> None:
    """Validate every course file and report all problems, without writing anything."""
    finish(pipeline.check(project(), strict=strict))


@main.command()
@click.option("--port", default=8000, show_default=True, help="The port to serve on, at 127.0.0.1.")
def serve(port: int) -> None:
    """Preview the site at http://127.0.0.1:PORT/, rebuilding and reloading when a file changes."""
    finish(pipeline.serve(project(), port=port, tell=lambda outcome: click.echo(outcome.report(), err=True)))


@main.group()
def new() -> None:
    """Start a new lesson or quiz from a commented example that passes validation."""


@new.command("lesson")
@click.argument("slug")
def new_lesson(slug: str) -> None:
    """Write lessons/NN-SLUG.yml, numbered after the last lesson."""
    finish(pipeline.new_lesson(project(), slug))


@new.command("quiz")
@click.argument("slug")
@click.option("--lesson", help="The id of the lesson the quiz checks. Default: SLUG.")
def new_quiz(slug: str, lesson: str | None) -> None:
    """Write quizzes/SLUG.yml for a lesson."""
    finish(pipeline.new_quiz(project(), slug, lesson=lesson or slug))


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", help="The course's name. Default: from the folder's name.")
@click.option("--language", default="en", show_default=True, help="The language of the course (en, fr, ...).")
@click.option("--short-name", help="The name under the home-screen icon, 12 characters at most. Default: from --name.")
def init(folder: Path, name: str | None, language: str, short_name: str | None) -> None:
    """Start a new course in FOLDER: one example lesson, quiz and program that build at once."""
    finish(pipeline.init_course(folder, name=name, language=language, short=short_name))


@main.command()
def upgrade() -> None:
    """Rewrite a course written for an earlier engine in place, keeping comments; print each change."""
    from .upgrade_command import upgrade_course  # ruamel.yaml only for this command

    finish(upgrade_course(project()))


@main.command()
def schema() -> None:
    """Write the JSON Schema files in schema/ and the field tables in AUTHORING.md."""
    finish(pipeline.write_schema(project()))
