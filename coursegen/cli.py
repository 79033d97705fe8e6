"""The command line: `coursegen build | check | serve | new | init | upgrade | schema`, each in `commands/`."""

from __future__ import annotations

from pathlib import Path

import click

from .commands import build, check, init, new, schema, serve
from .commands.outcome import Outcome

ENGINES = click.Choice(["mkdocs", "zensical"])


def project() -> Path:
    """Return the course folder: the one the command runs in."""
    return Path.cwd()


def finish(outcome: Outcome) -> None:
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
        ctx.invoke(build_command)


@main.command("build")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--site-dir", default="site", show_default=True, help="Where to put the built site.")
@click.option(
    "--engine",
    type=ENGINES,
    default="mkdocs",
    show_default=True,
    help="The site engine: MkDocs with Material, or Zensical (Material's successor, reads mkdocs.yml).",
)
def build_command(strict: bool, site_dir: str, engine: str) -> None:
    """Validate, write the generated files, then build the site (strict)."""
    finish(build.build(project(), site_dir=Path(site_dir), strict=strict, engine=engine))


@main.command("check")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check_command(strict: bool) -> None:
    """Validate every course file and report all problems, without writing anything."""
    finish(check.check(project(), strict=strict))


@main.command("serve")
@click.option("--port", default=8000, show_default=True, help="The port to serve on, at 127.0.0.1.")
def serve_command(port: int) -> None:
    """Preview the site at http://127.0.0.1:PORT/, rebuilding and reloading when a file changes."""
    finish(serve.serve(project(), port=port, tell=lambda outcome: click.echo(outcome.report(), err=True)))


@main.group("new")
def new_group() -> None:
    """Start a new lesson or quiz from a commented example that passes validation."""


@new_group.command("lesson")
@click.argument("slug")
def new_lesson(slug: str) -> None:
    """Write lessons/NN-SLUG.yml, numbered after the last lesson."""
    finish(new.new_lesson(project(), slug))


@new_group.command("quiz")
@click.argument("slug")
@click.option("--lesson", help="The id of the lesson the quiz checks. Default: SLUG.")
def new_quiz(slug: str, lesson: str | None) -> None:
    """Write quizzes/SLUG.yml for a lesson."""
    finish(new.new_quiz(project(), slug, lesson=lesson or slug))


@main.command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", help="The course's name. Default: from the folder's name.")
@click.option("--language", default="en", show_default=True, help="The language of the course (en, fr, ...).")
@click.option("--short-name", help="The name under the home-screen icon, 12 characters at most. Default: from --name.")
def init_command(folder: Path, name: str | None, language: str, short_name: str | None) -> None:
    """Start a new course in FOLDER: one example lesson, quiz and program that build at once."""
    finish(init.init_course(folder, name=name, language=language, short=short_name))


@main.command("upgrade")
def upgrade_command() -> None:
    """Rewrite a course written for an earlier engine in place, keeping comments; print each change."""
    from .commands.upgrade import upgrade_course  # ruamel.yaml only for this command

    finish(upgrade_course(project()))


@main.command("schema")
def schema_command() -> None:
    """Write the JSON Schema files in schema/ and the field tables in AUTHORING.md."""
    finish(schema.write_schema(project()))
