"""A point that hit through a `together` term names every piece of it, where it stood
(SPEC 4: a grade explains which rubric points the answer hit, where): in the plain view,
on a terminal and in the mock report's files. (`grade --json` already lists every piece
in `matches`; its shape is SPEC 4's and stays as it is.)"""

from __future__ import annotations

import re
from pathlib import Path

import pexpect
import pytest

from helpers import run_cli
from terminal import spawn

BANK = """\
id: evidence
title: Evidence
language: en
questions:
  - id: security
    type: open
    prompt: Why does security matter in a back office?
    reference: Security matters because money moves.
    rubric:
      points:
        - id: security
          label: Security matters
          any:
            - together: [[security, permissions], [matters, important]]
        - id: audit
          label: Audit logs
          any: [audit log]
  - id: design
    type: open
    prompt: 后台产品经理最后落到哪里？
    reference: 落到产品设计上。
    rubric:
      points:
        - id: design
          label: 落到产品设计上
          any:
            - 产品设计
            - together: [[产品], [设计]]
"""

HIT = "In a back office the permissions really are important; audit logs too."


@pytest.fixture
def bank(write_bank):  # type: ignore[no-untyped-def]
    return write_bank(BANK, "evidence.yaml")


def grade(bank: Path, question: str, answer: str, capsys: pytest.CaptureFixture[str],
          *more: str) -> str:
    run = run_cli(["grade", "--bank", str(bank), question, "--answer", answer, *more],
                  capsys)
    assert run.exit_code in (0, 1), run.stderr
    return run.stdout


def point_line(output: str, label: str) -> str:
    return next(line for line in output.splitlines() if label in line)


def test_plain_view_quotes_every_piece_of_a_together_hit(
        bank: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = grade(bank, "security", HIT, capsys)
    assert point_line(out, "Security matters").endswith("← “permissions … important”")
    assert point_line(out, "Audit logs").endswith("← “audit logs”")  # a plain term: as before
    # The answer's echo marks each piece.
    assert "[permissions] really are [important]" in out


def test_the_clause_that_counted_is_quoted_not_an_earlier_piece(
        bank: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The first clause names security but denies that it is important, so the term
    counts in the second: that one is the evidence (the first piece of the point, shown
    in JSON's `term`, is "Security" of the first clause)."""
    answer = "Security is not important here. Permissions matter."
    out = grade(bank, "security", answer, capsys)
    assert point_line(out, "Security matters").endswith("← “Permissions matter”")


def test_a_negated_together_term_names_its_pieces(
        bank: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = grade(bank, "security", "Security doesn't matter.", capsys)
    assert point_line(out, "Security matters").endswith("negated: “Security … matter”")


def test_a_plain_term_that_covers_the_pieces_is_quoted_whole(
        bank: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """产品设计 is a term of its own and also the pieces 产品 + 设计: quoted as written."""
    out = grade(bank, "design", "最后都要落到产品设计上", capsys, "--lang", "zh")
    assert point_line(out, "落到产品设计上").endswith("← “产品设计”")


@pytest.mark.slow
def test_on_a_terminal_every_piece_is_quoted(bank: Path, tmp_path: Path) -> None:
    child = spawn(["grade", "--bank", str(bank), "security", "--answer", HIT],
                  tmp_path / "home")
    child.expect(pexpect.EOF)
    child.close()
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before or "")
    assert child.exitstatus == 0, plain
    assert re.search(r"✔ Security matters +← “permissions … important”", plain), plain


def test_mock_report_files_quote_every_piece(
        bank: Path, isolated_home: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("r.md", "r.html"):
        report = tmp_path / name
        # The same answer to both questions, whichever comes first.
        run = run_cli(["mock", str(bank), "--count", "0", "--report", str(report)],
                      capsys, stdin=f"{HIT}\n\n{HIT}\n\n")
        assert run.exit_code == 0, run.stderr
        assert "← “permissions … important”" in run.stdout  # the report on screen
        assert "“permissions … important”" in report.read_text(encoding="utf-8")
