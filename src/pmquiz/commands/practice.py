"""`pmquiz practice`: choose the questions, run the session, show the summary."""

from __future__ import annotations

import os
import random

from pmquiz import paths
from pmquiz.catalog import Catalog
from pmquiz.commands.sessionrun import no_questions, run_session
from pmquiz.errors import UsageError
from pmquiz.i18n import Lang, resolve_lang
from pmquiz.model import Bank, Question
from pmquiz.tagfilter import with_tags

DEFAULT_COUNT = 10


def locale_language() -> str | None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else None
    return None


def choose_banks(catalog: Catalog, explicit: bool, lang_option: str | None) -> list[Bank]:
    """Without BANK arguments and with banks in several languages, keep one language.

    The language is --lang, PMQUIZ_LANG or the locale; Chinese (the first edition)
    when none says otherwise.
    """
    banks = catalog.banks
    if explicit or len({_lang_of(b) for b in banks}) <= 1:
        return banks
    wanted = resolve_lang(lang_option or locale_language(), "zh")
    chosen = [b for b in banks if _lang_of(b) == wanted]
    return chosen or banks


def _lang_of(bank: Bank) -> Lang:
    return "zh" if bank.language.lower().startswith("zh") else "en"


def of_type(banks: list[Bank], qtype: str | None) -> list[Question]:
    """Every question of the banks, or those of type `qtype`."""
    return [q for b in banks for q in b.questions if not qtype or q.type == qtype]


def select_questions(banks: list[Bank], tags: list[str], qtype: str | None,
                     count: int | None, seed: int | None) -> list[Question]:
    questions = with_tags(of_type(banks, qtype), tags)
    rng = random.Random(seed)
    rng.shuffle(questions)
    limit = DEFAULT_COUNT if count is None else count
    return questions[:limit] if limit > 0 else questions


def run(bank_args: list[str], tags: list[str], count: int | None, seed: int | None,
        qtype: str | None, lang_option: str | None) -> int:
    from pmquiz.store import History

    if count is not None and count < 0:
        raise UsageError("--count must be 0 (all) or more", key="err_count")
    catalog = Catalog.load(bank_args)
    banks = choose_banks(catalog, bool(bank_args), lang_option)
    questions = select_questions(banks, tags, qtype, count, seed)
    lang = resolve_lang(lang_option, banks[0].language if banks else None)
    if not questions:
        return no_questions(of_type(banks, qtype), tags, lang)
    from pmquiz.scheduling import attach

    history = attach(History.open(paths.history_path()))
    try:
        title = " + ".join(b.title for b in banks
                           if any(q.bank_id == b.id for q in questions))
        return run_session(history, questions, lang, kind="practice", title=title)
    finally:
        history.close()
