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
    "legend": ("[词] 命中  {¬词} 被否定  <!词> 扣分项",
               "[term] hit  {¬term} negated  <!term> penalty"),
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
    # -- grading: keyword lists (SPEC 4) --
    "keyword_list": ("只罗列了关键词，没有成句：请用完整的句子回答，说明它们为什么重要、怎么做。",
                     "a bare list of keywords does not pass: answer in sentences that say "
                     "something about them (why they matter, how)."),
    # mock interview (pmquiz mock, SPEC 10)
    "mock_header": ("模拟面试 · {title}", "Mock interview · {title}"),
    "mock_intro": ("{count} 题，每题限时 {limit}。和真实面试一样：没有提示，答完不判分，"
                   "全部结束后看报告。",
                   "{count} questions, {limit} per answer. As in a real interview: no hints "
                   "and no verdicts until the report at the end."),
    "mock_limit": ("限时 {limit}", "time limit {limit}"),
    "mock_help": ("输入回答，空行或 Ctrl-D 提交；时间到时，已输入的内容会自动提交。"
                  ":skip 跳过  :quit 结束面试",
                  "Type your answer; a blank line or Ctrl-D submits, and when time runs out "
                  "what you typed is submitted. :skip  :quit"),
    "mock_countdown": ("剩余 {left}", "{left} left"),
    "mock_recorded": ("回答已记录。", "Answer recorded."),
    "mock_recorded_time_up": ("时间到，已输入的内容已提交。",
                              "Time up: what you typed so far was submitted."),
    "mock_skipped": ("已跳过。", "Skipped."),
    "mock_no_hint": ("模拟面试中没有提示。", "No hints in a mock interview."),
    "mock_no_edit": ("模拟面试中不能打开编辑器（计时不会停）。",
                     "No editor in a mock interview (the clock would keep running)."),
    "mock_report": ("模拟面试报告", "Mock interview report"),
    "mock_started": ("开始于 {when}", "started {when}"),
    "mock_time_taken": ("用时 {taken}", "time {taken}"),
    "mock_time_up": ("时间到", "time up"),
    "mock_time_col": ("用时", "time"),
    "mock_prompt": ("题目", "question"),
    "mock_points": ("要点", "rubric points"),
    "mock_skipped_answer": ("（跳过，未作答）", "(skipped, not answered)"),
    "mock_summary": ("总结", "Summary"),
    "mock_totals": ("作答 {answered} / {asked} 题 · 通过 {passed} · 平均分 {mean}",
                    "answered {answered} of {asked} · passed {passed} · mean score {mean}"),
    "mock_totals_none": ("作答 0 / {asked} 题", "answered 0 of {asked}"),
    "mock_time_line": ("用时 {used} / 限时 {allowed}（每题 {limit}）",
                       "time used {used} of {allowed} allowed ({limit} per question)"),
    "mock_time_ups": ("其中 {n} 题时间到", "{n} answer(s) ran out of time"),
    "mock_ended_early": ("面试提前结束：计划 {planned} 题，完成 {asked} 题。",
                         "The interview ended early: {asked} of the {planned} questions done."),
    "mock_weakest": ("本次最常漏掉的要点", "Points missed most in this interview"),
    "mock_weak_line": ("漏掉 {n} 次", "missed {n}×"),
    "mock_weak_count": ("（漏掉 {n} 次）", " (missed {n}×)"),
    "mock_no_weak": ("没有漏掉任何要点。", "No rubric point missed."),
    "mock_report_written": ("报告已写入 {path}", "Report written to {path}"),
    "mock_legend_md": ("**粗体**：命中的词 · ~~删除线~~：被否定 · <u>下划线</u>：扣分项",
                       "**bold**: term hit · ~~struck~~: negated · <u>underlined</u>: penalty"),
    "mock_legend_html": ("标记：命中的词 · 删除线：被否定 · 红色：扣分项",
                         "marked: term hit · struck: negated · red: penalty"),
    # export and import (interchange: anki, export history, import)
    "anki_written": ("已写入 {path}：{notes} 道题，{decks} 个牌组（在 Anki 中“导入”这个文件）。",
                     "Wrote {path} (notes: {notes}, decks: {decks}); import it in Anki."),
    "anki_penalties": ("扣分项", "penalties"),
    "history_written": ("已导出 {n} 条作答记录到 {path}。",
                        "History exported to {path} (attempts: {n})."),
    "history_skipped": ("注意：{n} 条记录无法读取（不是 pmquiz 写入的），未导出。",
                        "note: attempts left out because they could not be read (not "
                        "written by pmquiz): {n}"),
    "imported": ("导入完成：新增 {new} 条作答记录，{present} 条已存在。",
                 "Attempts imported: {new} new, {present} already here."),
    # answer input, feedback and summary (the line editor, issue 12)
    "unknown_command": ("未知命令 :{word}，你是不是想输入 :{guess}？",
                        "unknown command :{word}, did you mean :{guess}?"),
    "unknown_command_list": ("未知命令 :{word}。这里可用：{commands}",
                             "unknown command :{word}. Here you can use: {commands}"),
    "choice_reminder": ("没有看懂这个选择：请输入选项字母 {keys} 中的一个或几个，如 A 或 A,C。",
                        "Not understood: type one or more of the letters {keys}, "
                        "e.g. A or A,C."),
    "tf_reminder": ("没有看懂：请输入 对 或 错（也可用 是/否、y/n、true/false）。",
                    "Not understood: type true or false (or yes/no, y/n, 对/错)."),
    "continue_reminder": ("这里只接受：回车继续 · :pass / :fail 改判 · :quit 退出。",
                          "Here only: Enter to go on · :pass / :fail to overrule · "
                          ":quit to stop."),
    "edit_one_line": (":edit 只用于问答题；这里直接输入一行即可。",
                      ":edit is for open answers; type this one on its line."),
    "editor_missing": ("找不到编辑器 “{program}”：请把 $EDITOR 设为已安装的编辑器，"
                       "或直接在这里输入。",
                       "The editor “{program}” was not found: set $EDITOR to an installed "
                       "editor, or type the answer here."),
    "editor_empty": ("编辑器里没有写回答，请继续输入。",
                     "Nothing was written in the editor; go on typing."),
    "edit_note": ("以上是题目，保存时会被去掉。在下面写回答，保存并关闭编辑器即提交。",
                  "The question above is removed when you save. Write your answer below, "
                  "save and close the editor to submit."),
    "skipped_reference": ("已跳过。参考答案：", "Skipped. The reference answer:"),
    "missed_options": ("漏选", "missed"),
    "wrong_options": ("误选", "wrongly picked"),
    "overrule_legend": ("* 已改判（:pass / :fail）", "* overruled (:pass / :fail)"),
    "no_answers": ("还没有作答就结束了（跳过 {skipped} 题）· 用时 {elapsed}",
                   "The session ended before any answer (skipped {skipped}) · time {elapsed}"),
    "last_time": ("上次作答：{when} · 得分 {score}", "Last answered {when} · score {score}"),
    "missed_then": ("当时漏掉：{points}", "missed then: {points}"),
    "missed_none": ("当时没有漏掉要点", "no points missed then"),
    "answer_then": ("当时回答：{answer}", "answered then: {answer}"),
    "unsent_dropped": ("没有提交的回答未保存。", "The answer you had not submitted is not saved."),
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


# -- bank authoring: new, schema, overrules (the authoring issue) ----------------------

STRINGS.update({
    "new_written": (
        "已写入 {path}：一道开放题、一道选择题和一道判断题，都带注释。\n"
        "改成你自己的题目后运行：pmquiz check --strict {path}",
        "Wrote {path}: an open, a choice and a true/false question, all commented.\n"
        "Make them yours, then run: pmquiz check --strict {path}",
    ),
    "new_exists": ("{path} 已存在，没有改动它。换一个文件名，或先把它移走。",
                   "{path} already exists; it was left untouched. Choose another name, "
                   "or move it away first."),
    "new_no_folder": ("文件夹 {folder} 不存在，请先创建它。",
                      "the folder {folder} does not exist; create it first."),
    "new_suffix": ("{path}：题库文件名要以 .yaml 或 .yml 结尾（在文件夹里按这两个后缀查找题库）。",
                   "{path}: a bank file's name must end in .yaml or .yml (that is how banks "
                   "are found in folders)."),
    "new_cannot_write": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    "schema_missing": ("找不到随 pmquiz 安装的 schema（{path}），请重新安装 pmquiz。",
                       "the schema installed with pmquiz is missing ({path}); reinstall "
                       "pmquiz."),
    "overrules_empty": (
        "还没有改判过的回答。练习或复习时，在评分后输入 :pass 或 :fail 即可改判。",
        "No overruled answers yet. In practice or review, type :pass or :fail after the "
        "feedback to overrule a grade.",
    ),
    "overrules_time": ("时间", "time"),
    "overrules_graded": ("评分", "graded"),
    "overrules_verdict": ("你的判定", "your verdict"),
    "overrules_today": ("现在的评分", "rubric today"),
    "overrules_answer": ("回答", "answer"),
    "overrules_disagrees": ("仍不一致", "still disagrees"),
    "overrules_agrees": ("已一致", "agrees now"),
    "overrules_gone": ("题目未载入", "question not loaded"),
    "overrules_total": (
        "共 {n} 条改判，其中 {disagree} 条与现在的评分仍不一致；"
        "pmquiz overrules --yaml 把它们输出为可粘贴进题库的 examples。",
        "{n} overruled, {disagree} of them still graded otherwise today; "
        "`pmquiz overrules --yaml` prints those as examples to paste into the bank.",
    ),
    "overrules_yaml_none": ("# 没有与现在的评分仍不一致的改判。",
                            "# No overruled answer is graded otherwise today."),
    "overrules_yaml_head": (
        "# {ref}（{where}）：把下面的条目加进这道题的 examples:",
        "# {ref} ({where}): add these entries to this question's examples:",
    ),
    "overrules_yaml_note": ("评分 {graded}，{when} 改判", "graded {graded}, overruled {when}"),
})


def ui_lang(option: str | None, bank_languages: tuple[str, ...] = ()) -> Lang:
    """The UI language of SPEC 2: --lang, PMQUIZ_LANG, the banks' (when they agree), the
    locale, Chinese."""
    for choice in (option, os.environ.get("PMQUIZ_LANG")):
        if choice:
            return "zh" if choice.lower().startswith("zh") else "en"
    langs = {"zh" if b.lower().startswith("zh") else "en" for b in bank_languages}
    if len(langs) == 1:
        return "zh" if "zh" in langs else "en"
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            if value.split(".")[0] in ("C", "POSIX"):
                break
            return "zh" if value.lower().startswith("zh") else "en"
    return "zh"
