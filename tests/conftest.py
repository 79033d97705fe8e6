"""Shared fixtures: a throwaway copy of the project holding the small sample course."""

from __future__ import annotations

from pathlib import Path

import pytest
from project import copy_project


@pytest.fixture
def sample_project(tmp_path: Path) -> Path:
    """A fresh copy of the project with the sample course, not yet built."""
    return copy_project(tmp_path / "course")
