"""Writing a JSON array one element at a time (SPEC 2: `history --json` is streamed).

The text is exactly what `pmquiz.output.emit_json` prints for the whole list
(`json.dumps(..., ensure_ascii=False, indent=2)`, C1 controls and bidi overrides escaped
as well), so a streamed document reads like every
other `--json` document, but only one element is in memory at a time. Python's C encoder
does not indent (before 3.13), and the pure-Python one costs three times as much; a flat
object (only strings, numbers, booleans and nulls as values) is therefore encoded by the C
encoder with separators that lay it out as `indent=2` would, which is exact because an
encoded string never holds a raw newline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from pmquiz.output import json_safe

_ITEM = ",\n    "  # between the members of an element (depth 2)
_FLAT = json.JSONEncoder(ensure_ascii=False, separators=(_ITEM, ": ")).encode
_NESTED = json.JSONEncoder(ensure_ascii=False, indent=2).encode
_SCALARS = (str, int, float, bool, type(None))


def element(value: Any) -> str:
    """One element as it appears inside a top-level `indent=2` array (without its comma)."""
    if isinstance(value, dict) and value and all(
            isinstance(v, _SCALARS) for v in value.values()):
        text = _FLAT(value)
        return json_safe("  {\n    " + text[1:-1] + "\n  }")
    return json_safe("  " + _NESTED(value).replace("\n", "\n  "))


def write_array(out: IO[str], items: Iterable[Any]) -> int:
    """Write `items` as one JSON array and a newline; the number of elements written.
    One write per 64 K characters or so, not one per element."""
    count = 0
    chunk: list[str] = []
    size = 0
    for value in items:
        text = element(value)
        chunk.append(("[\n" if count == 0 else ",\n") + text)
        count += 1
        size += len(text)
        if size > 1 << 16:
            out.write("".join(chunk))
            chunk, size = [], 0
    chunk.append("\n]\n" if count else "[]\n")
    out.write("".join(chunk))
    return count
