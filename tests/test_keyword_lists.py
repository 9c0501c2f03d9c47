"""Keyword lists (SPEC 4): a bare run of the right words does not pass unless the
question sets `lists: true`; sentences are never flagged for being short or for listing
things. The flag shows in the JSON, in the feedback and in `pmquiz check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_cli
from pmquiz.grading import is_keyword_list
from pmquiz.text import normalize


def keyword_list(answer: str) -> bool:
    return is_keyword_list(normalize(answer).text)


@pytest.mark.parametrize("answer", [
    "付费 退款 客服 流程 体验",
    "效率、功能、安全",
    "效率，功能能力，系统安全。",
    "1. 效率 2. 功能能力 3. 系统安全",
    "- 效率\n- 功能\n- 安全",
    "权限管理 审批流 操作日志 数据安全",
    "业务理解、用户需求、产品设计",
    "SaaS、CRM、ERP、OA",
    "refunds payments tickets audit logs permissions",
    "efficiency, functionality, security",
    "Efficiency; capability; security.",
    "business insight, user needs, product design",
    # Items may be short phrases with a negation or an adjective in them.
    "成就感低 门槛高 用户少",
    "没有竞品、不能公开、风险把控",
    "薪资高 难替代 天花板高 To B",
    "few users, internal tools, no sense of achievement",
    "private data; no competitors; can't be copied",
])
def test_bare_runs_of_keywords_are_lists(answer: str) -> None:
    assert keyword_list(answer)


@pytest.mark.parametrize("answer", [
    "后台要管好付费、退款和客服这些流程，界面朴素没关系",
    "后台最看重效率、功能和安全。",
    "效率第一，界面可以丑一点。",
    "我觉得是效率、功能、安全",
    "要懂业务。",
    "交互设计最重要，只要交互做好",
    "理解业务，后台系统。",                # two items read as a phrase, not a list
    "业务和效率",
    "The back office is about efficiency, capability and security.",
    "Efficiency matters most.",
    "It needs payments, refunds and support to work.",
    "Understand the business first.",
    "business insight",
    "成就感低是因为用户少",
    "门槛高，要懂业务，还要亲自操作流程",
    "few users, so there is no sense of achievement",
    "It is hard because there are no competitors to copy.",
])
def test_sentences_are_never_keyword_lists(answer: str) -> None:
    assert not keyword_list(answer)


BANK = """\
id: kw
title: 关键词
language: zh
questions:
  - id: focus
    type: open
    prompt: 后台产品更注重什么，为什么界面可以朴素？
    rubric:
      points:
        - {id: efficiency, label: 效率, any: [效率, efficiency]}
        - {id: capability, label: 功能, any: [功能, functionality]}
        - {id: security, label: 安全, any: [安全, security]}
    examples:
      - answer: 后台更看重效率、功能和安全，界面朴素一点没关系。
        expect: pass
      - answer: 效率 功能 安全
        expect: pass
"""


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "kw.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


@pytest.mark.parametrize(("lang", "notice"), [
    ("zh", "只罗列了关键词，没有成句：请用完整的句子回答"),
    ("en", "a bare list of keywords does not pass: answer in sentences"),
])
def test_feedback_says_to_answer_in_sentences(capsys: pytest.CaptureFixture[str],
                                              bank: Path, lang: str, notice: str) -> None:
    run = run_cli(["grade", "kw/focus", "-b", str(bank), "-a", "效率 功能 安全",
                   "--lang", lang], capsys)
    assert run.exit_code == 1
    assert notice in " ".join(run.stdout.split())
    run = run_cli(["grade", "kw/focus", "-b", str(bank), "--lang", lang,
                   "-a", "后台更看重效率、功能和安全。"], capsys)
    assert run.exit_code == 0
    assert notice not in " ".join(run.stdout.split())


def test_json_flags_and_passed(capsys: pytest.CaptureFixture[str], bank: Path) -> None:
    run = run_cli(["grade", "kw/focus", "-b", str(bank), "--json",
                   "-a", "efficiency, functionality, security"], capsys)
    doc = json.loads(run.stdout)
    assert run.exit_code == 1
    assert (doc["score"], doc["passed"], doc["flags"]) == (1.0, False, ["keyword-list"])


def test_check_names_the_flag_and_the_fix(capsys: pytest.CaptureFixture[str],
                                          bank: Path) -> None:
    run = run_cli(["check", str(bank), "--lang", "en"], capsys)
    assert run.exit_code == 1
    out = run.stdout
    assert "FAIL kw/focus[#2]  false fail" in out
    assert "flags:     keyword-list (a bare run of keywords fails whatever its score)" in out
    assert "set 'lists: true' on the question if its prompt asks to name things" in out
    zh = run_cli(["check", str(bank)], capsys).stdout  # the bank's language: Chinese
    assert "标记：keyword-list（只罗列关键词的回答，无论得分都不通过）" in zh
    assert "给题目设 'lists: true'" in zh
    run = run_cli(["check", str(bank), "--json"], capsys)
    failing = [e for e in json.loads(run.stdout)["examples"] if e["result"] == "fail"]
    assert [e["flags"] for e in failing] == [["keyword-list"]]


# -- runs joined by ； / | and line breaks, items that are short verb phrases -------------

@pytest.mark.parametrize("answer", [
    "业务调研；亲自操作退款；访谈客服和财务；梳理流程；效率、功能、安全",
    "业务体系 / 付费退款客服流程 / 运营支撑 / 业务调研 / 后台roadmap / MVP",
    "从0到1、运营支撑系统、上线后难以变动、前台换了很多人、没人维护和延展设计",
    "用户基数少；内部使用；To B；To C；成就感",
    "业务调研\n亲自操作退款\n访谈客服和财务",
    "business insight | user needs | product design",
    "business research, process refunds yourself, interview CS and finance, map the flow",
])
def test_enumerated_runs_are_lists(answer: str) -> None:
    assert keyword_list(answer)


@pytest.mark.parametrize("answer", [
    "前台PM要做UI还原、UI review、交互设计，output要好看，体验要smooth。",
    "有前景。理由：一、可替代性低；二、薪酬水平较高；三、职业上限更高。",
    "原因有四：价值认知不足；用户规模有限、成就感弱；视觉表现力差；进入门槛高。",
    "Business research, sit with CS and finance, process refunds myself.",
    "Not a dead end: generic business, hard to replace, higher pay and ceiling.",
    # A predicate in the first or last item governs the run.
    "后台要管好付费、退款、客服、质检",
    "付费、退款、客服、质检都很重要",
    # Comma-joined clauses keep the short-item rule: "前台重体验和用户增长" is too long.
    "前台重体验和用户增长，后台重效率和运营支撑，两者不同",
])
def test_lead_ins_and_clauses_make_sentences(answer: str) -> None:
    assert not keyword_list(answer)
