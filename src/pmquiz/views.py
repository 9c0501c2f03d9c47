"""Rich renderings of pmquiz's results. The only module below the CLI that imports Rich.

Every function takes a Console and a result object from the core; on a console that is
not a terminal, tables lose their boxes so logs and pipes read as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from pmquiz import sanitize as _sanitize
from pmquiz.evidence import evidence_spans
from pmquiz.grading import Grade
from pmquiz.i18n import Lang, t
from pmquiz.marks import MARKERS, Mark, answer_marks
from pmquiz.model import Question
from pmquiz.plain import quote

if TYPE_CHECKING:  # annotations only: rendering a grade must not load the history store
    from pmquiz.session import SessionResult


def table_box(con: Console) -> box.Box | None:
    return box.SIMPLE_HEAD if con.is_terminal else None


def emit(con: Console, renderable: RenderableType) -> None:
    """Print; off a terminal, without the padding Rich adds to the ends of lines."""
    if con.is_terminal:
        con.print(renderable)
        return
    with con.capture() as captured:
        con.print(renderable)
    text = "\n".join(line.rstrip() for line in captured.get().splitlines())
    con.file.write(text + "\n")


# -- grades ---------------------------------------------------------------------------


def use_markers(con: Console) -> bool:
    """Without colour, matched terms are shown with brackets instead of styles."""
    return con.no_color or not con.is_terminal or con.color_system is None


def score_bar(score: float, width: int = 20) -> str:
    filled = round(max(0.0, min(1.0, score)) * width)
    return "█" * filled + "░" * (width - filled)


def verdict_text(passed: bool, lang: Lang) -> Text:
    return Text(t("pass" if passed else "fail", lang),
                style="bold green" if passed else "bold red")


# Control characters in an answer are shown as their visible symbols (one for one, so
# spans still line up): a pasted escape sequence must not restyle the user's terminal.
# The one sanitiser lives in `sanitize`; `visible` stays importable from here.
visible = _sanitize.visible


# Which words of the answer are marked, and how, is `marks.answer_marks` (no Rich, shared
# with the plain face); here only the styles.
_MARK_STYLES: dict[Mark, str] = {
    "hit": "bold underline green", "negated": "strike red", "penalty": "bold reverse yellow"}


def highlighted_answer(grade: Grade, markers: bool) -> Text:
    """The answer with every counting match highlighted, every negated one marked and
    penalty terms in a style of their own (brackets of their own without colour)."""
    answer = visible(grade.answer)
    text = Text()
    pos = 0
    for start, end, mark in answer_marks(grade):
        text.append(answer[pos:start])
        piece = answer[start:end]
        if markers:
            opening, closing = MARKERS[mark]
            text.append(opening + piece + closing)
        else:
            text.append(piece, style=_MARK_STYLES[mark])
        pos = end
    text.append(answer[pos:])
    return text


_CJK_LINE_BREAK = re.compile(
    "(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\n(?![\n\\-*#>|]|\\d+\\.)"
    "|(?<![\n])\n(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


def markdown_text(text: str) -> str:
    """Markdown source with line breaks inside Chinese prose joined (they are no spaces),
    sanitised (bank text: no control character reaches the terminal)."""
    return _CJK_LINE_BREAK.sub("", visible(text).strip())


def render_grade(con: Console, question: Question, grade: Grade, lang: Lang,
                 show_reference: bool = True) -> None:
    """Score bar, verdict, each rubric point, the answer highlighted, the reference."""
    if not con.is_terminal:  # the plain face (no wrapping, markers in brackets)
        from pmquiz import plain

        plain.grade(con.file, question, grade, lang, show_reference)
        return
    markers = use_markers(con)
    head = Text()
    head.append(verdict_text(grade.passed, lang))
    # A narrow terminal gets a shorter bar, so the pass mark stays on the score's line.
    head.append(f"  {score_bar(grade.score, 20 if con.width >= 60 else 10)} "
                f"{grade.score * 100:.0f}%")
    if grade.type == "open":
        head.append(f"  ({t('pass_mark', lang)} {grade.threshold * 100:.0f}%)", style="dim")
    con.print(head)

    if grade.type == "open":
        # A grid keeps each label and its evidence in their own columns when they wrap.
        rows = Table.grid(padding=(0, 1), pad_edge=False)
        rows.add_column(no_wrap=True)
        rows.add_column(ratio=3)
        rows.add_column(ratio=2)
        for point in grade.points:
            label = Text(_sanitize.one_line(point.label))
            extras = []
            if point.weight != 1:
                extras.append(f"×{point.weight:g}")
            if point.required:
                extras.append(t("required", lang))
            if extras:
                label.append(f" ({', '.join(extras)})", style="dim")
            quoted = quote(grade.answer, evidence_spans(question, point, grade.answer))
            evidence = Text()
            if point.hit and quoted:
                evidence.append(f"← {quoted}", style="dim")
            elif point.negated and quoted:
                evidence.append(f"{t('negated', lang)}: {quoted}", style="yellow")
            mark = Text("✔" if point.hit else "✘", style="green" if point.hit else "red")
            rows.add_row(Text(" ") + mark, label, evidence)
        for penalty in grade.penalties:
            if penalty.hit:
                quoted = quote(grade.answer, evidence_spans(
                    question, penalty, grade.answer, penalty=True))
                rows.add_row(Text(" ") + Text("⚠", style="yellow"),
                             Text(f"−{penalty.weight:g} {_sanitize.one_line(penalty.label)}"),
                             Text(f"← {quoted}", style="dim") if quoted else Text())
        emit(con, rows)
        if grade.missed_required:
            labels = [p.label for p in grade.points if p.id in grade.missed_required]
            con.print(Text("  " + t("required_missed", lang, points="、".join(labels)),
                           style="red"))
        if grade.keyword_list:
            from rich.padding import Padding

            emit(con, Padding(Text(t("keyword_list", lang), style="red"), (0, 0, 0, 2)))
        con.print(Text(t("your_answer", lang) + ":", style="bold"))
        if grade.answer.strip():
            from rich.padding import Padding

            body = highlighted_answer(grade, markers)
            body.rstrip()
            emit(con, Padding(body, (0, 0, 0, 2)))
            if markers and any(p.matches for p in grade.point_results):
                con.print(Text("  " + t("legend", lang), style="dim"))
        else:
            con.print("  " + t("empty_answer", lang))
    elif grade.type == "choice":
        expected = ", ".join(grade.expected) if isinstance(grade.expected, list) else ""
        given = ", ".join(grade.given) if isinstance(grade.given, list) and grade.given else (
            t("unparsed", lang))
        con.print(f"  {t('given', lang)}: {given}   {t('expected', lang)}: {expected}")
        _render_option_slips(con, question, grade, lang)
    else:
        def tf(value: object) -> str:
            if value is None:
                return t("unparsed", lang)
            return t("true" if value else "false", lang)

        con.print(f"  {t('given', lang)}: {tf(grade.given)}   "
                  f"{t('expected', lang)}: {tf(grade.expected)}")
    if show_reference and question.reference:
        con.print(Text(t("reference", lang) + ":", style="bold"))
        render_reference(con, question.reference)


def render_reference(con: Console, reference: str) -> None:
    """A reference answer, indented: Markdown on a terminal, its own lines elsewhere."""
    if con.is_terminal:
        from rich.markdown import Markdown
        from rich.padding import Padding

        con.print(Padding(Markdown(markdown_text(reference), hyperlinks=False), (0, 0, 0, 2)))
    else:
        for ref_line in reference.strip().splitlines():
            con.print(Text("  " + ref_line))


def _render_option_slips(con: Console, question: Question, grade: Grade, lang: Lang
                         ) -> None:
    """The options missed and wrongly picked, by their texts (letters alone say little)."""
    expected = set(grade.expected) if isinstance(grade.expected, list) else set()
    given = set(grade.given) if isinstance(grade.given, list) else set()
    for key, keys in (("missed_options", expected - given), ("wrong_options", given - expected)):
        if not keys:
            continue
        line = Text(f"  {t(key, lang)}: ", style="red" if key == "wrong_options" else "yellow")
        from pmquiz.plain import option_text

        line.append("; ".join(option_text(question, k, lang) for k in sorted(keys)))
        con.print(line)


# -- practice sessions -----------------------------------------------------------------


# What the session says when it could not use what was typed: to be seen, not dimmed.
_REFUSALS = frozenset({
    "unknown_command", "unknown_command_list", "choice_reminder", "tf_reminder",
    "continue_reminder", "edit_one_line", "no_editor", "editor_missing", "editor_failed",
    "editor_empty", "unsent_dropped", "answer_not_saved"})


class PracticeScreen:
    """The session's screens: header, question panel, feedback, prompts (SPEC 6)."""

    def __init__(self, con: Console, lang: Lang,
                 notes: Mapping[str, Text] | None = None) -> None:
        """`notes`: a line per question reference shown in its panel (review's context)."""
        self.con = con
        self.lang = lang
        self.notes: Mapping[str, Text] = notes or {}

    def header(self, title: str, count: int) -> None:
        text = t("session_header_one" if count == 1 else "session_header", self.lang,
                 title=_sanitize.one_line(title), count=count)
        if self.con.is_terminal and Text(text).cell_len + 6 > self.con.width:
            self.con.print(Text(text, style="bold"))  # a rule would cut it: wrapped whole
        elif self.con.is_terminal:
            from rich.rule import Rule

            self.con.print(Rule(Text(text, style="bold")))
        else:
            self.con.print(Text(f"== {text} =="))

    def question(self, question: Question, number: int, total: int) -> None:
        progress = t("progress", self.lang, n=number, total=total)
        meta = f"{t('difficulty', self.lang)} {'★' * question.difficulty}"
        if question.tags:
            meta += f" · {t('tags', self.lang)}: {_sanitize.one_line(', '.join(question.tags))}"
        help_key = {"open": "open_help", "choice": "choice_help", "truefalse": "tf_help"}[
            question.type]
        if self.con.is_terminal:
            from rich.console import Group
            from rich.markdown import Markdown
            from rich.panel import Panel

            parts: list[RenderableType] = [Markdown(markdown_text(question.prompt),
                                                       hyperlinks=False)]
            if question.options:
                options = Text()
                for key, value in question.options.items():
                    options.append(f"\n{key}. ", style="bold")
                    options.append(_sanitize.one_line(value))
                parts.append(options)
            note = self.notes.get(question.ref)
            if note is not None:
                parts.append(Text("\n") + note)
            subtitle: Text | None = Text(meta, style="dim")
            if subtitle is not None and subtitle.cell_len + 6 > self.con.width:
                # The border would cut it (tags lost): inside the panel, wrapped whole.
                parts.append(Text("\n") + subtitle)
                subtitle = None
            self.con.print()
            self.con.print(Panel(
                Group(*parts), title=Text(progress, style="bold"), title_align="left",
                subtitle=subtitle, subtitle_align="right", padding=(0, 1),
            ))
            print_help(self.con, t(help_key, self.lang))
        else:
            self.con.print()
            self.con.print(Text(f"-- {progress} · {meta} --"))
            self.con.print(Text(visible(question.prompt.strip())))
            for key, value in question.options.items():
                self.con.print(Text(f"  {key}. {_sanitize.one_line(value)}"))
            note = self.notes.get(question.ref)
            if note is not None:
                self.con.print(note)
        self.con.file.flush()

    def hint(self, question: Question) -> None:
        if question.hint:
            self.con.print(Text(f"{t('hint', self.lang)}: ", style="bold yellow")
                           + Text(visible(question.hint)))
        else:
            self.con.print(Text(t("no_hint", self.lang), style="dim"))

    def skipped(self, question: Question) -> None:
        """`:skip` shows the reference answer before moving on."""
        if not question.reference:
            self.message("skipped")
            return
        self.con.print(Text(t("skipped_reference", self.lang), style="bold"))
        render_reference(self.con, question.reference)
        self.con.file.flush()

    def message(self, key: str, **values: object) -> None:
        style = "yellow" if key in _REFUSALS else "dim"
        self.con.print(Text(t(key, self.lang, **values), style=style))

    def feedback(self, question: Question, grade: Grade) -> None:
        self.con.print()
        render_grade(self.con, question, grade, self.lang)
        self.con.file.flush()

    def continue_prompt(self) -> str:
        """The prompt after the feedback. On a terminal narrower than it, the line editor
        cannot wrap a prompt wider than the screen (it fills the screen with blank
        continuation and hides the feedback): the words go on their own lines, wrapped,
        and the prompt itself is a short `> `."""
        from rich.cells import cell_len

        words = f"[{t('continue_prompt', self.lang)}]"
        if cell_len(words) + 2 < self.con.width:
            return words + " "
        self.con.print(Text(words, style="dim"))
        self.con.file.flush()
        return "> "


def print_help(con: Console, text: str) -> None:
    """A prompt's help line; when it does not fit, its `:commands` on a line of their own
    (rather than a word such as 跳过 broken over two lines)."""
    first = re.search(r"(?<![\w:/]):[a-z]", text)
    start = first.start() if first else 0
    if Text(text).cell_len <= con.width or start <= 0:
        con.print(Text(text, style="dim"))
        return
    con.print(Text(text[:start].rstrip(), style="dim"))
    con.print(Text(text[start:], style="dim"))


def render_message(con: Console, key: str, lang: Lang, **values: object) -> None:
    con.print(Text(t(key, lang, **values)))


def render_lines(con: Console, lines: list[str]) -> None:
    """Sentences, each wrapped to the terminal between words (control characters shown)."""
    for line in lines:
        con.print(Text(visible(line)))


def format_elapsed(seconds: float) -> str:
    seconds = int(round(seconds))
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def _summary_width(table: Table) -> int:
    """The summary table's width with every cell whole, two columns between cells."""
    from rich.cells import cell_len

    widths = [max([cell_len(str(column.header))]
                  + [cell_len(cell.plain if isinstance(cell, Text) else str(cell))
                     for cell in column.cells])
              for column in table.columns]
    return sum(widths) + 3 * (len(widths) - 1)


def _render_summary_stacked(con: Console, table: Table, lang: Lang) -> None:
    """Each question on two lines: number and reference (folded, never cut), then score
    and result."""
    con.print(Text(t("summary", lang), style="bold"))
    numbers, refs, scores, results = (list(column.cells) for column in table.columns)
    for number, ref, score, verdict in zip(numbers, refs, scores, results, strict=True):
        line = Table.grid(padding=(0, 2))
        line.add_column(no_wrap=True)
        line.add_column(overflow="fold")
        line.add_row(number, ref)
        con.print(line)
        con.print(Text("   ") + Text(str(score)) + Text("  ")
                  + (verdict if isinstance(verdict, Text) else Text(str(verdict))))


def render_summary(con: Console, result: SessionResult, lang: Lang, review_count: int
                   ) -> None:
    """The closing table: each question's score and result, totals, time, review queue."""
    con.print()
    table = Table(title=t("summary", lang), box=table_box(con), show_edge=False,
                  pad_edge=False, title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(t("question", lang), overflow="fold")
    table.add_column(t("score", lang), justify="right", no_wrap=True)
    table.add_column(t("result", lang), no_wrap=True)
    for index, entry in enumerate(result.entries, start=1):
        if entry.grade is None or entry.attempt is None:
            table.add_row(str(index), Text(_sanitize.one_line(entry.question.ref)), "–",
                          t("skipped_short", lang))
            continue
        verdict = verdict_text(entry.attempt.passed, lang)
        if entry.attempt.overruled:
            verdict.append(" *", style="dim")
        table.add_row(str(index), Text(_sanitize.one_line(entry.question.ref)),
                      f"{entry.grade.score * 100:.0f}%",
                      verdict)
    if result.entries and con.is_terminal and _summary_width(table) > con.width:
        _render_summary_stacked(con, table, lang)  # a narrow terminal: references whole
    elif result.entries:
        emit(con, table)
    else:
        con.print(Text(t("summary", lang), style="italic"))
    if any(e.attempt is not None and e.attempt.overruled for e in result.entries):
        con.print(Text(t("overrule_legend", lang), style="dim"))
    answered = result.answered
    skipped = len(result.entries) - len(answered)
    if not answered:
        con.print(t("no_answers", lang, skipped=skipped,
                    elapsed=format_elapsed(result.elapsed)))
    else:
        mean = sum(e.grade.score for e in answered if e.grade) / len(answered)
        con.print(t("totals", lang, answered=len(answered), passed=result.passed,
                    skipped=skipped, mean=f"{mean * 100:.0f}%",
                    elapsed=format_elapsed(result.elapsed)))
    con.print(t("review_holds_one" if review_count == 1 else "review_holds", lang,
                n=review_count))
