"""Bad bank files: exit 2, one clear message per problem naming file and line, no traceback.

Every test goes through the real entry point (`pmquiz list PATH --json`), the way a bank
author meets these messages. Also: the cache of validated banks never serves a stale or
broken entry.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import Run, run_cli

HEAD = "id: demo\ntitle: Demo\nlanguage: en\nquestions:\n"  # lines 1-4
TF = "  - {id: tf, type: truefalse, prompt: Is it?, answer: true}\n"
RUBRIC_HEAD = (HEAD + "  - id: core-ability\n    type: open\n    prompt: Why?\n    rubric:\n"
               "      points:\n        - {id: insight, label: Insight, any: [insight]}\n")
WriteBank = Callable[..., Path]  # the conftest fixture: (text, name=...) -> path


def _list(path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return run_cli(["list", str(path), "--json"], capsys)


def _refused(run: Run, path: Path) -> list[str]:
    """Assert the user-facing contract of a refused bank; return the error lines."""
    assert run.exit_code == 2, (run.exit_code, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr
    assert run.stdout == ""  # no half-printed JSON document
    lines = [line for line in run.stderr.splitlines() if line.startswith("error: ")]
    assert lines, run.stderr
    for line in lines:
        assert line.startswith(f"error: {path}"), line
    return lines


def _one(lines: list[str], *needles: str) -> str:
    """The single error line containing every needle."""
    found = [line for line in lines if all(n in line for n in needles)]
    assert len(found) == 1, (needles, lines)
    return found[0]


# -- YAML itself --------------------------------------------------------------------


def test_yaml_syntax_error_has_file_line_column(capsys: pytest.CaptureFixture[str],
                                                write_bank: WriteBank) -> None:
    path = write_bank("id: demo\ntitle: [Demo, x\nlanguage: en\nquestions: []\n")
    lines = _refused(_list(path, capsys), path)
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {path}:3:9: YAML syntax error")


def test_unclosed_quote_says_where_it_started(capsys: pytest.CaptureFixture[str],
                                              write_bank: WriteBank) -> None:
    path = write_bank(HEAD + '  - id: a\n    prompt: "unterminated\n    type: open\n')
    lines = _refused(_list(path, capsys), path)
    assert len(lines) == 1
    assert "YAML syntax error" in lines[0]
    assert "started at line 6" in lines[0]  # the end of the file alone would not help


def test_alias_bomb_is_refused_quickly(capsys: pytest.CaptureFixture[str],
                                       write_bank: WriteBank) -> None:
    levels = ["a: &a [" + ", ".join(['"lol"'] * 9) + "]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    # 9 levels of 9: expanding `questions` would build 9**9 (387 million) strings.
    path = write_bank("id: lol\ntitle: LOL\nlanguage: en\n" + "\n".join(levels)
                      + "\nquestions: *i\n")
    start = time.perf_counter()
    run = _list(path, capsys)
    elapsed = time.perf_counter() - start
    lines = _refused(run, path)
    assert any("alias" in line for line in lines)
    assert elapsed < 1.0  # safety bound: an expanding loader would hang or run out of memory


def test_file_over_5_mib_is_refused_without_reading_it(capsys: pytest.CaptureFixture[str],
                                                      write_bank: WriteBank) -> None:
    filler = ("  " + "x" * 98 + "\n") * (6 * 1024 * 1024 // 100)
    path = write_bank(HEAD.replace("questions:\n", "description: |\n") + filler)
    assert path.stat().st_size >= 6 * 1024 * 1024 - 1024
    start = time.perf_counter()
    run = _list(path, capsys)
    elapsed = time.perf_counter() - start
    lines = _refused(run, path)
    assert len(lines) == 1 and "5 MiB" in lines[0]
    assert elapsed < 1.0


def test_latin1_file_names_utf8_and_byte_offset(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    data = (HEAD + "  - {id: a, type: truefalse, prompt: Is the café open?, answer: true}\n"
            ).encode("latin-1")
    path = tmp_path / "latin1.yaml"
    path.write_bytes(data)
    lines = _refused(_list(path, capsys), path)
    assert len(lines) == 1
    offset = data.index(b"\xe9")
    assert lines[0].startswith(f"error: {path}:5:")
    assert "UTF-8" in lines[0] and f"byte offset {offset}" in lines[0]


@pytest.mark.parametrize("text", ["", "# only a comment\n\n"], ids=["empty", "comments-only"])
def test_empty_file(capsys: pytest.CaptureFixture[str], write_bank: WriteBank, text: str) -> None:
    path = write_bank(text)
    lines = _refused(_list(path, capsys), path)
    assert len(lines) == 1 and "empty" in lines[0]


# -- one mistake, one line: where it is and what to do -----------------------------------

# The bank, words that pick out its one error line, what follows `error: PATH` on that
# line (the line number and the key's path), and what else the line must say.
MISTAKES = [
    # YAML itself
    pytest.param(HEAD + "  - id: a\n    type: truefalse\n    prompt: First?\n"
                 "    answer: true\n    prompt: Second?\n",
                 "duplicate key 'prompt'", ":9: questions[0]", ["line 7", "line 9"],
                 id="duplicate-mapping-keys-name-key-and-both-lines"),
    pytest.param(HEAD + "  - {id: a, type: truefalse, prompt: &p Is it?, answer: true}\n"
                 "  - {id: b, type: truefalse, prompt: *p, answer: false}\n",
                 "alias", ":5: questions[1].prompt",  # where the anchor is
                 ["anchored (&name) at line 5"], id="alias-inside-a-question"),
    # the bank's structure
    pytest.param(HEAD + "  - id: a\n    type: truefalse\n    promt: Is it?\n    answer: true\n",
                 "promt", ":7: questions[0].promt", ["did you mean 'prompt'"],
                 id="misspelt-key-suggests-the-right-one"),
    pytest.param(HEAD + "  - {id: same, type: truefalse, prompt: A?, answer: true}\n"
                 "  - {id: other, type: truefalse, prompt: B?, answer: true}\n"
                 "  - {id: same, type: truefalse, prompt: C?, answer: false}\n",
                 "duplicate question id 'same'", ":7: questions[2].id", ["line 5", "line 7"],
                 id="duplicate-question-ids-name-both-lines"),
    *(pytest.param(HEAD + "  - id: a\n    type: open\n    prompt: Why?\n    rubric:\n"
                   f"      points:\n        - {{id: p, label: L, weight: {weight}, any: [x]}}\n",
                   "questions[0].rubric.points[0].weight", ":10: ",
                   ["must be a positive number"], id=f"weight-{weight}-must-be-positive")
      for weight in ("0", "-2")),
    pytest.param("threshold: 1.5\n" + HEAD + TF, "threshold", ":1: threshold: ", ["at most 1"],
                 id="bank-threshold-above-one"),
    pytest.param(HEAD + "  - {id: a, type: truefalse, prompt: P, answer: true, "
                 "difficulty: 4}\n", "questions[0].difficulty", ":5: ",
                 ["1 (easy), 2 or 3 (hard)"], id="difficulty-out-of-range"),
    pytest.param(HEAD + "  - id: a\n    type: choice\n    prompt: Pick one\n"
                 "    options: {A: Speed, B: Safety}\n    answer: [A, E]\n",
                 "questions[0].answer", ":9: ", ["'E' is not one of the options (A, B)"],
                 id="choice-answer-must-be-an-option"),
    pytest.param(HEAD + "  - {id: a, type: choice, prompt: Pick, options: {}, answer: A}\n",
                 "questions[0].options", "", ["two options"],
                 id="choice-needs-two-options-even-when-empty"),
    pytest.param(HEAD + "  - {id: a, type: truefalse, prompt: P, answer: true, "
                 "options: {A: x, B: y}}\n", "questions[0].options", "", ["use type: choice"],
                 id="truefalse-question-with-options"),
    # terms
    pytest.param(RUBRIC_HEAD + "        - id: needs\n          label: Needs\n"
                 "          any: [needs, demand, 're:(?=x)']\n",
                 "re:(?=x)", ":13: questions[0].rubric.points[1].any[2]: ",
                 ["invalid regular expression", "question 'core-ability'", "point 'needs'"],
                 id="invalid-regex-names-question-point-and-term"),
    pytest.param(RUBRIC_HEAD.replace("[insight]", "['re:" + "a" * 501 + "']"),
                 "questions[0].rubric.points[0].any[0]", "", ["limit is 500"],
                 id="regex-over-500-characters"),
    pytest.param("synonyms:\n  fool: [fool, jester]\n"
                 + RUBRIC_HEAD.replace("[insight]", "[insight, '@foo']"),
                 "'@foo'", ":12: questions[0].rubric.points[0].any[1]: ",
                 ["unknown synonym group", "did you mean '@fool'"], id="unknown-synonym-group"),
]


@pytest.mark.parametrize(("text", "needle", "where", "says"), MISTAKES)
def test_a_mistake_is_one_line_naming_where_and_the_fix(
        capsys: pytest.CaptureFixture[str], write_bank: WriteBank, text: str, needle: str,
        where: str, says: list[str]) -> None:
    path = write_bank(text)
    line = _one(_refused(_list(path, capsys), path), needle)
    assert line.startswith(f"error: {path}{where}"), line
    for words in says:
        assert words in line, line


# -- the bank's structure ---------------------------------------------------------------


def test_three_schema_errors_are_all_reported(capsys: pytest.CaptureFixture[str],
                                              write_bank: WriteBank) -> None:
    path = write_bank(
        HEAD
        + "  - id: a\n"                              # 5
        "    type: open\n"
        "    prompt: Why?\n"
        "    difficulty: 4\n"                        # 8
        "    rubric:\n"
        "      points:\n"
        "        - id: p\n"
        "          label: Efficiency\n"
        "          weight: heavy\n"                  # 13
        "          any: [efficiency]\n"
        "  - id: b\n"
        "    type: open\n"
        "    prompt: Why not?\n"
        "    rubric:\n"
        "      threshold: 1.5\n"                     # 19
        "      points: [{id: p, label: L, any: [x]}]\n"
    )
    lines = _refused(_list(path, capsys), path)
    assert len(lines) == 3
    assert _one(lines, "questions[0].difficulty").startswith(f"error: {path}:8: ")
    weight = _one(lines, "questions[0].rubric.points[0].weight")
    assert weight.startswith(f"error: {path}:13: ") and "'heavy'" in weight
    assert _one(lines, "questions[1].rubric.threshold").startswith(f"error: {path}:19: ")


def test_missing_required_keys_are_named(capsys: pytest.CaptureFixture[str],
                                         write_bank: WriteBank) -> None:
    path = write_bank("id: demo\ntitle: Demo\nquestions:\n"
                      "  - {id: a, type: truefalse, answer: true}\n")
    lines = _refused(_list(path, capsys), path)
    assert _one(lines, "missing required key 'language'").startswith(f"error: {path}:1: ")
    assert _one(lines, "missing required key 'prompt'").startswith(
        f"error: {path}:4: questions[0]")


def test_duplicate_bank_ids_in_one_folder_name_both_files(capsys: pytest.CaptureFixture[str],
                                                          write_bank: WriteBank) -> None:
    first = write_bank(HEAD + TF, "first.yaml")
    second = write_bank(HEAD + TF, "second.yaml")
    run = run_cli(["list", str(first.parent), "--json"], capsys)
    assert run.exit_code == 2 and "Traceback" not in run.stderr and run.stdout == ""
    line = _one(run.stderr.splitlines(), "duplicate bank id 'demo'")
    assert str(first) in line and str(second) in line


# -- terms ------------------------------------------------------------------------------

def test_unquoted_non_text_terms_tell_to_quote(capsys: pytest.CaptureFixture[str],
                                               write_bank: WriteBank) -> None:
    path = write_bank(RUBRIC_HEAD.replace("[insight]", "[insight, no, on, 010, 1.0]"))
    lines = _refused(_list(path, capsys), path)
    assert len(lines) == 4
    for index, word in enumerate(["no", "on", "010", "1.0"], start=1):
        line = _one(lines, f"any[{index}]:")
        assert line.startswith(f"error: {path}:10: questions[0].rubric.points[0].any[{index}]")
        assert f'quote it: "{word}"' in line


def test_chinese_content_in_error_messages(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    folder = tmp_path / "题库"
    folder.mkdir()
    path = folder / "后台产品.yaml"
    path.write_text(
        "id: houtai\ntitle: 后台产品经理\nlanguage: zh\nquestions:\n"
        "  - id: core-ability\n    type: open\n    prompt: 你认为产品经理最重要的能力是什么？\n"
        "    rubric:\n      points:\n"
        "        - {id: insight, label: 洞察业务, weight: 二, any: [洞察业务]}\n",
        encoding="utf-8",
    )
    expected = (f"error: {path}:10: questions[0].rubric.points[0].weight: "
                "must be a number, not '二'")
    lines = _refused(_list(path, capsys), path)
    assert lines == [expected]

    # The bytes a user's terminal receives, even in a container with no locale set.
    env = {**os.environ, "LC_ALL": "C", "PMQUIZ_NO_CACHE": "1"}
    env.pop("PYTHONIOENCODING", None)
    proc = subprocess.run(
        [sys.executable, "-c", "from pmquiz.cli import main; main()",
         "list", str(path), "--json"],
        capture_output=True, env=env, timeout=30, check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.decode("utf-8").splitlines() == [expected]


# -- the cache of validated banks --------------------------------------------------------


def test_changed_file_is_never_served_from_cache(
        capsys: pytest.CaptureFixture[str], write_bank: WriteBank, isolated_home: Path) -> None:
    path = write_bank(HEAD + "  - {id: alpha, type: truefalse, prompt: P, answer: true}\n")
    run = _list(path, capsys)
    assert run.exit_code == 0, run.stderr
    assert [r["id"] for r in json.loads(run.stdout)] == ["alpha"]
    assert list((isolated_home / "cache" / "banks").iterdir())  # the cache was used

    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("alpha", "omega"),
                    encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same mtime
    run = _list(path, capsys)
    assert run.exit_code == 0, run.stderr
    assert [r["id"] for r in json.loads(run.stdout)] == ["omega"]


def test_file_broken_after_caching_is_reported(capsys: pytest.CaptureFixture[str],
                                               write_bank: WriteBank) -> None:
    path = write_bank(HEAD + TF)
    assert _list(path, capsys).exit_code == 0
    path.write_text(HEAD + TF.replace("answer: true", "answer: maybe"), encoding="utf-8")
    lines = _refused(_list(path, capsys), path)
    assert "questions[0].answer: must be true or false" in _one(lines, "answer")


def test_corrupt_cache_entries_are_ignored_and_rebuilt(
        capsys: pytest.CaptureFixture[str], write_bank: WriteBank, isolated_home: Path) -> None:
    path = write_bank(HEAD + TF)
    first = _list(path, capsys)
    assert first.exit_code == 0, first.stderr
    entries = [p for p in (isolated_home / "cache" / "banks").rglob("*") if p.is_file()]
    assert entries
    garbage = b"\x80\x04garbage, not a pickle\x00\xff" * 10
    for entry in entries:
        entry.write_bytes(garbage)

    again = _list(path, capsys)
    assert again.exit_code == 0, again.stderr
    assert again.stdout == first.stdout
    assert "Traceback" not in again.stderr
    rebuilt = [p for p in (isolated_home / "cache" / "banks").rglob("*") if p.is_file()]
    assert rebuilt and all(p.read_bytes() != garbage for p in rebuilt)


def test_alias_under_an_unknown_key_is_named_too(capsys: pytest.CaptureFixture[str],
                                                 write_bank: WriteBank) -> None:
    # Validation never enters unknown keys; the alias must still be called what it is.
    path = write_bank(HEAD + "  - {id: a, type: truefalse, prompt: Is it?, answer: true}\n"
                      "extra: &x [1, 2]\nmore: *x\n")
    lines = _refused(_list(path, capsys), path)
    assert any("unknown key 'extra'" in line for line in lines)
    assert any("YAML aliases" in line and "line 6" in line for line in lines)
