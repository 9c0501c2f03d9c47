"""`banks`, `list`, `show`: what a user sees of the loaded banks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_cli


def test_banks_json_lists_builtin_bank_with_counts(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["banks", "--json"], capsys)
    assert run.exit_code == 0, run.stderr
    banks = {b["id"]: b for b in json.loads(run.stdout)}
    assert "backoffice-pm-zh" in banks
    zh = banks["backoffice-pm-zh"]
    assert set(zh) == {"id", "title", "language", "questions", "path"}
    assert zh["language"] == "zh"
    assert zh["questions"] >= 3
    assert Path(zh["path"]).is_file()


def test_list_json_in_bank_order_with_spec_fields(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["list", "backoffice-pm-zh", "--json"], capsys)
    assert run.exit_code == 0, run.stderr
    rows = json.loads(run.stdout)
    assert rows[0]["ref"] == "backoffice-pm-zh/" + rows[0]["id"]
    assert set(rows[0]) == {"ref", "bank", "id", "type", "tags", "difficulty", "prompt"}
    assert "\n" not in rows[0]["prompt"]


def test_list_filters_by_tag(capsys: pytest.CaptureFixture[str], write_bank) -> None:  # type: ignore[no-untyped-def]
    path = write_bank(
        "id: t\ntitle: T\nlanguage: en\nquestions:\n"
        "  - {id: a, type: truefalse, prompt: A?, answer: true, tags: [x]}\n"
        "  - {id: b, type: truefalse, prompt: B?, answer: false, tags: [y]}\n"
    )
    run = run_cli(["list", str(path), "--tag", "y", "--json"], capsys)
    assert run.exit_code == 0, run.stderr
    assert [r["id"] for r in json.loads(run.stdout)] == ["b"]


def test_path_argument_loads_only_that_bank(capsys: pytest.CaptureFixture[str], write_bank) -> None:  # type: ignore[no-untyped-def]
    path = write_bank("id: only\ntitle: Only\nlanguage: en\nquestions:\n"
                      "  - {id: a, type: truefalse, prompt: A?, answer: true}\n")
    run = run_cli(["list", str(path), "--json"], capsys)
    assert {r["bank"] for r in json.loads(run.stdout)} == {"only"}


def test_pmquiz_banks_env_adds_folders(capsys: pytest.CaptureFixture[str], write_bank,  # type: ignore[no-untyped-def]
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_bank("id: extra\ntitle: Extra\nlanguage: en\nquestions:\n"
                      "  - {id: a, type: truefalse, prompt: A?, answer: true}\n")
    monkeypatch.setenv("PMQUIZ_BANKS", str(path.parent))
    run = run_cli(["banks", "--json"], capsys)
    ids = [b["id"] for b in json.loads(run.stdout)]
    assert "extra" in ids and "backoffice-pm-zh" in ids


def test_show_unknown_question_exits_2_with_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["show", "core-abilty", "--lang", "en"], capsys)
    assert run.exit_code == 2
    assert "unknown question 'core-abilty'" in run.stderr
    assert "Did you mean: core-ability?" in run.stderr
    assert "Traceback" not in run.stderr
    run = run_cli(["show", "core-abilty"], capsys)  # no --lang: Chinese (SPEC 2)
    assert run.stderr.splitlines() == ["错误：未知题目“core-abilty”",
                                       "  是不是要找：core-ability？"]


def test_ambiguous_bare_id_lists_candidates(capsys: pytest.CaptureFixture[str], write_bank,  # type: ignore[no-untyped-def]
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    write_bank("id: one\ntitle: One\nlanguage: en\nquestions:\n"
               "  - {id: same, type: truefalse, prompt: A?, answer: true}\n", "one.yaml")
    path = write_bank("id: two\ntitle: Two\nlanguage: en\nquestions:\n"
                      "  - {id: same, type: truefalse, prompt: B?, answer: true}\n", "two.yaml")
    monkeypatch.setenv("PMQUIZ_BANKS", str(path.parent))
    run = run_cli(["show", "same"], capsys)
    assert run.exit_code == 2
    assert "one/same" in run.stderr and "two/same" in run.stderr


def test_show_prints_rubric_for_authors(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["show", "backoffice-pm-zh/core-ability"], capsys)
    assert run.exit_code == 0, run.stderr
    assert "business-insight" in run.stdout
    assert "[未通过]" in run.stdout  # examples shown with their verdicts, in the bank's language


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from pmquiz import __version__

    run = run_cli(["--version"], capsys)
    assert run.exit_code == 0
    assert run.stdout.strip() == f"pmquiz {__version__}"


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["list", "--bogus"], capsys)
    assert run.exit_code == 2
    assert "--bogus" in run.stderr
