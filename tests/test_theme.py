"""The engine's copies of Material's partials: each is Material's file plus a recorded change, checked against
the installed Material, so an upgrade that changes one of them fails here instead of drifting unnoticed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import material
import pytest
from project import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
OURS = ROOT / "coursegen/theme/overrides"
GENERATED_HEADER = "{#-\n  This file was automatically generated - do not edit\n-#}\n"

# Partials we replace whole: Material's inline start-up scripts, moved into files for CSP. Their
# originals' hashes, so a change to what they do is noticed and carried over.
REPLACED = {
    "partials/javascripts/base.html": "d6113712bc4deb30b4bd810ee0dfc28b6f04d2f88cc0016c0f1766eac7b762b6",
    "partials/javascripts/palette.html": "8790389765ea6036effddba548b15093bb05bdc75624eaeaf8b13f3c24be4ab5",
    "partials/javascripts/content.html": "3722e156f0f6339de39fbbfc178b6e401d1a4fb890f189ac5b80c2504bda7dcf",
}

# Partials we copy with a small change: Material's file, then these replacements, gives ours.
CHANGED = {
    "partials/nav-item.html": [
        (
            GENERATED_HEADER,
            GENERATED_HEADER
            + "{#- coursegen: Material 9.8's partials/nav-item.html with one change (tests/test_theme.py checks it):\n"
            "    menu sections take their titles from the course's strings (cq.sections), so section names are in the\n"
            "    course's language and parts carry the titles their author wrote. -#}\n"
            '{% import "partials/cq-strings.html" as cq %}\n',
        ),
        (
            "  {% else %}\n    {{ nav_item.title }}\n  {% endif %}",
            "  {#- Zensical's sections have no is_section; they have children, as on MkDocs. -#}\n"
            "  {% elif (nav_item.is_section or nav_item.children) and nav_item.title in cq.sections %}\n"
            "    {{ cq.sections[nav_item.title] | e }}\n"
            "  {% else %}\n    {{ nav_item.title }}\n  {% endif %}",
        ),
    ],
}


@pytest.mark.parametrize("name", sorted(REPLACED))
def test_material_has_not_changed_a_partial_we_replace(name: str) -> None:
    digest = hashlib.sha256((MATERIAL / name).read_bytes()).hexdigest()
    assert digest == REPLACED[name], (
        f"Material's {name} changed: carry its change into coursegen/theme/overrides/{name}, then record the new hash"
    )
    assert (OURS / name).is_file()


@pytest.mark.parametrize("name", sorted(CHANGED))
def test_our_copy_is_materials_partial_with_the_recorded_change(name: str) -> None:
    text = (MATERIAL / name).read_text(encoding="utf-8")
    for old, new in CHANGED[name]:
        assert text.count(old) == 1, f"Material's {name} changed where ours differs: re-copy it and redo our change"
        text = text.replace(old, new)
    assert (OURS / name).read_text(encoding="utf-8") == text


def test_zensical_and_the_preview_get_materials_search_partial_with_its_accessible_name() -> None:
    material = (MATERIAL / "partials/search.html").read_text(encoding="utf-8").removeprefix(GENERATED_HEADER)
    material = material.replace(
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
    )
    ours = (OURS / "partials/search.html").read_text(encoding="utf-8")
    branch = '{% if (generator is defined and "zensical" in generator) or cq.preview %}\n'
    materials = ours.split(branch, 1)[1].split("{% else %}\n")[0]
    assert materials == material, "Material's search.html changed: re-copy it into the Zensical and preview branch"


@pytest.mark.parametrize("name", ["lessons", "week-1", "part_02", "Week-One", "ÉTÉ-été", "a-b_c", "x", "", "-"])
def test_folder_titles_are_the_ones_mkdocs_gives(name: str) -> None:
    from mkdocs.utils import dirname_to_title

    from coursegen.model.parts import dirname_to_title as ours

    assert ours(name) == dirname_to_title(name)
