"""Banks built to hurt: costly regexes, files that are not files, odd encodings (SPEC 5)."""

from __future__ import annotations

import time

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
