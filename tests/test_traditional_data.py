"""The shipped list of Traditional characters matches the installed OpenCC."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parents[1] / "tools" / "gen_traditional_chars.py"


def test_shipped_list_matches_opencc() -> None:
    from pmquiz.text import _traditional

    spec = importlib.util.spec_from_file_location("gen_traditional_chars", TOOLS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    assert _traditional() == frozenset(module.changed_characters()), (
        "run tools/gen_traditional_chars.py to refresh src/pmquiz/data/traditional.txt")


def test_traditional_answer_still_folds() -> None:
    from pmquiz.text import normalize

    assert normalize("後台產品經理").text == "后台产品经理"
    assert normalize("后台产品经理").text == "后台产品经理"
