"""`pmquiz history --json` is streamed (SPEC 2, SPEC 9): the same document as before,
written one attempt at a time."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from helpers import run_cli
from pmquiz import paths
from pmquiz.catalog import Catalog
from pmquiz.jsonstream import write_array
from pmquiz.output import emit_json
from pmquiz.store import History

ANSWERS = ["我认为后台产品要以业务为基础，提升效率。", "It must be secure\tand efficient.",
           'Quotes " and back\\slashes, a bell \x07 and a line\nbreak', "好"]


def _fill(count: int) -> None:
    questions = [q for q in Catalog.load().questions() if q.type == "open"][:2]
    history = History.open(paths.history_path())
    start = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
    for i in range(count):
        history.record_attempt(
            question=questions[i % 2], answer=ANSWERS[i % len(ANSWERS)], score=i / count,
            passed=i % 3 == 0, points_hit=[], points_missed=[], seconds=2.25 + i,
            when=start + timedelta(minutes=i))
    history.close()


def _history_json(capsys: pytest.CaptureFixture[str], *limit: str) -> tuple[str, Any]:
    run = run_cli(["history", "--json", *limit], capsys)
    assert run.exit_code == 0, run.stderr
    return run.stdout, json.loads(run.stdout)


def test_streamed_document_is_the_whole_list_newest_first(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(7)
    history = History.open(paths.history_path())
    expected = [a.to_json() for a in history.recent(0)]
    history.close()

    def no_list(*_: object) -> None:
        raise AssertionError("history --json must not build the whole list")

    monkeypatch.setattr(History, "recent", no_list)
    text, everything = _history_json(capsys, "--limit", "0")
    assert text == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    assert [a["answer"] for a in everything][:4] == [ANSWERS[i % 4] for i in (6, 5, 4, 3)]
    times = [a["time"] for a in everything]
    assert times == sorted(times, reverse=True) and len(times) == 7
    _, latest = _history_json(capsys, "--limit", "2")
    assert latest == expected[:2]
    _, default = _history_json(capsys)
    assert default == expected  # fewer than the default 20


def test_empty_history_is_an_empty_array(capsys: pytest.CaptureFixture[str]) -> None:
    text, _ = _history_json(capsys, "--limit", "0")
    assert text == "[]\n"
    assert not Path(paths.history_path()).exists()  # reading never creates it


@pytest.mark.parametrize("items", [
    [],
    [{"ref": "backoffice-pm-zh/core-ability", "score": 0.6667, "passed": True,
      "answer": "中文\n\"引号\" \x9b2J \u202eevil", "seconds": 1.0, "none": None}],
    [{}, {"nested": {"a": [1, "\u2066"]}, "x": 1}, [1, [2]], "text", 3.5, None],
], ids=["empty", "flat", "nested"])
def test_writer_prints_what_emit_json_prints(items: list[Any],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    assert write_array(out, iter(items)) == len(items)
    emit_json(items)
    assert out.getvalue() == capsys.readouterr().out
    assert "\x9b" not in out.getvalue() and "\u202e" not in out.getvalue()
    assert json.loads(out.getvalue()) == items


def test_terminal_listing_of_huge_answers_shows_their_start_cut(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A 64 KiB answer is cut to the column before Rich measures it: the row reads the
    same as for a short answer with the same start, ending in an ellipsis."""
    from helpers import run_terminal

    question = [q for q in Catalog.load().questions() if q.type == "open"][0]
    start = "我认为后台产品经理最重要的能力是洞察业务，以业务为基础设计产品。"
    history = History.open(paths.history_path())
    when = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)  # one time: the rows differ only by answer
    for answer in (start * 2000, start * 3):
        history.record_attempt(question=question, answer=answer, score=0.5, passed=False,
                               points_hit=[], points_missed=[], seconds=3.0, when=when)
    history.close()
    run = run_terminal(["history", "--lang", "zh"], capsys, monkeypatch, width=100)
    assert run.exit_code == 0, run.stderr
    rows = [line for line in run.stdout.splitlines() if question.ref in line]
    assert len(rows) == 2 and rows[0] == rows[1]
    assert rows[0].endswith("…") and start[:10] in rows[0]
