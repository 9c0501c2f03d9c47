"""The UI's words in Chinese and English.

The language is the bank's by default; `--lang` or PMQUIZ_LANG chooses. Core modules
never call this: only views and sessions, which speak to the user.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
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
    # output (issue 13): tables, empty states, `show`, `check`, errors; plurals take
    # the count as {n} and come in pairs `key` (one) / `key_many` (several).
    "n_questions": ("共 {n} 道题", "{n} question"),
    "n_questions_many": ("共 {n} 道题", "{n} questions"),
    "col_ref": ("题目", "question"),
    "col_type": ("题型", "type"),
    "col_tags": ("标签", "tags"),
    "col_diff": ("难度", "diff"),
    "col_prompt": ("题干", "prompt"),
    "col_id": ("编号", "id"),
    "col_title": ("标题", "title"),
    "col_language": ("语言", "language"),
    "col_questions": ("题数", "questions"),
    "col_path": ("路径", "path"),
    "col_time": ("时间", "time"),
    "col_answer": ("回答", "answer"),
    "type_open": ("问答", "open"),
    "type_choice": ("选择", "choice"),
    "type_truefalse": ("判断", "true/false"),
    "no_banks": ("没有找到题库。把题库文件夹加到 PMQUIZ_BANKS，或直接给出路径。",
                 "No banks found. Add folders to PMQUIZ_BANKS or pass a path."),
    "no_attempts": ("还没有作答记录，先运行 `pmquiz practice`。",
                    "No attempts yet. Start with `pmquiz practice`."),
    "overruled_mark": ("（已改判）", "(overruled)"),
    "pass_short": ("通过", "pass"),
    "fail_short": ("未通过", "fail"),
    "show_meta": ("{type} · 难度 {difficulty}", "{type} · difficulty {difficulty}"),
    "show_answer": ("答案", "answer"),
    "show_rubric": ("评分要点（及格线 {mark}）", "rubric (pass mark {mark})"),
    "col_point": ("要点", "point"),
    "col_label": ("说明", "label"),
    "col_weight": ("权重", "weight"),
    "col_terms": ("关键词", "terms"),
    "terms_any": ("任一", "any"),
    "terms_all": ("全部", "all"),
    "show_examples": ("示例回答", "examples"),
    "example_score": ("得分 {low}–{high}", "score {low}–{high}"),
    "most_missed_one": ("漏掉了「{label}」", "you missed {label}"),
    "most_missed_some": ("常漏掉「{label}」", "you often miss {label}"),
    "colon": ("：", ": "),
    "session_header_one": ("{title} · {count} 题", "{title} · {count} question"),
    "review_holds_one": ("`pmquiz review` 现有 {n} 道题待复习。",
                         "`pmquiz review` now holds {n} question."),
    "missed_only_answer": ("唯一一次作答中漏掉", "missed in its only answer"),
    "day": ("天", "day"),
    "days": ("天", "days"),
    "section_total": ("总计", "total"),
    "section_day": ("日期", "day"),
    "section_missed": ("漏掉", "missed"),
    "section_leech": ("顽固", "leech"),
    "section_due": ("待复习", "due"),
    # check report
    "check_examples": ("示例", "ex."),
    "check_accuracy": ("准确率", "acc."),
    "check_false_pass": ("误判通过", "false pass"),
    "check_false_fail": ("误判失败", "false fail"),
    "check_never_hit": ("未命中要点", "never hit"),
    "check_bank_line": (
        "{examples}，准确率\u00a0{accuracy}：符合预期\u00a0{ok}，误判通过\u00a0{fp}，"
        "误判失败\u00a0{ff}{off}；{never}\u00a0个要点从未命中",
        "{examples}, accuracy {accuracy}: {ok} as expected, {fp}, {ff}{off}; "
        "{never} never hit",
    ),
    "check_example": ("{n}\u00a0个示例", "{n} example"),
    "check_example_many": ("{n}\u00a0个示例", "{n} examples"),
    "check_false_passes": ("{n}", "{n} false pass"),
    "check_false_passes_many": ("{n}", "{n} false passes"),
    "check_false_fails": ("{n}", "{n} false fail"),
    "check_false_fails_many": ("{n}", "{n} false fails"),
    "check_off_range": ("，{n}\u00a0个得分超出范围", ", {n} score out of range"),
    "check_off_range_many": ("，{n}\u00a0个得分超出范围", ", {n} scores out of range"),
    "check_points": ("{n}", "{n} rubric point"),
    "check_points_many": ("{n}", "{n} rubric points"),
    "check_all_good": ("其余 {n} 道题全部符合预期（--verbose 显示全部）",
                       "{n} more questions all as expected (--verbose shows them)"),
    "check_all_good_one": ("其余 {n} 道题全部符合预期（--verbose 显示全部）",
                           "{n} more question as expected (--verbose shows it)"),
    "check_failing": ("未符合预期的示例", "failing examples"),
    "check_fail_mark": ("不符", "FAIL"),
    "check_warnings": ("警告", "warnings"),
    "check_warnings_strict": ("警告（--strict 下视为错误）", "warnings (errors under --strict)"),
    "check_warning": ("警告", "warning"),
    "check_error": ("错误", "error"),
    "check_tally_warnings": ("{n} 条警告", "{n} warning"),
    "check_tally_warnings_many": ("{n} 条警告", "{n} warnings"),
    "check_tally_strict": ("（--strict 下视为失败）", " (failures under --strict)"),
    "check_tally_invalid": ("{n} 个无效题库文件（错误见 stderr）",
                            "{n} invalid bank file (errors on stderr)"),
    "check_tally_invalid_many": ("{n} 个无效题库文件（错误见 stderr）",
                                 "{n} invalid bank files (errors on stderr)"),
    "check_score_out_of_range": ("得分超出范围", "score out of range"),
    "check_label_answer": ("回答", "answer"),
    "check_label_marked": ("命中标记", "marked"),
    "check_label_expected": ("预期", "expected"),
    "check_label_graded": ("评分", "graded"),
    "check_label_hit": ("命中", "hit"),
    "check_label_negated": ("被否定", "negated"),
    "check_label_missed": ("漏掉", "missed"),
    "check_label_required_missed": ("缺少必答", "required missed"),
    "check_label_penalties": ("扣分项", "penalties"),
    "check_label_why": ("原因", "why"),
    "check_label_flags": ("标记", "flags"),
    "check_flag_keyword_list": ("keyword-list（只罗列关键词的回答，无论得分都不通过）",
                                "keyword-list (a bare run of keywords fails whatever its "
                                "score)"),
    "check_advice_keyword_list": ("这个回答只是一串关键词；如果题干本来就要求列举，给题目设 "
                                  "'lists: true'，否则把它预期为不通过",
                                  "the answer is only a list of keywords; set 'lists: true' on "
                                  "the question if its prompt asks to name things, or expect "
                                  "it to fail"),
    "check_advice_false_pass": (
        "评分标准让一个预期不通过的回答通过了：上面命中的某个词匹配得太宽（删掉或收窄），"
        "或者缺少针对这种误解的扣分项",
        "the rubric passes an answer you expect to fail: a hit term above matches too "
        "loosely (remove or narrow it), or a penalty for this answer's misconception is "
        "missing",
    ),
    "check_advice_false_fail": (
        "评分标准让一个预期通过的回答没通过：把这个回答用的说法加进漏掉的要点，"
        "或检查被否定的要点和必答要点",
        "the rubric fails an answer you expect to pass: add the words this answer uses "
        "to a missed point, or check the negated and required points",
    ),
    "check_advice_score_out_of_range": (
        "得分不在预期范围内：检查权重，以及上面命中和漏掉的词",
        "the score is outside the expected range: check the weights and the terms hit "
        "and missed above",
    ),
    # check warnings (English in `checking`, said here in the UI language)
    "warn_examples_pass": ("题目“{question}”没有应通过的示例；加一个（expect: pass，或不低于及格线"
                           "的得分范围），让评分标准两面都受检验",
                           "question '{question}' has no passing example; add a passing one "
                           "(expect: pass, or a score range at or above the pass mark), so its "
                           "rubric is tested from both sides"),
    "warn_examples_fail": ("题目“{question}”没有应不通过的示例；加一个（expect: fail，或低于及格线"
                           "的得分范围），让评分标准两面都受检验",
                           "question '{question}' has no failing example; add a failing one "
                           "(expect: fail, or a score range below the pass mark), so its rubric "
                           "is tested from both sides"),
    "warn_examples_pass_fail": ("题目“{question}”既没有应通过的示例，也没有应不通过的示例；"
                                "各加一个，让评分标准两面都受检验",
                                "question '{question}' has no passing or failing example; add "
                                "a passing one and a failing one, so its rubric is tested from "
                                "both sides"),
    "warn_prompt_point": ("题目“{question}”的要点“{point}”：关键词“{term}”已出现在题干中，"
                          "照抄题目就能白得分；换一个题干里没有的词",
                          "question '{question}', point '{point}': term '{term}' already "
                          "occurs in the prompt, so an answer that repeats the question earns "
                          "it for free; use a term the prompt does not contain"),
    "warn_prompt_point_member": ("题目“{question}”的要点“{point}”：关键词“{term}”（成员“{member}”）"
                                 "已出现在题干中，照抄题目就能白得分；换一个题干里没有的词",
                                 "question '{question}', point '{point}': term '{term}' (member "
                                 "'{member}') already occurs in the prompt, so an answer that "
                                 "repeats the question earns it for free; use a term the prompt "
                                 "does not contain"),
    "warn_prompt_penalty": ("题目“{question}”的扣分项“{point}”：关键词“{term}”已出现在题干中，"
                            "照抄题目就会被扣分；换一个题干里没有的词",
                            "question '{question}', penalty '{point}': term '{term}' already "
                            "occurs in the prompt, so an answer that repeats the question "
                            "triggers it; use a term the prompt does not contain"),
    "warn_prompt_penalty_member": ("题目“{question}”的扣分项“{point}”：关键词“{term}”（成员"
                                   "“{member}”）已出现在题干中，照抄题目就会被扣分；换一个题干里"
                                   "没有的词",
                                   "question '{question}', penalty '{point}': term '{term}' "
                                   "(member '{member}') already occurs in the prompt, so an "
                                   "answer that repeats the question triggers it; use a term "
                                   "the prompt does not contain"),
    "warn_unhit_point": ("题目“{question}”：没有任何示例命中要点“{point}”；加一个能得到它的示例"
                         "回答，或检查它的关键词",
                         "question '{question}': point '{point}' is never hit by any example; "
                         "add an example answer that earns it, or check its terms"),
    "warn_unhit_penalty": ("题目“{question}”：没有任何示例触发扣分项“{point}”；加一个带有这种误解"
                           "的示例回答",
                           "question '{question}': penalty '{point}' is never triggered by any "
                           "example; add an example answer with the misconception it catches"),
    "warn_unused_synonyms": ("同义词组“{group}”没有被任何关键词使用；用“@{group}”引用它，或删掉",
                             "synonym group '{group}' is not used by any term; refer to it as "
                             "'@{group}' or delete it"),
    "check_no_match": ("--only {patterns} 没有匹配任何题目",
                       "--only {patterns} matched no question"),
    # errors the command line reports (message, then the hint on its own line)
    "err_unknown_question": ("未知题目“{ref}”", "unknown question '{ref}'"),
    "err_did_you_mean": ("是不是要找：{names}？", "Did you mean: {names}?"),
    "err_run_list": ("运行 `pmquiz list` 查看全部 {n} 道题。",
                     "Run 'pmquiz list' to see the {n} questions."),
    "err_no_question_in_bank": ("题库“{bank}”中没有题目“{id}”",
                                "no question '{id}' in bank '{bank}'"),
    "err_unknown_bank_in_ref": ("“{ref}”中的题库“{bank}”不存在",
                                "unknown bank '{bank}' in '{ref}'"),
    "err_known_banks": ("已知题库：{banks}。", "Known banks: {banks}."),
    "err_unknown_bank": ("未知题库“{bank}”", "unknown bank '{bank}'"),
    "err_known_banks_hint": (
        "已知题库：{banks}。题库用编号或 .yaml 文件/文件夹的路径指定。",
        "Known banks: {banks}. A bank is named by its id or by a path to a .yaml file "
        "or folder.",
    ),
    "err_unloaded": ("这个文件夹里的 {name} 没有加载：题库来自内置文件夹和 PMQUIZ_BANKS，除非给出"
                     "路径。给出它的路径（{example}），或把这个文件夹加进 PMQUIZ_BANKS"
                     "（export PMQUIZ_BANKS=\"$PWD\"）。",
                     "{name} in this folder is not loaded: banks come from the built-in folder "
                     "and PMQUIZ_BANKS unless you pass a path. Pass its path ({example}), or "
                     "add this folder to PMQUIZ_BANKS (export PMQUIZ_BANKS=\"$PWD\")."),
    "err_unloaded_id": ("这个文件夹里的 {name} 没有加载（它的题库编号是“{real_id}”）：题库来自内置"
                        "文件夹和 PMQUIZ_BANKS，除非给出路径。给出它的路径（{example}），或把这个"
                        "文件夹加进 PMQUIZ_BANKS（export PMQUIZ_BANKS=\"$PWD\"）。",
                        "{name} in this folder is not loaded (its bank id is '{real_id}'): banks "
                        "come from the built-in folder and PMQUIZ_BANKS unless you pass a path. "
                        "Pass its path ({example}), or add this folder to PMQUIZ_BANKS "
                        "(export PMQUIZ_BANKS=\"$PWD\")."),
    "err_ambiguous": ("题目编号“{ref}”有歧义", "question id '{ref}' is ambiguous"),
    "err_candidates": ("候选：{refs}。请用 题库编号/题目编号。",
                       "Candidates: {refs}. Use BANK_ID/QUESTION_ID."),
    "err_none": ("无", "none"),
    "err_lang": ("--lang 只能是 zh 或 en，不能是“{value}”",
                 "--lang must be zh or en, not '{value}'"),
    "err_count": ("--count 必须是 0（全部）或更大", "--count must be 0 (all) or more"),
    "err_limit": ("--limit 必须是 0（全部）或更大", "--limit must be 0 (all) or more"),
    "err_json_list": ("--json 需要与 --list 一起使用", "--json goes with --list"),
    "err_json_list_hint": ("用法：pmquiz review --list --json",
                           "Use: pmquiz review --list --json"),
    "err_type": ("--type 只能是 open、choice 或 truefalse，不能是“{value}”",
                 "--type must be open, choice or truefalse, not '{value}'"),
    "err_one_answer": ("--answer、--file 和 - 只能给一个",
                       "give only one of --answer, --file and -"),
    "err_answer_file": ("{file}：无法读取回答文件：{reason}",
                        "{file}: cannot read the answer file: {reason}"),
    "err_answer_file_hint": ("检查路径，或用 --answer 直接给出回答。",
                             "Check the path, or pass the answer with --answer."),
    "err_no_answer": ("没有给出回答", "no answer given"),
    "err_no_answer_hint": ("用 --answer 文本、--file 文件，或从 stdin 传入回答。",
                           "Use --answer TEXT, --file FILE, or pipe the answer on stdin."),
    "err_data_folder": ("{folder}：无法创建数据文件夹（{reason}）",
                        "{folder}: cannot create the data folder ({reason})"),
    "err_data_folder_hint": ("用 --data-dir 或 PMQUIZ_HOME 换一个文件夹。",
                             "Choose another folder with --data-dir or PMQUIZ_HOME."),
    "err_newer_history": ("{path}：这份历史记录由更新版本的 pmquiz 写入（架构 {version}，"
                          "本程序只认识到 {known}）",
                          "{path}: this history was written by a newer pmquiz (schema "
                          "{version}, this program knows up to {known})"),
    "err_newer_history_hint": ("请升级 pmquiz，或用 --data-dir / PMQUIZ_HOME 指向别的文件夹。"
                               "文件没有被改动。",
                               "Upgrade pmquiz, or point --data-dir / PMQUIZ_HOME at another "
                               "folder. The file was left untouched."),
    "err_locked": ("{path}：历史记录被另一个进程锁定（已等待 {seconds} 秒）",
                   "{path}: the history is locked by another process (waited {seconds} s)"),
    "err_locked_hint": ("可能有另一个 pmquiz 在运行；等它结束后再试。",
                        "Another pmquiz may be running; try again when it finishes."),
    "err_damaged": ("{path}：历史数据库已损坏（{reason}）",
                    "{path}: the history database is damaged ({reason})"),
    "err_damaged_hint": ("pmquiz 不会动它。把它移开就能开始新的历史，或用 --data-dir / "
                         "PMQUIZ_HOME 指向别的文件夹。",
                         "pmquiz leaves it as it is. Move it aside to start a new history, or "
                         "point --data-dir / PMQUIZ_HOME at another folder."),
    "err_unwritable": ("{path}：无法写入历史记录（{reason}）",
                       "{path}: cannot write the history ({reason})"),
    "err_unwritable_hint": ("检查文件夹权限，或用 --data-dir 换一个。",
                            "Check the folder's permissions, or choose another with "
                            "--data-dir."),
    "err_database": ("{path}：历史数据库出错：{reason}",
                     "{path}: history database error: {reason}"),
    "err_unexpected_arg": ("多余的参数“{value}”", "unexpected argument '{value}'"),
    "err_unexpected_arg_hint": ("用 --answer 文本、--file 文件给出回答，或用 '-' 从 stdin 读取。",
                                "Pass the answer with --answer TEXT, --file FILE, or '-' for "
                                "stdin."),
    "err_duplicate_bank": ("题库编号“{bank}”重复：{places_zh}",
                           "duplicate bank id '{bank}' in {places}"),
    "error_prefix": ("错误：", "error: "),
    "interrupted_short": ("已中断。", "Interrupted."),
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
    "mock_countdown_until": ("剩余 {left}，{until} 截止", "{left} left, until {until}"),
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
    # reliability (review with every question gone, capped answers)
    "history_gone": (
        "记录里的题目都已不在已加载的题库中（题库改了名、题目改了 id，"
        "或题库不在 PMQUIZ_BANKS 里了？），没有可复习的题目。",
        "Every question in your history has left the loaded banks (a bank renamed, question "
        "ids changed, or a folder gone from PMQUIZ_BANKS?), so there is nothing to review.",
    ),
    "err_schema_missing": (
        "{path}：历史数据库缺了一部分结构（{reason}），它被 pmquiz 以外的程序改动过",
        "{path}: the history database is missing part of its schema ({reason}); it was "
        "changed by something other than pmquiz"),
    "err_now_range": ("{name}='{value}' 超出范围", "{name}='{value}' is out of range"),
    "err_now_range_hint": ("请用 {first} 年到 {last} 年之间的时间，或取消 {name}。",
                           "Use a time between {first} and {last}, or unset {name}."),
    "err_home_file": ("PMQUIZ_HOME={value} 是一个文件，不是文件夹",
                      "PMQUIZ_HOME={value} is a file, not a folder"),
    "err_home_file_hint": ("把 PMQUIZ_HOME 指向一个文件夹（不存在会自动创建），或取消它。",
                           "Point PMQUIZ_HOME at a folder (created when missing), or unset it."),
    "err_unexpected": ("意外的 {name}：{reason}", "unexpected {name}: {reason}"),
    "err_unexpected_hint": (
        "这是 pmquiz 的缺陷（或它读到了不是它写的数据）；"
        "设 PMQUIZ_DEBUG=1 可看到完整回溯，便于报告。",
        "This is a bug in pmquiz (or data it did not write); PMQUIZ_DEBUG=1 shows the "
        "traceback for a report."),
    "bank_left_out": (
        "警告：PMQUIZ_BANKS 中的题库 {path} 无效，已略过：{problem}；"
        "`pmquiz check {path}` 会列出全部问题",
        "warning: left out the bank {path} from PMQUIZ_BANKS: {problem}; "
        "'pmquiz check {path}' lists every problem"),
    "damaged_rows": (
        "注意：{path} 中有 {n} 行数据不是 pmquiz 写入的值，已略过（文件保持原样）。",
        "note: {path}: left out {n} damaged row(s) holding values pmquiz does not write "
        "(they were left as they are).",
    ),
    "answer_capped": (
        "你的回答有 {total} 个字符，只评分并保存了前 {kept} 个字符。",
        "Your answer was {total} characters long; only the first {kept} were graded and "
        "saved.",
    ),
}


def resolve_lang(option: str | None, bank_language: str | None = None) -> Lang:
    """The UI language in the order of SPEC 2: --lang, PMQUIZ_LANG, the language of the
    bank(s) in use, the locale, Chinese. Any zh tag means Chinese."""
    for choice in (option, os.environ.get("PMQUIZ_LANG"), bank_language, locale_language()):
        if choice:
            return "zh" if choice.lower().startswith("zh") else "en"
    return "zh"


def locale_language() -> str | None:
    """zh or en from LC_ALL / LC_MESSAGES / LANG; None for the C/POSIX locale or none."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            if value.split(".")[0] in ("C", "POSIX"):
                return None
            return "zh" if value.lower().startswith("zh") else "en"
    return None


def shared_language(languages: Iterable[str]) -> str | None:
    """The one language the banks in use share; None when they are mixed or none."""
    found = {"zh" if code.lower().startswith("zh") else "en" for code in languages}
    return found.pop() if len(found) == 1 else None


def plural(key: str, n: int, lang: Lang, **values: object) -> str:
    """`key` for one, `key_many` for any other count (Chinese reads the same)."""
    return t(key if n == 1 else key + "_many", lang, n=n, **values)


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
    """The UI language of SPEC 2 for commands that know the languages of the banks in use."""
    return resolve_lang(option, shared_language(bank_languages))


# -- errors that were English only (issue 13, one language): import, export, mock, check,
# PMQUIZ_NOW; each English text is the raiser's own message, word for word ----------------

STRINGS.update({
    # `pmquiz import`: the file and line stay as they are, then what is wrong
    "err_export_where": ("{path}:{line}：{problem}", "{path}:{line}: {problem}"),
    "err_export_hint": ("请给出由 `pmquiz export history` 写出的文件。没有导入任何记录。",
                        "Give a file written by `pmquiz export history`. Nothing was "
                        "imported."),
    "exp_not_a_file": ("既不是文件也不是管道", "not a file or a pipe"),
    "exp_cannot_read": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "exp_line_too_long": ("这一行超过 16 MiB", "line longer than 16 MiB"),
    "exp_not_utf8": ("不是 UTF-8 文本（这一行的第 {byte} 个字节）",
                     "not UTF-8 text (byte {byte} of the line)"),
    "exp_empty": ("文件是空的：不是 pmquiz 历史记录导出文件",
                  "empty: not a pmquiz history export"),
    "exp_not_json": ("不是 JSON（第 {column} 列有误）", "not JSON ({reason} at column {column})"),
    "exp_too_deep": ("不是 JSON（嵌套太深）", "not JSON (nested too deeply)"),
    "exp_not_export": ("不是 pmquiz 历史记录导出文件（第一行应为 {header}）",
                       "not a pmquiz history export (the first line should be {header})"),
    "exp_version": ("这个 pmquiz 读不了历史记录格式版本 {version}（它只读版本 {known}）；"
                    "更新版本的 pmquiz 也许能读",
                    "history format version {version} is not one this pmquiz reads (it "
                    "reads version {known}); a newer pmquiz may read it"),
    "exp_not_object": ("一条作答记录应是一个 JSON 对象", "an attempt should be a JSON object"),
    "exp_second_header": ("出现了第二个文件头：导出文件不能拼接，请逐个导入",
                          "a second header: files cannot be joined; import each one on its "
                          "own"),
    "exp_missing": ("缺少字段“{field}”", "'{field}' is missing"),
    "exp_should_id": ("字段“{field}”应是作答编号（字母、数字和 . _ : -），而不是 {shown}",
                      "'{field}' should be an attempt id (letters, digits and . _ : -), not "
                      "{shown}"),
    "exp_should_time": ("字段“{field}”应是 ISO-8601 时间，而不是 {shown}",
                        "'{field}' should be an ISO-8601 time, not {shown}"),
    "exp_should_ref": ("字段“{field}”应是 题库编号/题目编号，而不是 {shown}",
                       "'{field}' should be BANK_ID/QUESTION_ID, not {shown}"),
    "exp_should_hash": ("字段“{field}”应是不超过 128 个字符的文本，而不是 {shown}",
                        "'{field}' should be text of at most 128 characters, not {shown}"),
    "exp_should_text": ("字段“{field}”应是文本，而不是 {shown}",
                        "'{field}' should be text, not {shown}"),
    "exp_should_score": ("字段“{field}”应是 0 到 1 之间的数，而不是 {shown}",
                         "'{field}' should be a number from 0 to 1, not {shown}"),
    "exp_should_bool": ("字段“{field}”应是布尔值，而不是 {shown}",
                        "'{field}' should be true or false, not {shown}"),
    "exp_should_points": ("字段“{field}”应是要点编号的列表，而不是 {shown}",
                          "'{field}' should be a list of point ids, not {shown}"),
    "exp_should_seconds": ("字段“{field}”应是不小于 0 的数，而不是 {shown}",
                           "'{field}' should be a number of 0 or more, not {shown}"),
    "exp_should_kind": ("字段“{field}”应是 {kinds} 之一，而不是 {shown}",
                        "'{field}' should be one of {kinds}, not {shown}"),
    "exp_no_offset": ("字段“time”的值 {shown} 没有 UTC 偏移", "'time' {shown} has no UTC offset"),
    "exp_time_range": ("字段“time”的值 {shown} 超出范围", "'time' {shown} is out of range"),
    # writing a file whole (export history, export anki)
    "err_is_folder": ("{path}：这是一个文件夹", "{path}: is a folder"),
    "err_is_folder_hint": ("请给出要写入的文件名。", "Give a file name to write."),
    "err_cannot_write_file": ("{path}：无法写入文件（{reason}）",
                              "{path}: cannot write the file ({reason})"),
    "err_cannot_write_file_hint": ("检查文件夹是否存在，以及你能否在其中写入。",
                                   "Check that the folder exists and that you may write "
                                   "in it."),
    "err_anki_output": ("export anki 需要 -o 文件.apkg", "export anki needs -o FILE.apkg"),
    "err_anki_output_hint": ("例如：pmquiz export anki -o pmquiz.apkg",
                             "Example: pmquiz export anki -o pmquiz.apkg"),
    # mock
    "err_minutes": ("--minutes 必须大于 0 且不超过 {max}，不能是 {value}",
                    "--minutes must be more than 0 and at most {max}, not {value}"),
    "err_minutes_hint": ("可以用小数：--minutes 0.5 就是 30 秒。",
                         "Decimals are fine: --minutes 0.5 is 30 seconds."),
    "err_report_format": ("--report {path}：报告只能写成 Markdown（.md）或 HTML（.html）",
                          "--report {path}: the report is written as Markdown (.md) or HTML "
                          "(.html)"),
    "err_report_format_hint": ("请把文件命名为 interview.md 或 interview.html 这样的形式。",
                               "Name the file e.g. interview.md or interview.html."),
    "err_report_no_folder": ("--report {path}：文件夹 {folder} 不存在",
                             "--report {path}: the folder {folder} does not exist"),
    "err_report_no_folder_hint": ("请先创建它，或把报告写到别处。",
                                  "Create it first, or write the report elsewhere."),
    "err_report_is_folder": ("--report {path}：这是一个文件夹", "--report {path}: is a folder"),
    "err_report_is_folder_hint": ("请给出以 .md 或 .html 结尾的文件名。",
                                  "Give a file name ending in .md or .html."),
    "err_report_write": ("{path}：无法写入报告（{reason}）",
                         "{path}: cannot write the report ({reason})"),
    "err_report_write_hint": ("这次面试已保存在历史记录里，报告内容已显示在上方。",
                              "The interview is saved in the history; the report is shown "
                              "above."),
    # check --junit
    "err_junit_write": ("{path}：无法写入 JUnit 报告：{reason}",
                        "{path}: cannot write the JUnit report: {reason}"),
    "err_junit_write_hint": ("检查文件夹是否存在且可写。",
                             "Check that the folder exists and is writable."),
    # PMQUIZ_NOW
    "err_now": ("{name}='{value}' 不是 ISO-8601 时间", "{name}='{value}' is not an ISO-8601 time"),
    "err_now_hint": ("请用 2025-01-31T09:00:00+00:00 这样的时间，或取消设置 {name}。",
                     "Use e.g. 2025-01-31T09:00:00+00:00, or unset {name}."),
})

# qa3 (hands-on review): messages found wanting by using the commands
STRINGS.update({
    # `pmquiz import` of a file that cannot be opened or holds no line: no line number
    "err_export_where_file": ("{path}：{problem}", "{path}: {problem}"),
    # `pmquiz export anki -o FILE`: Anki imports a deck only by its .apkg name
    "err_anki_suffix": ("{path}：Anki 牌组文件名要以 .apkg 结尾",
                        "{path}: an Anki deck file name must end in .apkg"),
    "err_anki_suffix_hint": ("Anki 按 .apkg 后缀识别牌组，例如 -o pmquiz.apkg。",
                             "Anki knows a deck by its .apkg name: write e.g. -o pmquiz.apkg."),
    # `pmquiz mock` with one question ("1 questions" read wrong)
    "mock_intro_one": ("{count} 题，每题限时 {limit}。和真实面试一样：没有提示，答完不判分，"
                       "全部结束后看报告。",
                       "{count} question, {limit} per answer. As in a real interview: no "
                       "hints and no verdicts until the report at the end."),
    # `pmquiz stats` with one attempt, or several on one question
    "stats_title_one": ("共作答 {attempts} 次，涉及 {questions} 道题",
                        "{attempts} attempt on {questions} question"),
    "stats_title_one_question": ("共作答 {attempts} 次，涉及 {questions} 道题",
                                 "{attempts} attempts on {questions} question"),
    # the mock report's time-up count, in words that fit the number ("answer(s)" before)
    "mock_time_up_one": ("其中 {n} 题时间到", "{n} answer ran out of time"),
    "mock_time_up_many": ("其中 {n} 题时间到", "{n} answers ran out of time"),
    # `pmquiz import` of a file that is no export but something a user may take for one
    "exp_is_sqlite": ("这是一个 SQLite 数据库（也许就是 history.sqlite3），不是导出文件："
                      "先运行 `pmquiz --data-dir 它所在的文件夹 export history -o 文件`，"
                      "再导入那个文件",
                      "an SQLite database (history.sqlite3 itself?), not an export: run "
                      "`pmquiz --data-dir ITS_FOLDER export history -o FILE` and import "
                      "that FILE"),
    "exp_is_gzip": ("这是 gzip 压缩文件：先解压，例如 `gunzip -c 文件 | pmquiz import -`",
                    "gzip-compressed: decompress it first, e.g. "
                    "`gunzip -c FILE | pmquiz import -`"),
    "exp_is_zip": ("这是 zip 压缩包（Anki 的 .apkg？），不是历史记录导出文件",
                   "a zip archive (an Anki .apkg?), not a history export"),
    # a picked letter that is no option of the question (was "Z. ?")
    "no_such_option": ("{letter}（没有这个选项）", "{letter} (no such option)"),
    # a history path that is a folder (SQLite says only "unable to open database file")
    "err_history_is_folder": ("{path}：这是一个文件夹，不是历史数据库",
                              "{path}: is a folder, not a history database"),
    "err_history_is_folder_hint": ("把它移开，或用 --data-dir / PMQUIZ_HOME 换一个文件夹。",
                                   "Move it aside, or choose another folder with --data-dir "
                                   "or PMQUIZ_HOME."),
    # `pmquiz overrules`: --yaml writes examples for open questions only
    "overrules_answer_key": (
        "其中 {n} 条是选择题或判断题：examples 只检验问答题的评分规则，--yaml 不输出它们；"
        "如果题库里的答案错了，请改这道题的 answer:。",
        "{n} of them are on choice or true/false questions: examples test the rubrics of "
        "open questions, so --yaml leaves them out; if the bank's answer key is wrong, fix "
        "that question's answer:.",
    ),
})

# What the system said when a file could not be read or written, for the Chinese UI:
# the errors a person meets, by errno; any other keeps the system's own words.
OS_REASONS_ZH: dict[int, str] = {
    errno.ENOENT: "没有这个文件或文件夹",
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许这样操作",
    errno.EROFS: "文件系统是只读的",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出了磁盘配额",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EEXIST: "已经存在",
    errno.EIO: "读写出错",
    errno.ENAMETOOLONG: "文件名太长",
}


# tidy: --tag that matches nothing names the tags there are
STRINGS.update({
    "known_tags": ("已有的标签：{tags}", "Known tags: {tags}"),
})


# tidy: --junit into a folder that is missing or a file is refused, as --report is
STRINGS.update({
    "err_junit_folder_is_file": ("--junit {path}：{folder} 是一个文件，不是文件夹",
                                 "--junit {path}: {folder} is a file, not a folder"),
    "err_junit_folder_is_file_hint": ("请把报告写到一个文件夹里，例如 --junit report.xml。",
                                      "Write the report into a folder, e.g. --junit "
                                      "report.xml."),
    "err_junit_no_folder": ("--junit {path}：文件夹 {folder} 不存在",
                            "--junit {path}: the folder {folder} does not exist"),
})


# tidy: `grade -` and `import -` at a terminal say what they wait for
STRINGS.update({
    "reading_answer_stdin": ("正在从标准输入读取回答；输入完后按 {keys} 结束。",
                             "reading the answer from standard input; end with {keys}"),
    "reading_export_stdin": ("正在从标准输入读取导出的历史记录；输入完后按 {keys} 结束。",
                             "reading the history export from standard input; end with {keys}"),
})


# tidy: grade refuses a choice answer that names no option, as practice asks it again
STRINGS.update({
    "err_not_a_choice": ("{ref}：“{answer}”不是选择题的答案；选项是 {keys}",
                         "{ref}: '{answer}' is not a choice; the options are {keys}"),
    "err_choice_empty": ("{ref}：回答是空的；选项是 {keys}",
                         "{ref}: the answer is empty; the options are {keys}"),
    "err_not_a_choice_hint": ("请给出一个或几个选项字母，如 --answer A 或 --answer A,C。",
                              "Give one or more of the option letters, e.g. --answer A or "
                              "--answer A,C."),
})


# lead: a path whose folder part is a file (found by the qa3 review)
STRINGS.update({
    "new_folder_is_file": ("{folder} 是一个文件，不是文件夹：请换一个路径。",
                           "{folder} is a file, not a folder: choose another path."),
    "err_report_folder_is_file": ("--report {path}：{folder} 是一个文件，不是文件夹",
                                  "--report {path}: {folder} is a file, not a folder"),
    "err_report_folder_is_file_hint": ("请把报告写到一个文件夹里，例如 -o interview.md。",
                                       "Write the report into a folder, e.g. interview.md."),
})

# tidy2: export history carries a mock attempt's time limit (SPEC 11)
STRINGS.update({
    "exp_should_allowed": ("字段“{field}”应是大于 0 的秒数，而不是 {shown}",
                           "'{field}' should be a number of seconds above 0, not {shown}"),
})


# tidy2: Click's usage errors in the UI language (pmquiz.usageerrors). The English side
# is Click's own wording, which an English UI shows through Click itself.
STRINGS.update({
    "usage_line": ("用法：{usage}", "Usage: {usage}"),
    "usage_try_help": ("运行 {command} 查看帮助。", "Try '{command}' for help."),
    "usage_no_option": ("没有这个选项：{option}", "No such option: {option}"),
    "usage_no_option_like": ("没有这个选项：{option}（相近的选项：{options}）",
                             "No such option: {option} (Possible options: {options})"),
    "usage_missing_argument": ("缺少参数 {param}。", "Missing argument {quoted}."),
    "usage_missing_option": ("缺少选项 {param}。", "Missing option {quoted}."),
    "usage_bad_value": ("{param} 的值无效：{detail}", "Invalid value for {quoted}: {detail}"),
    "usage_not_int": ("“{value}”不是整数。", "'{value}' is not a valid int."),
    "usage_not_float": ("“{value}”不是数字。", "'{value}' is not a valid float."),
    "usage_not_in_range": ("{value} 不在 {range} 范围内。",
                           "{value} is not in the range {range}."),
    "usage_path_missing": ("“{value}”不存在。", "{kind} '{value}' does not exist."),
    "usage_path_is_file": ("“{value}”是一个文件，不是文件夹。", "{kind} '{value}' is a file."),
    "usage_path_is_folder": ("“{value}”是一个文件夹，不是文件。",
                             "{kind} '{value}' is a directory."),
    "usage_path_unreadable": ("“{value}”不可读。", "{kind} '{value}' is not readable."),
    "usage_path_unwritable": ("“{value}”不可写。", "{kind} '{value}' is not writable."),
    "usage_no_command": ("没有“{value}”这个命令。", "No such command '{value}'."),
    "usage_missing_command": ("缺少命令。", "Missing command."),
    "usage_extra_args": ("多余的参数：{value}", "Got unexpected extra argument(s) ({value})"),
    "usage_needs_value": ("选项 {option} 需要一个值。", "Option '{option}' requires an argument."),
    "usage_needs_values": ("选项 {option} 需要 {n} 个值。",
                           "Option '{option}' requires {n} arguments."),
    "usage_no_value": ("选项 {option} 不接受值。", "Option '{option}' does not take a value."),
    "usage_arg_values": ("参数 {option} 需要 {n} 个值。", "Argument '{option}' takes {n} values."),
})


def os_reason(code: object, reason: str, lang: Lang) -> str:
    """The system's reason (`strerror`) for errno `code`, in Chinese where it is known."""
    if lang == "zh" and isinstance(code, int) and code in OS_REASONS_ZH:
        return OS_REASONS_ZH[code]
    return reason
