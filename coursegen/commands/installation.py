"""The engine's own files (catalogues, templates, theme): the list of them, and a check that all were installed.

A wheel that left one out would otherwise fail far from the cause (a template not found reads like a disk
fault), or build a site without a script. Every command checks the list first and names what is missing.
tests/test_installation.py keeps the list equal to the files of the package folder.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # the package folder, above commands/
ENGINE_FILES = (
    "catalogues/en.yml",
    "catalogues/fr.yml",
    "catalogues/starter/en.yml",
    "catalogues/starter/fr.yml",
    "templates/inbox.html",
    "templates/practice.html",
    "templates/quiz.html",
    "templates/reminders.html",
    "templates/send.html",
    "templates/shared.html",
    "templates/sw-remove.js",
    "templates/sw.js",
    "theme/assets/chart.js",
    "theme/assets/clients.js",
    "theme/assets/common.js",
    "theme/assets/course.css",
    "theme/assets/inbox.js",
    "theme/assets/keys.js",
    "theme/assets/kit.js",
    "theme/assets/offline.js",
    "theme/assets/practice-log.js",
    "theme/assets/practice-page.js",
    "theme/assets/practice.css",
    "theme/assets/pick.js",
    "theme/assets/practice.js",
    "theme/assets/program.css",
    "theme/assets/program.js",
    "theme/assets/progress.js",
    "theme/assets/quiz.css",
    "theme/assets/quiz.js",
    "theme/assets/search.js",
    "theme/assets/seal.js",
    "theme/assets/send.js",
    "theme/assets/remembered.js",
    "theme/assets/share.js",
    "theme/assets/theme/md-content.js",
    "theme/assets/theme/md-start.js",
    "theme/assets/vendor/qrcodegen.LICENSE.txt",
    "theme/assets/vendor/qrcodegen.js",
    "theme/overrides/main.html",
    "theme/overrides/partials/cq-keeps.html",
    "theme/overrides/partials/cq-meta.html",
    "theme/overrides/partials/cq-offline.html",
    "theme/overrides/partials/cq-progress.html",
    "theme/overrides/partials/cq-pwa.html",
    "theme/overrides/partials/cq-share.html",
    "theme/overrides/partials/cq-trainer.html",
    "theme/overrides/partials/javascripts/base.html",
    "theme/overrides/partials/javascripts/content.html",
    "theme/overrides/partials/javascripts/palette.html",
    "theme/overrides/partials/nav-item.html",
    "theme/overrides/partials/search.html",
)


def missing_engine_files(package: Path | None = None) -> list[str]:
    """Return the engine files that are not where the installed package should hold them."""
    folder = package or PACKAGE
    return [name for name in ENGINE_FILES if not (folder / name).is_file()]


def installation_problem() -> str:
    """Say which engine files are missing and that reinstalling fixes it, or nothing when all are there."""
    missing = missing_engine_files()
    if not missing:
        return ""
    names = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
    verb = "is" if len(missing) == 1 else "are"
    return (
        f"The coursegen installation is incomplete: {names} {verb} missing. "
        "Reinstall coursegen (pip install --force-reinstall coursegen, or from its source folder: pip install .)."
    )
