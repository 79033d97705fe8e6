"""mkdocs.yml, top to bottom: its settings checked (the site, `not_in_nav`, the theme's language and logo,
`extra:`), the Settings made; then, once the lessons are read, what it says about them.

Only what the course layer uses is read; MkDocs checks the rest itself. The reader-facing words come
from the catalogue of `theme.language`, with the course's own `extra.strings` on top (catalogue.py).
"""

from __future__ import annotations

from collections.abc import Mapping

import pathspec
import yaml

from ..model import paths
from ..model.course import DocsFiles, Lesson, Notice, PainRule, Settings, Trainer
from ..model.diagnostics import Diagnostic, error, warning
from ..model.formats import FORMAT, UPGRADE_HINT
from ..model.installed import Installed
from ..model.parts import folder_title, menu_name, titled_folders
from ..model.schema import DEFAULT_COLOR
from ..model.settings_format import SETTINGS
from ..model.strings import DEFAULT_LANGUAGE, Entry, build_strings, catalogue_for
from .appearance import check_contrast, pick_short_name
from .catalogue import no_catalogue, read_overrides, unknown_language
from .checks import check_image, check_markdown
from .convert import Converted, convert_record, did_you_mean
from .engine_code import check_engine_code, course_scripts
from .load import Loaded, mapping_of, position, setting_line
from .practice import pain_rule_references

EXTRA_KEYS = ("course", "trainer")
NOT_IN_NAV_HINT = f"Add these lines to mkdocs.yml:\n  not_in_nav: |\n    {paths.NOT_IN_NAV}\n{UPGRADE_HINT}"


def read_settings(
    config: Loaded,
    *,
    catalogues: Mapping[str, Mapping[str, Entry]],
    docs: DocsFiles,
    env: Mapping[str, str],
    diagnostics: list[Diagnostic],
    installed: Installed | None = None,
) -> Settings | None:
    """Read and check the settings the course layer uses; None if they have an error.

    `installed` is what MkDocs can import; without it, extensions, plugins and languages are not checked.
    """
    diagnostics += config.diagnostics
    if config.node is None:
        return None
    if not isinstance(config.node, yaml.MappingNode):
        diagnostics.append(error(config.path, 1, 1, "mkdocs.yml should be a mapping of settings"))
        return None
    top = mapping_of(config.node)
    theme = mapping_of(top.get("theme"))
    problems: list[Diagnostic] = check_inherit(config.path, top.get("INHERIT"))
    problems += check_plain_settings(config.path, top, env)
    if installed is not None:
        problems += check_engine_code(config.path, top, installed)
    problems += unknown_extra_keys(config.path, top.get("extra"))
    site_name = scalar_setting(top.get("site_name"), env)
    if not site_name:
        problems.append(error(config.path, 1, 1, "mkdocs.yml has no site_name", "Add:\n  site_name: My course"))
    site_url = scalar_setting(top.get("site_url"), env)
    problems += check_site_url(config.path, top.get("site_url"), site_url)
    problems += check_directory_urls(config.path, top.get("use_directory_urls"))
    problems += check_not_in_nav(config.path, top.get("not_in_nav"), config.node)
    language = scalar_setting(theme.get("language"), env) or DEFAULT_LANGUAGE
    catalogue_code = catalogue_for(language, catalogues)
    known = installed.theme_languages if installed is not None else frozenset()
    if known and language not in known:
        problems.append(unknown_language(config.path, theme.get("language"), language, known))
    elif catalogue_code is None:
        problems.append(no_catalogue(config.path, theme.get("language"), language, catalogues))
    extra = mapping_of(top.get("extra"))
    out = Converted(config.path)
    values = read_extra(top.get("extra"), out, docs=docs)
    english = catalogues[DEFAULT_LANGUAGE]
    overrides = read_overrides(extra.get("strings"), english, out)
    for key in ("logo", "favicon"):
        check_theme_image(theme.get(key), key, out, docs=docs, env=env)
    problems += out.diagnostics
    logo = image_setting(theme.get("logo"), env) or image_setting(theme.get("favicon"), env)
    course = values.get("course") or {}
    short_name, short_problems = pick_short_name(config.path, course.get("short_name"), site_name, top.get("site_name"))
    problems += short_problems
    problems += check_format(config.path, config.node, course.get("format"))
    problems += check_cut_short_name(config.path, config.node, course.get("short_name"), site_name)
    problems += check_contrast(config.path, config.node, course.get("theme_color") or DEFAULT_COLOR)
    allowed = bool(course.get("allow_extra_javascript"))
    scripts, found = course_scripts(config.path, top.get("extra_javascript"), allowed=allowed, docs=docs.files)
    problems += found
    diagnostics += problems
    if any(p.severity == "error" for p in problems) or not site_name:
        return None
    catalogue = catalogues[catalogue_code or DEFAULT_LANGUAGE]
    return Settings(
        site_name=site_name,
        strings=build_strings(language if catalogue_code else DEFAULT_LANGUAGE, {**english, **catalogue}, overrides),
        site_url=site_url or "",
        site_description=scalar_setting(top.get("site_description"), env),
        offline=course.get("offline", True),
        theme_color=course.get("theme_color") or DEFAULT_COLOR,
        short_name=short_name,
        logo=logo,
        notice=notice_of(course.get("notice")),
        parts={p["folder"]: p["title"] for p in course.get("parts") or ()},
        trainer=Trainer(**{k: v for k, v in (values.get("trainer") or {}).items() if v}),
        pain_rule=pain_rule_of(course.get("pain_rule")),
        weekly_goal=course.get("weekly_goal") or 3,
        extra_javascript=scripts,
    )


def scalar_setting(node: yaml.Node | None, env: Mapping[str, str]) -> str:
    """Return a top-level mkdocs.yml string, resolving MkDocs' `!ENV` tag from `env`."""
    if node is None:
        return ""
    if node.tag == "!ENV":
        names = [n.value for n in node.value] if isinstance(node, yaml.SequenceNode) else [node.value]
        for name in names[:-1] if len(names) > 1 else names:
            if env.get(name):
                return env[name]
        return names[-1] if len(names) > 1 else ""
    return node.value if isinstance(node, yaml.ScalarNode) and not node.tag.endswith(":null") else ""


def check_inherit(path: str, node: yaml.Node | None) -> list[Diagnostic]:
    """Refuse INHERIT: settings from another file would reach the site without being checked."""
    if node is None:
        return []
    return [
        error(
            path,
            *position(node),
            "INHERIT is not supported: the build checks only the settings written in mkdocs.yml",
            "Copy the settings you need from the other file into mkdocs.yml, and remove INHERIT.",
        )
    ]


PLAIN_SETTINGS = ("site_name", "site_description", "copyright")


def check_plain_settings(path: str, top: Mapping[str, yaml.Node], env: Mapping[str, str]) -> list[Diagnostic]:
    """Refuse markup in the site's name, description and copyright: the theme prints them as they are."""
    problems = []
    for key in PLAIN_SETTINGS:
        value = scalar_setting(top.get(key), env)
        if any(char in value for char in "<>"):
            problems.append(
                error(
                    path,
                    *position(top[key]),
                    f"{key} holds '<' or '>'; it is shown as plain text, and the theme does not escape it",
                    "Write it without angle brackets.",
                )
            )
    return problems


def unknown_extra_keys(path: str, extra: yaml.Node | None) -> list[Diagnostic]:
    """Warn about a key of `extra:` that looks like a misspelt course setting (extra.trainr)."""
    problems = []
    for key_node, _ in extra.value if isinstance(extra, yaml.MappingNode) else []:
        key = str(key_node.value)
        close = did_you_mean(key, [*EXTRA_KEYS, "strings"])
        if key not in (*EXTRA_KEYS, "strings") and close:
            problems.append(warning(path, *position(key_node), f"extra.{key} is not a course setting{close}"))
    return problems


def check_site_url(path: str, node: yaml.Node | None, site_url: str) -> list[Diagnostic]:
    """Warn when site_url is unset; refuse one that is not an http(s) address."""
    if not site_url:
        return [
            warning(
                path,
                1,
                1,
                "site_url is not set in mkdocs.yml",
                "Link previews and printed QR codes need the address where the site is published:\n  site_url: https://example.com/course/",
            )
        ]
    if not site_url.startswith(("https://", "http://")) or any(c in site_url for c in "<>\"' \t\n"):
        line, column = position(node) if node is not None else (1, 1)
        return [
            error(
                path,
                line,
                column,
                f"site_url '{site_url}' is not a web address",
                "Write the full address, starting with https://:\n  site_url: https://example.com/course/",
            )
        ]
    return []


def check_directory_urls(path: str, node: yaml.Node | None) -> list[Diagnostic]:
    """Refuse use_directory_urls: false, which would break every share link, preview and QR code."""
    if isinstance(node, yaml.ScalarNode) and node.value.lower() in ("false", "no", "off"):
        line, column = position(node)
        return [
            error(
                path,
                line,
                column,
                "use_directory_urls: false is not supported",
                "Remove the line: pages are served at folder addresses (lessons/02-x/), "
                "which share links and QR codes use.",
            )
        ]
    return []


def check_not_in_nav(path: str, node: yaml.Node | None, top: yaml.Node) -> list[Diagnostic]:
    """Require mkdocs.yml to keep the trainer's and the browser-made pages out of the readers' menu.

    MkDocs puts every page in the menu it makes unless mkdocs.yml lists it under `not_in_nav`.
    """
    patterns = node.value if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) else ""
    spec = pathspec.GitIgnoreSpec.from_lines(patterns.splitlines())
    if all(spec.match_file(page) for page in paths.SHARED_PAGES):
        return []
    line, column = position(node) if node is not None else (position(top)[0], 1)
    message = f"mkdocs.yml must keep the trainer's pages out of the menu: not_in_nav should list {paths.NOT_IN_NAV}"
    return [error(path, line, column, message, NOT_IN_NAV_HINT)]


def read_extra(extra: yaml.Node | None, out: Converted, *, docs: DocsFiles) -> dict:
    """Check `extra.course` and `extra.trainer` against the settings format and return their values."""
    if extra is None:
        return {}
    if not isinstance(extra, yaml.MappingNode):
        out.positions[("extra",)] = position(extra)
        out.error(
            ("extra",),
            "'extra' should be a mapping of settings",
            "For example:\n  extra:\n    course:\n      offline: true",
        )
        return {}
    known = yaml.MappingNode(
        "tag:yaml.org,2002:map",
        [(k, v) for k, v in extra.value if getattr(k, "value", None) in EXTRA_KEYS],
        extra.start_mark,
        extra.end_mark,
    )
    values = convert_record(known, SETTINGS, out, ("extra",)) or {}
    notice = (values.get("course") or {}).get("notice") or {}
    check_markdown(notice.get("text"), out, ("extra", "course", "notice", "text"))
    logo = (values.get("trainer") or {}).get("logo")
    if logo:
        check_image(logo, out, ("extra", "trainer", "logo"), docs=docs)
    return values


def check_theme_image(node: yaml.Node | None, key: str, out: Converted, *, docs: DocsFiles, env: Mapping) -> None:
    """Check that theme.logo or theme.favicon, when it names a file, is an image under docs/ that exists."""
    value = scalar_setting(node, env)
    if not value:
        return
    where = ("theme", key)
    out.positions[where] = position(node)
    check_image(value, out, where, docs=docs)


def image_setting(node: yaml.Node | None, env: Mapping[str, str]) -> str:
    """Return a theme image path (logo or favicon) under docs/, or '' for none or a Material icon."""
    value = scalar_setting(node, env)
    return value if value and value.lower().endswith((".svg", ".png")) else ""


def check_format(path: str, top: yaml.Node, written_for: int | None) -> list[Diagnostic]:
    """Refuse a course written in another format than this engine's, naming the way to each."""
    if written_for is None or written_for == FORMAT:
        return []
    line, column = setting_line(top, "extra", "course", "format")
    if written_for < FORMAT:
        message = f"the course is written in format {written_for}; this coursegen reads format {FORMAT}"
        return [error(path, line, column, message, UPGRADE_HINT)]
    message = f"the course is written in format {written_for}, newer than this coursegen's format {FORMAT}"
    return [error(path, line, column, message, "Upgrade coursegen: pip install --upgrade coursegen")]


def check_cut_short_name(path: str, top: yaml.Node, short_name: str | None, site_name: str) -> list[Diagnostic]:
    """Warn when the home-screen name stops in the middle of a word of the course's name."""
    if not short_name or not site_name.startswith(short_name) or len(site_name) == len(short_name):
        return []
    if not (site_name[len(short_name)].isalnum() and short_name[-1].isalnum()):
        return []
    line, column = setting_line(top, "extra", "course", "short_name")
    message = f"short_name '{short_name}' cuts a word of the course name '{site_name}' in two"
    return [warning(path, line, column, message, "End the short name on a whole word, or pick another name.")]


def pain_rule_of(values: dict | None) -> PainRule | None:
    """Return the course's pain rule for the practice player, if the course sets one."""
    if not values:
        return None
    return PainRule(values["threshold"], values["message"], values.get("link") or "", values.get("link_text") or "")


def notice_of(values: dict | None) -> Notice | None:
    """Return the course notice, if the course sets one."""
    if not values:
        return None
    return Notice(
        values["title"],
        values["text"],
        values.get("style") or "note",
        values.get("link") or "",
        values.get("link_text") or "",
    )


def check_settings_references(settings: Settings, config: Loaded, lessons: list[Lesson]) -> list[Diagnostic]:
    """Check that the notice links to a lesson that exists, and that every titled part is a folder of lessons/."""
    problems = []
    ids = [lesson.id for lesson in lessons]
    notice = settings.notice
    if notice and notice.link and notice.link not in ids:
        problems.append(
            error(
                config.path,
                *setting_line(config.node, "extra", "course", "notice", "link"),
                f"the notice links to '{notice.link}', but no lesson has that id{did_you_mean(notice.link, ids)}",
                "Lesson ids: " + ", ".join(sorted(ids)) + ".",
            )
        )
    if notice and notice.link and not notice.link_text:
        problems.append(
            error(
                config.path,
                *setting_line(config.node, "extra", "course", "notice", "link"),
                "the notice's link needs 'link_text': the words readers tap",
                "For example:\n      link_text: What to do if you cut yourself",
            )
        )
    where = setting_line(config.node, "extra", "course", "pain_rule", "link")
    problems += pain_rule_references(settings, config, ids, where)
    return problems + part_title_problems(settings, config, lessons)


def part_title_problems(settings: Settings, config: Loaded, lessons: list[Lesson]) -> list[Diagnostic]:
    """Check that every titled part or group is a folder of lessons/, and that the menu can tell each one's title."""
    problems = []
    folders = titled_folders(lesson.part for lesson in lessons)
    indexes = {folder: index for index, folder in enumerate(settings.parts)}
    for folder, index in indexes.items():
        if folder not in folders:
            problems.append(
                error(
                    config.path,
                    *setting_line(config.node, "extra", "course", "parts", index, "folder"),
                    f"part '{folder}' has a title, but lessons/ has no folder of that name"
                    + did_you_mean(folder, folders),
                    "Part folders: " + (", ".join(folders) or "none") + ".",
                )
            )
    seen: dict[str, str] = {}  # the menu finds a title by the folder's own name, not by its group's
    for folder in folders:
        other = seen.setdefault(menu_name(folder), folder)
        if folder_title(settings.parts, other) != folder_title(settings.parts, folder):
            where = ("extra", "course", "parts", indexes.get(folder, indexes.get(other, 0)), "folder")
            problems.append(
                error(
                    config.path,
                    *setting_line(config.node, *where),
                    f"the folders '{other}' and '{folder}' have different titles, but the menu knows a folder "
                    "by its own name and would show one title for both",
                    f"Rename one of them ({folder}-2), or give both the same title.",
                )
            )
    return problems
