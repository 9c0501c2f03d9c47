"""Chinese line breaking (SPEC 2): breaks between CJK characters, closing punctuation
never at a line start, Latin words and numbers whole, lines filled.

The rules are checked on every prompt and reference of both built-in banks at 60, 80
and 100 columns, through `wrap` itself and through Rich (where `install_into_rich` puts
the same rules), the way the views show them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from pmquiz.catalog import Catalog
from pmquiz.views import markdown_text
from pmquiz.wrap import CLOSING, break_allowed, cell_width, install_into_rich, wrap

WIDTHS = (60, 80, 100)
ITEM = re.compile(r"^\s*(?:[-*]|\d+\.)\s+")


def test_the_reported_sentences_break_the_chinese_way() -> None:
    prompt = ("很多人转型做产品经理，最初是被“做出一个APP、积累大量用户”的成就感吸引的。"
              "为什么这类人往往不愿意去做后台？")
    lines = wrap(prompt, 28)
    assert lines == ["很多人转型做产品经理，最初是", "被“做出一个APP、积累大量用",
                     "户”的成就感吸引的。为什么这", "类人往往不愿意去做后台？"]
    # "APP" and "1" stay whole; "；" and "，" never start a line, even when tight.
    assert wrap("请在1个月内上线APP；然后复盘", 15) == ["请在1个月内上线", "APP；然后复盘"]
    assert wrap("第一步，第二步", 6) == ["第一", "步，第", "二步"]
    assert wrap("scaling the back office", 9) == ["scaling", "the back", "office"]


def test_no_break_space_and_opening_punctuation_hold_their_neighbours() -> None:
    assert wrap("误判失败\u00a00，其余", 12) == ["误判失败\u00a00，", "其余"]
    assert any("败\u00a00" in line for line in wrap("误判失败\u00a00，其余", 9))
    lines = wrap("他说（真的）好", 6)
    assert "".join(lines) == "他说（真的）好"
    assert not any(line.endswith("（") or line.startswith("）") for line in lines)
    assert not break_allowed("（", "真") and not break_allowed("真", "。")
    assert break_allowed("个", "A") and break_allowed("P", "让") and not break_allowed("A", "P")


def _paragraphs(markdown: str) -> Iterator[str]:
    """Paragraphs and list items as Markdown reads them: soft line breaks are spaces."""
    current: list[str] = []
    for line in markdown.splitlines():
        if not line.strip() or ITEM.match(line):
            if current:
                yield " ".join(current)
            current = [ITEM.sub("", line).strip()] if line.strip() else []
        else:
            current.append(line.strip())
    if current:
        yield " ".join(current)


def _texts() -> list[tuple[str, str]]:
    found = []
    for q in Catalog.load().questions():
        found.append((f"{q.ref} prompt", q.prompt))
        if q.reference:
            found.append((f"{q.ref} reference", q.reference))
    return found


def _first_piece(line: str) -> str:
    for i in range(1, len(line)):
        if break_allowed(line[i - 1], line[i]):
            return line[:i].rstrip()
    return line


def _problems(lines: list[str], width: int, measure: object = cell_width) -> list[str]:
    assert callable(measure)
    problems = []
    for n, line in enumerate(lines):
        if line[:1] in CLOSING:
            problems.append(f"line starts with {line[0]!r}: {line}")
        if measure(line) > width:
            problems.append(f"wider than {width}: {line}")
        if n + 1 < len(lines) and measure(line) < 0.8 * width:
            # Short only when the next piece would not have fitted (a space may hang).
            if measure(line) + measure(_first_piece(lines[n + 1])) + 1 <= width:
                problems.append(f"short line before a piece that fits: {line!r}")
    return problems


@pytest.mark.parametrize("width", WIDTHS)
def test_every_builtin_text_wraps_by_the_rules(width: int) -> None:
    failures = []
    texts = _texts()
    assert len(texts) > 100  # both banks: prompts and references
    for name, text in texts:
        for paragraph in _paragraphs(markdown_text(text)):
            failures.extend(f"{name}: {p}" for p in _problems(wrap(paragraph, width), width))
    assert failures == []


@pytest.mark.parametrize("width", WIDTHS)
def test_rich_wraps_every_builtin_text_by_the_same_rules(width: int) -> None:
    from rich.cells import cell_len
    from rich.console import Console
    from rich.markdown import Markdown
    from rich.text import Text

    install_into_rich()
    console = Console(width=width, no_color=True, file=None, record=True)
    failures = []
    for name, text in _texts():
        for paragraph in _paragraphs(markdown_text(text)):
            lines = [str(line).rstrip() for line in Text(paragraph).wrap(console, width)]
            failures.extend(f"{name}: {p}" for p in _problems(lines, width, cell_len))
        # And as the views draw it: the rendered Markdown never starts a line badly.
        with console.capture() as captured:
            console.print(Markdown(markdown_text(text), hyperlinks=False))
        for line in captured.get().splitlines():
            body = ITEM.sub("", line).strip()
            if body[:1] in CLOSING:
                failures.append(f"{name}: rendered line starts with {body[0]!r}: {line}")
    assert failures == []
