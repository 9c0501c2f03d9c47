"""The one sanitiser for text shown from a bank, the history or a file name (SPEC 2).

Control characters become their visible Unicode symbols (ESC shows as ␛, BEL as ␇), so
no bank or answer can move the cursor, clear the screen, set the window title or plant
an OSC 8 link; C1 controls and bidirectional overrides/isolates become U+FFFD, so no
text can reorder what follows it. Every mapping is one character for one, so offsets
into an answer (the grader's match spans) still line up after `visible`.
"""

from __future__ import annotations

_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))

_VISIBLE: dict[int, int] = {i: 0x2400 + i for i in range(32) if chr(i) not in "\n\t"}
_VISIBLE[0x7F] = 0x2421
_VISIBLE.update(dict.fromkeys(range(0x80, 0xA0), 0xFFFD))
_VISIBLE.update(dict.fromkeys(_BIDI, 0xFFFD))
_VISIBLE.update({0x2028: 0x2424, 0x2029: 0x2424})  # line/paragraph separators: ␤

# For one-line fields (a table cell, a tab-separated field): line breaks and tabs too.
_ONE_LINE = dict(_VISIBLE)
_ONE_LINE.update({ord("\n"): ord(" "), ord("\t"): ord(" ")})


def visible(text: str) -> str:
    """`text` with every control character shown, never acted on; newlines and tabs kept."""
    return text.translate(_VISIBLE)


def one_line(text: str) -> str:
    """`visible`, and on one line: newlines and tabs become spaces (for table cells and
    tab-separated fields, where they would start a row or a field)."""
    return text.translate(_ONE_LINE)
