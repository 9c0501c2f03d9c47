"""Moving a history between machines: `export history`, `import`, and the attempt ids of
m003 (SPEC 11, SPEC 2 data locations).

Two data folders stand for two machines: PMQUIZ_HOME is switched between them. Attempts
are written through the store at chosen times (a piped session cannot overrule), then
everything a user would compare is read through the real entry point.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import Run, run_cli

BANK = """\
id: mv
title: 搬家测试
language: zh
questions:
  - {id: alpha, type: truefalse, prompt: 后台用户少吗？, answer: true, tags: [基础]}
  - id: beta
    type: choice
    prompt: 哪些是后台产品？
    options: {A: 客服系统, B: 短视频 App, C: 审批流}
    answer: [A, C]
    tags: [基础, 后台]
  - id: gamma
    type: open
    tags: [业务]
    prompt: 产品经理最重要的能力是什么？
    rubric:
      points:
        - {id: business, label: 以洞察业务为基础, any: [业务]}
        - {id: loop, label: 业务闭环, any: [闭环]}
"""

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
NOW = "2026-11-20T12:00:00+00:00"


@pytest.fixture
def homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "mv.yaml").write_text(BANK, encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_BANKS", str(folder))
    monkeypatch.setenv("PMQUIZ_NOW", NOW)
    return tmp_path / "home-a", tmp_path / "home-b"


# (hours after T0, question, answer, score, passed, kind, overrule to)
Entry = tuple[float, str, str, float, bool, str, bool | None]

MACHINE_A: list[Entry] = [
    (0, "gamma", "要先理解业务，再做闭环。", 1.0, True, "practice", None),
    (1, "alpha", "错", 0.0, False, "practice", None),
    (2.5, "beta", "A", 0.5, False, "review", True),   # overruled to a pass
    (30, "gamma", "交互最重要", 0.0, False, "review", None),
    (50, "alpha", "对", 1.0, True, "practice", False),  # overruled to a fail
]
MACHINE_B: list[Entry] = [
    (0.5, "alpha", "对", 1.0, True, "practice", None),
    (26, "gamma", "业务闭环 and business", 1.0, True, "practice", None),
    (75, "beta", "A,C", 1.0, True, "review", None),
]


def fill(home: Path, entries: list[Entry]) -> None:
    """Record attempts in `home` as sessions would (hooks on, one session per kind)."""
    from pmquiz import scheduling
    from pmquiz.catalog import Catalog
    from pmquiz.store import History

    questions = {q.id: q for q in Catalog.load(["mv"]).questions()}
    history = scheduling.attach(History.open(home / "history.sqlite3"))
    sessions = {kind: history.start_session(kind, ["mv"]) for kind in ("practice", "review")}
    for hours, qid, answer, score, passed, kind, overrule in entries:
        attempt = history.record_attempt(
            question=questions[qid], answer=answer, score=score, passed=passed,
            points_hit=["business"] if score else [], points_missed=[] if score else ["loop"],
            seconds=12.5, session_id=sessions[kind], when=T0 + timedelta(hours=hours))
        if overrule is not None:
            history.overrule(attempt, overrule)
    history.close()


@dataclass
class Cli:
    """pmquiz's entry point run on one machine or the other (PMQUIZ_HOME switched)."""

    capsys: pytest.CaptureFixture[str]
    monkeypatch: pytest.MonkeyPatch

    def at(self, home: Path, args: list[str], stdin: str | None = None) -> Run:
        self.monkeypatch.setenv("PMQUIZ_HOME", str(home))
        return run_cli(args, self.capsys, stdin=stdin)

    def views(self, home: Path) -> dict[str, Any]:
        """What `history`, `stats` and `review --list` show, times read as instants."""
        out = {}
        for name, args in (("history", ["history", "--limit", "0", "--json"]),
                           ("stats", ["stats", "--json"]),
                           ("review", ["review", "--list", "--json"])):
            run = self.at(home, args)
            assert run.exit_code == 0, run.stderr
            out[name] = json.loads(run.stdout, object_hook=_instants)
        return out

    def export(self, home: Path, target: Path) -> list[dict[str, Any]]:
        run = self.at(home, ["export", "history", "-o", str(target)])
        assert run.exit_code == 0, run.stderr
        lines = target.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    return Cli(capsys, monkeypatch)


def _instants(item: dict[str, Any]) -> dict[str, Any]:
    for key in ("time", "due", "last_answered", "first_attempt", "last_attempt"):
        if isinstance(item.get(key), str):
            item[key] = datetime.fromisoformat(item[key]).astimezone(UTC)
    return item


def checksum(path: Path) -> str:
    """The file's hash; for a database, with its write-ahead log (committed data there
    counts too)."""
    digest = hashlib.sha256(path.read_bytes())
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


# -- export -------------------------------------------------------------------------------


def test_export_writes_the_header_then_every_attempt_with_its_fields(
        homes: tuple[Path, Path], cli: Cli) -> None:
    home_a, _ = homes
    fill(home_a, MACHINE_A)
    run = cli.at(home_a, ["export", "history"])  # stdout
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == '{"format": "pmquiz-history", "version": 1}'
    records = [json.loads(line) for line in lines[1:]]
    assert len(records) == len(MACHINE_A)
    first = records[0]
    assert set(first) >= {"id", "time", "ref", "content_hash", "answer", "score", "passed",
                          "points_hit", "points_missed", "seconds", "overruled", "kind"}
    assert first["answer"] == "要先理解业务，再做闭环。"  # UTF-8, not \\u escapes
    assert "要先理解业务" in lines[1]
    assert datetime.fromisoformat(first["time"]) == T0
    assert [r["kind"] for r in records] == [e[5] for e in MACHINE_A]
    overruled = [(r["ref"], r["passed"], r["overruled"]) for r in records if r["overruled"]]
    assert overruled == [("mv/beta", True, True), ("mv/alpha", False, True)]
    assert len({r["id"] for r in records}) == len(records)

    target = home_a.parent / "out" / "a.jsonl"
    target.parent.mkdir()
    run = cli.at(home_a, ["export", "history", "-o", str(target), "--lang", "zh"])
    assert run.exit_code == 0, run.stderr
    assert target.read_text(encoding="utf-8") == cli.at(home_a, ["export", "history"]).stdout
    assert f"已导出 5 条作答记录到 {target}" in run.stdout


def test_data_dir_works_after_the_sub_command_too(homes: tuple[Path, Path], cli: Cli) -> None:
    home_a, home_b = homes
    fill(home_a, MACHINE_A)
    expected = cli.at(home_a, ["export", "history"]).stdout
    run = cli.at(home_b, ["export", "history", "--data-dir", str(home_a)])
    assert run.exit_code == 0, run.stderr
    assert run.stdout == expected


def test_export_of_a_folder_without_history_is_just_the_header(
        homes: tuple[Path, Path], cli: Cli) -> None:
    _, home_b = homes
    run = cli.at(home_b, ["export", "history"])
    assert run.exit_code == 0, run.stderr
    assert run.stdout == '{"format": "pmquiz-history", "version": 1}\n'
    assert not (home_b / "history.sqlite3").exists()  # exporting creates nothing


def test_a_row_pmquiz_did_not_write_is_left_out_with_a_note(
        homes: tuple[Path, Path], cli: Cli) -> None:
    home_a, _ = homes
    fill(home_a, MACHINE_A[:2])
    conn = sqlite3.connect(home_a / "history.sqlite3")
    conn.execute("UPDATE attempts SET points_missed = '{broken' WHERE id = 1")
    conn.commit()
    conn.close()
    run = cli.at(home_a, ["export", "history", "--lang", "en"])
    assert run.exit_code == 0, run.stderr
    assert len(run.stdout.splitlines()) == 2  # the header and the one good attempt
    assert "could not be read (not written by pmquiz): 1" in run.stderr


# -- import -------------------------------------------------------------------------------


def test_round_trip_into_an_empty_home_shows_the_same_history(
        homes: tuple[Path, Path], cli: Cli) -> None:
    home_a, home_b = homes
    fill(home_a, MACHINE_A)
    exported = cli.export(home_a, home_a.parent / "a.jsonl")

    run = cli.at(home_b, ["import", str(home_a.parent / "a.jsonl"), "--lang", "en"])
    assert run.exit_code == 0, run.stderr
    assert run.stdout.strip() == "Attempts imported: 5 new, 0 already here."
    seen_a = cli.views(home_a)
    assert seen_a["history"] and seen_a["review"] and seen_a["stats"]["attempts"] == 5
    assert cli.views(home_b) == seen_a
    assert cli.export(home_b, home_b.parent / "b.jsonl") == exported

    # The same file again: nothing new, nothing changed.
    before = checksum(home_b.parent / "b.jsonl")
    run = cli.at(home_b, ["import", str(home_a.parent / "a.jsonl"), "--lang", "zh"])
    assert run.exit_code == 0, run.stderr
    assert run.stdout.strip() == "导入完成：新增 0 条作答记录，5 条已存在。"
    cli.export(home_b, home_b.parent / "b.jsonl")
    assert checksum(home_b.parent / "b.jsonl") == before
    assert cli.views(home_b) == seen_a


def test_two_machines_importing_each_other_end_with_the_same_history(
        homes: tuple[Path, Path], cli: Cli) -> None:
    home_a, home_b = homes
    fill(home_a, MACHINE_A)
    fill(home_b, MACHINE_B)
    file_a, file_b = home_a.parent / "a.jsonl", home_b.parent / "b.jsonl"
    ids_a = {r.get("id") for r in cli.export(home_a, file_a)[1:]}
    ids_b = {r.get("id") for r in cli.export(home_b, file_b)[1:]}
    assert not ids_a & ids_b

    assert cli.at(home_a, ["import", str(file_b)]).exit_code == 0
    assert cli.at(home_b, ["import", str(file_a)]).exit_code == 0
    merged_a = cli.export(home_a, home_a.parent / "a2.jsonl")
    merged_b = cli.export(home_b, home_b.parent / "b2.jsonl")
    assert {r.get("id") for r in merged_a[1:]} == ids_a | ids_b
    assert merged_a == merged_b  # same attempts, same order (time), same fields
    seen = cli.views(home_a)
    assert cli.views(home_b) == seen
    # Newest first by time, whichever machine an attempt came from.
    times = [item["time"] for item in seen["history"]]
    assert times == sorted(times, reverse=True) and len(times) == 8
    # Cards were recomputed in time order: beta's latest attempt (B's, a pass) counts.
    assert [q["ref"] for q in seen["review"] if q["reason"] == "missed"] == [
        "mv/gamma", "mv/alpha"]


def test_cards_after_a_merge_are_those_of_one_history_with_every_attempt(
        homes: tuple[Path, Path], cli: Cli, tmp_path: Path) -> None:
    home_a, home_b = homes
    fill(home_a, MACHINE_A)
    fill(home_b, MACHINE_B)
    both = tmp_path / "both"
    fill(both, sorted(MACHINE_A + MACHINE_B, key=lambda e: e[0]))
    cli.export(home_b, tmp_path / "b.jsonl")
    assert cli.at(home_a, ["import", str(tmp_path / "b.jsonl")]).exit_code == 0
    merged, single = cli.views(home_a), cli.views(both)
    assert merged["review"] == single["review"]
    assert merged["stats"] == single["stats"]


GOOD = '{"format": "pmquiz-history", "version": 1}\n'


@pytest.mark.parametrize(("content", "line", "says"), [
    ("attempts of mine\n", 1, "not JSON"),
    ('{"format": "anki-deck", "version": 1}\n', 1, "not a pmquiz history export"),
    ('{"format": "pmquiz-history", "version": 2}\n', 1, "version 2"),
    ("GOOD_LINES" + '{"id": "0a1b", "time": "2026-11-03T09:00:00+00:00", "ref": "mv/al', 4,
     "not JSON"),
    ("GOOD_LINES" + "LOCAL_TIME", 4, "'time' \"2026-11-03 09:00\" has no UTC offset"),
], ids=["not-json", "wrong-header", "unknown-version", "broken-line-after-good-ones",
        "time-without-offset"])
def test_a_damaged_or_foreign_file_is_refused_and_nothing_is_written(
        homes: tuple[Path, Path], cli: Cli, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path, content: str, line: int, says: str) -> None:
    home_a, home_b = homes
    monkeypatch.setenv("PMQUIZ_LANG", "en")  # the English words; the walk tests Chinese
    fill(home_a, MACHINE_A[:2])
    fill(home_b, MACHINE_B)
    good = cli.export(home_a, tmp_path / "a.jsonl")
    good_lines = GOOD + "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in good[1:])
    bad = tmp_path / "坏的.jsonl"
    local = json.dumps({**good[1], "id": "0a1b", "time": "2026-11-03 09:00"}) + "\n"
    bad.write_text(content.replace("GOOD_LINES", good_lines).replace("LOCAL_TIME", local),
                   encoding="utf-8")
    before = checksum(home_b / "history.sqlite3")
    history_before = cli.views(home_b)

    # The bad file after a good one: the good one is not imported either.
    run = cli.at(home_b, ["import", str(tmp_path / "a.jsonl"), str(bad)])
    assert run.exit_code == 2
    assert f"{bad}:{line}: " in run.stderr and says in run.stderr, run.stderr
    assert "Traceback" not in run.stderr and run.stdout == ""
    assert checksum(home_b / "history.sqlite3") == before
    assert cli.views(home_b) == history_before


def test_import_reads_stdin_for_a_dash(homes: tuple[Path, Path], cli: Cli) -> None:
    home_a, home_b = homes
    fill(home_a, MACHINE_A)
    exported = cli.at(home_a, ["export", "history"]).stdout
    run = cli.at(home_b, ["import", "-", "--lang", "en"], stdin=exported)
    assert run.exit_code == 0, run.stderr
    assert "5 new, 0 already here" in run.stdout
    assert cli.at(home_b, ["export", "history"]).stdout == exported

    run = cli.at(home_b, ["import", "-", "--lang", "en"], stdin=exported[:-40])
    assert run.exit_code == 2 and "<stdin>:6: not JSON" in run.stderr, run.stderr


def test_import_of_a_missing_file_names_it(
        homes: tuple[Path, Path], cli: Cli, tmp_path: Path) -> None:
    _, home_b = homes
    run = cli.at(home_b, ["import", str(tmp_path / "nowhere.jsonl")])
    assert run.exit_code == 2
    assert "nowhere.jsonl" in run.stderr and "Traceback" not in run.stderr


# -- attempt ids (m003) ---------------------------------------------------------------------


def _v2_history(path: Path) -> None:
    """A history as pmquiz wrote it before attempt ids, with two identical attempts."""
    from pmquiz.store import MIGRATIONS

    conn = sqlite3.connect(path)
    for _, migration in MIGRATIONS[:2]:
        migration(conn)
    rows = [("2026-11-02T09:00:00+00:00", "理解业务"), ("2026-11-02T09:00:00+00:00", "理解业务"),
            ("2026-11-02T09:05:00+00:00", "对")]
    for when, answer in rows:
        conn.execute(
            "INSERT INTO attempts (time, bank_id, question_id, question_hash, answer, score, "
            "passed, graded_passed, points_hit, points_missed, seconds) "
            "VALUES (?, 'mv', 'gamma', 'h', ?, 0.5, 0, 0, '[]', '[]', 3)", (when, answer))
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()


def test_m003_gives_old_attempts_ids_that_two_copies_agree_on(tmp_path: Path) -> None:
    from pmquiz.store import History

    first, second = tmp_path / "one" / "history.sqlite3", tmp_path / "two" / "history.sqlite3"
    first.parent.mkdir()
    second.parent.mkdir()
    _v2_history(first)
    shutil.copy(first, second)
    ids = []
    for path in (first, second):
        history = History.open(path)
        ids.append([r[0] for r in history.query("SELECT uid FROM attempts ORDER BY id")])
        history.close()
    assert ids[0] == ids[1]
    assert len(set(ids[0])) == 3  # identical attempts still get ids of their own
    assert all(len(uid) == 32 and int(uid, 16) >= 0 for uid in ids[0])


def test_new_attempts_get_an_id_when_recorded(homes: tuple[Path, Path]) -> None:
    home_a, _ = homes
    fill(home_a, MACHINE_A[:2])
    conn = sqlite3.connect(home_a / "history.sqlite3")
    uids = [r[0] for r in conn.execute("SELECT uid FROM attempts")]
    conn.close()
    assert len(uids) == 2 and len(set(uids)) == 2
    assert all(isinstance(u, str) and len(u) == 32 for u in uids)


# -- any text survives the trip -------------------------------------------------------------

# Whatever a candidate can type or paste: every character SQLite and UTF-8 can hold
# (lone surrogates cannot be stored at all), line and paragraph separators included.
ANSWERS = st.text(st.characters(exclude_categories=["Cs"]), max_size=80)


@settings(max_examples=15, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture])
@given(answers=st.lists(st.tuples(ANSWERS, st.floats(0, 1), st.floats(0, 1e6)),
                        min_size=1, max_size=4))
def test_any_answer_score_and_time_taken_come_back_unchanged(
        tmp_path: Path, answers: list[tuple[str, float, float]]) -> None:
    import io

    from pmquiz.interchange import export_history, import_files
    from pmquiz.model import Question
    from pmquiz.store import History

    folder = tmp_path / f"trip-{abs(hash(repr(answers)))}"
    question = Question(bank_id="mv", id="gamma", type="open", prompt="？")
    source = History.open(folder / "a.sqlite3")
    for i, (answer, score, seconds) in enumerate(answers):
        source.record_attempt(question=question, answer=answer, score=score,
                              passed=score >= 0.6, points_hit=["业务"], points_missed=[],
                              seconds=seconds, when=T0 + timedelta(minutes=i))
    first = io.StringIO()
    export_history(source, first)
    source.close()
    (folder / "a.jsonl").write_bytes(first.getvalue().encode("utf-8"))

    target = History.open(folder / "b.sqlite3")
    summary = import_files(target, [folder / "a.jsonl"])
    second = io.StringIO()
    export_history(target, second)
    target.close()
    assert summary.new == len(answers)
    assert second.getvalue() == first.getvalue()
    rows = [json.loads(line) for line in first.getvalue().split("\n")[1:-1]]
    assert [(r["answer"], r["score"], r["seconds"]) for r in rows] == answers
