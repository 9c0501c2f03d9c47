"""Bank authors: `pmquiz new`, `pmquiz schema`, and the messages a broken bank gets."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
import yaml

from helpers import run_cli
from pmquiz.errors import BankError
from pmquiz.loader import load_bank


def new_bank(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str,
             name: str = "my-bank.yaml") -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / name
    run = run_cli(["new", str(path), "--lang", lang], capsys)
    assert run.exit_code == 0, run.stderr
    return path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_new_bank_passes_strict_check_as_written(
        lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = new_bank(tmp_path, capsys, lang)
    run = run_cli(["check", "--strict", str(path)], capsys)
    assert run.exit_code == 0, run.stdout + run.stderr
    assert run.stdout.rstrip().endswith("passed, 0 failed")
    bank = load_bank(path)
    assert bank.id == "my-bank" and bank.language == lang
    assert [q.type for q in bank.questions] == ["open", "choice", "truefalse"]
    rubric = bank.questions[0].rubric
    points = rubric.points
    assert rubric.penalties and any(p.required for p in points)
    assert any(p.weight != 1 for p in points)
    assert any(t.together for p in points for t in p.any)
    expects = {e.expect for e in bank.questions[0].examples}
    assert {"pass", "fail"} <= expects


def test_new_bank_speaks_the_ui_language(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMQUIZ_LANG", "en")
    run = run_cli(["new", str(tmp_path / "a.yaml")], capsys)
    assert run.stdout.startswith("Wrote ")
    assert "# A pmquiz starter bank." in (tmp_path / "a.yaml").read_text(encoding="utf-8")
    monkeypatch.delenv("PMQUIZ_LANG")
    monkeypatch.setenv("LANG", "C.UTF-8")
    run = run_cli(["new", str(tmp_path / "b.yaml")], capsys)
    assert run.stdout.startswith("已写入 ")
    assert "language: zh" in (tmp_path / "b.yaml").read_text(encoding="utf-8")


def test_new_bank_names_the_installed_schema_which_validates_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = new_bank(tmp_path, capsys, "zh")
    first = path.read_text(encoding="utf-8").splitlines()[0]
    schema_path = run_cli(["schema", "--path"], capsys).stdout.strip()
    assert first == f"# yaml-language-server: $schema={Path(schema_path).as_uri()}"
    assert Path(schema_path).is_file()
    printed = run_cli(["schema"], capsys).stdout
    schema = json.loads(printed)
    assert schema == json.loads(Path(schema_path).read_text(encoding="utf-8"))
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)


def test_new_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("id: mine\n# my own work\n", encoding="utf-8")
    run = run_cli(["new", str(path), "--lang", "en"], capsys)
    assert run.exit_code == 2
    assert run.stderr == (f"error: {path} already exists; it was left untouched. Choose "
                          "another name, or move it away first.\n")
    assert path.read_text(encoding="utf-8") == "id: mine\n# my own work\n"
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "nowhere.yaml")  # a dangling link is not written through
    assert run_cli(["new", str(link)], capsys).exit_code == 2
    assert not (tmp_path / "nowhere.yaml").exists()


def test_new_refuses_a_name_folders_would_not_find_and_a_missing_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["new", str(tmp_path / "bank.txt"), "--lang", "en"], capsys)
    assert run.exit_code == 2 and "must end in .yaml or .yml" in run.stderr
    run = run_cli(["new", str(tmp_path / "no" / "bank.yaml"), "--lang", "zh"], capsys)
    assert run.exit_code == 2 and "不存在" in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_new_takes_the_bank_id_from_the_file_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert load_bank(new_bank(tmp_path, capsys, "en", "Growth PM.yml")).id == "growth-pm"
    assert load_bank(new_bank(tmp_path, capsys, "zh", "题库.yaml")).id == "my-bank"


def test_new_dash_prints_the_bank(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["new", "-", "--lang", "en"], capsys)
    assert run.exit_code == 0
    assert run.stdout.startswith("# yaml-language-server: $schema=file://")
    assert yaml.safe_load(run.stdout)["id"] == "my-bank"


# -- messages a broken bank gets --------------------------------------------------------


def broken(tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str) -> str:
    """The one error `check` prints for the English starter bank with `old` made `new`."""
    path = new_bank(tmp_path, capsys, "en")
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    run = run_cli(["check", str(path)], capsys)
    assert run.exit_code == 2
    errors = [line for line in run.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, run.stderr
    prefix = f"error: {path}:"
    assert errors[0].startswith(prefix)
    return errors[0][len(prefix):]


# The starter bank with one value made wrong, and how the one error message ends.
WRONG_VALUES = [
    pytest.param("type: open ", "type: essay",
                 ": questions[0].type: 'essay' is not one of open, choice, truefalse",
                 id="unknown-type-names-the-value"),
    pytest.param("type: choice", "type: choise",
                 "'choise' is not one of open, choice, truefalse; did you mean 'choice'?",
                 id="misspelt-type-suggests-the-right-one"),
    pytest.param('- "@insight"', "- @insight",
                 "YAML reserves '@' at the start of a value: quote it, as in \"@insight\"",
                 id="reserved-at-sign-says-to-quote-the-group"),
    pytest.param("weight: 2 ", "weight: 60%",
                 "weight: must be a number, not '60%'; write the fraction 0.6 instead of 60%",
                 id="weight-written-as-a-percentage"),
    pytest.param("score: [0, 0.4]", "score: [0, 40]",
                 "score: needs 0 <= low <= high <= 1, not [0, 40]; scores are fractions: "
                 "did you mean [0, 0.4]?", id="score-written-as-percentages"),
    pytest.param("expect: fail", "expect: maybe", "expect: 'maybe' is not 'pass' or 'fail'",
                 id="expect"),
    pytest.param("difficulty: 1 ", "difficulty: 5 ",
                 "difficulty: must be 1 (easy), 2 or 3 (hard), not 5", id="difficulty"),
    pytest.param("required: true", "required: 'sure'",
                 "required: must be true or false, not 'sure'", id="required"),
    pytest.param("weight: 2 ", "weight: -2 ", "weight: must be a positive number, not -2",
                 id="negative-weight"),
    pytest.param("answer: [A, C, D]", "answer: [A, C, A]",
                 "questions[1].answer: option 'A' is listed twice", id="answer-listed-twice"),
    pytest.param("tags: [basics]", "tags: basics",
                 "questions[0].tags: must be a list, not text 'basics'", id="tags-not-a-list"),
]


@pytest.mark.parametrize(("old", "new", "ending"), WRONG_VALUES)
def test_a_wrong_value_is_named_with_the_fix(old: str, new: str, ending: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert broken(tmp_path, capsys, old, new).endswith(ending)


def test_unquoted_colon_in_a_value_says_to_quote_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    message = broken(tmp_path, capsys, "prompt: What is", "prompt: Tell me: what is")
    line, column, rest = message.split(":", 2)
    assert rest == (" YAML syntax error: mapping values are not allowed in this context; "
                    "a value with ': ' in it must be quoted: prompt: \"Tell me: what is a "
                    "product manager's most important ability, and why?\"")
    assert (int(line), int(column)) == (20, 20)


def test_tab_says_yaml_indents_with_spaces(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    message = broken(tmp_path, capsys, "    tags: [basics]", "\ttags: [basics]")
    assert message.startswith("18:1: YAML syntax error: ")
    assert message.endswith("; YAML indents with spaces, never tabs: replace the tab on "
                            "this line with spaces")


def test_control_character_is_named_with_line_and_column(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    message = broken(tmp_path, capsys, "title: My product", "title: My\x1b product")
    assert message == ("9:10: control character U+001B (ESC) in the text, invisible in most "
                       "editors: delete it (a bank needs none)")


def test_control_character_after_chinese_text_has_the_right_column(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = new_bank(tmp_path, capsys, "zh")
    text = path.read_text(encoding="utf-8").replace("title: 我的", "title: 我的\x07", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (8, 10)
    assert problem.message.startswith("control character U+0007 (BEL)")


def test_threshold_written_as_a_percentage_suggests_the_fraction(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    message = broken(tmp_path, capsys, "threshold: 0.6 ", "threshold: 60  ")
    assert message == ("12: threshold: must be a number above 0 and at most 1, not 60; it "
                       "looks like a percentage: write 0.6 for 60%")


def test_unknown_bank_id_matching_a_file_here_says_how_to_load_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    new_bank(tmp_path, capsys, "en")
    monkeypatch.chdir(tmp_path)
    run = run_cli(["show", "my-bank/core-ability", "--lang", "en"], capsys)
    assert run.exit_code == 2
    assert run.stderr.splitlines() == [
        "error: unknown bank 'my-bank' in 'my-bank/core-ability'",
        "  my-bank.yaml in this folder is not loaded: banks come from the built-in folder "
        "and PMQUIZ_BANKS unless you pass a path. Pass its path (--bank my-bank.yaml "
        "my-bank/core-ability), or add this folder to PMQUIZ_BANKS (export "
        "PMQUIZ_BANKS=\"$PWD\").",
    ]
    run = run_cli(["list", "my-bank", "--lang", "en"], capsys)
    assert run.exit_code == 2 and "Pass its path (my-bank.yaml)" in run.stderr
    run = run_cli(["list", "my-bank"], capsys)  # the same in the default, Chinese
    assert "给出它的路径（my-bank.yaml）" in run.stderr
    # Followed, the hint works.
    assert run_cli(["show", "--bank", "my-bank.yaml", "my-bank/core-ability"],
                   capsys).exit_code == 0
    monkeypatch.setenv("PMQUIZ_BANKS", os.getcwd())
    assert run_cli(["list", "my-bank"], capsys).exit_code == 0


def test_unknown_bank_hint_gives_the_id_the_file_really_has(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    new_bank(tmp_path, capsys, "zh", "面试题.yaml")  # no usable id in the name: my-bank
    monkeypatch.chdir(tmp_path)
    run = run_cli(["grade", "面试题/core-ability", "--answer", "理解业务"], capsys)
    assert run.exit_code == 2
    assert "这个文件夹里的 面试题.yaml 没有加载（它的题库编号是“my-bank”）" in run.stderr
    assert "给出它的路径（--bank 面试题.yaml my-bank/core-ability）" in run.stderr
    run = run_cli(["grade", "面试题/core-ability", "--answer", "理解业务", "--lang", "en"],
                  capsys)
    assert ("面试题.yaml in this folder is not loaded (its bank id is 'my-bank'): "
            in run.stderr)
    assert "Pass its path (--bank 面试题.yaml my-bank/core-ability)" in run.stderr


# -- label-less points ---------------------------------------------------------------------


def test_label_less_point_shows_its_id_in_feedback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = new_bank(tmp_path, capsys, "en")
    text = path.read_text(encoding="utf-8")
    text = text.replace("          label: Serves user needs  # label may be left out: the id "
                        "is shown instead\n", "")
    path.write_text(text, encoding="utf-8")
    assert run_cli(["check", "--strict", str(path)], capsys).exit_code == 0
    run = run_cli(["grade", "my-bank/core-ability", "--bank", str(path), "--answer",
                   "Understand the business first, then design for user needs."], capsys)
    assert run.exit_code == 0, run.stderr
    assert "user-needs" in run.stdout
    assert "Business insight as the foundation" in run.stdout


def test_authoring_commands_start_light(tmp_path: Path) -> None:
    from test_startup import modules_imported_by

    home = tmp_path / "home"
    heavy = {"sqlite3", "fsrs", "opencc", "re2", "rapidfuzz", "rich", "yaml"}
    assert modules_imported_by(["schema", "--path"], home, tmp_path) & heavy == set()
    assert modules_imported_by(["new", "-"], home, tmp_path) & heavy == set()
    # --yaml prints plain text: no Rich.
    assert "rich" not in modules_imported_by(["overrules", "--yaml"], home, tmp_path)
