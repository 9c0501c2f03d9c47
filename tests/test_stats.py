"""`pmquiz stats`: empty history, a known history's numbers, and how the report reads."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from helpers import run_cli, run_terminal
from pmquiz import paths, scheduling
from pmquiz.catalog import Catalog
from pmquiz.store import History

BANK = """\
id: st
title: 统计测试
language: zh
questions:
  - id: loop
    type: open
    tags: [business, basics]
    prompt: 后台产品为什么重要？
    rubric:
      points:
        - {id: closed-loop, label: 业务闭环, any: [闭环]}
        - {id: efficiency, label: 提升效率, any: [效率]}
  - {id: tf, type: truefalse, prompt: 后台用户少吗？, answer: true, tags: [basics]}
"""
NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "st.yaml").write_text(BANK, encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_BANKS", str(folder))
    monkeypatch.setenv("PMQUIZ_NOW", NOW.isoformat())
    return folder


def _fill() -> None:
    """Three days of use ending today: `loop` misses 业务闭环 three times, 提升效率 once;
    `tf` is failed four times (a leech)."""
    questions = {q.id: q for q in Catalog.load().questions() if q.bank_id == "st"}
    history = scheduling.attach(History.open(paths.history_path()))
    plan = [  # (days before NOW, question, passed, score, missed points)
        (2, "loop", False, 0.0, ["closed-loop", "efficiency"]),
        (2, "tf", False, 0.0, []),
        (1, "loop", False, 0.5, ["closed-loop"]),
        (1, "tf", False, 0.0, []),
        (1, "tf", False, 0.0, []),
        (0, "loop", True, 1.0, []),
        (0, "loop", False, 0.5, ["closed-loop"]),
        (0, "tf", False, 0.0, []),
        (0, "tf", True, 1.0, []),
    ]
    for index, (days, qid, passed, score, missed) in enumerate(plan):
        when = NOW - timedelta(days=days, hours=2) + timedelta(minutes=index)
        hit = [p.id for p in questions[qid].rubric.points if p.id not in missed]
        history.record_attempt(question=questions[qid], answer="答", score=score,
                               passed=passed, points_hit=hit, points_missed=missed,
                               seconds=3.0, when=when)
    history.close()


def test_empty_history_says_nothing_yet(bank: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMQUIZ_LANG", "en")
    run = run_cli(["stats"], capsys)
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith("Nothing yet")
    run = run_cli(["stats", "--json"], capsys)
    assert run.exit_code == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["attempts"] == 0 and doc["pass_rate"] is None
    assert doc["by_bank"] == doc["by_tag"] == doc["most_missed_points"] == []
    assert len(doc["daily"]) == 30 and all(d["attempts"] == 0 for d in doc["daily"])


def test_known_history_json(bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fill()
    run = run_cli(["stats", "--json"], capsys)
    assert run.exit_code == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["attempts"] == 9 and doc["passed"] == 2
    assert doc["pass_rate"] == round(2 / 9, 4)
    assert doc["by_bank"] == [{"bank": "st", "attempts": 9, "passed": 2,
                               "pass_rate": round(2 / 9, 4)}]
    by_tag = {t["tag"]: (t["attempts"], t["passed"]) for t in doc["by_tag"]}
    assert by_tag == {"basics": (9, 2), "business": (4, 1)}
    assert doc["most_missed_points"][:2] == [
        {"ref": "st/loop", "point": "closed-loop", "label": "业务闭环", "missed": 3,
         "attempts": 4},
        {"ref": "st/loop", "point": "efficiency", "label": "提升效率", "missed": 1,
         "attempts": 4},
    ]
    assert doc["leeches"] == [{"ref": "st/tf", "failures": 4}]
    daily = {d["date"]: d["attempts"] for d in doc["daily"] if d["attempts"]}
    expected: dict[str, int] = {}
    for days, count in ((2, 2), (1, 3), (0, 4)):
        key = (NOW - timedelta(days=days, hours=2)).astimezone().date().isoformat()
        expected[key] = expected.get(key, 0) + count
    assert daily == expected
    assert doc["daily"][-1]["date"] == NOW.astimezone().date().isoformat()
    assert doc["streak"] == len(expected)
    assert doc["review_now"] == 1  # loop: latest attempt failed; tf passed today
    assert doc["due_week"] >= doc["due_today"] >= doc["review_now"]
    for key in ("first_attempt", "last_attempt"):
        assert datetime.fromisoformat(doc[key]).utcoffset() == timedelta(0)


def test_known_history_reads_well_at_80_columns(
        bank: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill()
    run = run_terminal(["stats"], capsys, monkeypatch)
    assert run.exit_code == 0, run.stderr
    out = run.stdout
    # 3 of 4 answers missed it: "often", not "always".
    assert "常漏掉「业务闭环」" in out and "总是" not in out
    assert out.index("业务闭环") < out.index("提升效率")
    assert "st/tf" in out.split("顽固题")[1]
    assert "通过率" in out and "最近 30 天" in out
    from rich.cells import cell_len

    assert all(cell_len(line) <= 80 for line in out.splitlines()), out

    monkeypatch.setenv("PMQUIZ_LANG", "en")
    run = run_terminal(["stats"], capsys, monkeypatch)
    assert "you often miss 业务闭环" in run.stdout
    assert "missed in 3 of 4 answers" in run.stdout
    assert "streak: 3 days in a row" in run.stdout


def test_piped_stats_one_row_per_figure(bank: Path, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    _fill()
    run = run_cli(["stats", "--lang", "en"], capsys)
    assert run.exit_code == 0, run.stderr
    rows = [line.split("\t") for line in run.stdout.splitlines()]
    assert rows[0] == ["total", "9", "2", "22%", "2", "3"]
    assert ["bank", "st", "9", "2", "22%"] in rows
    assert ["missed", "st/loop", "closed-loop", "业务闭环", "3", "4"] in rows
    assert sum(1 for r in rows if r[0] == "day") == 30
    assert not set(run.stdout) & set("─│┌┐└┘├┤┬┴┼━┃╭╮╰╯█░")


TAGGED_BANKS = {
    "a.yaml": """\
id: tags-a
title: 标签甲
language: zh
questions:
  - {id: one, type: truefalse, prompt: 后台用户少吗？, answer: true, tags: [Backoffice, tob]}
  - {id: two, type: truefalse, prompt: 后台要做报表吗？, answer: true, tags: [ToB]}
""",
    "b.yaml": """\
id: tags-b
title: 标签乙
language: zh
questions:
  - {id: three, type: truefalse, prompt: 审批流要留痕吗？, answer: true, tags: [backoffice]}
  - {id: four, type: truefalse, prompt: 权限要分级吗？, answer: true, tags: [backoffice]}
""",
}


def test_tags_differing_only_in_case_are_one_row(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`--tag backoffice` finds `Backoffice` too, so stats counts them as one tag, named
    as most questions spell it (`backoffice`: two of three); `tob` and `ToB` are one
    question each, and the first seen names them."""
    folder = tmp_path / "banks"
    folder.mkdir()
    for name, text in TAGGED_BANKS.items():
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_BANKS", str(folder))
    monkeypatch.setenv("PMQUIZ_NOW", NOW.isoformat())
    questions = {q.id: q for q in Catalog.load().questions()}
    history = scheduling.attach(History.open(paths.history_path()))
    for index, (qid, passed) in enumerate([("one", True), ("one", False), ("two", True),
                                           ("three", False), ("four", True)]):
        history.record_attempt(question=questions[qid], answer="对", score=float(passed),
                               passed=passed, points_hit=[], points_missed=[],
                               seconds=2.0, when=NOW - timedelta(minutes=10 - index))
    history.close()

    run = run_cli(["stats", "--json"], capsys)
    assert run.exit_code == 0, run.stderr
    assert json.loads(run.stdout)["by_tag"] == [
        {"tag": "backoffice", "attempts": 4, "passed": 2, "pass_rate": 0.5},
        {"tag": "tob", "attempts": 3, "passed": 2, "pass_rate": round(2 / 3, 4)},
    ]
    run = run_cli(["stats", "--lang", "en"], capsys)
    assert run.exit_code == 0, run.stderr
    tag_rows = [line.split("\t")[1] for line in run.stdout.splitlines()
                if line.startswith("tag\t")]
    assert tag_rows == ["backoffice", "tob"]
