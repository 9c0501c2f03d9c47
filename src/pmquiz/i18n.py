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
    # review queue and stats (scheduling, statsviews)
    "review_title": ("复习", "Review"),
    "gone_note": ("注意：{n} 道题已不在任何题库中，已略过：{refs}",
                  "note: {n} question(s) no longer in any bank, left out: {refs}"),
    "why": ("原因", "why"),
    "due_col": ("到期于", "due"),
    "last_col": ("上次得分", "last"),
    "answered_col": ("上次作答", "answered"),
    "reason_missed": ("答错", "missed"),
    "reason_due": ("到期", "due"),
    "leech_mark": ("[顽固]", "[leech]"),
    "queue_total": ("共 {n} 道待复习：答错 {missed} 道，到期 {due} 道。运行 `pmquiz review` 开始。",
                    "{n} to review: {missed} missed, {due} due. Run `pmquiz review` to start."),
    "leech_legend": ("[顽固]：累计答错 4 次及以上，不妨换个方式准备这道题。",
                     "[leech]: failed 4 or more times in all; try a new way into it."),
    "rel_now": ("现在", "now"),
    "rel_minutes": ("{n} 分钟", "{n}m"),
    "rel_hours": ("{n} 小时", "{n}h"),
    "rel_days": ("{n} 天", "{n}d"),
    "rel_future": ("{amount}后", "in {amount}"),
    "rel_past": ("{amount}前", "{amount} ago"),
    "today": ("今天", "today"),
    "attempts_col": ("作答", "attempts"),
    "pass_rate": ("通过率", "pass rate"),
    "and_more": ("……另有 {n} 项", "… and {n} more"),
    "stats_empty": ("还没有任何作答记录，先运行 `pmquiz practice`。",
                    "Nothing yet: no attempts in your history. Start with `pmquiz practice`."),
    "stats_title": ("共作答 {attempts} 次，涉及 {questions} 道题",
                    "{attempts} attempts on {questions} questions"),
    "streak_line": ("连续练习 {n} 天", "streak: {n} {days} in a row"),
    "due_line": ("待复习：现在 {now} 道 · 今天内 {today} 道 · 7 天内 {week} 道",
                 "to review: {now} now · {today} by end of today · {week} within 7 days"),
    "daily_title": ("最近 {days} 天", "Last {days} days"),
    "most_missed_title": ("最常漏掉的要点", "Rubric points you miss most"),
    "keep_missing": ("你总是漏掉「{label}」", "you keep missing {label}"),
    "missed_of": ("{attempts} 次作答中漏掉 {missed} 次",
                  "missed in {missed} of {attempts} answers"),
    "leeches_title": ("顽固题（累计答错 4 次及以上）", "Leeches (failed 4+ times)"),
    "failed_times": ("答错 {n} 次", "failed {n} times"),
    "by_bank": ("按题库", "By bank"),
    "bank_col": ("题库", "bank"),
    "by_tag": ("按标签（由弱到强）", "By tag (weakest first)"),
    "tag_col": ("标签", "tag"),
    # reliability (review with every question gone, capped answers)
    "history_gone": (
        "记录里的题目都已不在已加载的题库中（题库改了名、题目改了 id，"
        "或题库不在 PMQUIZ_BANKS 里了？），没有可复习的题目。",
        "Every question in your history has left the loaded banks (a bank renamed, question "
        "ids changed, or a folder gone from PMQUIZ_BANKS?), so there is nothing to review.",
    ),
    "answer_capped": (
        "你的回答有 {total} 个字符，只评分并保存了前 {kept} 个字符。",
        "Your answer was {total} characters long; only the first {kept} were graded and "
        "saved.",
    ),
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
