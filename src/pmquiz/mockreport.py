"""A mock interview's report as a file a coach can read: Markdown or one HTML page.

Both are renderings of the same `MockReport` the terminal shows (`mockviews`). Nothing
from a bank or an answer reaches either file unescaped: in Markdown, answers are escaped
and bank text keeps its Markdown but no HTML; in HTML, everything is escaped and bank
Markdown is rendered with raw HTML and images turned off. The page is self-contained
(inline CSS, no script, nothing fetched) and reads on a phone.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from pmquiz.evidence import evidence_spans, evidence_words
from pmquiz.grading import Grade, PointResult
from pmquiz.i18n import Lang, t
from pmquiz.mock import MarkKind, MockAnswer, MockReport
from pmquiz.views import format_elapsed, markdown_text, visible

FORMATS = (".md", ".html")


def report_format(path: Path) -> str | None:
    """`.md` or `.html` (any case), else None."""
    suffix = path.suffix.lower()
    return suffix if suffix in FORMATS else None


def render(report: MockReport, lang: Lang, fmt: str) -> str:
    return to_html(report, lang) if fmt == ".html" else to_markdown(report, lang)


def format_limit(seconds: float) -> str:
    """A time limit as m:ss (0.1 minutes: 0:06)."""
    return format_elapsed(seconds)


def started_text(report: MockReport) -> str:
    return report.started.astimezone().strftime("%Y-%m-%d %H:%M %z")


def summary_lines(report: MockReport, lang: Lang) -> list[str]:
    """The totals and the time, as plain lines (the same in every face of the report)."""
    lines = []
    mean = report.mean_score
    if mean is None:
        lines.append(t("mock_totals_none", lang, asked=report.planned))
    else:
        lines.append(t("mock_totals", lang, answered=len(report.answered),
                       asked=len(report.answers), passed=report.passed,
                       mean=f"{mean * 100:.0f}%"))
    lines.append(t("mock_time_line", lang, used=format_elapsed(report.time_used),
                   allowed=format_elapsed(report.time_allowed),
                   limit=format_limit(report.allowed_seconds)))
    if report.timed_out:
        lines.append(t("mock_time_up_one" if report.timed_out == 1 else "mock_time_up_many",
                       lang, n=report.timed_out))
    if report.ended_early:
        lines.append(t("mock_ended_early", lang, asked=len(report.answers),
                       planned=report.planned))
    return lines


def label(text: str) -> str:
    """A UI word as a document's label: "your answer" -> "Your answer" (Chinese as is)."""
    return text[:1].upper() + text[1:]


def _title(report: MockReport, lang: Lang) -> str:
    return t("mock_report", lang) + (f" · {report.title}" if report.title else "")


def _status(answer: MockAnswer, lang: Lang) -> list[str]:
    """Verdict, score, time taken, time up: the line under each question's heading."""
    parts = []
    if answer.grade is None:
        parts.append(t("skipped_short", lang))
    else:
        parts.append(t("pass" if answer.passed else "fail", lang))
        parts.append(f"{t('score', lang)} {answer.score * 100:.0f}%")
    parts.append(t("mock_time_taken", lang, taken=format_elapsed(answer.seconds)))
    if answer.time_up:
        parts.append(f"**{t('mock_time_up', lang)}**")
    return parts


def _extras(point: PointResult, lang: Lang) -> str:
    """` (×2, 必答)`: a point's weight when it is not 1, and whether it is required."""
    extras = []
    if point.weight != 1:
        extras.append(f"×{point.weight:g}")
    if point.required:
        extras.append(t("required", lang))
    return f" ({', '.join(extras)})" if extras else ""


def _required_missed(grade: Grade, lang: Lang) -> str | None:
    if not grade.missed_required:
        return None
    labels = [p.label for p in grade.points if p.id in grade.missed_required]
    return t("required_missed", lang, points="、".join(labels))


def _evidence(answer: MockAnswer, result: PointResult, penalty: bool = False) -> str:
    """Where the answer hit (or denied) the point, in its own words, not yet escaped."""
    assert answer.grade is not None
    text = answer.grade.answer
    return evidence_words(text, evidence_spans(answer.question, result, text, penalty=penalty),
                          visible)


# -- Markdown ----------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&!])")
_MD_LINE_START = re.compile(r"^(\s*)([-+>=]|\d+[.)])")


def md_escape(text: str) -> str:
    """Text that Markdown shows as written: no emphasis, links, HTML or list markers."""
    escaped = _MD_SPECIAL.sub(r"\\\1", visible(text))
    return _MD_LINE_START.sub(_escape_marker, escaped)


def _escape_marker(match: re.Match[str]) -> str:
    """`- x` -> `\\- x`; `1. x` -> `1\\. x` (a list marker read as text)."""
    lead, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{lead}{marker[:-1]}\\{marker[-1]}"
    return f"{lead}\\{marker}"


def md_bank_text(text: str) -> str:
    """Bank Markdown kept as Markdown, with any HTML in it shown as text."""
    return markdown_text(visible(text)).replace("&", "&amp;").replace("<", "&lt;")


def _quote_block(text: str) -> list[str]:
    return [f"> {line}".rstrip() for line in text.splitlines()] or [">"]


_MD_MARKS: dict[MarkKind, tuple[str, str]] = {
    "hit": ("**", "**"), "negated": ("~~", "~~"), "penalty": ("<u>", "</u>")}


def _md_answer(answer: MockAnswer) -> list[str]:
    """The answer as a block quote, highlights marked, line breaks kept."""
    text = ""
    for piece, kind in answer.answer_pieces():
        lines = piece.split("\n")
        escaped = "\n".join(md_escape(line) for line in lines)
        if kind is None:
            text += escaped
        else:  # a mark never spans lines in Markdown: close and reopen it at each break
            start, end = _MD_MARKS[kind]
            text += "\n".join(f"{start}{line}{end}" if line else ""
                              for line in escaped.split("\n"))
    lines = text.split("\n")
    # A hard line break (backslash) keeps the answer's own lines; blank lines stay blank.
    out = []
    for i, line in enumerate(lines):
        last = i == len(lines) - 1 or not lines[i + 1].strip()
        out.append(line if last or not line.strip() else line + "\\")
    return _quote_block("\n".join(out))


def to_markdown(report: MockReport, lang: Lang) -> str:
    out: list[str] = [f"# {md_escape(_title(report, lang))}", ""]
    out.append(f"{label(t('mock_started', lang, when=started_text(report)))} · "
               f"{t('mock_limit', lang, limit=format_limit(report.allowed_seconds))}")
    for answer in report.answers:
        out += ["", f"## {answer.number}. {md_escape(answer.question.ref)}", ""]
        out.append(" · ".join(_status(answer, lang)))
        out += ["", f"**{label(t('mock_prompt', lang))}**", ""]
        out += _quote_block(md_bank_text(answer.question.prompt))
        out += ["", f"**{label(t('your_answer', lang))}**", ""]
        grade = answer.grade
        if grade is None:
            out.append(t("mock_skipped_answer", lang))
        elif not grade.answer.strip():
            out.append(t("empty_answer", lang))
        else:
            out += _md_answer(answer)
            if any(kind for _, kind in answer.answer_pieces()):
                out += ["", t("mock_legend_md", lang)]
        if grade is not None:
            out += ["", f"**{label(t('mock_points', lang))}**", ""]
            for point in grade.points:
                line = (f"- {'✔' if point.hit else '✘'} {md_escape(point.label)}"
                        f"{_extras(point, lang)}")
                quoted = _evidence(answer, point)
                if point.hit and quoted:
                    line += f" — “{md_escape(quoted)}”"
                elif point.negated and quoted:
                    line += f" — {t('negated', lang)}: “{md_escape(quoted)}”"
                out.append(line)
            for penalty in grade.penalties:
                if penalty.hit:
                    quoted = _evidence(answer, penalty, penalty=True)
                    line = f"- ⚠ −{penalty.weight:g} {md_escape(penalty.label)}"
                    out.append(line + (f" — “{md_escape(quoted)}”" if quoted else ""))
            missing = _required_missed(grade, lang)
            if missing:
                out += ["", f"**{md_escape(missing)}**"]
        if answer.question.reference:
            out += ["", f"**{label(t('reference', lang))}**", ""]
            out += _quote_block(md_bank_text(answer.question.reference))
    out += ["", f"## {t('mock_summary', lang)}", ""]
    if report.answers:
        out.append(f"| # | {t('question', lang)} | {t('score', lang)} | {t('result', lang)} "
                   f"| {t('mock_time_col', lang)} |")
        out.append("|---:|---|---:|---|---:|")
        for answer in report.answers:
            score = "–" if answer.grade is None else f"{answer.score * 100:.0f}%"
            result = (t("skipped_short", lang) if answer.grade is None
                      else t("pass" if answer.passed else "fail", lang))
            taken = format_elapsed(answer.seconds)
            if answer.time_up:
                taken += " " + t("mock_time_up", lang)
            out.append(f"| {answer.number} | {md_escape(answer.question.ref)} | {score} | "
                       f"{result} | {taken} |")
        out.append("")
    for line in summary_lines(report, lang):
        out += [line, ""]
    if not report.answered:  # nothing answered: no "no point missed" either
        return "\n".join(out).rstrip() + "\n"
    out += [f"### {t('mock_weakest', lang)}", ""]
    weak = report.weakest()
    for n, weak_point in enumerate(weak, start=1):
        refs = ", ".join(md_escape(ref) for ref in weak_point.refs)
        out.append(f"{n}. {md_escape(weak_point.label)} — "
                   f"{t('mock_weak_line', lang, n=weak_point.missed)} · {refs}")
    if not weak:
        out.append(t("mock_no_weak", lang))
    return "\n".join(out).rstrip() + "\n"


# -- HTML --------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light dark; --fg: #1d1d1f; --muted: #6e6e73; --bg: #fff;
  --line: #d2d2d7; --pass: #1a7f37; --fail: #cf222e; --mark: #fff3a3; --card: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e6e6; --muted: #a0a0a5;
  --bg: #161618; --line: #3a3a3c; --pass: #3fb950; --fail: #ff7b72; --mark: #6b5900;
  --card: #1f1f22; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.65;
  font: 16px/1.65 system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB",
  "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.25rem; line-height: 1.4; margin: .5rem 0; }
h2 { font-size: 1.1rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.meta, .status, .legend { color: var(--muted); font-size: .9rem; margin: .25rem 0; }
section.q { border-top: 1px solid var(--line); padding: 1rem 0; break-inside: avoid; }
.badge { display: inline-block; padding: 0 .5em; border-radius: .3em; color: #fff;
  font-weight: 600; }
.badge.pass { background: var(--pass); } .badge.fail { background: var(--fail); }
.badge.skipped { background: var(--muted); }
.timeup { color: var(--fail); font-weight: 600; }
.bar { height: .4rem; background: var(--line); border-radius: .2rem; margin: .25rem 0 .75rem; }
.bar span { display: block; height: 100%; border-radius: .2rem; background: var(--pass); }
.bar.fail span { background: var(--fail); }
.prompt, .reference { background: var(--card); border-radius: .4rem; padding: .1rem .9rem; }
.answer { white-space: pre-wrap; overflow-wrap: anywhere; border-left: 3px solid var(--line);
  padding: .25rem .9rem; margin: 0; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: .2em; }
mark.neg { background: none; text-decoration: line-through; color: var(--muted); }
mark.pen { background: none; color: var(--fail); text-decoration: underline wavy; }
ul.points { list-style: none; padding-left: 0; margin: .25rem 0; }
ul.points li { padding-left: 1.4em; text-indent: -1.4em; }
ul.points .hit::before { content: "✔ "; color: var(--pass); }
ul.points .miss::before { content: "✘ "; color: var(--fail); }
ul.points .pen::before { content: "⚠ "; color: var(--fail); }
.evidence { color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .4rem; text-align: left;
  vertical-align: top; }
td.ref { overflow-wrap: anywhere; }
th, td.pass, td.fail, td.skipped { white-space: nowrap; }
td.pass { color: var(--pass); font-weight: 600; }
td.fail { color: var(--fail); font-weight: 600; } td.skipped { color: var(--muted); }
td.num { text-align: right; white-space: nowrap; }
.required { color: var(--fail); margin: .25rem 0; }
.label { font-weight: 600; margin: .75rem 0 .25rem; }
"""

_HTML_MARKS: dict[MarkKind, str] = {"hit": "hit", "negated": "neg", "penalty": "pen"}


def _e(text: str) -> str:
    return html.escape(visible(text), quote=True)


def _bank_html(text: str) -> str:
    """Bank Markdown as HTML: raw HTML shown as text, no images fetched."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).disable("image")
    return str(md.render(markdown_text(visible(text))))


def _html_answer(answer: MockAnswer) -> str:
    parts = []
    for piece, kind in answer.answer_pieces():
        if kind is None:
            parts.append(_e(piece))
        else:
            parts.append(f'<mark class="{_HTML_MARKS[kind]}">{_e(piece)}</mark>')
    return f'<div class="answer">{"".join(parts)}</div>'


def _html_section(answer: MockAnswer, lang: Lang) -> str:
    q = answer.question
    grade = answer.grade
    out = [f'<section class="q" id="q{answer.number}">',
           f"<h2>{answer.number}. {_e(q.ref)}</h2>"]
    if grade is None:
        badge = f'<span class="badge skipped">{_e(t("skipped_short", lang))}</span>'
    else:
        cls = "pass" if answer.passed else "fail"
        badge = (f'<span class="badge {cls}">{_e(t(cls, lang))}</span> '
                 f"{_e(t('score', lang))} <strong>{answer.score * 100:.0f}%</strong>")
    status = [badge, _e(t("mock_time_taken", lang, taken=format_elapsed(answer.seconds)))]
    if answer.time_up:
        status.append(f'<span class="timeup">{_e(t("mock_time_up", lang))}</span>')
    out.append(f'<p class="status">{" · ".join(status)}</p>')
    if grade is not None:
        width = round(max(0.0, min(1.0, grade.score)) * 100)
        cls = "bar" if grade.passed else "bar fail"
        out.append(f'<div class="{cls}"><span style="width:{width}%"></span></div>')
    out.append(f'<p class="label">{_e(label(t("mock_prompt", lang)))}</p>')
    out.append(f'<div class="prompt">{_bank_html(q.prompt)}</div>')
    out.append(f'<p class="label">{_e(label(t("your_answer", lang)))}</p>')
    if grade is None:
        out.append(f"<p><em>{_e(t('mock_skipped_answer', lang))}</em></p>")
    elif not grade.answer.strip():
        out.append(f"<p><em>{_e(t('empty_answer', lang))}</em></p>")
    else:
        out.append(_html_answer(answer))
        if any(kind for _, kind in answer.answer_pieces()):
            out.append(f'<p class="legend">{_e(t("mock_legend_html", lang))}</p>')
    if grade is not None:
        out.append(f'<p class="label">{_e(label(t("mock_points", lang)))}</p>')
        out.append('<ul class="points">')
        for point in grade.points:
            quoted = _evidence(answer, point)
            item = _e(point.label + _extras(point, lang))
            if point.hit and quoted:
                item += f' <span class="evidence">— “{_e(quoted)}”</span>'
            elif point.negated and quoted:
                item += (f' <span class="evidence">— {_e(t("negated", lang))}: '
                         f"“{_e(quoted)}”</span>")
            out.append(f'<li class="{"hit" if point.hit else "miss"}">{item}</li>')
        for penalty in grade.penalties:
            if penalty.hit:
                quoted = _evidence(answer, penalty, penalty=True)
                item = f"−{penalty.weight:g} {_e(penalty.label)}"
                if quoted:
                    item += f' <span class="evidence">— “{_e(quoted)}”</span>'
                out.append(f'<li class="pen">{item}</li>')
        out.append("</ul>")
        missing = _required_missed(grade, lang)
        if missing:
            out.append(f'<p class="required">{_e(missing)}</p>')
    if q.reference:
        out.append(f'<p class="label">{_e(label(t("reference", lang)))}</p>')
        out.append(f'<div class="reference">{_bank_html(q.reference)}</div>')
    out.append("</section>")
    return "\n".join(out)


def to_html(report: MockReport, lang: Lang) -> str:
    title = _title(report, lang)
    meta = (f"{label(t('mock_started', lang, when=started_text(report)))} · "
            f"{t('mock_limit', lang, limit=format_limit(report.allowed_seconds))}")
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">{_e(meta)}</p>',
    ]
    out += [_html_section(answer, lang) for answer in report.answers]
    out.append(f'<section class="summary"><h2>{_e(t("mock_summary", lang))}</h2>')
    if report.answers:
        heads = "".join(f"<th>{_e(label(t(key, lang)))}</th>"
                        for key in ("question", "score", "result", "mock_time_col"))
        out.append(f"<table><thead><tr><th>#</th>{heads}</tr></thead><tbody>")
        for answer in report.answers:
            score = "–" if answer.grade is None else f"{answer.score * 100:.0f}%"
            verdict = ("skipped" if answer.grade is None
                       else "pass" if answer.passed else "fail")
            result = t("skipped_short" if verdict == "skipped" else verdict, lang)
            taken = _e(format_elapsed(answer.seconds))
            if answer.time_up:
                taken += f' <span class="timeup">{_e(t("mock_time_up", lang))}</span>'
            out.append(f'<tr><td class="num">{answer.number}</td>'
                       f'<td class="ref"><a href="#q{answer.number}">{_e(answer.question.ref)}'
                       f'</a></td><td class="num">{score}</td>'
                       f'<td class="{verdict}">{_e(result)}</td>'
                       f'<td class="num">{taken}</td></tr>')
        out.append("</tbody></table>")
    out += [f"<p>{_e(line)}</p>" for line in summary_lines(report, lang)]
    if report.answered:  # nothing answered: no "no point missed" either
        out += _html_weakest(report, lang)
    out += ["</section>", "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _html_weakest(report: MockReport, lang: Lang) -> list[str]:
    out = [f"<h3>{_e(t('mock_weakest', lang))}</h3>"]
    weak = report.weakest()
    if not weak:
        return [*out, f"<p>{_e(t('mock_no_weak', lang))}</p>"]
    out.append("<ol>")
    for point in weak:
        refs = ", ".join(_e(ref) for ref in point.refs)
        out.append(f"<li>{_e(point.label)} <span class=\"evidence\">— "
                   f"{_e(t('mock_weak_line', lang, n=point.missed))} · {refs}</span></li>")
    out.append("</ol>")
    return out
