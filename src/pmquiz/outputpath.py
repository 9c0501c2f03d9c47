"""Where a file pmquiz writes (`--junit`, `--report`) would go: the folder must exist,
and a file standing anywhere in the folder's path is named as what blocks it."""

from __future__ import annotations

from pathlib import Path


def folder_of(target: Path) -> Path:
    """The folder `target` is written into (`.` for a bare file name)."""
    return target.parent if str(target.parent) else Path(".")


def file_in_the_way(folder: Path) -> Path | None:
    """The file standing where `folder` or one of the folders above it should be
    (`notes.txt` for `notes.txt/ci/reports`), or None."""
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    return existing if existing is not None and not existing.is_dir() else None
