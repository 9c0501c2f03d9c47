"""What to do about a YAML syntax error: hints for the usual causes in a bank.

PyYAML says where it stopped and what it saw ("mapping values are not allowed here");
an author needs to know why. Three causes cover most of it: a value with `: ` in it that
is not quoted, a tab where YAML wants spaces, and a character YAML reserves (`@`, a
backquote) at the start of an unquoted value, as in `any: [@group]`.
"""

from __future__ import annotations

import re
import unicodedata

_KEY_VALUE = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<key>[^\s:#'\"][^:#]*?):\s+(?P<value>.+?)"
                        r"(?:\s+#.*)?$")
_RESERVED_START = "@`%"


def syntax_hint(text: str, line: int, column: int, problem: str) -> str:
    """A hint for the error at 0-based `line`/`column` of `text`, or "" when none fits."""
    lines = text.splitlines()
    source = lines[line] if 0 <= line < len(lines) else ""
    here = source[column] if 0 <= column < len(source) else ""
    if here == "\t" or (problem and "tab" in problem.lower() and "\t" in source):
        return ("YAML indents with spaces, never tabs: replace the tab on this line with "
                "spaces")
    if "mapping values are not allowed" in problem:
        match = _KEY_VALUE.match(source)
        if match and ": " in match.group("value"):
            quoted = quote(match.group("value"))
            return (f"a value with ': ' in it must be quoted: "
                    f"{match.group('key')}: {quoted}")
        return ("this line is indented more than the key above it, so YAML reads it as "
                "part of that value: align it with the keys it belongs with")
    if "did not find expected" in problem or "expected <block end>" in problem:
        match = _KEY_VALUE.match(source)
        value = match.group("value") if match else ""
        if match and value[0] in "'\"" and value.find(value[0], 1) not in (-1, len(value) - 1):
            inner = value[1:-1] if value.endswith(value[0]) else value
            return (f"the quotes end before the value does: quote the whole value, as in "
                    f"{match.group('key')}: {quote(inner)}")
    if here and here in _RESERVED_START and "cannot start any token" in problem:
        word = re.match(r"[^\s,\]\}]+", source[column:])
        shown = word.group(0) if word else here
        return f"YAML reserves '{here}' at the start of a value: quote it, as in \"{shown}\""
    return ""


def quote(value: str) -> str:
    """`value` as a YAML quoted scalar: double quotes, or single ones if it holds `"`/`\\`."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def control_character_message(text: str, position: int, byte_offset: bool,
                              code: int) -> tuple[int, int, str]:
    """(line, column, message), 1-based, for a control character YAML refused.

    libyaml reports the position in UTF-8 bytes, PyYAML's pure-Python reader in
    characters; either way the author needs a line and column.
    """
    if byte_offset:
        data = text.encode("utf-8")
        before = data[:position].decode("utf-8", "replace")
    else:
        before = text[:position]
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    name = unicodedata.name(chr(code), "") or _CONTROL_NAMES.get(code, "a control character")
    return line, column, (
        f"control character U+{code:04X} ({name}) in the text, invisible in most editors: "
        "delete it (a bank needs none)")


_CONTROL_NAMES = {0x07: "BEL", 0x08: "BACKSPACE", 0x1B: "ESC", 0x00: "NUL", 0x7F: "DEL"}
