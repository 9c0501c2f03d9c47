"""Every command, both faces: one UI language (SPEC 2), and no escape from bank text.

A walk runs each command that prints for a person, piped and on a (pretended) terminal,
and looks at everything it printed: with PMQUIZ_LANG=zh no English word of the UI
strings, with en no Chinese character, once the bank's own text is taken out. Then the
same walk over a bank whose every text field holds a screen clear, an OSC 0 title and an
OSC 8 link: none of them reaches the output.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import run_cli, run_terminal
from pmquiz.catalog import Catalog
from pmquiz.i18n import STRINGS
from pmquiz.interchange import HEADER

DATA = Path(__file__).parent / "data" / "output"
CLOSING = re.compile(r"^\d+ passed, \d+ failed$", re.MULTILINE)  # fixed by SPEC 8
CJK = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
SGR = re.compile(r"\x1b\[[0-9;]*m")

Walk = Callable[[list[str], str | None], str]
TYPED = ["no-such-question", "no-such-bank"]  # the walk's own unknown names, quoted back
NEW_FILE = Path("starter.yaml")  # written by `new` in the test's own folder
# Not UI words: the export header an import error quotes, a variable's name and value.
LITERALS = [json.dumps(HEADER), "PMQUIZ_NOW", "yesterday"]


def _walk(bank: str, answers: dict[str, str], run: Walk) -> str:
    """Everything a person reads from every command, in one text."""
    ref = f"{bank}/app-achievement"
    pieces = [
        run(["banks"], None),
        run(["list", bank], None),
        run(["show", ref], None),
        run(["show", "app-achievement"], None),  # a short reference
        run(["grade", ref, "--answer", answers["open"]], None),
        run(["check", str(DATA / f"{bank.replace('-', '.', 1)}.yaml")], None),
        run(["history"], None),  # empty
        run(["stats"], None),  # empty
        run(["review", "--list"], None),  # empty
        run(["practice", bank, "--count", "0", "--seed", "1"],
            "\n\n".join([answers["open"], answers["choice"], answers["tf"]]) + "\n\n"),
        run(["history"], None),
        run(["stats"], None),
        run(["review", "--list"], None),
        run(["review", "--count", "1"], answers["choice"] + "\n\n"),
        run(["mock", bank, "--count", "1", "--seed", "1"], answers["open"] + "\n\n"),
        run(["overrules"], None),
        run(["export", "history", "-o", "walk.jsonl"], None),
        run(["import", "walk.jsonl"], None),
        run(["new", str(NEW_FILE)], None),
        run(["new", str(NEW_FILE)], None),  # exists: refused
        run(["show", TYPED[0]], None),
        run(["list", TYPED[1]], None),
        run(["review", "--json"], None),
        run(["practice", "--count", "-1"], None),
    ]
    return "\n".join(pieces)


# The errors a walk provokes beyond the commands' own (issue 13: errors speak the UI
# language too); each exits 2 with one error line. Files are the test folder's own.
BAD_FILES = {
    "x1.jsonl": '{"title": "my notes"}\n',  # not an export
    "v9.jsonl": '{"format": "pmquiz-history", "version": 9}\n',  # a version to come
}
ERRORS = [
    ["import", "x1.jsonl"],
    ["import", "walk.jsonl", "b2.jsonl"],  # a broken line after good ones
    ["import", "v9.jsonl"],
    ["import", "n1.jsonl"],
    ["mock", "--report", "r1.pdf"],
    ["mock", "--report", "nodir/r2.md"],
    ["mock", "--minutes", "0"],
    ["mock", "--count", "-1"],
    ["export", "anki"],
    ["export", "anki", "-o", "nodir/d1.apkg"],
    ["export", "history", "-o", "nodir/h1.jsonl"],
    ["check", "--junit", "x1.jsonl/j1.xml", str(DATA / "gold.en.yaml")],  # under a file
]


def _errors(run: Walk, monkeypatch: pytest.MonkeyPatch, prefix: str) -> str:
    """The errors of ERRORS and a bad PMQUIZ_NOW, after a walk (which wrote walk.jsonl);
    each must have said one error in the UI language's words."""
    for name, content in BAD_FILES.items():
        Path(name).write_text(content, encoding="utf-8")
    good = Path("walk.jsonl").read_text(encoding="utf-8")
    Path("b2.jsonl").write_text(good + '{"id": "0a1b", "time": "2026-11-03T09', "utf-8")
    pieces = [run(args, None) for args in ERRORS]
    monkeypatch.setenv("PMQUIZ_NOW", "yesterday")
    pieces.append(run(["review", "--list"], None))
    monkeypatch.delenv("PMQUIZ_NOW")
    said = [piece for piece in pieces if piece.startswith(prefix)]
    assert len(said) == len(ERRORS) + 1, "\n".join(pieces)
    return "\n".join(pieces)


def _bank_texts(walked: str) -> list[str]:
    """The text that comes from the banks: all of the walked bank's, and every bank's
    id, title and path (`banks` lists them all); longest first."""
    found: set[str] = set()
    for bank in Catalog.load().banks:
        found.update([bank.id, bank.title, str(bank.path)])
        if bank.id != walked:
            continue
        for q in bank.questions:
            found.update([q.ref, q.id, q.first_line, *q.tags, *q.options.values()])
            for text in (q.prompt, q.reference or "", q.hint or ""):
                found.update(line.strip() for line in text.splitlines())
            for point in (*q.rubric.points, *q.rubric.penalties):
                found.update([point.id, point.label, *(x.text for x in point.any)])
            found.update(e.answer for e in q.examples)
    return sorted((x for x in found if len(x) > 1), key=len, reverse=True)


def _without(text: str, pieces: list[str]) -> str:
    """`text` without the SPEC's fixed closing line of `check` and without `pieces`
    (Latin ones only as whole words, so "ux" does not eat into "pmquiz")."""
    text = CLOSING.sub("", SGR.sub("", text))
    for piece in pieces:
        if re.fullmatch(r"[\w -]+", piece, re.ASCII):
            text = re.sub(rf"(?<![\w-]){re.escape(piece)}(?![\w-])", " ", text)
        else:
            text = text.replace(piece, " ")
    return text


def _runner(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
            terminal: bool) -> Walk:
    monkeypatch.chdir(Path(str(os.environ["PMQUIZ_HOME"])).parent)

    def run(args: list[str], stdin: str | None) -> str:
        if terminal:
            # Wide, so bank text is not wrapped and can be taken out whole.
            result = run_terminal(args, capsys, monkeypatch, width=400, stdin=stdin)
            monkeypatch.setattr("pmquiz.output.stdout_is_terminal", lambda: False)
        else:
            result = run_cli(args, capsys, stdin=stdin)
        assert "Traceback" not in result.stderr, result.stderr
        return result.stdout + result.stderr
    return run


def _english_ui_words() -> set[str]:
    """Words of the English UI strings that no Chinese one uses (`pmquiz review`, `:hint`
    and `--verbose` are the same in both); {placeholders} are no words."""
    def words(text: str) -> set[str]:
        return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"\{\w*\}", "", text))}

    chinese = set().union(*(words(zh) for zh, _ in STRINGS.values()))
    return set().union(*(words(en) for _, en in STRINGS.values())) - chinese


@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "terminal"])
def test_chinese_ui_says_no_english_word(capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch,
                                         terminal: bool) -> None:
    monkeypatch.setenv("PMQUIZ_BANKS", str(DATA))
    monkeypatch.setenv("PMQUIZ_LANG", "zh")
    answers = {"open": "后台用户少，内部部门用。", "choice": "A,B", "tf": "对的"}
    run = _runner(capsys, monkeypatch, terminal)
    walked = _walk("gold-zh", answers, run) + _errors(run, monkeypatch, "错误：")
    text = _without(walked, [*_bank_texts("gold-zh"), *answers.values(), *TYPED, *LITERALS])
    english = _english_ui_words()
    found = sorted({w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() in english})
    assert found == [], f"English UI words in Chinese output: {found}\n{text}"
    assert "未通过" in text and "题目" in text  # the walk really printed the UI


@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "terminal"])
def test_english_ui_says_no_chinese(capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch, terminal: bool) -> None:
    monkeypatch.setenv("PMQUIZ_BANKS", str(DATA))
    monkeypatch.setenv("PMQUIZ_LANG", "en")
    answers = {"open": "Few users, internal departments.", "choice": "A,B", "tf": "true"}
    run = _runner(capsys, monkeypatch, terminal)
    walked = _walk("gold-en", answers, run) + _errors(run, monkeypatch, "error: ")
    text = _without(walked, [*_bank_texts("gold-en"), *answers.values(), *TYPED, *LITERALS])
    found = sorted(set(CJK.findall(text)))
    assert found == [], f"Chinese in English output: {found}\n{text}"
    assert "FAIL" in text and "question" in text


EVIL = ("\x1b[2J \x1b]0;pwned\x07 \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\"
        " \x9b2J \u202eright-to-left")  # and a C1 CSI, a bidi override
BANNED = ("\x1b[2J", "\x1b]0;", "\x1b]8;", "\x07", "\x9b", "\u202e")


def _yaml(text: str) -> str:
    """`text` as a double-quoted YAML scalar (ESC, BEL, C1 and bidi as escapes)."""
    return '"' + text.replace("\\", "\\\\").replace("\x1b", "\\e").replace(
        "\x07", "\\a").replace("\x9b", "\\x9b").replace("\u202e", "\\u202e") + '"'


def test_bank_text_cannot_reach_the_terminal(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    folder = tmp_path / "evil"
    folder.mkdir()
    e = _yaml(EVIL)
    (folder / "evil.en.yaml").write_text(f"""\
id: app-achievement
title: {e}
language: en
synonyms:
  grp: [{e}]
questions:
  - id: app-achievement
    type: open
    tags: [{e}]
    prompt: {_yaml("Prompt " + EVIL + " [a link](http://evil.example)")}
    hint: {e}
    reference: {e}
    rubric:
      points:
        - {{id: p, label: {e}, any: [{_yaml("word " + EVIL)}, word]}}
      penalties:
        - {{id: n, label: {e}, any: [bad]}}
    examples:
      - {{answer: {_yaml("word " + EVIL)}, expect: pass}}
      - {{answer: {e}, expect: pass}}
  - id: choice
    type: choice
    prompt: {e}
    options: {{A: {e}, B: {e}}}
    answer: [A]
  - id: tf
    type: truefalse
    prompt: {e}
    answer: true
""", encoding="utf-8")
    # And a broken bank whose error quotes bank text and its own file name.
    broken = folder / f"broken{EVIL[:4]}.yaml"
    broken.write_text(f"id: broken\ntitle: t\nlanguage: en\n{e}: 1\nquestions: []\n",
                      encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_LANG", "en")
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(folder / "evil.en.yaml", data / "evil.en.yaml")
    monkeypatch.setenv("PMQUIZ_BANKS", str(data))
    answers = {"open": "word " + EVIL, "choice": "A", "tf": "true"}
    for terminal in (False, True):
        run = _runner(capsys, monkeypatch, terminal)
        text = _walk("app-achievement", answers, run)
        text += run(["check", str(folder)], None) + run(["check", str(data), "--json"], None)
        text += run(["grade", "app-achievement/app-achievement", "--answer", EVIL, "--json"],
                    None)
        leaked = [b for b in BANNED if b in text]
        assert leaked == [], f"{'terminal' if terminal else 'piped'}: {leaked!r} in output"
        assert "␛" in text  # shown, not acted on
        if terminal:
            assert "\x1b" not in SGR.sub("", text)


def test_every_chinese_ui_string_is_chinese() -> None:
    """The walk above takes English words of the Chinese strings as shared (`pmquiz`,
    `:hint`); this keeps a Chinese string from being English outright."""
    no_words = {key for key, (zh, en) in STRINGS.items()
                if re.fullmatch(r"\{n\}|：", zh)}  # a bare number, a colon
    untranslated = [key for key, (zh, _) in STRINGS.items()
                    if key not in no_words and not CJK.search(zh)]
    assert untranslated == []
    assert [key for key, (_, en) in STRINGS.items()
            if key not in no_words and not re.search("[A-Za-z]", en)] == []


@pytest.mark.parametrize(("lang", "says"), [
    ("zh", "错误：walk.jsonl: 没有权限\n"), ("en", "error: walk.jsonl: Permission denied\n")])
def test_a_system_error_no_command_foresaw_speaks_the_ui_language(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str,
        says: str) -> None:
    import errno

    def refused(*args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", "walk.jsonl")

    monkeypatch.setattr("pmquiz.commands.interchange.import_files", refused)
    run = run_cli(["import", "walk.jsonl", "--lang", lang], capsys)
    assert (run.exit_code, run.stderr) == (2, says)


def test_the_last_resort_error_is_labelled_in_the_ui_language(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("pmquiz.commands.interchange.import_files", broken)
    run = run_cli(["import", "walk.jsonl", "--lang", "zh"], capsys)
    assert run.exit_code == 2 and run.stderr.startswith("错误：意外的 RuntimeError：boom\n")
