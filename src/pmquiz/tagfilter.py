"""`--tag` for practice, mock and list: the questions with any of the tags, and, when
none has them, the line that says which tags there are (a typo is then plain to see)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pmquiz.i18n import Lang
    from pmquiz.model import Question


def with_tags(questions: Iterable[Question], tags: Sequence[str]) -> list[Question]:
    """The questions carrying at least one of `tags` (all of them when none is given)."""
    if not tags:
        return list(questions)
    wanted = set(tags)
    return [q for q in questions if wanted.intersection(q.tags)]


def no_match(pool: Iterable[Question], tags: Sequence[str], lang: Lang) -> str:
    """"No questions match.", then (when --tag was given) the tags of the questions that
    the other choices (banks, type) left, sorted, on one line."""
    from pmquiz.i18n import t  # only when there is something to say: not for --json
    from pmquiz.sanitize import one_line

    message = t("no_questions", lang)
    known = sorted({tag for q in pool for tag in q.tags})
    if not tags or not known:
        return message
    separator = "、" if lang == "zh" else ", "
    return message + "\n" + t("known_tags", lang,
                              tags=separator.join(one_line(tag) for tag in known))
