"""`pmquiz export anki`: the .apkg read back as Anki reads it (SPEC 11).

An .apkg is a zip holding an SQLite collection, `collection.anki2`: notes (fields joined by
0x1f, tags space-separated, a GUID), cards (each in a deck) and the `col` row whose JSON
lists the decks and note models.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest

from helpers import run_cli

ZH_BANK = """\
id: anki-zh
title: 后台产品经理
language: zh
questions:
  - id: why
    type: open
    tags: [面试, product sense]
    prompt: |
      为什么**很多人**不愿意做后台？<script>alert(1)</script>

      ![跟踪](https://example.com/t.png)
    reference: 后台用户少、*不够美观*。
    rubric:
      points:
        - {id: few, label: 用户基数少 <b>, any: [用户少], required: true}
        - {id: ugly, label: 不够美观, any: [美观]}
      penalties:
        - {id: ux-only, label: 只谈交互, any: [只要交互]}
  - id: pick
    type: choice
    tags: [基础]
    prompt: 哪些属于后台？
    options: {A: 客服系统, B: 短视频 App, C: 审批流}
    answer: [A, C]
  - {id: few, type: truefalse, prompt: 后台用户少吗？, answer: true}
"""

EN_BANK = """\
id: anki-en
title: Back-office PM
language: en
questions:
  - {id: few, type: truefalse, prompt: Back-office tools have few users., answer: true,
     tags: [basics]}
"""


@pytest.fixture
def banks(tmp_path: Path) -> list[str]:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "zh.yaml").write_text(ZH_BANK, encoding="utf-8")
    (folder / "en.yaml").write_text(EN_BANK, encoding="utf-8")
    return [str(folder / "zh.yaml"), str(folder / "en.yaml")]


def export(args: list[str], target: Path, capsys: pytest.CaptureFixture[str]) -> str:
    run = run_cli(["export", "anki", *args, "-o", str(target)], capsys)
    assert run.exit_code == 0, run.stderr
    return run.stdout


def read_package(path: Path, scratch: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media"}
        assert json.loads(archive.read("media")) == {}
        scratch.write_bytes(archive.read("collection.anki2"))
    conn = sqlite3.connect(scratch)
    decks_json, models_json = conn.execute("SELECT decks, models FROM col").fetchone()
    notes = {}
    for guid, mid, flds, tags, nid in conn.execute(
            "SELECT guid, mid, flds, tags, id FROM notes"):
        deck = conn.execute("SELECT did FROM cards WHERE nid = ?", (nid,)).fetchall()
        fields = flds.split("\x1f")
        notes[fields[4]] = {"guid": guid, "model": mid, "fields": fields,
                            "tags": tags.split(), "decks": [d for (d,) in deck]}
    conn.close()
    return {"notes": notes, "decks": json.loads(decks_json), "models": json.loads(models_json)}


def test_every_question_is_a_note_in_its_banks_deck(
        banks: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = export(banks, tmp_path / "pm.apkg", capsys)
    assert "pm.apkg" in out and "4 道题，2 个牌组" in out  # the first bank's language
    package = read_package(tmp_path / "pm.apkg", tmp_path / "c.anki2")
    notes = package["notes"]
    assert sorted(notes) == ["anki-en/few", "anki-zh/few", "anki-zh/pick", "anki-zh/why"]

    (model_id, model), = package["models"].items()
    assert model["name"] == "pmquiz question"
    assert [f["name"] for f in model["flds"]] == ["Prompt", "Options", "Answer", "Points",
                                                  "Ref"]
    assert {n["model"] for n in notes.values()} == {int(model_id)}

    names = {int(i): d["name"] for i, d in package["decks"].items() if d["name"] != "Default"}
    assert sorted(names.values()) == ["pmquiz::Back-office PM", "pmquiz::后台产品经理"]
    for ref, note in notes.items():
        (deck,) = note["decks"]
        assert names[deck] == ("pmquiz::Back-office PM" if ref.startswith("anki-en")
                               else "pmquiz::后台产品经理")


def test_fields_render_markdown_and_escape_everything_from_the_bank(
        banks: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PMQUIZ_LANG", "en")  # the interface's; each card speaks its bank's
    export(banks, tmp_path / "pm.apkg", capsys)
    notes = read_package(tmp_path / "pm.apkg", tmp_path / "c.anki2")["notes"]

    prompt, options, answer, points, ref = notes["anki-zh/why"]["fields"]
    assert "为什么<strong>很多人</strong>不愿意做后台？" in prompt
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in prompt and "<script" not in prompt
    assert "<img" not in prompt  # no remote images from a bank
    assert options == ""
    assert "<h4>参考答案</h4>" in answer and "<em>不够美观</em>" in answer
    assert "<li>用户基数少 &lt;b&gt; <i>(必答)</i></li>" in points
    assert "<li>不够美观</li>" in points and "<h4>扣分项</h4>" in points and "只谈交互" in points
    assert ref == "anki-zh/why"
    assert sorted(notes["anki-zh/why"]["tags"]) == ["product_sense", "面试"]

    prompt, options, answer, _, _ = notes["anki-zh/pick"]["fields"]
    assert "<b>A.</b> 客服系统" in options and "<b>B.</b> 短视频 App" in options
    assert answer == ("<h4>正确答案</h4><div><b>A.</b> 客服系统</div>"
                      "<div><b>C.</b> 审批流</div>")
    assert notes["anki-zh/few"]["fields"][2] == "<h4>正确答案</h4><div>对</div>"
    assert notes["anki-en/few"]["fields"][2] == "<h4>correct answer</h4><div>true</div>"
    assert notes["anki-en/few"]["tags"] == ["basics"]


def test_a_newer_export_keeps_guids_deck_ids_and_model_id(
        banks: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import genanki

    monkeypatch.setenv("PMQUIZ_NOW", "2026-11-01T08:00:00+00:00")
    export(banks, tmp_path / "old.apkg", capsys)
    export(banks, tmp_path / "same.apkg", capsys)
    # The bank changes, a week later: Anki must see the same notes, newer.
    zh = Path(banks[0])
    zh.write_text(zh.read_text(encoding="utf-8").replace("哪些属于后台？", "哪些属于后台系统？"),
                  encoding="utf-8")
    monkeypatch.setenv("PMQUIZ_NOW", "2026-11-08T08:00:00+00:00")
    export(banks, tmp_path / "new.apkg", capsys)

    assert (tmp_path / "old.apkg").read_bytes() == (tmp_path / "same.apkg").read_bytes()
    old = read_package(tmp_path / "old.apkg", tmp_path / "old.anki2")
    new = read_package(tmp_path / "new.apkg", tmp_path / "new.anki2")
    assert {r: n["guid"] for r, n in old["notes"].items()} == {
        r: n["guid"] for r, n in new["notes"].items()}
    assert old["notes"]["anki-zh/pick"]["guid"] == genanki.guid_for("anki-zh/pick")
    assert len({n["guid"] for n in new["notes"].values()}) == 4
    assert old["decks"].keys() == new["decks"].keys()
    assert old["models"].keys() == new["models"].keys()
    assert {r: n["decks"] for r, n in old["notes"].items()} == {
        r: n["decks"] for r, n in new["notes"].items()}
    assert "哪些属于后台系统？" in new["notes"]["anki-zh/pick"]["fields"][0]
    conn = sqlite3.connect(tmp_path / "new.anki2")
    (mod,) = {m for (m,) in conn.execute("SELECT mod FROM notes")}
    conn.close()
    assert mod == 1794124800  # the newer export's time: Anki updates notes that are newer


def test_without_output_file_it_says_how(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli(["export", "anki", "--lang", "en"], capsys)
    assert run.exit_code == 2
    assert "-o FILE.apkg" in run.stderr and "Traceback" not in run.stderr
