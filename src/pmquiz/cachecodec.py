"""The model as plain JSON and back, checking every value against the model's types.

Encoding: a dataclass is the list of its field values in field order, a tuple a list,
a mapping an object, a path a string. Decoding follows the field types of the model's
own dataclasses (read once from their annotations), so a document can only ever become
model objects with values of the declared types; anything else raises ValueError. No
class is named in the document and nothing in it is called: it is data, not code.

An entry is JSON Lines. The first line is the stamp, the bank's own fields and each
question's "head" (everything but its rubric, options, answer and examples; its bank's
synonyms and negation cues are the bank's, written once). Line i + 1 is question i's
"body": those four fields, then notes on its `re:` patterns (judged valid by the loader
that built the bank, and what the grader reads from each; `_regex_notes`). A command
that lists banks or questions, or grades one question, reads the head line and leaves
the other bodies as bytes: a question's body is decoded (and checked) the first time
one of its four fields is read. Until then the question is a `_PendingQuestion`, a
`Question` subclass that turns itself into a plain `Question` when decoded; equality,
hashing and repr decode first, so it is indistinguishable from one built from the YAML.
A body that fails to decode is replaced by a fresh build of the bank file (the
`recover` callback of `loads`).

The decoder skips each dataclass's `__init__` (the values are already checked) and
shares equal immutable leaves such as terms.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from pmquiz import model

Decoder = Callable[[Any], Any]
# Rebuilds the bank from its file and returns the fresh question of that id (raises
# pmquiz's BankError when it cannot): what a pending question falls back on.
Recover = Callable[[str], model.Question]

# A question's fields decoded only when one of them is read; the fields it shares with
# its bank (written once, in the bank's head).
LAZY_FIELDS = ("rubric", "options", "answer", "examples")
SHARED_FIELDS = ("synonyms", "negation_cues")
HEAD_FIELDS = tuple(f.name for f in dataclasses.fields(model.Question)
                    if f.name not in LAZY_FIELDS and f.name not in SHARED_FIELDS)
BANK_FIELDS = tuple(f.name for f in dataclasses.fields(model.Bank) if f.name != "questions")
_BODY = "_pmquiz_cached_body"  # a pending question's (body bytes, recover) in its __dict__


class _Undecodable(ValueError):
    pass


def _fail(expected: str, value: Any) -> Any:
    raise _Undecodable(f"expected {expected}, got {type(value).__name__}")


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(stamp: list[Any], bank: model.Bank) -> bytes:
    """The entry: the head line (stamp, bank, question heads), then one body per line."""
    from pmquiz.gcpause import gc_paused

    encode = _ENCODER.encode  # never a raw line break: JSON escapes them in strings
    with gc_paused():  # as many new lists as the bank has objects, and no cycles
        heads = []
        bodies = []
        for question in bank.questions:
            head = [_encode(getattr(question, name)) for name in HEAD_FIELDS]
            for name in SHARED_FIELDS:
                value = getattr(question, name)
                own = getattr(bank, name)
                head.append(None if value is own or value == own else _encode(value))
            heads.append(head)
            bodies.append(encode([*[_encode(getattr(question, name)) for name in LAZY_FIELDS],
                                  _regex_notes(question)]))
        header = encode({"stamp": stamp,
                         "bank": [_encode(getattr(bank, name)) for name in BANK_FIELDS],
                         "questions": heads})
        return "\n".join([header, *bodies]).encode("utf-8")


def loads(raw: bytes, stamp: list[Any], recover: Recover) -> model.Bank | None:
    """The bank of an entry made for `stamp`; None when it is not one (never raises).

    Only the head line is decoded here; each question's body waits in it as bytes.
    """
    import gc

    # Thousands of long-lived objects: the collector would walk them over and over
    # while they are made (the same reason the loader pauses it).
    paused = gc.isenabled()
    gc.disable()
    try:
        head, *bodies = raw.split(b"\n")
        document = json.loads(head)
        if not isinstance(document, dict) or document.get("stamp") != stamp:
            return None
        bank = _bank(document["bank"], document["questions"], bodies, recover)
    except (ValueError, TypeError, KeyError, IndexError, RecursionError, MemoryError):
        return None
    finally:
        if paused:
            gc.enable()
    return bank


def _bank(values: Any, heads: Any, bodies: list[bytes], recover: Recover) -> model.Bank:
    """The bank from its head line's values; its questions pending, one body each."""
    if type(heads) is not list or len(heads) != len(bodies):
        _fail("a head per body", heads)
    state = dict(zip(BANK_FIELDS, _row(model.Bank, BANK_FIELDS)(values), strict=True))
    head_row = _row(model.Question, HEAD_FIELDS)
    shared = [(name, _converter(_hints(model.Question)[name])) for name in SHARED_FIELDS]
    count = len(HEAD_FIELDS)
    new = object.__new__
    questions = []
    for head, body in zip(heads, bodies, strict=True):
        if type(head) is not list or len(head) != count + len(shared):
            _fail("a question head", head)
        question: Any = new(_PendingQuestion)
        fields = question.__dict__
        fields.update(zip(HEAD_FIELDS, head_row(head[:count]), strict=True))
        for (name, convert), value in zip(shared, head[count:], strict=True):
            fields[name] = state[name] if value is None else convert(value)
        fields[_BODY] = (body, recover)
        questions.append(question)
    state["questions"] = tuple(questions)
    bank: Any = new(model.Bank)
    bank.__dict__.update(state)
    return typing.cast(model.Bank, bank)


class _PendingQuestion(model.Question):
    """A question whose body is still bytes of the cache entry (see the module's doc)."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        _decode_body(self)  # now a plain Question: compare as one
        return self == other

    __hash__ = model.Question.__hash__

    def __repr__(self) -> str:
        _decode_body(self)
        return repr(self)


class _LazyField:
    """One of LAZY_FIELDS on a pending question: reading it decodes the body."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        _decode_body(instance)
        return instance.__dict__[self.name]


for _name in LAZY_FIELDS:
    setattr(_PendingQuestion, _name, _LazyField(_name))


def _decode_body(question: Any) -> None:
    """Decode a pending question's body into its fields; it becomes a plain Question.

    A body that does not decode (a damaged or forged entry) is replaced by the fields
    of a fresh build of the bank (`recover`, which also rewrites the entry).
    """
    state = question.__dict__
    pending = state.get(_BODY)
    if pending is None:
        return
    body, recover = pending
    try:
        document = json.loads(body)
        if type(document) is not list or len(document) != len(LAZY_FIELDS) + 1:
            _fail("a question body", document)
        notes = document.pop()
        values = _row(model.Question, LAZY_FIELDS)(document)
        _take_regex_notes(notes)
    except (ValueError, TypeError, KeyError, IndexError, RecursionError, MemoryError):
        fresh = recover(state["id"])
        values = [getattr(fresh, name) for name in LAZY_FIELDS]
    state.update(zip(LAZY_FIELDS, values, strict=True))
    state.pop(_BODY, None)  # (another thread may have decoded it meanwhile: same values)
    object.__setattr__(question, "__class__", model.Question)


def _regex_notes(question: model.Question) -> list[Any]:
    """What the grader needs to know of the question's `re:` patterns, kept with its body:
    the patterns (the loader that built this bank judged them valid) and each one's
    required literal and factors (`grading.factors`), so that a cached bank's rubric
    compiles without parsing or judging its patterns again. The analyses are marked with
    the version of the code that made them, and taken only by that same code."""
    from pmquiz.grading import factors

    patterns: dict[str, None] = {}
    for point in (*question.rubric.points, *question.rubric.penalties):
        for term in (*point.any, *point.all):
            for written in (m for group in term.together for m in group) if term.together \
                    else (term,):
                if written.text.startswith("re:"):
                    patterns[written.text[3:]] = None
    if not patterns:
        return []
    analyses = []
    for pattern in patterns:
        literal, found = factors.analyse(pattern)
        analyses.append([pattern, literal, [list(f) for f in found]])
    return [factors.analysis_version(), analyses]


def _take_regex_notes(notes: Any) -> None:
    """Vouch for a decoded body's patterns and take their analyses (see `_regex_notes`);
    raises _Undecodable (the body is then rebuilt) when the notes are not as written."""
    if notes == []:
        return
    if type(notes) is not list or len(notes) != 2 or type(notes[0]) is not str or (
            type(notes[1]) is not list):
        _fail("regex notes", notes)
    analyses: dict[str, Any] = {}
    for note in notes[1]:
        if type(note) is not list or len(note) != 3:
            _fail("a regex note", note)
        pattern, literal, found = note
        if type(pattern) is not str or not (literal is None or type(literal) is str) or (
                type(found) is not list):
            _fail("a regex note", note)
        factor_tuples = []
        for factor in found:
            if type(factor) is not list or not factor or not set(map(type, factor)) <= _TEXT:
                _fail("a factor", factor)
            factor_tuples.append(tuple(factor))
        analyses[pattern] = (literal, tuple(factor_tuples))
    from pmquiz import regex
    from pmquiz.grading import factors

    regex.vouch(analyses)
    if notes[0] == factors.analysis_version():
        factors.remember(analyses)


# Field names of each model class met while encoding: dataclasses.fields() per object
# was most of the time a first load spends writing its cache entry.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_TEXT = {str}


def _encode(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is float or kind is int or kind is bool or value is None:
        return value
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return [_encode(getattr(value, name)) for name in names]
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, Path):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def content_hash(data: bytes) -> str:
    """A cryptographic hash of `data` (BLAKE2b, pmquiz.digest): what keys an entry to its
    file's bytes."""
    from pmquiz.digest import blake2b_hex

    return blake2b_hex(data)


@lru_cache(maxsize=1)
def model_signature() -> str:
    """A hash of every model class's fields and their annotations (and of the model's
    type aliases): a changed model never reads entries written for the old one.

    The annotations as written, not evaluated (evaluating all of them was 1 ms of every
    start-up); what they mean is checked on decoding anyway.
    """
    parts = [f"{name}={value!r}" for name, value in sorted(vars(model).items())
             if not name.startswith("_") and not isinstance(value, type) and (
                 typing.get_origin(value) is not None)]
    for cls in _model_classes():
        parts.append(cls.__name__ + ":" + ",".join(
            f"{f.name}={f.type}" for f in dataclasses.fields(cls)))
    return content_hash("\n".join(parts).encode())[:16]


def _model_classes() -> list[type]:
    return sorted((c for c in vars(model).values()
                   if isinstance(c, type) and dataclasses.is_dataclass(c)
                   and c.__module__ == model.__name__), key=lambda c: c.__name__)


@cache
def _hints(cls: type) -> dict[str, Any]:
    """The field types of a model class: `typing.get_type_hints(cls, vars(model))`.

    The model's annotations are text (`from __future__ import annotations`), and
    get_type_hints compiles every one of them, the same `str` and `tuple[str, ...]` over
    and over (a few hundred microseconds of every command's start); here each distinct
    text is evaluated once, and a plain name is only looked up.
    """
    return {f.name: _annotation(f.type) if isinstance(f.type, str) else f.type
            for f in dataclasses.fields(cls)}


@cache
def _annotation(text: str) -> Any:
    """One annotation of the model, evaluated in the model's namespace."""
    namespace = vars(model)
    if text.isidentifier():
        found = namespace.get(text, _BUILTIN_TYPES.get(text))
        if found is not None:
            return found
    return eval(text, dict(namespace))  # noqa: S307 - the model's own source, not data


_BUILTIN_TYPES: dict[str, type] = {t.__name__: t for t in (str, int, float, bool)}


@cache
def _row(cls: type, names: tuple[str, ...]) -> Callable[[Any], list[Any]]:
    """The checker of a list of values of `names`, fields of the model dataclass `cls`:
    it converts the list in place (nested model objects, tuples, floats) and returns it.

    Fields of plain types (text, numbers, true/false, or one of them or null) are
    checked in one loop; the others go through their converters.
    """
    hints = _hints(cls)
    count = len(names)
    simple: list[tuple[int, tuple[type, ...], bool]] = []
    complex_: list[tuple[int, Decoder]] = []
    for index, name in enumerate(names):
        plain = _plain_types(hints[name])
        if plain is not None:
            simple.append((index, plain, float in plain))
        else:
            complex_.append((index, _converter(hints[name])))

    def check(value: Any) -> list[Any]:
        if type(value) is not list or len(value) != count:
            _fail(f"{cls.__name__} fields", value)
        for index, allowed, to_float in simple:
            item = value[index]
            kind = type(item)
            if kind not in allowed:
                if kind is int and to_float:
                    value[index] = float(item)
                    continue
                _fail(f"{cls.__name__}.{names[index]}", item)
        for index, convert in complex_:
            value[index] = convert(value[index])
        return typing.cast(list[Any], value)

    return check


@cache
def _decoder(cls: type) -> Decoder:
    """The decoder of one model dataclass (all its fields), built from its field types."""
    names = tuple(f.name for f in dataclasses.fields(cls))
    _PENDING[cls] = lambda v: _decoder(cls)(v)  # a recursive type (Term in Term)
    try:
        check = _row(cls, names)
    finally:
        del _PENDING[cls]
    new = object.__new__
    by_init = getattr(cls, "__slots__", None) is not None or hasattr(cls, "__post_init__")

    def decode(value: Any) -> Any:
        values = check(value)
        if by_init:  # not a plain dataclass: let its own __init__ run
            return cls(*values)
        instance: Any = new(cls)
        instance.__dict__.update(zip(names, values, strict=True))
        return instance

    return _shared(decode) if cls is model.Term else decode


def _plain_types(hint: Any) -> tuple[type, ...] | None:
    """The JSON types a field of plain type takes (bool is never an int here), or None."""
    if hint in (str, bool, int, float, type(None)):
        return (hint,)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = typing.get_args(hint)
        if all(a in (str, bool, int, float, type(None)) for a in args):
            return tuple(args)
    return None


_PENDING: dict[type, Decoder] = {}


def _shared(decode: Decoder) -> Decoder:
    """Equal terms decode to one shared object (they are immutable)."""
    seen: dict[str, Any] = {}

    def shared(value: Any) -> Any:
        if type(value) is list and len(value) == 2 and value[1] == [] and (
                type(value[0]) is str):
            found = seen.get(value[0])
            if found is None:
                found = seen[value[0]] = decode(value)
            return found
        return decode(value)

    return shared


def _converter(hint: Any) -> Decoder:
    """A checking converter from JSON to the type `hint` (the model's own types only)."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is str:
        return lambda v: v if type(v) is str else _fail("text", v)
    if hint is bool:
        return lambda v: v if type(v) is bool else _fail("true/false", v)
    if hint is int:
        return lambda v: v if type(v) is int else _fail("a whole number", v)
    if hint is float:
        return lambda v: float(v) if type(v) in (int, float) else _fail("a number", v)
    if hint is Path:
        return lambda v: Path(v) if type(v) is str else _fail("a path", v)
    if hint is type(None):
        return lambda v: v if v is None else _fail("null", v)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if hint in _PENDING:
            pending = hint
            return lambda v: _decoder(pending)(v)
        return _decoder(hint)
    if origin is typing.Literal:
        allowed = set(args)
        return lambda v: v if v in allowed and type(v) is str else _fail(str(args), v)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            if args[0] is str:  # texts, ids, tags: one check for the whole list
                return lambda v: tuple(v) if type(v) is list and set(map(type, v)) <= _TEXT \
                    else _fail("a list of texts", v)
            item = _converter(args[0])
            return lambda v: tuple([item(x) for x in v]) if type(v) is list else _fail(
                "a list", v)
        items = [_converter(a) for a in args]
        return lambda v: tuple([c(x) for c, x in zip(items, v, strict=True)]) if (
            type(v) is list and len(v) == len(items)) else _fail(f"{len(items)} items", v)
    if origin in (Mapping, dict) or origin is typing.Mapping:
        key, item = _converter(args[0]), _converter(args[1])
        return lambda v: {key(k): item(x) for k, x in v.items()} if type(v) is dict else _fail(
            "an object", v)
    if origin in (typing.Union, types.UnionType):
        nullable = type(None) in args
        options = [_converter(a) for a in args if a is not type(None)]

        def union(v: Any) -> Any:
            if v is None and nullable:
                return None
            for option in options:
                try:
                    return option(v)
                except (_Undecodable, TypeError, ValueError):
                    continue
            return _fail(str(hint), v)

        return union
    raise TypeError(f"the cache cannot decode {hint!r}")  # a model type to teach it
