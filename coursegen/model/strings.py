"""Reader-facing words: one catalogue per language, plus a course's own overrides from mkdocs.yml.

Catalogues are YAML files in `catalogues/`, one per language code, with the keys of `en.yml`. A string
that depends on a number maps CLDR plural categories (one, other, ...) to forms; Babel picks the
category here, and `Intl.PluralRules` does the same in the browser. `{name}` placeholders are filled by
plain substitution, never by `str.format`, since a course may override any string.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError

DEFAULT_LANGUAGE = "en"
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# The strings the browser scripts use; they reach the page as JSON (CONTRACT.md, `#cq-strings`).
JS_KEYS = (
    "verdict_right",
    "verdict_wrong",
    "score",
    "press_enter",
    "pick_first",
    "moved",
    "cleared",
    "state_read",
    "state_passed",
    "link_copied",
    "copy_link",
    "result_subject",
    "result_text",
    "next_in_program",
    "program_done",
    # Programs made in the browser, progress at a glance, moved progress (program.js, progress.js)
    "print_program",
    "reminder_summary",
    "reminder_text",
    "add_reminders",
    "reminders_time",
    "reminders_ready",
    "prescribe_none",
    "prescribe_ready",
    "prescribe_subject",
    "prescribe_message",
    "prescribe_message_named",
    "prescribed_title",
    "for_client",
    "note_heading",
    "stale_lessons",
    "empty_program",
    "handout_loading",
    "progress_lessons",
    "progress_quizzes",
    "progress_in_read",
    "progress_in_passed",
    "progress_in_ask",
    "progress_in_done",
    "progress_in_none",
    "qr_alt",
    # Practice: the session player and "My practice" (practice.js, practice-page.js)
    "player_label",
    "player_set",
    "player_side_left",
    "player_side_right",
    "player_get_ready",
    "player_switch",
    "player_rest",
    "player_hold",
    "player_tap",
    "player_count",
    "player_next",
    "player_next_feel",
    "player_pause",
    "player_resume",
    "player_skip",
    "player_back",
    "player_stop",
    "player_count_rep",
    "player_voice",
    "player_awake_on",
    "player_awake_off",
    "player_seconds_left",
    "player_paused",
    "player_resumed",
    "player_done",
    "player_not_kept",
    "feel_title",
    "feel_effort",
    "feel_pain",
    "feel_note",
    "feel_save",
    "feel_skip",
    "feel_saved",
    "log_week",
    "log_goal",
    "log_goal_note",
    "log_goal_met",
    "log_program_day",
    "log_practised",
    "log_effort_chart",
    "log_pain_chart",
    "log_effort",
    "log_pain",
    "log_recent",
    "log_feel",
    "log_empty",
    "log_export",
    "log_clear",
    "log_clear_ask",
    "log_clear_yes",
    "log_clear_no",
    "log_cleared",
    "practice_all",
    "practice_log_link",
    "practice_heading",
    # A prescription's own dose, in words, on the prescribed program (practice.js)
    "dose_line",
    "dose_sets",
    "dose_reps",
    "dose_hold",
    "dose_each_side",
    "dose_rest",
    # Keeping a big course whole on the phone (offline.js)
    "keep_course",
    "keep_course_busy",
    "keep_course_done",
    "keep_course_failed",
    # Search on MkDocs sites (search.js)
    "search_none",
    "search_count",
    "search_failed",
)
# Words only the pages that load send.js (programs) and inbox.js (the trainer's inbox, the prescribe page)
# use: they travel in those pages' own `data-cq-words` block, not on every page (CONTRACT.md).
SEND_KEYS = (
    "send_needs_key",
    "send_needs_secure",
    "send_nothing",
    "send_sets",
    "send_feel",
    "send_not_noted",
    "send_quizzes",
    "send_level",
    "send_ready",
    "send_more",
    "send_subject",
    "send_message",
    "send_sessions",
    "link_copied",
    "qr_alt",
)
INBOX_KEYS = (
    "inbox_needs_secure",
    "inbox_needs_unpack",
    "inbox_added",
    "inbox_nothing_new",
    "inbox_replayed",
    "inbox_unknown",
    "inbox_tampered",
    "inbox_not_link",
    "inbox_last",
    "inbox_never",
    "inbox_week",
    "inbox_week_free",
    "inbox_pain_up",
    "inbox_pain_down",
    "inbox_pain_steady",
    "inbox_pain_high",
    "inbox_flag",
    "inbox_back",
    "inbox_open",
    "inbox_timeline",
    "inbox_charts",
    "inbox_chart_label",
    "inbox_client",
    "inbox_date",
    "inbox_where",
    "inbox_exercises",
    "inbox_effort",
    "inbox_pain",
    "inbox_note",
    "inbox_quizzes",
    "inbox_no_quizzes",
    "inbox_level",
    "inbox_notes",
    "inbox_no_notes",
    "inbox_your_note",
    "inbox_no_sessions",
    "inbox_update",
    "inbox_delete",
    "inbox_delete_ask",
    "inbox_delete_yes",
    "inbox_delete_no",
    "inbox_deleted",
    "inbox_restored",
    "inbox_bad_file",
    "inbox_unnamed",
    "inbox_made",
    "inbox_same_client",
    "send_sets",
    "send_not_noted",
)
Entry = str | Mapping[str, str]


@dataclass(frozen=True)
class Strings:
    """The words of one course: a language's catalogue with the course's overrides applied."""

    language: str
    entries: Mapping[str, Entry]

    def __call__(self, key: str, **values: object) -> str:
        """Return the string `key` with its placeholders filled."""
        entry = self.entries[key]
        return fill(entry if isinstance(entry, str) else entry["other"], values)

    def plural(self, key: str, count: int, **values: object) -> str:
        """Return the form of `key` for the number `count`, with `{count}` and the other placeholders filled."""
        entry = self.entries[key]
        if isinstance(entry, str):
            return fill(entry, {"count": count, **values})
        form = entry.get(plural_category(self.language, count)) or entry["other"]
        return fill(form, {"count": count, **values})

    def for_scripts(self) -> dict[str, Entry]:
        """Return the strings the browser scripts need."""
        return self.only(JS_KEYS)

    def only(self, keys: tuple[str, ...]) -> dict[str, Entry]:
        """Return the entries of some keys, for a page's own `data-cq-words` block."""
        return {key: self.entries[key] for key in keys}


def fill(template: str, values: Mapping[str, object]) -> str:
    """Replace each `{name}` with its value; unknown names stay as they are."""
    return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


def placeholders(entry: Entry) -> set[str]:
    """Return the placeholder names used in a string or any of its plural forms."""
    forms = [entry] if isinstance(entry, str) else list(entry.values())
    return {name for form in forms for name in PLACEHOLDER.findall(form)}


def plural_category(language: str, count: int) -> str:
    """Return the CLDR plural category of a number in a language ('one', 'other', ...)."""
    try:
        return Locale.parse(language, sep="-").plural_form(count)
    except (UnknownLocaleError, ValueError):
        return "other"


def catalogue_for(language: str, available: Mapping[str, object]) -> str | None:
    """Return the catalogue that serves a language: the exact code, else its base language (pt-BR -> pt)."""
    for code in (language, language.split("-")[0].split("_")[0]):
        if code in available:
            return code
    return None


def build_strings(language: str, catalogue: Mapping[str, Entry], overrides: Mapping[str, Entry]) -> Strings:
    """Return a course's strings: the catalogue, with single strings replaced by the course's overrides."""
    return Strings(language, {**catalogue, **overrides})


def jinja_literal(value: object) -> str:
    """Return a Jinja literal for a string or a mapping of strings that holds no template syntax at all.

    Every character outside a small safe set is written as a \\u escape, so no brace, percent or hash sign
    from a course's text can open a Jinja tag in the generated template.
    """
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{jinja_literal(k)}: {jinja_literal(v)}" for k, v in value.items()) + "}"
    return '"' + "".join(char if SAFE_CHAR.match(char) else escape_char(char) for char in str(value)) + '"'


SAFE_CHAR = re.compile(r"[A-Za-z0-9 .,:;!?()/_-]")


def escape_char(char: str) -> str:
    """Return a Python-style escape for one character."""
    point = ord(char)
    return f"\\u{point:04x}" if point <= 0xFFFF else f"\\U{point:08x}"


def script_json(value: object) -> str:
    """Return JSON that is safe inside a <script type="application/json"> element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
