"""`pmquiz new FILE`: write the commented starter bank, never over an existing file."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

from pmquiz import paths
from pmquiz.catalog import BANK_SUFFIXES
from pmquiz.errors import UsageError
from pmquiz.i18n import t, ui_lang
from pmquiz.starter import bank_id_for, starter_bank


def run(target: str, lang_option: str | None) -> None:
    lang = ui_lang(lang_option)
    schema = paths.schema_path().resolve().as_uri()
    if target == "-":
        sys.stdout.write(starter_bank(lang, schema, "my-bank.yaml", "my-bank"))
        return
    if not target.strip():  # `pmquiz new "$NAME"` with NAME unset
        raise UsageError(t("new_no_name", lang))
    path = Path(target)
    if not path.name.lower().endswith(BANK_SUFFIXES):
        raise UsageError(t("new_suffix", lang, path=target))
    if path.exists() or path.is_symlink():
        raise UsageError(t("new_exists", lang, path=target))
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise UsageError(t("new_folder_is_file", lang, folder=str(folder)))
    if not folder.is_dir():
        raise UsageError(t("new_no_folder", lang, folder=str(folder)))
    text = starter_bank(lang, schema, shell_word(target), bank_id_for(path))
    try:
        # "x": created here or not at all, even if another process makes it meanwhile.
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise UsageError(t("new_exists", lang, path=target)) from None
    except OSError as exc:
        raise UsageError.from_os_error(exc, "cannot write {path}: {reason}",
                                       key="new_cannot_write", path=target) from None
    sys.stdout.write(t("new_written", lang, path=shell_word(target)) + "\n")


def shell_word(text: str) -> str:
    """`text` as one shell word: as is when safe (Chinese names too), else quoted."""
    return text if re.fullmatch(r"[\w@%+=:,./-]+", text) else shlex.quote(text)
