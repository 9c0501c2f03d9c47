"""`pmquiz grade`: the SPEC 4 JSON document field for field, exit codes, answer sources."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import run_cli

BANK = """\
id: cli-zh
title: 命令行测试
language: zh
threshold: 0.6
synonyms:
  业务理解: [洞察业务, 理解业务, 业务洞察]
questions:
  - id: core-ability
    type: open
    prompt: 你认为产品经理最重要的能力是什么？
    rubric:
      points:
        - id: business-insight
          label: 以洞察业务为基础
          weight: 2
          required: true
          any: ["@业务理解", "re:业务.{0,6}(理解|洞察)"]
        - id: user-needs
          label: 建设用户需求的产品设计
          any: [用户需求]
      penalties:
        - id: ux-only
          label: 认为只需交互设计
          any: [只要交互, 交互设计]
  - id: focus-dimensions
    type: choice
    prompt: 后台产品主要注重哪三个维度？
    options: {A: 效率, B: 动画效果, C: 功能能力, D: 系统安全}
    answer: [A, C, D]
  - id: users-few
    type: truefalse
    prompt: 后台产品的用户基数通常比 C 端产品少。
    answer: true
"""
OTHER = """\
id: cli-other
title: Other
language: en
questions:
  - id: core-ability
    type: open
    prompt: What matters most?
    rubric:
      points:
        - id: insight
          label: business insight
          any: [business insight]
"""

Writer = Callable[..., Path]


@pytest.fixture
def bank(write_bank: Writer) -> Path:
    return write_bank(BANK, "cli.zh.yaml")


def grade_json(capsys: pytest.CaptureFixture[str], bank: Path, ref: str, answer: str
               ) -> tuple[int, dict[str, object]]:
    run = run_cli(["grade", ref, "--bank", str(bank), "--answer", answer, "--json"], capsys)
    assert run.exit_code in (0, 1), run.stderr
    return run.exit_code, json.loads(run.stdout)


def test_open_json_matches_spec(capsys: pytest.CaptureFixture[str], bank: Path) -> None:
    answer = "最重要的不是交互设计，而是理解业务"
    code, doc = grade_json(capsys, bank, "cli-zh/core-ability", answer)
    assert code == 0
    assert doc == {
        "question": "cli-zh/core-ability", "type": "open", "score": 0.6667, "passed": True,
        "threshold": 0.6, "flags": [],
        "points": [
            {"id": "business-insight", "label": "以洞察业务为基础", "weight": 2, "hit": True,
             "negated": False, "term": "理解业务", "span": [13, 17],
             "matches": [{"term": "理解业务", "span": [13, 17], "negated": False}]},
            {"id": "user-needs", "label": "建设用户需求的产品设计", "weight": 1, "hit": False,
             "negated": False, "term": None, "span": None, "matches": []},
        ],
        "penalties": [
            {"id": "ux-only", "label": "认为只需交互设计", "weight": 1, "hit": False,
             "negated": True, "term": "交互设计", "span": [6, 10],
             "matches": [{"term": "交互设计", "span": [6, 10], "negated": True}]},
        ],
        "missed": ["user-needs"],
    }
    assert answer[13:17] == "理解业务"


def test_open_json_spans_index_the_original(capsys: pytest.CaptureFixture[str],
                                            bank: Path) -> None:
    answer = "我認為：洞察業務　和用戶需求"
    code, doc = grade_json(capsys, bank, "cli-zh/core-ability", answer)
    assert code == 0
    points = doc["points"]
    assert isinstance(points, list)
    spans = [p["span"] for p in points]
    assert [answer[s:e] for s, e in spans] == ["洞察業務", "用戶需求"]
    assert points[0]["term"] == "洞察业务"  # the group member that matched


def test_failing_answer_exits_1(capsys: pytest.CaptureFixture[str], bank: Path) -> None:
    code, doc = grade_json(capsys, bank, "cli-zh/core-ability", "交互设计最重要，只要交互做好")
    assert code == 1
    assert doc["passed"] is False and doc["score"] == 0
    assert doc["missed"] == ["business-insight", "user-needs"]


def test_required_point_missed_fails(capsys: pytest.CaptureFixture[str], bank: Path) -> None:
    code, doc = grade_json(capsys, bank, "cli-zh/core-ability", "用户需求")
    assert code == 1
    assert doc["passed"] is False


def test_choice_json(capsys: pytest.CaptureFixture[str], bank: Path) -> None:
    code, doc = grade_json(capsys, bank, "cli-zh/focus-dimensions", "Ａ，Ｃ")
    assert code == 1
    assert doc == {"question": "cli-zh/focus-dimensions", "type": "choice", "score": 0.6667,
                   "passed": False, "threshold": 1.0, "flags": [], "points": [], "penalties": [],
                   "missed": [], "expected": ["A", "C", "D"], "given": ["A", "C"]}
    code, doc = grade_json(capsys, bank, "cli-zh/focus-dimensions", "dca")
    assert code == 0 and doc["score"] == 1.0 and doc["passed"] is True


def test_truefalse_json(capsys: pytest.CaptureFixture[str], bank: Path) -> None:
    code, doc = grade_json(capsys, bank, "cli-zh/users-few", "对")
    assert code == 0
    assert doc == {"question": "cli-zh/users-few", "type": "truefalse", "score": 1.0,
                   "passed": True, "threshold": 1.0, "flags": [], "points": [], "penalties": [],
                   "missed": [], "expected": True, "given": True}
    code, doc = grade_json(capsys, bank, "cli-zh/users-few", "随便")
    assert code == 1 and doc["given"] is None and doc["score"] == 0.0


def test_bare_question_id_when_unique(capsys: pytest.CaptureFixture[str], bank: Path) -> None:
    code, doc = grade_json(capsys, bank, "users-few", "yes")
    assert code == 0 and doc["question"] == "cli-zh/users-few"


def test_json_is_the_only_stdout(capsys: pytest.CaptureFixture[str], bank: Path) -> None:
    run = run_cli(["grade", "cli-zh/core-ability", "-b", str(bank), "-a", "理解业务",
                   "--json"], capsys)
    json.loads(run.stdout)
    assert run.stdout.count("\n") == 1 or run.stdout.strip().startswith("{")


def test_plain_output_without_json(capsys: pytest.CaptureFixture[str], bank: Path) -> None:
    run = run_cli(["grade", "cli-zh/core-ability", "-b", str(bank), "-a", "理解业务和用户需求"],
                  capsys)
    assert run.exit_code == 0, run.stderr
    assert "以洞察业务为基础" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr


# -- bad input: exit 2 --------------------------------------------------------------------------


def test_unknown_question_exits_2(capsys: pytest.CaptureFixture[str], bank: Path) -> None:
    run = run_cli(["grade", "cli-zh/core-abilty", "-b", str(bank), "-a", "x"], capsys)
    assert run.exit_code == 2
    assert "core-abilty" in run.stderr
    assert "core-ability" in run.stderr  # did you mean
    assert run.stdout == ""


def test_unknown_bare_id_exits_2(capsys: pytest.CaptureFixture[str], bank: Path) -> None:
    run = run_cli(["grade", "nothing-like-it", "-b", str(bank), "-a", "x", "--json"], capsys)
    assert run.exit_code == 2
    assert "nothing-like-it" in run.stderr
    assert run.stdout == ""


def test_ambiguous_question_names_the_candidates(capsys: pytest.CaptureFixture[str],
                                                 write_bank: Writer) -> None:
    write_bank(BANK, "a.yaml")
    write_bank(OTHER.replace("id: cli-other", "id: cli-other-two"), "c.yaml")
    folder = write_bank(OTHER, "b.yaml").parent
    # Two English banks share the id: even in an English UI it stays ambiguous.
    run = run_cli(["grade", "core-ability", "-b", str(folder), "-a", "x", "--lang", "en"],
                  capsys)
    assert run.exit_code == 2
    assert "cli-other/core-ability" in run.stderr and "cli-other-two/core-ability" in run.stderr
    # In a Chinese UI the one Chinese bank holding it is meant.
    run = run_cli(["grade", "core-ability", "-b", str(folder), "-a", "业务", "--json",
                   "--lang", "zh"], capsys)
    assert run.exit_code in (0, 1), run.stderr
    assert json.loads(run.stdout)["question"] == "cli-zh/core-ability"
    # Qualified, it is fine.
    run = run_cli(["grade", "cli-other/core-ability", "-b", str(folder),
                   "-a", "Business insight", "--json"], capsys)
    assert run.exit_code == 0, run.stderr


def test_unreadable_file_exits_2_naming_it(capsys: pytest.CaptureFixture[str], bank: Path,
                                           tmp_path: Path) -> None:
    missing = tmp_path / "no-such-answer.txt"
    run = run_cli(["grade", "cli-zh/core-ability", "-b", str(bank), "--file", str(missing)],
                  capsys)
    assert run.exit_code == 2
    assert "no-such-answer.txt" in run.stderr
    assert "Traceback" not in run.stderr


def test_answer_from_file(capsys: pytest.CaptureFixture[str], bank: Path,
                          tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_bytes("洞察业务，\n用户需求\n".encode() + b"\xff\xfe")
    run = run_cli(["grade", "cli-zh/core-ability", "-b", str(bank), "-f", str(answer),
                   "--json"], capsys)
    assert run.exit_code == 0, run.stderr
    assert json.loads(run.stdout)["score"] == 1.0


def test_two_answer_sources_exit_2(capsys: pytest.CaptureFixture[str], bank: Path,
                                   tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text("x", encoding="utf-8")
    run = run_cli(["grade", "cli-zh/core-ability", "-b", str(bank), "-a", "x", "-f",
                   str(answer)], capsys)
    assert run.exit_code == 2


def test_unknown_bank_path_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run = run_cli(["grade", "x/y", "-b", str(tmp_path / "missing.yaml"), "-a", "x"], capsys)
    assert run.exit_code == 2
    assert "missing.yaml" in run.stderr


# -- stdin --------------------------------------------------------------------------------------


def test_answer_from_piped_stdin(capsys: pytest.CaptureFixture[str], bank: Path) -> None:
    run = run_cli(["grade", "cli-zh/core-ability", "-b", str(bank), "--json"], capsys,
                  stdin="最重要的不是交互设计，而是理解业务\n")
    assert run.exit_code == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["points"][0]["span"] == [13, 17]


def test_answer_from_dash(capsys: pytest.CaptureFixture[str], bank: Path) -> None:
    run = run_cli(["grade", "cli-zh/users-few", "-", "-b", str(bank), "--json"], capsys,
                  stdin="×")
    assert run.exit_code == 1, run.stderr
    assert json.loads(run.stdout)["given"] is False


def test_invalid_utf8_on_stdin_is_replaced(capsys: pytest.CaptureFixture[str], bank: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    raw = "理解业务".encode() + b"\xff\xc3(" + "用户需求".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    run = run_cli(["grade", "cli-zh/core-ability", "-b", str(bank), "--json"], capsys)
    assert run.exit_code == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["score"] == 1.0
    assert "Traceback" not in run.stderr


def test_control_characters_do_not_break_json(capsys: pytest.CaptureFixture[str],
                                              bank: Path) -> None:
    code, doc = grade_json(capsys, bank, "cli-zh/core-ability",
                           "\x1b[31m理解业务\x00\x07用户需求")
    assert code == 0 and doc["score"] == 1.0


def test_builtin_bank_reference(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["grade", "backoffice-pm-zh/core-ability", "--answer",
                   "最重要的不是交互设计，而是理解业务", "--json"], capsys)
    assert run.exit_code in (0, 1), run.stderr
    doc = json.loads(run.stdout)
    assert doc["question"] == "backoffice-pm-zh/core-ability"
    assert doc["type"] == "open"
    assert {p["id"] for p in doc["points"]} >= {"business-insight"}
