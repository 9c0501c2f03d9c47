"""The model as plain JSON and back, checking every value against the model's types.

Encoding: a dataclass is the list of its field values in field order, a tuple a list,
a mapping an object, a path a string. Decoding follows the field types of the model's
own dataclasses (read once from their annotations), so a document can only ever become
model objects with values of the declared types; anything else raises ValueError. No
class is named in the document and nothing in it is called: it is data, not code.

The decoder skips each dataclass's `__init__` (the values are already checked) and
shares equal immutable leaves such as terms, which keeps a warm load of a 10,000-question
bank to a few tens of milliseconds.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from pmquiz import model

Decoder = Callable[[Any], Any]


class _Undecodable(ValueError):
    pass


def _fail(expected: str, value: Any) -> Any:
    raise _Undecodable(f"expected {expected}, got {type(value).__name__}")


def dumps(stamp: list[Any], bank: model.Bank) -> bytes:
    """The JSON entry: the stamp it is valid for, then the bank."""
    from pmquiz.gcpause import gc_paused

    with gc_paused():  # as many new lists as the bank has objects, and no cycles
        document = {"stamp": stamp, "bank": _encode(bank)}
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(raw: bytes, stamp: list[Any]) -> model.Bank | None:
    """The bank of an entry made for `stamp`; None when it is not one (never raises)."""
    import gc

    # Tens of thousands of long-lived objects: the collector would walk them over and
    # over while they are made (the same reason the loader pauses it).
    paused = gc.isenabled()
    gc.disable()
    try:
        document = json.loads(raw)
        if not isinstance(document, dict) or document.get("stamp") != stamp:
            return None
        bank = _decoder(model.Bank)(document["bank"])
    except (ValueError, TypeError, KeyError, IndexError, RecursionError, MemoryError):
        return None
    finally:
        if paused:
            gc.enable()
    return bank if isinstance(bank, model.Bank) else None


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


@lru_cache(maxsize=1)
def model_signature() -> str:
    """A hash of every model class's fields and their types: a changed model never
    reads entries written for the old one."""
    parts = []
    for cls in _model_classes():
        hints = typing.get_type_hints(cls, vars(model))
        parts.append(cls.__name__ + ":" + ",".join(
            f"{f.name}={hints[f.name]!r}" for f in dataclasses.fields(cls)))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _model_classes() -> list[type]:
    return sorted((c for c in vars(model).values()
                   if isinstance(c, type) and dataclasses.is_dataclass(c)
                   and c.__module__ == model.__name__), key=lambda c: c.__name__)


@cache
def _decoder(cls: type) -> Decoder:
    """The decoder of one model dataclass, built from its field types.

    Fields of plain types (text, numbers, true/false, or one of them or null) are
    checked in one loop; the others go through their converters.
    """
    fields = dataclasses.fields(cls)
    hints = typing.get_type_hints(cls, vars(model))
    names = tuple(f.name for f in fields)
    count = len(names)
    simple: list[tuple[int, tuple[type, ...], bool]] = []
    complex_: list[tuple[int, Decoder]] = []
    _PENDING[cls] = lambda v: _decoder(cls)(v)  # a recursive type (Term in Term)
    try:
        for index, name in enumerate(names):
            plain = _plain_types(hints[name])
            if plain is not None:
                simple.append((index, plain, float in plain))
            else:
                complex_.append((index, _converter(hints[name])))
    finally:
        del _PENDING[cls]
    new = object.__new__
    by_init = getattr(cls, "__slots__", None) is not None or hasattr(cls, "__post_init__")

    def decode(value: Any) -> Any:
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
        if by_init:  # not a plain dataclass: let its own __init__ run
            return cls(*value)
        instance: Any = new(cls)
        instance.__dict__.update(zip(names, value, strict=True))
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
