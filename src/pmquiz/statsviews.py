"""Rich renderings of the review queue and of `pmquiz stats`.

Written for an 80-column terminal; off a terminal the tables lose their rules (see
`views.table_box`) and nothing is drawn with box characters. The daily chart uses block
elements, which read in a pipe as well as on a screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from pmquiz.i18n import Lang, t
from pmquiz.plain import next_due_lines, relative
from pmquiz.sanitize import one_line
from pmquiz.scheduling import QueueItem
from pmquiz.views import emit, table_box

if TYPE_CHECKING:
    from pmquiz.statistics import Day, Stats, Tally

BLOCKS = " ▁▂▃▄▅▆▇█"


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def bar(value: float, width: int = 10) -> str:
    filled = round(max(0.0, min(1.0, value)) * width)
    return "█" * filled + "░" * (width - filled)


# -- review -----------------------------------------------------------------------------


def render_nothing_to_review(con: Console, lang: Lang, now: datetime,
                             next_due: datetime | None) -> None:
    for text in next_due_lines(lang, now, next_due):
        con.print(Text(text))


def render_queue(con: Console, items: Sequence[QueueItem], lang: Lang, now: datetime,
                 next_due: datetime | None) -> None:
    """The review queue in asking order: why each question is there, when it was due,
    how the last answer scored; leeches marked."""
    if not items:
        render_nothing_to_review(con, lang, now, next_due)
        return
    table = Table(box=table_box(con), show_edge=False, pad_edge=False, collapse_padding=True)
    headers = ["#", t("question", lang), t("why", lang), t("due_col", lang),
               t("last_col", lang), t("answered_col", lang)]
    for header in headers:
        table.add_column(header, no_wrap=True,
                         justify="right" if header in ("#", t("last_col", lang)) else "left")
    rows = [_queue_cells(index, item, lang, now) for index, item in enumerate(items, start=1)]
    for row in rows:
        table.add_row(*row)
    if con.is_terminal and _table_width(headers, rows) > con.width:
        _render_queue_stacked(con, headers, rows)  # a narrow terminal: references whole
    else:
        emit(con, table)
    missed = sum(1 for i in items if i.reason == "missed")
    con.print(t("queue_total", lang, n=len(items), missed=missed, due=len(items) - missed))
    if any(i.leech for i in items):
        con.print(Text(t("leech_legend", lang), style="dim"))


def _queue_cells(index: int, item: QueueItem, lang: Lang, now: datetime) -> list[Text]:
    """Number, reference (leech marked), reason, due, last score, last answered."""
    reason = Text(t("reason_" + item.reason, lang),
                  style="red" if item.reason == "missed" else "yellow")
    ref = Text(one_line(item.ref))
    if item.leech:
        ref.append(" " + t("leech_mark", lang), style="bold magenta")
    # A missed question is asked first, whatever its card's due time says.
    due = t("rel_now", lang) if item.reason == "missed" else relative(item.due, now, lang)
    return [Text(str(index)), ref, reason, Text(due), Text(percent(item.last_score)),
            Text(relative(item.last_answered, now, lang))]


def _table_width(headers: Sequence[str], rows: Sequence[list[Text]]) -> int:
    """The width of the queue table: its widest cells, two columns between each."""
    widths = [_width(h) for h in headers]
    for row in rows:
        widths = [max(w, cell.cell_len) for w, cell in zip(widths, row, strict=True)]
    return sum(widths) + 2 * (len(widths) - 1)


def _render_queue_stacked(con: Console, headers: Sequence[str],
                          rows: Sequence[list[Text]]) -> None:
    """Each question on two lines: number and reference (folded, never cut), then the
    other cells with their headings."""
    from rich.padding import Padding

    for number, ref, reason, *rest in rows:
        line = Table.grid(padding=(0, 2))
        line.add_column(no_wrap=True)
        line.add_column(overflow="fold")
        line.add_row(number, ref)
        con.print(line)
        details = [reason] + [Text(f"{h} ") + cell for h, cell in zip(headers[3:], rest,
                                                                      strict=True)]
        con.print(Padding(Text(" · ").join(details), (0, 0, 0, 3)))


# -- stats ------------------------------------------------------------------------------


def daily_chart(days: Sequence[Day], lang: Lang, height: int = 5) -> list[Text]:
    """A column chart of attempts per day, two characters a day, with a date axis."""
    top = max((d.attempts for d in days), default=0)
    label_width = len(str(top))
    rows: list[Text] = []
    for level in range(height - 1, -1, -1):
        line = Text()
        line.append(str(top).rjust(label_width) if level == height - 1
                    else " " * label_width, style="dim")
        line.append(" ")
        for day in days:
            units = round(day.attempts / top * height * 8) if top else 0
            if day.attempts and units == 0:
                units = 1
            filled = max(0, min(8, units - level * 8))
            style = "green" if day.attempts and day.passed * 2 >= day.attempts else "yellow"
            line.append(BLOCKS[filled], style=style)
            line.append(" ")
        rows.append(line)
    # Zero days show as a dot on the base line, so the calendar stays readable.
    base = Text(" " * label_width + " ")
    for day in days:
        base.append(("·" if not day.attempts else " ") + " ", style="dim")
    rows.append(base)
    axis = [" "] * (label_width + 1 + 2 * len(days))
    if days:
        first = days[0].day.strftime("%m-%d")
        today = t("today", lang)
        start = label_width + 1
        axis[start:start + len(first)] = list(first)
        middle = days[len(days) // 2].day.strftime("%m-%d")
        mid_at = start + 2 * (len(days) // 2)
        axis[mid_at:mid_at + len(middle)] = list(middle)
        end_at = start + 2 * (len(days) - 1) + 1 - _width(today)
        axis = axis[:end_at] + [today]
    rows.append(Text("".join(axis).rstrip(), style="dim"))
    return rows


def fitting_days(days: Sequence[Day], width: int) -> Sequence[Day]:
    """The latest days whose columns fit `width` (the chart is indented by two and has a
    label before its columns, two characters a day): a wrapped chart is unreadable."""
    top = max((d.attempts for d in days), default=0)
    fit = max(1, (width - 2 - len(str(top)) - 1) // 2)
    return days[-fit:] if len(days) > fit else days


def _width(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def _tally_table(con: Console, title: str, tallies: Sequence[Tally], lang: Lang,
                 key_title: str, limit: int) -> None:
    if not tallies:  # e.g. no tags: no heading over an empty table
        return
    table = Table(box=table_box(con), show_edge=False, pad_edge=False, collapse_padding=True)
    table.add_column(key_title, overflow="fold", ratio=1)
    table.add_column(t("attempts_col", lang), justify="right", no_wrap=True)
    table.add_column(t("pass_rate", lang), justify="right", no_wrap=True)
    shown = tallies[:limit]
    # The bar repeats the rate: on a narrow terminal it goes before a bank id or tag wraps.
    longest = max((_width(one_line(x.name)) for x in shown), default=0)
    with_bar = longest + _width(t("attempts_col", lang)) + _width(t("pass_rate", lang)) \
        + 10 + 3 * 2 <= con.width
    if with_bar:
        table.add_column("", no_wrap=True)
    for tally in shown:
        cells: list[RenderableType] = [Text(one_line(tally.name)), str(tally.attempts),
                                       percent(tally.pass_rate)]
        if with_bar:
            cells.append(Text(bar(tally.pass_rate), style="green"))
        table.add_row(*cells)
    con.print()
    con.print(Text(title, style="bold"))
    emit(con, table)
    if len(tallies) > limit:
        con.print(Text("  " + t("and_more", lang, n=len(tallies) - limit), style="dim"))


def missed_wording(missed: int, attempts: int, label: str, lang: Lang) -> str:
    """Words that fit the count: "you keep missing" only when every answer, and at least
    three, missed it; "often" when most did; else just that it was missed."""
    if attempts >= 3 and missed == attempts:
        return t("keep_missing", lang, label=label)
    if attempts >= 2 and missed * 2 > attempts:
        return t("most_missed_some", lang, label=label)
    return t("most_missed_one", lang, label=label)


def render_stats(con: Console, stats: Stats, lang: Lang) -> None:
    """Totals, the daily chart, by bank and tag, what you keep missing, leeches, due."""
    if not stats.attempts:
        con.print(t("stats_empty", lang))
        return
    title = "stats_title" + ("_one" if stats.attempts == 1 else
                             "_one_question" if stats.questions == 1 else "")
    head = Text(t(title, lang, attempts=stats.attempts, questions=stats.questions),
                style="bold")
    if stats.first and stats.last:
        head.append(f"  {stats.first.astimezone():%Y-%m-%d} – {stats.last.astimezone():%Y-%m-%d}",
                    style="dim")
    con.print(head)
    rate = stats.pass_rate or 0.0
    con.print(Text(f"  {t('pass_rate', lang)}  ") + Text(bar(rate, 20), style="green")
              + Text(f" {percent(rate)} ({stats.passed}/{stats.attempts})"))
    con.print("  " + t("streak_line", lang, n=stats.streak,
                       days=t("day" if stats.streak == 1 else "days", lang)))
    con.print("  " + t("due_line", lang, now=stats.review_now, today=stats.due_today,
                       week=stats.due_week))

    con.print()
    days = fitting_days(stats.daily, con.width)
    con.print(Text(t("daily_title", lang, days=len(days)), style="bold"))
    for line in daily_chart(days, lang):
        line.rstrip()
        con.print(Text("  ") + line)

    if stats.most_missed:
        con.print()
        con.print(Text(t("most_missed_title", lang), style="bold"))
        from rich.padding import Padding

        for point in stats.most_missed[:5]:
            line = Text("✘ ", style="red")
            line.append(missed_wording(point.missed, point.attempts, one_line(point.label),
                                       lang), style="bold")
            emit(con, Padding(line, (0, 0, 0, 2)))
            detail = Text(t("missed_only_answer", lang) if point.attempts == 1 else
                          t("missed_of", lang, missed=point.missed, attempts=point.attempts))
            detail.append(f" · {one_line(point.ref)}", style="dim")
            emit(con, Padding(detail, (0, 0, 0, 4)))

    if stats.leeches:
        con.print()
        con.print(Text(t("leeches_title", lang), style="bold"))
        for ref, failures in stats.leeches:
            con.print(Text(f"  {one_line(ref)}  ") + Text(t("failed_times", lang, n=failures),
                                                 style="magenta"))

    _tally_table(con, t("by_bank", lang), stats.by_bank, lang, t("bank_col", lang), 8)
    weakest = sorted(stats.by_tag, key=lambda x: (x.pass_rate, -x.attempts, x.name))
    _tally_table(con, t("by_tag", lang), weakest, lang, t("tag_col", lang), 8)

