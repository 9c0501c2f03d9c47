"""`pmquiz schema [--path]`: the bank JSON Schema, or where the installed copy is."""

from __future__ import annotations

import sys

from pmquiz import paths
from pmquiz.errors import UsageError
from pmquiz.i18n import t, ui_lang


def run(path_only: bool) -> None:
    path = paths.schema_path()
    if not path.is_file():
        raise UsageError(t("schema_missing", ui_lang(None), path=str(path)))
    if path_only:
        sys.stdout.write(f"{path.resolve()}\n")
        return
    sys.stdout.write(path.read_text(encoding="utf-8"))
