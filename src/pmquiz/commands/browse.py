"""`pmquiz banks`, `pmquiz list` and `pmquiz show`: looking at what is loaded."""

from __future__ import annotations

from pmquiz.catalog import Catalog
from pmquiz.model import Bank, Question
from pmquiz.output import console, emit_json


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


def banks(json_output: bool) -> None:
    catalog = Catalog.load()
    if json_output:
        emit_json([bank_document(b) for b in catalog.banks])
        return
    from pmquiz import views

    views.render_banks(console(), catalog.banks)


def list_questions(bank: str | None, tags: list[str], json_output: bool) -> None:
    catalog = Catalog.load([bank] if bank else [])
    questions = catalog.questions()
    if tags:
        wanted = set(tags)
        questions = [q for q in questions if wanted.intersection(q.tags)]
    if json_output:
        emit_json([question_document(q) for q in questions])
        return
    from pmquiz import views

    views.render_question_list(console(), questions)


def show(ref: str, bank_args: list[str]) -> None:
    catalog = Catalog.load(bank_args)
    question = catalog.find_question(ref)
    from pmquiz import views

    views.render_question_detail(console(), question)
