"""`pmquiz banks`, `pmquiz list` and `pmquiz show`: looking at what is loaded."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from pmquiz.catalog import Catalog
from pmquiz.model import Bank, Question
from pmquiz.output import emit_json

if TYPE_CHECKING:
    from pmquiz.i18n import Lang


def bank_document(bank: Bank) -> dict[str, object]:
    return {
        "id": bank.id,
        "title": bank.title,
        "language": bank.language,
        "questions": len(bank.questions),
        "path": str(bank.path),
    }


def question_document(question: Question) -> dict[str, object]:
    return {
        "ref": question.ref,
        "bank": question.bank_id,
        "id": question.id,
        "type": question.type,
        "tags": list(question.tags),
        "difficulty": question.difficulty,
        "prompt": question.first_line,
    }


def ui_lang(option: str | None, banks: Sequence[Bank]) -> Lang:
    """SPEC 2's order, with the language the banks in use share (none when mixed)."""
    from pmquiz.i18n import resolve_lang, shared_language

    return resolve_lang(option, shared_language(b.language for b in banks))


def banks(json_output: bool, lang_option: str | None = None) -> None:
    catalog = Catalog.load()
    if json_output:
        emit_json([bank_document(b) for b in catalog.banks])
        return
    from pmquiz import render

    render.banks(catalog.banks, ui_lang(lang_option, catalog.banks))


def list_questions(bank: str | None, tags: list[str], json_output: bool,
                   lang_option: str | None = None) -> None:
    from pmquiz.tagfilter import no_match, with_tags

    catalog = Catalog.load([bank] if bank else [])
    questions = with_tags(catalog.questions(), tags)
    if json_output:
        emit_json([question_document(q) for q in questions])
        return
    from pmquiz import render

    lang = ui_lang(lang_option, catalog.banks)
    render.question_list(questions, lang, no_match(catalog.questions(), tags, lang))


def show(ref: str, bank_args: list[str], lang_option: str | None = None) -> None:
    catalog = Catalog.load(bank_args)
    lang = ui_lang(lang_option, catalog.banks)
    question = catalog.find_question(ref, lang)
    from pmquiz import render
    from pmquiz.i18n import resolve_lang

    render.question_detail(question, resolve_lang(lang_option,
                                                  catalog.bank_of(question).language))
