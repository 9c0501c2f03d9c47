"""Shell completion of bank ids, question references, `--type` and `--lang` values.

Typer calls these with the context parsed so far (`ctx`, by name) and the word being
completed. They never raise: a bank that does not load means no suggestions, and the shell
falls back to completing file names (which is also right for a BANK given as a path).
"""

from __future__ import annotations

from typing import Any

Suggestion = tuple[str, str]  # (value, help shown by zsh and fish)

QUESTION_TYPES: tuple[Suggestion, ...] = (
    ("open", "free text, graded by a rubric"),
    ("choice", "pick the right letters"),
    ("truefalse", "true or false"),
)
LANGUAGES: tuple[Suggestion, ...] = (("zh", "中文"), ("en", "English"))


def _banks(ctx: Any) -> list[Any]:
    """The banks named with `--bank` in the command line so far, else the default banks
    that load (a broken one among them costs only its own suggestions)."""
    from pmquiz.catalog import Catalog, default_sources, load_sources
    from pmquiz.errors import PmquizError

    params = getattr(ctx, "params", None) or {}
    named = params.get("bank") or []
    args = [named] if isinstance(named, str) else list(named)
    try:
        return Catalog.load(args).banks if args else load_sources(default_sources()).banks
    except (PmquizError, OSError, ValueError):
        return []


def bank_ids(ctx: Any, incomplete: str) -> list[Suggestion]:
    """Ids of the banks found (built-in and PMQUIZ_BANKS) that start with the word."""
    if "/" in incomplete or incomplete.startswith((".", "~")):
        return []  # a path: leave it to the shell's file completion
    return [(b.id, _printable(b.title)) for b in _banks(None) if b.id.startswith(incomplete)]


def question_refs(ctx: Any, incomplete: str) -> list[Suggestion]:
    """`BANK_ID/QUESTION_ID` references starting with the word, from the banks given with
    `--bank` if any, else the default banks; then bare question ids starting with it (a
    bare id is accepted where it is unique). Typer keeps only values starting with the
    word, so `core<TAB>` offers `core-ability` and `backoffice-pm-zh/c<TAB>` the refs."""
    refs: list[Suggestion] = []
    bare: dict[str, str] = {}
    for bank in _banks(ctx):
        for question in bank.questions:
            if question.ref.startswith(incomplete):
                refs.append((question.ref, _printable(question.first_line)))
            if incomplete and "/" not in incomplete and question.id.startswith(incomplete):
                bare.setdefault(question.id, _printable(question.first_line))
    return refs + sorted(bare.items())


def question_types(incomplete: str) -> list[Suggestion]:
    return [item for item in QUESTION_TYPES if item[0].startswith(incomplete)]


def languages(incomplete: str) -> list[Suggestion]:
    return [item for item in LANGUAGES if item[0].startswith(incomplete)]


def _printable(text: str) -> str:
    """Help text for the shell: no control character from a bank reaches the terminal."""
    return "".join(c if c.isprintable() else " " for c in text)
