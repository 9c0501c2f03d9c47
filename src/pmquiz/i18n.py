"""The UI's words in Chinese and English.

The language is the bank's by default; `--lang` or PMQUIZ_LANG chooses. Core modules
never call this: only views and sessions, which speak to the user.
"""

from __future__ import annotations

import os
from typing import Literal

Lang = Literal["zh", "en"]

STRINGS: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "pass": ("通过", "PASS"),
    "fail": ("未通过", "FAIL"),
    "score": ("得分", "score"),
    "pass_mark": ("及格线", "pass mark"),
    "points": ("要点", "rubric points"),
    "penalties": ("扣分项", "penalties"),
    "your_answer": ("你的回答", "your answer"),
    "reference": ("参考答案", "reference answer"),
    "negated": ("被否定", "negated"),
    "required": ("必答", "required"),
    "required_missed": ("缺少必答要点：{points}", "required point missed: {points}"),
    "empty_answer": ("（空白回答）", "(empty answer)"),
    "expected": ("正确答案", "correct answer"),
    "given": ("你的选择", "your choice"),
    "unparsed": ("（无法识别）", "(not understood)"),
    "true": ("对", "true"),
    "false": ("错", "false"),
    "legend": ("[词] 命中  {¬词} 被否定", "[term] hit  {¬term} negated"),
    # practice
    "session_header": ("{title} · {count} 题", "{title} · {count} questions"),
    "progress": ("第 {n} / {total} 题", "Question {n} of {total}"),
    "difficulty": ("难度", "difficulty"),
    "tags": ("标签", "tags"),
    "open_help": (
        "输入回答，空行或 Ctrl-D 提交。:hint 提示  :skip 跳过  :edit 编辑器  :quit 退出",
        "Type your answer; a blank line or Ctrl-D submits. "
        ":hint  :skip  :edit  :quit",
    ),
    "choice_help": ("输入选项字母（如 A,C），回车提交。",
                    "Type the letters (e.g. A,C), Enter submits."),
    "tf_help": ("输入 对/错（或 y/n），回车提交。", "Type true or false (or y/n), Enter submits."),
    "hint": ("提示", "hint"),
    "no_hint": ("这题没有提示。", "No hint for this question."),
    "skipped": ("已跳过。", "Skipped."),
    "continue_prompt": (
        "回车继续 · :pass / :fail 改判 · :quit 退出",
        "Enter to go on · :pass / :fail to overrule · :quit to stop",
    ),
    "overruled_pass": ("已改判为通过。", "Overruled: counted as passed."),
    "overruled_fail": ("已改判为未通过。", "Overruled: counted as failed."),
    "no_editor": ("未设置 $EDITOR（或 $VISUAL），请直接输入。",
                  "No $EDITOR (or $VISUAL) set; type the answer here."),
    "editor_failed": ("编辑器没有正常退出，回答未改变。",
                      "The editor did not exit cleanly; the answer is unchanged."),
    "summary": ("本次小结", "Session summary"),
    "question": ("题目", "question"),
    "result": ("结果", "result"),
    "skipped_short": ("跳过", "skipped"),
    "totals": (
        "答题 {answered} · 通过 {passed} · 跳过 {skipped} · 平均分 {mean} · 用时 {elapsed}",
        "answered {answered} · passed {passed} · skipped {skipped} · mean score {mean} · "
        "time {elapsed}",
    ),
    "review_holds": ("`pmquiz review` 现有 {n} 道题待复习。",
                     "`pmquiz review` now holds {n} questions."),
    "no_questions": ("没有符合条件的题目。", "No questions match."),
    "interrupted": ("已中断，已答的题目都已保存。", "Interrupted; every answer so far is saved."),
    "saved_to": ("记录保存在 {path}", "History saved in {path}"),
    # review
    "nothing_to_review": ("没有需要复习的题目。", "Nothing to review."),
    "next_due": ("下一题到期：{when}", "Next card due: {when}"),
    "no_cards": ("还没有任何记录，先运行 `pmquiz practice`。",
                 "No history yet; start with `pmquiz practice`."),
}


def resolve_lang(option: str | None, bank_language: str | None = None) -> Lang:
    """--lang, then PMQUIZ_LANG, then the bank's language; Chinese for any zh tag."""
    for choice in (option, os.environ.get("PMQUIZ_LANG"), bank_language):
        if choice:
            return "zh" if choice.lower().startswith("zh") else "en"
    return "en"


def t(key: str, lang: Lang, **values: object) -> str:
    zh, en = STRINGS[key]
    text = zh if lang == "zh" else en
    return text.format(**values) if values else text
