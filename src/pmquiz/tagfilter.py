"""`--tag` for practice, mock and list: the questions with any of the tags, and, when
none has them, the line that says which tags there are (a typo is then plain to see).

Tags match whatever their case (`--tag Basics` finds `basics`, by Unicode case folding):
the SPEC is silent, and a tag is a name a person types from memory, not an identifier.
`stats` counts them the same way (`spellings`), so its rows are the tags `--tag` knows."""

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
    wanted = {tag.casefold() for tag in tags}
    return [q for q in questions if any(tag.casefold() in wanted for tag in q.tags)]


def spellings(questions: Iterable[Question]) -> dict[str, str]:
    """Each tag's case-folded form mapped to the spelling most of these questions carry
    (a tie goes to the spelling seen first), the one name a tally of that tag goes by."""
    counts: dict[str, dict[str, int]] = {}
    for question in questions:
        for tag in dict.fromkeys(question.tags):  # a spelling counts once per question
            seen = counts.setdefault(tag.casefold(), {})
            seen[tag] = seen.get(tag, 0) + 1
    # max() keeps the first of equal counts, and dicts keep the order of first sight.
    return {key: max(seen, key=seen.__getitem__) for key, seen in counts.items()}


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
