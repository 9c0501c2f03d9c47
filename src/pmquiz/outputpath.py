"""Where a file pmquiz writes (`--junit`, `--report`, `export history -o`) would go: the
folder must exist, a file standing anywhere in the folder's path is named as what blocks
it, and the user's own data (the history database, a bank) is never written over."""

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


_HISTORY_SIDECARS = ("", "-wal", "-shm", "-journal")
_BANK_SUFFIXES = (".yaml", ".yml")


def overwrites_user_data(target: Path) -> str | None:
    """What of the user's data writing `target` would destroy: "history" (the history
    database or one of SQLite's files beside it), "bank" (an existing .yaml/.yml file:
    nothing pmquiz writes is YAML, so that is a bank, as in `check --junit bank.yaml`),
    or None."""
    if _is_history(target):
        return "history"
    if target.suffix.lower() in _BANK_SUFFIXES and target.is_file():
        return "bank"
    return None


def _is_history(target: Path) -> bool:
    from pmquiz import paths
    from pmquiz.errors import PmquizError

    try:
        base = paths.history_path().resolve()
        resolved = target.resolve()
    except (PmquizError, OSError, RuntimeError):
        return False  # PMQUIZ_HOME unusable: the command says so where it matters
    return any(resolved == base.with_name(base.name + sidecar) for sidecar in _HISTORY_SIDECARS)


def refuse_overwriting_user_data(option: str, target: Path, example: str,
                                 bank_hint_key: str | None = None) -> None:
    """Raise UsageError (exit 2, before any work) when `target` is the history database or
    a bank: `example` is a file name to suggest; `bank_hint_key` a hint of the command's
    own for a bank (how to pass it as what it is)."""
    from pmquiz.errors import UsageError

    what = overwrites_user_data(target)
    if what is None:
        return
    values: dict[str, object] = {"option": option, "path": str(target), "example": example}
    if what == "history":
        raise UsageError(
            f"{option} {target}: that is your history database, and writing there would "
            "destroy it", f"Choose another file, e.g. {option} {example}.",
            key="err_output_is_history", hint_key="err_output_other_file", values=values)
    raise UsageError(
        f"{option} {target}: that is a bank file, and pmquiz never writes over a bank",
        f"Choose another file, e.g. {option} {example}.",
        key="err_output_is_bank", hint_key=bank_hint_key or "err_output_other_file",
        values=values)
