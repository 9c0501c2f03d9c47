"""Line breaking the way Chinese typesetting does it, for mixed Chinese/Latin text.

A line may break between any two CJK characters, and between CJK and Latin text; Latin
words and numbers ("APP", "1", "3.5") stay whole and break only at spaces; closing
punctuation (，。、；：！？）」』》 …) never starts a line and opening punctuation (（「『《)
never ends one (SPEC 2, "Terminal and pipe").

`breaks` has the signature of Rich's own line divider (`rich._wrap.divide_line`), so the
Rich face installs it there (`install_into_rich`) and every paragraph Rich wraps, in
Markdown, panels and table cells alike, follows these rules. This module does not import
Rich: `wrap` is usable, and tested, on its own.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache

# Never at the start of a line (full-width and ASCII closing marks, iteration marks).
CLOSING = frozenset("，。、；：！？）」』》】〉〕｝〗〙〛’”…‥・·ー々〻ゝゞヽヾ"
                    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
                    ",.;:!?)]}%’”")
# Never at the end of a line.
OPENING = frozenset("（「『《【〈〔｛〖〘〚‘“([{")

NO_BREAK = "\u00a0"  # a space that keeps its neighbours on one line ("误判失败 0")

Measure = Callable[[str], int]


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Terminal cells one character takes: 2 for wide (CJK), 0 for combining marks."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    return sum(char_width(c) for c in text)


def _is_cjk(char: str) -> bool:
    """A character that stands as a word of its own: ideographs, kana, Hangul, full-width
    forms. Breaks are allowed on either side of it (unless punctuation forbids)."""
    return char_width(char) == 2


def break_allowed(before: str, after: str) -> bool:
    """May a line end after `before` and the next begin with `after`?"""
    if after.isspace() or after in CLOSING or before in OPENING or before == NO_BREAK:
        return False
    if before.isspace():
        return True
    if before == after == "—":  # a Chinese dash pair stays together
        return False
    return _is_cjk(before) or _is_cjk(after)


def breaks(text: str, width: int, fold: bool = True, measure: Measure = cell_width,
           hang: bool = True) -> list[int]:
    """Offsets at which to start a new line so that every line fits `width` cells.

    Spaces at a break stay at the end of the line before it. With `hang` they may hang
    past the width (the caller trims them); without, only as far as Rich will trim them
    (`Text.rstrip_end` counts characters, not cells, so a wide line keeps its spaces).
    A piece with no break opportunity wider than the line is folded by characters when
    `fold`, else left to overflow (cropped by the caller).
    """
    result: list[int] = []
    if width <= 0 or not text:
        return result

    def fits(line_start: int, end: int) -> bool:
        line = text[line_start:end]
        body = line.rstrip()
        if measure(body) > width:
            return False
        if hang:
            return True
        trim = max(0, min(len(line) - len(body), len(line) - width))
        return measure(line) - trim <= width

    # The unbreakable pieces: [start, end) spans between break opportunities.
    starts = [0] + [i for i in range(1, len(text)) if break_allowed(text[i - 1], text[i])]
    line_start = 0
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(text)
        if fits(line_start, end):
            continue
        # The piece starts a new line (unless the line is empty).
        if start > line_start:
            result.append(start)
            line_start = start
        if fits(start, end) or not fold:
            continue
        # Too wide for any line: fold it by characters, still never putting closing
        # punctuation first on a line (a long reference, then `：`): the fold moves back
        # to take the character before along, as typesetters do.
        used = 0
        for i in range(start, end):
            w = measure(text[i])
            if used + w > width and i > line_start and not text[i].isspace():
                cut = _fold_point(text, line_start, i)
                result.append(cut)
                line_start = cut
                used = measure(text[cut:i])
            used += w
    return result


def _fold_point(text: str, line_start: int, limit: int) -> int:
    """Where to fold a piece too wide for any line, the line having run out at `limit`:
    moved back so that closing punctuation never starts the next line nor opening
    punctuation ends this one; inside a Latin run, after its last `-` or `/` on the line
    (`backoffice-pm-zh/` | `focus-dimensions`) where it has one."""
    cut = limit
    while cut - 1 > line_start and (text[cut] in CLOSING or text[cut - 1] in OPENING):
        cut -= 1
    if _latin(text[cut - 1]) and _latin(text[cut]):
        for p in range(cut, line_start, -1):
            if not _latin(text[p - 1]):
                break
            if text[p - 1] in "-/":
                return p
    return cut


def _latin(char: str) -> bool:
    """Part of a run that folds as a word: Latin letters, digits and `-/_.`."""
    return (char.isalnum() and not _is_cjk(char)) or char in "-/_."


def widest_piece(text: str, measure: Measure = cell_width) -> int:
    """The width of the widest piece that cannot be broken: the narrowest a column can
    get without cutting text (a Chinese sentence can get as narrow as two cells)."""
    widest = 0
    for paragraph in text.split("\n"):
        start = 0
        for i in range(1, len(paragraph) + 1):
            if i == len(paragraph) or break_allowed(paragraph[i - 1], paragraph[i]):
                widest = max(widest, measure(paragraph[start:i].rstrip()))
                start = i
    return widest


def wrap(text: str, width: int, measure: Measure = cell_width) -> list[str]:
    """Each paragraph line of `text` broken into lines of at most `width` cells."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        offsets = breaks(paragraph, width, True, measure)
        bounds = [0, *offsets, len(paragraph)]
        lines.extend(paragraph[a:b].rstrip() for a, b in zip(bounds, bounds[1:], strict=False))
    return lines


_installed = False


def install_into_rich() -> None:
    """Make Rich wrap every Text with `breaks` (idempotent).

    Rich's divider breaks only at spaces, so a Chinese sentence with a Latin word in it
    is one "word": it is pushed to a new line whole, leaving half a line empty, or cut
    before a `；`. `rich.text.divide_line` is the one place Rich asks where to break.
    """
    global _installed
    if _installed:
        return
    import rich.text
    from rich.cells import cell_len
    from rich.console import Console, ConsoleOptions
    from rich.measure import Measurement

    def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
        return breaks(text, width, fold, cell_len, hang=False)

    def measure(self: rich.text.Text, console: Console, options: ConsoleOptions
                ) -> Measurement:
        # Rich's minimum is the widest space-separated word: a whole Chinese sentence,
        # which makes table columns of Chinese text refuse to shrink (and get cut).
        text = self.plain
        lines = text.splitlines()
        widest = max((cell_len(line) for line in lines), default=0)
        return Measurement(min(widest, widest_piece(text, cell_len)), widest)

    if hasattr(rich.text, "divide_line"):
        rich.text.divide_line = divide_line
        rich.text.Text.__rich_measure__ = measure  # type: ignore[method-assign]
    _installed = True
