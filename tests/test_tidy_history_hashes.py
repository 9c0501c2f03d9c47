"""The history's hashes (attempt ids, question content hashes, card ids) are SHA-256
computed without OpenSSL: commands that open the history no longer load `_hashlib`
(about 2 ms), and every stored value stays byte for byte what it was, since histories
and their exports already hold them."""

from __future__ import annotations

from pathlib import Path

from pmquiz import loader, scheduling, store
from test_startup import modules_imported_by

BANK = """\
id: hash-check
title: 哈希检查
language: zh
version: 1
questions:
  - id: core-ability
    type: open
    prompt: 你认为产品经理最重要的能力是什么？
    rubric:
      points:
        - id: business-insight
          label: 以洞察业务为基础
          any: [洞察业务, 理解业务]
      penalties:
        - {id: ux-only, any: [只要交互]}
  - id: focus
    type: choice
    prompt: 后台产品主要注重哪三个维度？
    options: {A: 效率, B: 动画效果, C: 功能能力, D: 系统安全}
    answer: [A, C, D]
"""


def test_stored_hashes_are_the_ones_histories_already_hold(write_bank):  # type: ignore[no-untyped-def]
    # Values written by pmquiz before this change (hashlib's SHA-256); they must not move.
    bank = loader.load_bank(write_bank(BANK))
    assert [store.question_hash(q) for q in bank.questions] == [
        "36b0b179d99dfeaa", "f3118cc2d46eebeb"]
    uid = store.attempt_uid("2026-03-01T08:00:00+00:00", "backoffice-pm-zh", "core-ability",
                            "0123456789abcdef", "最重要的是理解业务。", 0.75, True, 42.5)
    again = store.attempt_uid("2026-03-01T08:00:00+00:00", "backoffice-pm-zh", "core-ability",
                              "0123456789abcdef", "最重要的是理解业务。", 0.75, True, 42.5, 2)
    assert (uid, again) == ("e23470ef68ea08c644c952201e700697",
                            "674a9ff6e70c9c08ba07a6c74814f2bb")
    assert scheduling.card_id("backoffice-pm-zh/core-ability") == 3511004736708714093


def test_history_commands_do_not_load_openssl(tmp_path: Path) -> None:
    home = tmp_path / "home"
    modules_imported_by(["practice", "--count", "1", "--type", "truefalse", "--seed", "1"],
                        home, tmp_path, "错\n")  # a history with a row and a card
    for args in (["history"], ["review", "--list"]):
        loaded = modules_imported_by(args, home, tmp_path)
        assert "_hashlib" not in loaded, args
        assert "pmquiz" in loaded
