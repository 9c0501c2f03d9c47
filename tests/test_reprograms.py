"""Regular expressions' compiled programs kept once per machine (pmquiz.reprograms): each is
exactly what `re.compile` makes, a damaged file costs nothing but time, and a second
`pmquiz grade` reads them instead of compiling again (SPEC 9's start-up)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pmquiz import reprograms as programs
from pmquiz import text
from pmquiz.grading import answer, lazyre, lists, negation, scoring, verdicts

SENTENCES = [
    "我认为产品经理最重要的能力不是交互设计，而是理解业务。",
    "界面好不好看不重要，效率最重要；权限、审批这些都无所谓，先把功能上线。",
    "我不太认为后台只是前台的准备工作，它不过是锦上添花？其实不然。",
    "那些东西其实都不重要，因为客服流程才是核心",
    "I don't think UI polish matters; business logic isn't a nice-to-have, it's the core.",
    "Permissions and approvals are just afterthoughts, unless the system is for finance.",
]


def rule_patterns() -> list[tuple[str, int]]:
    """Every lazily compiled rule pattern of the grader, and a bank's cue scanner."""
    found = [(value.pattern, value._flags) for module in (negation, verdicts, lists)
             for value in vars(module).values() if isinstance(value, lazyre.LazyPattern)]
    # And those compiled when their module is imported (the normaliser's among them).
    found += [(value.pattern, value.flags) for module in (text, answer, scoring, negation)
              for value in vars(module).values() if isinstance(value, re.Pattern)]
    return [*found, (negation.CueSet.build(("并非",)).scanner.pattern, 0)]


@pytest.fixture
def fresh_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """programs' state as at the start of a new process."""
    monkeypatch.setattr(programs, "_known", None)
    monkeypatch.setattr(programs, "_new", {})
    monkeypatch.setattr(programs, "_path", None)


def behaves_like_re(compiled: re.Pattern[str], pattern: str, flags: int) -> None:
    plain = re.compile(pattern, flags)
    assert (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex) == (
        plain.pattern, plain.flags, plain.groups, plain.groupindex)
    for sentence in SENTENCES:
        assert [m.span() for m in compiled.finditer(sentence)] == [
            m.span() for m in plain.finditer(sentence)], (pattern, sentence)
        assert [m.groups() for m in compiled.finditer(sentence)] == [
            m.groups() for m in plain.finditer(sentence)]


def test_a_kept_program_is_the_one_re_compiles(fresh_run: None) -> None:
    patterns = rule_patterns()
    assert len(patterns) > 40
    for pattern, flags in patterns:  # first run: compiled, to be kept
        programs.compile(pattern, flags)
    programs._write()
    programs._known, programs._new = None, {}
    for pattern, flags in patterns:  # next run: read from the file
        behaves_like_re(programs.compile(pattern, flags), pattern, flags)
    assert programs._new == {}, "a kept program was compiled again"


def _swapped_programs(head: bytes, doc: dict) -> bytes:
    """Each entry given the next one's program, under the file's own head line: words the
    engine accepts, for the wrong pattern (only the head line's hash tells)."""
    keys = list(doc["programs"])
    programs = {k: [doc["programs"][k][0], doc["programs"][keys[(i + 1) % len(keys)]][1],
                    *doc["programs"][k][2:]] for i, k in enumerate(keys)}
    return head + b"\n" + json.dumps({**doc, "programs": programs}).encode()


def _rehashed(body: bytes) -> bytes:
    """A damaged body under a head line that vouches for it: what the engine alone meets."""
    return programs._head(body) + b"\n" + body


@pytest.mark.parametrize("damage", [
    lambda head, doc: b"{not json",
    lambda head, doc: _rehashed(b"{not json"),
    _swapped_programs,
    # An entry's program replaced by words the regex engine refuses.
    lambda head, doc: _rehashed(json.dumps({**doc, "programs": {
        k: [v[0], "AAAAAP///w==", *v[2:]] for k, v in doc["programs"].items()}}).encode()),
    lambda head, doc: _rehashed(json.dumps({**doc, "programs": {
        k: [1, 2] for k in doc["programs"]}}).encode()),
], ids=["not-json", "not-json-hashed", "swapped-programs", "invalid-program", "entry-shape"])
def test_a_damaged_file_only_makes_patterns_compile_again(fresh_run: None, damage) -> None:
    patterns = rule_patterns()[:8]
    for pattern, flags in patterns:
        programs.compile(pattern, flags)
    programs._write()
    path = programs._path
    assert path is not None and path.exists()
    head, _, body = path.read_bytes().partition(b"\n")
    assert head == programs._head(body)
    path.write_bytes(damage(head, json.loads(body)))
    programs._known, programs._new = None, {}
    for pattern, flags in patterns:
        behaves_like_re(programs.compile(pattern, flags), pattern, flags)
    programs._write()  # what a run at exit does: the file is good again
    programs._known, programs._new = None, {}
    for pattern, flags in patterns:
        programs.compile(pattern, flags)
    assert programs._new == {}


def test_a_second_grade_reads_the_programs_the_first_one_kept(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PMQUIZ_")}
    env["PMQUIZ_HOME"] = str(tmp_path / "home")
    args = [sys.executable, "-m", "pmquiz", "grade", "backoffice-pm-zh/core-ability",
            "--answer", "我觉得交互设计不重要，最重要的是理解业务和客服流程", "--json"]
    first = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
    kept = list((tmp_path / "home" / "cache" / "programs").glob("re-*.json"))
    assert len(kept) == 1, first.stderr
    written = kept[0].read_bytes()
    second = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert json.loads(second.stdout)["points"]
    assert kept[0].read_bytes() == written  # nothing new to keep: not rewritten
