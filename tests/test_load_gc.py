"""Loading pauses the garbage collector and always gives it back (SPEC 9: cold load)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pmquiz.errors import BankError
from pmquiz.loader import load_bank

GOOD = """\
id: gc-bank
title: 回收测试
language: zh
questions:
  - {id: tf, type: truefalse, prompt: 后台用户少吗？, answer: true}
"""
BAD_YAML = "id: gc-bank\ntitle: [unclosed\n"
BAD_BANK = GOOD.replace("answer: true", "answer: maybe")


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.mark.parametrize("text", [BAD_YAML, BAD_BANK], ids=["yaml-syntax", "invalid-bank"])
def test_collector_is_back_on_after_a_failed_load(
        text: str, write_bank: Callable[[str], Path], collector_on: None) -> None:
    with pytest.raises(BankError):
        load_bank(write_bank(text))
    assert gc.isenabled()


def test_collector_is_paused_while_the_bank_is_built(
        write_bank: Callable[[str], Path], collector_on: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from pmquiz import loader

    seen: list[bool] = []
    real_compose = loader.compose

    def spying_compose(text: str, shown: str) -> object:
        seen.append(gc.isenabled())
        return real_compose(text, shown)

    monkeypatch.setattr(loader, "compose", spying_compose)
    bank = load_bank(write_bank(GOOD))
    assert [q.id for q in bank.questions] == ["tf"]
    assert seen == [False] and gc.isenabled()


def test_a_caller_that_paused_the_collector_keeps_it_paused(
        write_bank: Callable[[str], Path]) -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        load_bank(write_bank(GOOD))
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()
