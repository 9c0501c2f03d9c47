"""Shared fixtures: no test ever touches the real user folders or a real terminal width."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Modules compile some patterns when imported, through pmquiz.reprograms, which reads
# (and at exit writes) the cache folder of the moment: while tests are being collected,
# before any fixture runs, that is this session's own folder, never the user's.
_SESSION_HOME = tempfile.mkdtemp(prefix="pmquiz-tests-")
os.environ["PMQUIZ_HOME"] = _SESSION_HOME
atexit.register(shutil.rmtree, _SESSION_HOME, True)

REPO = Path(__file__).resolve().parents[1]
QUESTIONS = REPO / "questions"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point PMQUIZ_HOME at a temporary folder; fix width and colour for stable output."""
    home = tmp_path / "pmquiz-home"
    monkeypatch.setenv("PMQUIZ_HOME", str(home))
    monkeypatch.delenv("PMQUIZ_BANKS", raising=False)
    monkeypatch.delenv("PMQUIZ_LANG", raising=False)
    monkeypatch.delenv("PMQUIZ_DEBUG", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    from pmquiz import paths

    paths.set_data_dir(None)
    yield home
    paths.set_data_dir(None)


@pytest.fixture
def write_bank(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a bank file from text and return its path."""

    def _write(text: str, name: str = "bank.yaml") -> Path:
        path = tmp_path / "banks" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write
