"""Banks built to hurt: costly regexes, files that are not files, odd encodings (SPEC 5)."""

from __future__ import annotations

import os
import socket
import sys
import time
from pathlib import Path

import pytest

from helpers import run_cli

WIDE = r"[\p{L}\p{N}\p{P}\p{S}]"


def bank_with_terms(terms: list[str], bank_id: str = "hostile") -> str:
    lines = [f"id: {bank_id}", "title: Hostile", "language: en", "questions:",
             "  - id: q1", "    type: open", "    prompt: Why does the back office matter?",
             "    rubric:", "      points:"]
    for i, term in enumerate(terms):
        quoted = term.replace("'", "''")
        lines += [f"        - id: p{i}", f"          label: Point {i}",
                  f"          any: ['{quoted}']"]
    return "\n".join(lines) + "\n"


# -- costly regular expressions -------------------------------------------------------


def test_a_bank_of_costly_patterns_is_refused_fast_naming_question_point_and_term(
        write_bank, capsys) -> None:
    # 300 terms of 300 wide classes each: 49 s and 1.1 GB before patterns had a budget.
    path = write_bank(bank_with_terms([f"re:{WIDE}{{300}}N{i}" for i in range(300)]))
    started = time.monotonic()
    result = run_cli(["check", str(path)], capsys)
    elapsed = time.monotonic() - started
    assert result.exit_code == 2
    assert elapsed < 5, elapsed
    first = result.stderr.splitlines()[0]
    assert "bank.yaml:12:" in first
    assert "question 'q1', point 'p0'" in first
    assert "N0" in first and "too costly" in first
    assert "Traceback" not in result.stderr


def test_the_bank_total_is_refused_at_the_term_past_it(write_bank, capsys) -> None:
    # Each pattern fits its own budget; forty of them do not fit the bank's.
    path = write_bank(bank_with_terms([f"re:{WIDE}{{10}}x{i}" for i in range(40)]))
    result = run_cli(["check", str(path)], capsys)
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "regular expression" in line]
    assert len(errors) == 1, errors
    assert "together need more than 8 MiB" in errors[0]
    assert "point 'p" in errors[0]


def test_a_pattern_within_budget_still_grades(write_bank, capsys) -> None:
    path = write_bank(bank_with_terms([f"re:o{WIDE}{{3}}ce", "re:back.{0,6}office"]))
    result = run_cli(["grade", "hostile/q1", "--bank", str(path), "--json", "-a",
                      "The back-office ops team"], capsys)
    assert result.exit_code in (0, 1), result.stderr
    assert '"score": 1' in result.stdout


# -- files that are not files ---------------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "socket", "device"])
def test_a_bank_path_that_is_not_a_regular_file_is_refused_at_once(
        tmp_path: Path, kind: str, capsys) -> None:
    path = tmp_path / "x.yaml"
    if kind == "fifo":
        os.mkfifo(path)  # reading it would wait forever for a writer
    elif kind == "socket":
        if len(str(path)) > 100:  # AF_UNIX paths are limited to about 108 bytes
            pytest.skip("temporary folder path too long for a socket")
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    else:
        path.symlink_to("/dev/zero")  # endless
    started = time.monotonic()
    for args in (["check", str(path)], ["list", str(path)],
                 ["grade", "q1", "--bank", str(path), "-a", "x"]):
        result = run_cli(args, capsys)
        assert result.exit_code == 2, result
        assert "not a regular file" in result.stderr and str(path) in result.stderr
    assert time.monotonic() - started < 5


def test_a_symlink_loop_says_symlink_loop(tmp_path: Path, capsys) -> None:
    (tmp_path / "x.yaml").symlink_to(tmp_path / "y.yaml")
    (tmp_path / "y.yaml").symlink_to(tmp_path / "x.yaml")
    result = run_cli(["check", str(tmp_path / "x.yaml")], capsys)
    assert result.exit_code == 2
    assert "symlink loop" in result.stderr and "no such file" not in result.stderr


# -- clearer messages -----------------------------------------------------------------


VALID = bank_with_terms(["back office", "业务流程"])


@pytest.mark.parametrize(("bad", "line", "what"), [
    ("\x00", 7, "U+0000 (NUL)"), ("\x1b[2J", 7, "U+001B (ESC)"), ("\x07", 7, "U+0007"),
])
def test_a_control_character_is_named_with_its_line_on_one_line(
        write_bank, capsys, bad: str, line: int, what: str) -> None:
    text = VALID.replace("Why does the back office", f"Why does{bad} the back office")
    path = write_bank(text)
    result = run_cli(["check", str(path)], capsys)
    assert result.exit_code == 2
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error:")]
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert f"bank.yaml:{line}:" in errors[0] and what in errors[0]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_bank_says_save_it_as_utf8(tmp_path: Path, capsys, codec: str) -> None:
    path = tmp_path / "bank.yaml"
    path.write_bytes(VALID.encode(codec))
    result = run_cli(["check", str(path)], capsys)
    assert result.exit_code == 2
    assert "UTF-16" in result.stderr and "save it as UTF-8" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("term", ["\u200b", "\u200b\u200c\u200d", "\ufeff", " \u2060 "])
def test_a_term_of_only_zero_width_characters_is_refused_at_load(
        write_bank, capsys, term: str) -> None:
    path = write_bank(bank_with_terms(["业务流程", term]))
    result = run_cli(["check", str(path)], capsys)
    assert result.exit_code == 2
    assert "no visible character" in result.stderr and "point 'p1'" in result.stderr


def test_a_duplicate_key_in_a_flow_mapping_names_both_columns(write_bank, capsys) -> None:
    text = bank_with_terms([]) + "        - {id: p0, label: 业务, id: p9, any: [业务]}\n"
    path = write_bank(text)
    result = run_cli(["check", str(path)], capsys)
    assert result.exit_code == 2
    line = next(ln for ln in result.stderr.splitlines() if "duplicate key 'id'" in ln)
    assert "bank.yaml:10:31:" in line
    assert "first at column 12, again at column 31" in line


def test_one_invalid_bank_in_pmquiz_banks_does_not_block_practice_on_another(
        tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "good.yaml").write_text(bank_with_terms(["back office"], "good-bank"),
                                     encoding="utf-8")
    (extra / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_BANKS", str(extra))
    monkeypatch.setenv("PMQUIZ_LANG", "en")
    result = run_cli(["practice", "good-bank", "-n", "1"], capsys,
                     stdin="The back office runs the business.\n\n")
    assert result.exit_code == 0, result.stderr
    assert "warning:" in result.stderr and "broken.yaml" in result.stderr
    # check still reports it as an error.
    assert run_cli(["check"], capsys).exit_code == 2


def test_pmquiz_home_pointing_at_a_file_is_exit_2(
        tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home-file"
    home.write_text("not a folder")
    monkeypatch.setenv("PMQUIZ_HOME", str(home))
    monkeypatch.setenv("PMQUIZ_LANG", "en")
    for args in (["history"], ["stats"], ["review", "--list"], ["list"]):
        result = run_cli(args, capsys)
        assert result.exit_code == 2, args
        assert f"PMQUIZ_HOME={home} is a file" in result.stderr
    assert home.read_text() == "not a folder"


def test_review_list_when_every_question_left_the_banks_says_so(
        write_bank, capsys) -> None:
    path = write_bank(bank_with_terms(["back office"], "temp-bank"))
    assert run_cli(["practice", str(path), "-n", "1"], capsys, stdin="nothing\n\n"
                   ).exit_code == 0
    result = run_cli(["review", "--list", "--lang", "en"], capsys)
    assert result.exit_code == 0
    assert "left the loaded banks" in result.stdout
    assert "No history yet" not in result.stdout


def test_a_value_with_a_line_break_quoted_in_a_message_stays_on_one_line(
        write_bank, capsys) -> None:
    # Found by the property suite: '@\n' as a synonym member broke the message in two.
    text = bank_with_terms(["业务"]).replace(
        "questions:", 'synonyms:\n  业务: ["@\\n\\u001b[2J"]\nquestions:')
    result = run_cli(["check", str(write_bank(text))], capsys)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "'@\\n\\x1b[2J'" in result.stderr


def test_the_new_messages_speak_chinese_too(
        tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home-file"
    home.write_text("x")
    monkeypatch.setenv("PMQUIZ_HOME", str(home))
    monkeypatch.setenv("PMQUIZ_LANG", "zh")
    assert "是一个文件，不是文件夹" in run_cli(["history"], capsys).stderr
    monkeypatch.delenv("PMQUIZ_HOME")
    monkeypatch.setenv("PMQUIZ_NOW", "9999-12-31T23:59:59")
    assert "超出范围" in run_cli(["review", "--list"], capsys).stderr


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_a_utf32_bank_without_bom_is_named_utf32(tmp_path: Path, capsys, codec: str) -> None:
    path = tmp_path / "bank.yaml"
    path.write_bytes(VALID.encode(codec))
    result = run_cli(["check", str(path)], capsys)
    assert result.exit_code == 2
    assert "UTF-32 (without a byte-order mark): save it as UTF-8" in result.stderr


def test_a_binary_file_is_named_binary_not_utf16(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bank.yaml"
    path.write_bytes(Path(sys.executable).resolve().read_bytes()[:8192])
    result = run_cli(["check", str(path)], capsys)
    assert result.exit_code == 2
    assert "UTF-16" not in result.stderr
    assert "binary data" in result.stderr and "not text" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
