"""`pmquiz check`: rubric tests the way a bank author meets them, locally and in CI.

Every test goes through the real entry point. The banks live in tests/data/check/: one
that agrees with all its examples, one with a wrong expectation, a folder holding an
invalid and a valid bank, and one bank per warning kind under strict/.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import Run, run_cli

DATA = Path(__file__).parent / "data" / "check"
GOOD = DATA / "good.zh.yaml"
WRONG = DATA / "wrong-expectation.en.yaml"
MIXED = DATA / "mixed"
STRICT = DATA / "strict"
WriteBank = Callable[..., Path]  # the conftest fixture: (text, name=...) -> path
CLOSING = re.compile(r"^(\d+) passed, (\d+) failed$")


def _check(args: list[str], capsys: pytest.CaptureFixture[str]) -> Run:
    """`pmquiz check` in English: the grader's explanations are English words."""
    run = run_cli(["check", "--lang", "en", *args], capsys)
    assert "Traceback" not in run.stderr, run.stderr
    return run


def _closing(text: str) -> tuple[int, int]:
    """The counts of the plain closing line, which must be the last line."""
    last = text.rstrip("\n").splitlines()[-1]
    found = CLOSING.match(last)
    assert found, f"the output does not end with 'N passed, N failed': {last!r}"
    return int(found.group(1)), int(found.group(2))


# -- the built-in banks ---------------------------------------------------------------


def test_builtin_banks_pass_their_own_examples(capsys: pytest.CaptureFixture[str]) -> None:
    run = _check([], capsys)
    passed, failed = _closing(run.stdout)
    assert run.exit_code == 0 and failed == 0, (
        "the built-in banks (questions/*.yaml) must agree with every example they carry; "
        f"`pmquiz check` says:\n{run.stdout}\n{run.stderr}"
    )
    assert passed > 0
    assert "backoffice-pm-zh" in run.stdout and "backoffice-pm-en" in run.stdout


# -- examples -------------------------------------------------------------------------


def test_all_examples_as_expected_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    run = _check([str(GOOD)], capsys)
    assert run.exit_code == 0, run.stdout + run.stderr
    assert _closing(run.stdout) == (8, 0)
    assert run.stderr == ""
    assert "warning" not in run.stdout  # the good bank has no rubric smell either
    assert "check-good-zh" in run.stdout
    assert "accuracy 100%" in run.stdout


def test_wrong_expectation_exits_1_and_explains(capsys: pytest.CaptureFixture[str]) -> None:
    run = _check([str(WRONG)], capsys)
    assert run.exit_code == 1, run.stdout + run.stderr
    assert _closing(run.stdout) == (2, 1)
    out = run.stdout
    # Which example, where, and what kind of mistake.
    assert f"FAIL check-wrong-en/why-avoid[#2]  false pass  {WRONG}:23" in out
    # The answer, with what matched marked; expected against actual; the score.
    assert "answer:    The back office has few users and an ugly interface." in out
    assert "marked:    The back office has [few users] and an [ugly] interface." in out
    assert "expected:  fail" in out
    assert "graded:    pass, score 0.6667 (pass mark 0.6)" in out
    # Which points hit (and with which term), which were missed.
    assert "hit:       few-users ← few users; plain-ui ← ugly" in out
    assert "missed:    importance" in out
    # The per-bank report: accuracy and the false pass.
    assert "3 examples, accuracy 67%: 2 as expected, 1 false pass, 0 false fails" in out


def test_score_range_and_negation_shown(capsys: pytest.CaptureFixture[str],
                                        write_bank: WriteBank) -> None:
    path = write_bank(
        "id: ranges\ntitle: 范围\nlanguage: zh\nquestions:\n"
        "  - id: focus\n    type: open\n    prompt: 后台产品注重什么？\n"
        "    rubric:\n      points:\n"
        "        - {id: efficiency, label: 效率, any: [效率]}\n"
        "        - {id: security, label: 安全, any: [安全]}\n"
        "      penalties:\n"
        "        - {id: looks, label: 只看颜值, any: [好看]}\n"
        "    examples:\n"
        "      - answer: 不需要效率，安全就好，好看。\n"   # line 15
        "        score: [0.5, 1]\n"
        "      - answer: 效率和安全。\n"
        "        expect: fail\n"
    )
    run = _check([str(path)], capsys)
    assert run.exit_code == 1
    out = run.stdout
    assert f"FAIL ranges/focus[#1]  score out of range  {path}:15" in out
    assert "expected:  score 0.5..1" in out
    assert "graded:    fail, score 0 (pass mark 0.6)" in out
    assert "negated:   efficiency (效率)" in out
    assert "penalties: looks ← 好看" in out
    assert "marked:    不需要{¬效率}，[安全]就好，[好看]。" in out
    assert f"FAIL ranges/focus[#2]  false pass  {path}:17" in out
    assert _closing(out) == (0, 2)


EXPLAINED_BANK = (
    "id: explain\ntitle: 解释\nlanguage: zh\nquestions:\n"
    "  - id: focus\n    type: open\n    prompt: 后台产品注重什么？\n"
    "    rubric:\n      points:\n"
    "        - {id: efficiency, label: 效率, any: [效率]}\n"
    "        - {id: security, label: 安全, any: [安全]}\n"
    "        - {id: stability, label: 稳定, required: true, any: [稳定]}\n"
    "    examples:\n      - {answer: 不要效率，也不要安全。, expect: pass}\n"
    "  - id: pick\n    type: choice\n    prompt: 后台产品注重哪些方面？\n"
    "    options: {A: 效率, B: 安全, C: 好看, D: 稳定}\n    answer: [A, B, D]\n"
    "    examples:\n      - {answer: C, expect: pass}\n"
)


@pytest.mark.parametrize(("lang", "explained"), [
    ("en", ["  graded:    fail, score 0 (pass mark 0.6)",
            "  negated:   efficiency (效率); security (安全)",
            "  missed:    stability",
            "  required missed: stability",
            "  graded:    fail, score 0 (given C, answer A, B, D)"]),
    ("zh", ["  评分：未通过，得分 0（及格线 0.6）",
            "  被否定：efficiency（效率）；security（安全）",
            "  漏掉：stability",
            "  缺少必答：stability",
            "  评分：未通过，得分 0"]),
])
def test_explanation_in_each_language_and_junit_in_english(
        lang: str, explained: list[str], capsys: pytest.CaptureFixture[str],
        tmp_path: Path, write_bank: WriteBank) -> None:
    """The same facts in the UI language's words and punctuation; a choice question's
    graded line names the choices in English; JUnit is English whatever the UI says."""
    path = write_bank(EXPLAINED_BANK)
    report = tmp_path / "check.xml"
    run = run_cli(["check", "--lang", lang, str(path), "--junit", str(report)], capsys)
    assert run.exit_code == 1
    lines = run.stdout.splitlines()
    assert [line for line in lines if line in explained] == explained
    failures = [f.text or "" for f in ET.parse(report).getroot().iter("failure")]
    assert "graded:    fail, score 0 (given C, answer A, B, D)" in failures[1]
    assert "negated:   efficiency (效率); security (安全)" in failures[0]


# -- invalid banks ----------------------------------------------------------------------


def test_invalid_bank_exit_2_valid_bank_still_reported(
        capsys: pytest.CaptureFixture[str]) -> None:
    run = _check([str(MIXED)], capsys)
    assert run.exit_code == 2, run.stdout + run.stderr
    broken = MIXED / "broken.yaml"
    errors = [line for line in run.stderr.splitlines() if line.startswith("error: ")]
    assert f"error: {broken}:2: missing required key 'title'" in errors
    assert (f"error: {broken}:13: questions[0].rubric.points[0].weight: "
            "must be a positive number, not -1") in errors
    assert len(errors) == 2, run.stderr
    # The valid bank beside it is still graded and reported.
    assert "check-mixed-valid" in run.stdout
    assert _closing(run.stdout) == (2, 0)


def test_invalid_bank_wins_over_failing_examples(capsys: pytest.CaptureFixture[str]) -> None:
    run = _check([str(WRONG), str(MIXED / "broken.yaml")], capsys)
    assert run.exit_code == 2
    assert "FAIL check-wrong-en/why-avoid[#2]" in run.stdout
    assert _closing(run.stdout) == (2, 1)


def test_missing_path_and_empty_folder_are_errors(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    run = _check([str(empty), str(tmp_path / "nope.yaml"), str(GOOD)], capsys)
    assert run.exit_code == 2
    assert f"error: {empty}: no bank files (*.yaml, *.yml) in this folder" in run.stderr
    assert f"error: {tmp_path / 'nope.yaml'}: no such file or folder" in run.stderr
    assert _closing(run.stdout) == (8, 0)


# -- JUnit and JSON ---------------------------------------------------------------------


def test_junit_testcases_equal_passed_plus_failed(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    report = tmp_path / "reports" / "check.xml"
    report.parent.mkdir()  # check writes into a folder that exists (test_tidy_junit_path)
    run = _check([str(GOOD), str(WRONG), "--junit", str(report)], capsys)
    assert run.exit_code == 1
    passed, failed = _closing(run.stdout)
    root = ET.parse(report).getroot()
    assert root.tag == "testsuites"
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == passed + failed == 11
    assert root.get("tests") == "11" and root.get("failures") == "1"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"check-good-zh", "check-wrong-en"}
    assert suites["check-wrong-en"].get("failures") == "1"
    failing = [c for c in cases if c.find("failure") is not None]
    assert [(c.get("classname"), c.get("name")) for c in failing] == [
        ("check-wrong-en", "why-avoid[#2]")]
    failure = failing[0].find("failure")
    assert failure is not None
    assert failure.get("message") == "false pass: expected fail, graded pass (score 0.6667)"
    assert "hit:       few-users ← few users; plain-ui ← ugly" in (failure.text or "")
    assert {c.get("name") for c in suites["check-good-zh"]} >= {"why-avoid[#1]", "focus[#2]"}


def test_junit_survives_control_characters_and_lists_invalid_files(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        write_bank: WriteBank) -> None:
    path = write_bank(
        "id: ctrl\ntitle: Control\nlanguage: en\nquestions:\n"
        "  - id: q\n    type: open\n    prompt: What matters?\n"
        "    rubric:\n      points:\n        - {id: speed, label: speed, any: [speed]}\n"
        "    examples:\n"
        '      - answer: "speed\\x01\\x1b matters"\n'
        "        expect: fail\n"
    )
    broken = write_bank("id: [\n", name="broken.yaml")
    report = tmp_path / "check.xml"
    run = _check([str(path), str(broken), "--junit", str(report)], capsys)
    assert run.exit_code == 2
    root = ET.parse(report).getroot()  # parses: no raw control characters in the file
    assert len(root.findall("./testsuite/testcase")) == sum(_closing(run.stdout)) == 1
    invalid = [s for s in root.findall("testsuite") if s.get("name") == str(broken)]
    assert len(invalid) == 1
    assert "YAML syntax error" in (invalid[0].findtext("system-err") or "")


def test_json_report(capsys: pytest.CaptureFixture[str]) -> None:
    run = _check([str(GOOD), str(WRONG), "--json"], capsys)
    assert run.exit_code == 1
    doc = json.loads(run.stdout)  # one document, nothing else on stdout
    assert {"passed", "failed", "warnings", "errors", "examples"} <= set(doc)
    assert (doc["passed"], doc["failed"]) == (10, 1)
    assert doc["warnings"] == [] and doc["errors"] == []
    assert len(doc["examples"]) == 11
    for example in doc["examples"]:
        assert {"bank", "question", "answer", "expected", "score", "result"} <= set(example)
        assert example["result"] in ("pass", "fail")
    wrong = [e for e in doc["examples"] if e["result"] == "fail"]
    assert len(wrong) == 1
    expected = {
        "bank": "check-wrong-en", "question": "why-avoid", "index": 2, "file": str(WRONG),
        "line": 23, "answer": "The back office has few users and an ugly interface.",
        "expected": "fail", "score": 0.6667, "passed": True, "result": "fail",
        "problem": "false pass", "hit": ["few-users", "plain-ui"],
    }
    assert {key: wrong[0][key] for key in expected} == expected
    ranged = [e for e in doc["examples"] if e["answer"] == "界面简陋，用户少。"]
    assert ranged[0]["expected"] == [0.6, 0.7] and ranged[0]["result"] == "pass"
    # The closing line goes to stderr, and is its last line.
    assert _closing(run.stderr) == (10, 1)


def test_json_lists_errors_and_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    run = _check([str(MIXED), str(STRICT / "unused-synonyms.yaml"), "--json"], capsys)
    assert run.exit_code == 2
    doc = json.loads(run.stdout)
    assert [(e["line"], e["message"]) for e in doc["errors"]] == [
        (2, "missing required key 'title'"),
        (13, "questions[0].rubric.points[0].weight: must be a positive number, not -1"),
    ]
    assert [w["kind"] for w in doc["warnings"]] == ["unused-synonyms"]
    assert "error: " in run.stderr


# -- warnings, and --strict -------------------------------------------------------------

STRICT_CASES = [
    # (file, kind, line, words the message must contain)
    ("missing-fail-example.yaml", "examples", 6, ["question 'focus'", "no failing example"]),
    ("term-in-prompt.yaml", "term-in-prompt", 11,
     ["question 'ceiling'", "point 'ceiling'", "'天花板'", "already occurs in the prompt"]),
    ("unused-synonyms.yaml", "unused-synonyms", 7, ["synonym group '前台'", "not used"]),
    ("unhit-point.yaml", "unhit-point", 15,
     ["question 'focus'", "point 'security'", "never hit by any example"]),
]


@pytest.mark.parametrize(("name", "kind", "line", "words"), STRICT_CASES,
                         ids=[c[1] for c in STRICT_CASES])
def test_each_warning_kind_fails_under_strict(
        capsys: pytest.CaptureFixture[str], name: str, kind: str, line: int,
        words: list[str]) -> None:
    path = STRICT / name
    lenient = _check([str(path)], capsys)
    assert lenient.exit_code == 0, lenient.stdout + lenient.stderr
    warnings = [w for w in lenient.stdout.splitlines() if w.startswith("warning: ")]
    assert len(warnings) == 1, lenient.stdout
    assert warnings[0].startswith(f"warning: {path}:{line}: ")
    for word in words:
        assert word in warnings[0]
    assert _closing(lenient.stdout) == (2, 0)  # the examples themselves all agree

    strict = _check([str(path), "--strict"], capsys)
    assert strict.exit_code == 1, strict.stdout + strict.stderr
    assert f"error: {path}:{line}: " in strict.stdout
    assert "1 warning (failures under --strict)" in strict.stdout
    assert _closing(strict.stdout) == (2, 0)

    doc = json.loads(_check([str(path), "--strict", "--json"], capsys).stdout)
    assert [(w["kind"], w["line"]) for w in doc["warnings"]] == [(kind, line)]


def test_strict_junit_keeps_testcases_equal_to_examples(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = tmp_path / "check.xml"
    run = _check([str(STRICT / "unhit-point.yaml"), "--strict", "--junit", str(report)],
                 capsys)
    assert run.exit_code == 1
    root = ET.parse(report).getroot()
    assert len(root.findall("./testsuite/testcase")) == sum(_closing(run.stdout))
    suite = root.find("testsuite")
    assert suite is not None
    assert "error (--strict): " in (suite.findtext("system-err") or "")
    assert [p.get("name") for p in suite.iter("property")] == ["warning"]


def test_prompt_terms_follow_the_matching_rules(
        capsys: pytest.CaptureFixture[str], write_bank: WriteBank) -> None:
    """Latin terms match whole words (with inflections), groups by any member, `re:` on
    the normalised prompt; full-width and Traditional prompts are normalised first."""
    path = write_bank(
        "id: prompt-terms\ntitle: Prompt terms\nlanguage: en\n"
        "synonyms:\n  looks: [pretty, good looking]\n"
        "questions:\n"
        "  - id: plain\n    type: open\n"
        "    prompt: Why can a back-office ＵＩ stay plain when users need speed? 後台\n"
        "    rubric:\n      points:\n"
        "        - {id: a, label: a, any: [plan, ui]}\n"        # plan: no; ui: yes
        "        - {id: b, label: b, any: [needs, '@looks']}\n"  # needs ~ need: yes
        "        - {id: c, label: c, any: ['re:sp[e]+d']}\n"     # yes
        "        - {id: d, label: d, any: [后台]}\n"             # 後台 folds to 后台: yes
        "        - {id: e, label: e, any: [tension, stay plain wow]}\n"  # no
        "      penalties:\n"
        "        - {id: f, label: f, any: ['@looks']}\n"         # no member in the prompt
    )
    doc = json.loads(_check([str(path), "--json"], capsys).stdout)
    found = sorted((w["point"], w["message"].split("term ")[1].split(" already")[0])
                   for w in doc["warnings"] if w["kind"] == "term-in-prompt")
    assert found == [("a", "'ui'"), ("b", "'needs'"), ("c", "'re:sp[e]+d'"), ("d", "'后台'")]


def test_group_member_in_prompt_is_named(capsys: pytest.CaptureFixture[str],
                                         write_bank: WriteBank) -> None:
    path = write_bank(
        "id: group-prompt\ntitle: 组\nlanguage: zh\nsynonyms:\n  后台: [中后台, 管理后台]\n"
        "questions:\n  - id: q\n    type: open\n    prompt: 管理后台难在哪里？\n"
        "    rubric:\n      points:\n        - {id: p, label: p, any: ['@后台']}\n"
    )
    run = _check([str(path)], capsys)
    assert "term '@后台' (member '管理后台') already occurs in the prompt" in run.stdout
    # No examples at all: one coverage warning, no "never hit" noise for every point.
    assert "has no passing or failing example" in run.stdout
    assert "never hit" not in run.stdout.split("warnings")[1]
