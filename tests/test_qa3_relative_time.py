"""How far away a time is, as review and stats say it ("8 天后", "in 3h"): to the nearest
unit, so a card due in 7 days 23 hours reads "in 8 days" on every screen, never "7"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pmquiz.plain import relative

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(("offset", "lang", "expected"), [
    (timedelta(days=8, seconds=-1), "zh", "8 天后"),
    (timedelta(days=7, hours=11), "zh", "7 天后"),
    (timedelta(days=-3, seconds=5), "zh", "3 天前"),
    (timedelta(hours=23, minutes=50), "en", "in 1d"),
    (timedelta(hours=2, minutes=40), "en", "in 3h"),
    (timedelta(minutes=59, seconds=50), "en", "in 1h"),
    (timedelta(minutes=-20, seconds=-10), "en", "20m ago"),
    (timedelta(seconds=30), "en", "now"),
])
def test_to_the_nearest_unit(offset: timedelta, lang: str, expected: str) -> None:
    assert relative(NOW + offset, NOW, lang) == expected  # type: ignore[arg-type]
