"""Click's own usage errors ("No such option", "Missing argument", ...) in Chinese.

The Click that Typer vendors has no gettext hooks: each message is an English f-string
built where it is raised. So for a Chinese UI, `cli.main` asks this module to say the
error again from its kind and its attributes (the option's name, the parameter, the bad
value), in the UI strings. A message this module does not recognise gives None, and Click
shows it as it is (English) rather than losing it. English goes through Click unchanged;
the English side of each UI string is Click's own wording (a test holds them together).

Kinds are told by class name, not by importing Typer's private `_click` package, so this
works the same with the separate Click that older Typers use. Only the error path imports
this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Say = Callable[..., str]

_INVALID = [  # the value messages of Click's and Typer's parameter types
    (re.compile(r"(?P<value>.+) is not a valid (?:int|integer)\.\Z", re.S), "usage_not_int"),
    (re.compile(r"(?P<value>.+) is not a valid float\.\Z", re.S), "usage_not_float"),
    (re.compile(r"(?P<value>.+) is not in the range (?P<range>.+)\.\Z", re.S),
     "usage_not_in_range"),
    # Click's Path type: "File 'x' does not exist.", "Directory 'x' is a file." ...
    *((re.compile(rf"(?P<kind>File|Directory|Path) (?P<value>.+) {state}\.\Z", re.S), key)
      for state, key in (("does not exist", "usage_path_missing"),
                         ("is a file", "usage_path_is_file"),
                         ("is a directory", "usage_path_is_folder"),
                         ("is not readable", "usage_path_unreadable"),
                         ("is not writable", "usage_path_unwritable"))),
]
_PLAIN = [  # UsageError messages of the parser and of commands and groups
    (re.compile(r"No such command (?P<value>.+)\.\Z", re.S), "usage_no_command"),
    (re.compile(r"Missing command\.\Z"), "usage_missing_command"),
    (re.compile(r"Got unexpected extra argument\(s\) \((?P<value>.*)\)\Z", re.S),
     "usage_extra_args"),
    (re.compile(r"Option (?P<option>.+) requires an argument\.\Z", re.S),
     "usage_needs_value"),
    (re.compile(r"Option (?P<option>.+) requires (?P<n>\d+) arguments\.\Z", re.S),
     "usage_needs_values"),
    (re.compile(r"Option (?P<option>.+) does not take a value\.\Z", re.S), "usage_no_value"),
    (re.compile(r"Argument (?P<option>.+) takes (?P<n>\d+) values\.\Z", re.S),
     "usage_arg_values"),
]


@dataclass(frozen=True)
class Rendered:
    """What to print: the usage line and help hint (none without a context), then the
    error message proper, which the caller writes after its error label."""

    head: list[str]
    message: str


def render(exc: Exception, say: Say) -> Rendered | None:
    """`exc` (one of Click's usage errors) in the language of `say`, or None when this
    module does not know the message."""
    message = _message(exc, say)
    if message is None:
        return None
    head: list[str] = []
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        try:
            usage = str(ctx.get_usage())
            names = list(ctx.help_option_names)
            command = str(ctx.command_path)
            has_help = ctx.command.get_help_option(ctx) is not None
        except Exception:  # noqa: BLE001 - a context we cannot read: the message alone
            return Rendered([], message)
        head.append(say("usage_line", usage=usage.removeprefix("Usage: ").strip()))
        if has_help and names:
            head.append(say("usage_try_help", command=f"{command} {names[0]}"))
        head.append("")
    return Rendered(head, message)


def _message(exc: Exception, say: Say) -> str | None:
    kinds = {kind.__name__ for kind in type(exc).__mro__}
    text = str(getattr(exc, "message", "") or "")
    if "NoSuchOption" in kinds:
        name = str(getattr(exc, "option_name", ""))
        if text != f"No such option: {name}":
            return None
        possible = sorted(getattr(exc, "possibilities", None) or [])
        if possible:
            return say("usage_no_option_like", option=name, options=", ".join(possible))
        return say("usage_no_option", option=name)
    if "MissingParameter" in kinds:
        return _missing(exc, text, say)
    if "BadParameter" in kinds:
        detail = _match(_INVALID, text, say)
        hint = _hint(exc)
        if detail is None or hint is None:
            return None
        return say("usage_bad_value", param=hint.replace("'", ""), quoted=hint,
                   detail=detail)
    return _match(_PLAIN, text, say)


def _missing(exc: Any, text: str, say: Say) -> str | None:
    param = getattr(exc, "param", None)
    kind = getattr(exc, "param_type", None) or getattr(param, "param_type_name", None)
    if text or kind not in ("argument", "option"):
        return None  # a message of its own (Choice's "Choose from ..."): Click's words
    extra = None
    if param is not None:
        try:
            extra = param.type.get_missing_message(param=param, ctx=exc.ctx)
        except (AttributeError, TypeError):
            extra = None
    hint = _hint(exc)
    if extra or hint is None:
        return None
    return say("usage_missing_argument" if kind == "argument" else "usage_missing_option",
               param=hint.replace("'", ""), quoted=hint)


def _hint(exc: Any) -> str | None:
    """The parameter as Click names it: `'--limit' / '-n'`."""
    hint = getattr(exc, "param_hint", None)
    if hint is None and getattr(exc, "param", None) is not None:
        try:
            hint = exc.param.get_error_hint(exc.ctx)
        except (AttributeError, TypeError):
            return None
    if hint is None:
        return None
    return hint if isinstance(hint, str) else " / ".join(repr(h) for h in hint)


def _match(table: list[tuple[re.Pattern[str], str]], text: str, say: Say) -> str | None:
    for pattern, key in table:
        found = pattern.match(text)
        if found:
            values = {k: _unquote(v) for k, v in found.groupdict().items()}
            return say(key, **values)
    return None


def _unquote(text: str) -> str:
    """`'abc'` (a repr in Click's message) as `abc`, to be quoted in the UI's own way."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text
