"""Grading rules' patterns are compiled on first use, and then behave as re.compile's."""

from __future__ import annotations

import re

from pmquiz.grading.lazyre import LazyPattern, lazy_compile


def test_a_lazy_pattern_finds_what_the_compiled_one_finds() -> None:
    text = "后台的关键并不在于交互设计, it isn't about polish"
    for source, flags in ((r"并不在于|isn't about", 0), (r"\bPOLISH\b", re.IGNORECASE)):
        lazy, eager = lazy_compile(source, flags), re.compile(source, flags)
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
        assert lazy.search(text).span() == eager.search(text).span()  # type: ignore[union-attr]
        assert lazy.flags == eager.flags


def test_nothing_is_compiled_until_a_method_is_used() -> None:
    pattern = LazyPattern(r"(unclosed")  # an error would surface at first use, not before
    assert pattern.pattern == r"(unclosed"
    try:
        pattern.search("x")
    except re.error:
        pass
    else:
        raise AssertionError("the broken pattern compiled")
    ready = LazyPattern(r"\d+")
    assert ready.sub("#", "a1b22") == "a#b#"
    assert "sub" in vars(ready)  # later calls go straight to the compiled method
