"""Where pmquiz finds things: the data folder, the cache and the bank search path.

Resolved in one place so tests and users can move everything with one variable.
"""

from __future__ import annotations

import os
from pathlib import Path

_data_dir_override: Path | None = None


def set_data_dir(path: Path | None) -> None:
    """Record `--data-dir`; it wins over `PMQUIZ_HOME` and the platform folder."""
    global _data_dir_override
    _data_dir_override = path


def _home_override() -> Path | None:
    if _data_dir_override is not None:
        return _data_dir_override
    env = os.environ.get("PMQUIZ_HOME")
    if not env:
        return None
    home = Path(env).expanduser()
    if home.exists() and not home.is_dir():
        from pmquiz.errors import UsageError

        raise UsageError(f"PMQUIZ_HOME={env} is a file, not a folder",
                         "Point PMQUIZ_HOME at a folder (created when missing), or unset it.",
                         key="err_home_file", hint_key="err_home_file_hint",
                         values={"value": env})
    return home


def data_dir() -> Path:
    """The folder holding history.sqlite3: --data-dir, then PMQUIZ_HOME, then platformdirs."""
    home = _home_override()
    if home is not None:
        return home
    import platformdirs

    return Path(platformdirs.user_data_dir("pmquiz", appauthor=False))


def cache_dir() -> Path:
    """Cache of validated banks: PMQUIZ_HOME/cache when set, else the user cache folder."""
    home = _home_override()
    if home is not None:
        return home / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("pmquiz", appauthor=False))


def history_path() -> Path:
    return data_dir() / "history.sqlite3"


def builtin_banks_dir() -> Path:
    """The built-in `questions/` folder: inside the installed package, or the repo's own."""
    packaged = Path(__file__).parent / "questions"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "questions"


def extra_bank_dirs() -> list[Path]:
    """Folders named in PMQUIZ_BANKS (os.pathsep-separated), in order."""
    raw = os.environ.get("PMQUIZ_BANKS", "")
    return [Path(p).expanduser() for p in raw.split(os.pathsep) if p.strip()]


def schema_path() -> Path:
    """The bank JSON Schema: inside the installed package, or the repo's own `schema/`."""
    packaged = Path(__file__).parent / "schema" / "bank.schema.json"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "schema" / "bank.schema.json"
