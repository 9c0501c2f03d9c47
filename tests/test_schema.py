"""schema/bank.schema.json and the loader agree: what one accepts, the other accepts.

Editors validate banks with the JSON Schema (`# yaml-language-server: $schema=...`) and
`pmquiz` validates them with its loader; an author must never see one say yes and the
other no.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import REPO
from pmquiz.errors import BankError
from pmquiz.loader import load_bank

SCHEMA_PATH = REPO / "schema" / "bank.schema.json"
VALID_BANKS = sorted(
    [*(REPO / "questions").glob("*.yaml"), *(REPO / "tests" / "data" / "valid").glob("*.yaml")]
)


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _jsonable(value: Any) -> Any:
    """What an editor's YAML plugin hands the schema: JSON, so keys and dates are strings."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _schema_errors(validator: jsonschema.protocols.Validator, text: str) -> list[str]:
    document = _jsonable(yaml.safe_load(text))
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(document)
    ]


def test_schema_is_draft_2020_12_with_help_texts() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["description"]
    question = schema["$defs"]["question"]["properties"]
    point = schema["$defs"]["point"]["properties"]
    # Editors show these as hover help while an author types.
    assert all("description" in question[k] for k in ("id", "type", "prompt", "rubric"))
    assert all("description" in point[k] for k in ("weight", "required", "any", "all"))


def test_there_are_banks_to_check() -> None:
    names = {p.name for p in VALID_BANKS}
    assert "backoffice-pm.zh.yaml" in names
    assert len(VALID_BANKS) >= 3


@pytest.mark.parametrize("path", VALID_BANKS, ids=lambda p: p.name)
def test_repo_bank_is_valid_for_schema_and_loader(
    path: Path, validator: jsonschema.protocols.Validator
) -> None:
    assert _schema_errors(validator, path.read_text(encoding="utf-8")) == []
    bank = load_bank(path)  # raises BankError listing every problem otherwise
    assert bank.questions


def test_valid_data_covers_every_feature() -> None:
    """The valid banks exercise what the schema describes, so both sides are really tested."""
    banks = [load_bank(p) for p in VALID_BANKS]
    questions = [q for b in banks for q in b.questions]
    points = [p for q in questions for p in (*q.rubric.points, *q.rubric.penalties)]
    assert {q.type for q in questions} == {"open", "choice", "truefalse"}
    assert any(q.type == "choice" and q.answer == ("B",) for q in questions)
    assert any(q.type == "choice" and isinstance(q.answer, tuple) and len(q.answer) > 1
               for q in questions)
    assert {True, False} <= {q.answer for q in questions if q.type == "truefalse"}
    assert any(q.rubric.penalties for q in questions)
    assert any(p.all for p in points) and any(p.any for p in points)
    assert any(p.required for p in points) and any(not p.negatable for p in points)
    assert any(p.weight != 1 for p in points)
    assert any(t.is_regex for p in points for t in p.any)
    assert any(t.is_group for p in points for t in p.any)
    assert any(e.score is not None for q in questions for e in q.examples)
    assert any(b.synonyms for b in banks) and any(b.negation_cues for b in banks)
    assert any(b.source for b in banks)
    assert any(t.is_together for p in points for t in p.any)
    assert any(q.lists for q in questions)
    assert any(p.label == p.id for p in points)  # a point without a label


VALID_HEAD = "id: demo\ntitle: Demo\nlanguage: en\nquestions:\n"
OPEN_QUESTION = (
    "  - id: q1\n    type: open\n    prompt: Why?\n    rubric:\n      points:\n"
    "        - id: p1\n          label: Efficiency\n          weight: {weight}\n"
    "          any: [{term}]\n"
)

INVALID_BANKS = {
    "misspelt question key": VALID_HEAD + (
        "  - id: q1\n    type: truefalse\n    promt: Is it?\n    prompt: Is it?\n"
        "    answer: true\n"),
    "misspelt bank key": "id: demo\ntitel: Demo\ntitle: Demo\nlanguage: en\nquestions:\n"
                         "  - {id: q1, type: truefalse, prompt: P, answer: true}\n",
    "weight as text": VALID_HEAD + OPEN_QUESTION.format(weight="heavy", term="efficiency"),
    "weight zero": VALID_HEAD + OPEN_QUESTION.format(weight="0", term="efficiency"),
    "unquoted term no": VALID_HEAD + OPEN_QUESTION.format(weight="1", term="no"),
    "bad bank id": "id: Demo_Bank\ntitle: Demo\nlanguage: en\nquestions:\n"
                   "  - {id: q1, type: truefalse, prompt: P, answer: true}\n",
    "bad question id": VALID_HEAD + "  - {id: -q1, type: truefalse, prompt: P, answer: true}\n",
    "missing title": "id: demo\nlanguage: en\nquestions:\n"
                     "  - {id: q1, type: truefalse, prompt: P, answer: true}\n",
    "threshold above 1": "threshold: 1.5\n" + VALID_HEAD
                         + "  - {id: q1, type: truefalse, prompt: P, answer: true}\n",
    "difficulty 4": VALID_HEAD
                    + "  - {id: q1, type: truefalse, prompt: P, answer: true, difficulty: 4}\n",
    "truefalse answer as text": VALID_HEAD
                                + "  - {id: q1, type: truefalse, prompt: P, answer: 'yes'}\n",
    "truefalse with options": VALID_HEAD + (
        "  - {id: q1, type: truefalse, prompt: P, answer: true, options: {A: x, B: y}}\n"),
    "open question with answer": VALID_HEAD + OPEN_QUESTION.format(
        weight="1", term="efficiency") + "    answer: A\n",
    "open question without rubric": VALID_HEAD + "  - {id: q1, type: open, prompt: P}\n",
    "choice with lower-case option key": VALID_HEAD + (
        "  - {id: q1, type: choice, prompt: P, options: {a: x, B: y}, answer: B}\n"),
    "choice with a number as option key": VALID_HEAD + (
        "  - {id: q1, type: choice, prompt: P, options: {1: x, B: y}, answer: B}\n"),
    "choice with one option": VALID_HEAD + (
        "  - {id: q1, type: choice, prompt: P, options: {A: x}, answer: A}\n"),
    "choice answer as a word": VALID_HEAD + (
        "  - {id: q1, type: choice, prompt: P, options: {A: x, B: y}, answer: Apple}\n"),
    "unknown question type": VALID_HEAD + "  - {id: q1, type: essay, prompt: P}\n",
    "no questions": "id: demo\ntitle: Demo\nlanguage: en\nquestions: []\n",
    "point without terms": VALID_HEAD + (
        "  - id: q1\n    type: open\n    prompt: Why?\n    rubric:\n"
        "      points: [{id: p1, label: L}]\n"),
    "example with expect and score": VALID_HEAD + OPEN_QUESTION.format(
        weight="1", term="efficiency") + (
        "    examples:\n      - {answer: efficiency, expect: pass, score: [0.5, 1]}\n"),
    "example with expect maybe": VALID_HEAD + OPEN_QUESTION.format(
        weight="1", term="efficiency") + "    examples:\n      - {answer: x, expect: maybe}\n",
    "synonym member is a group": "synonyms:\n  a: ['@b']\n" + VALID_HEAD
                                 + "  - {id: q1, type: truefalse, prompt: P, answer: true}\n",
    "empty prompt": VALID_HEAD + "  - {id: q1, type: truefalse, prompt: ' ', answer: true}\n",
    "together with one group": VALID_HEAD + OPEN_QUESTION.format(
        weight="1", term="{together: [[know, understand]]}"),
    "together misspelt": VALID_HEAD + OPEN_QUESTION.format(
        weight="1", term="{togther: [know, business]}"),
    "together inside together": VALID_HEAD + OPEN_QUESTION.format(
        weight="1", term="{together: [know, {together: [a, b]}]}"),
    "together with an empty group": VALID_HEAD + OPEN_QUESTION.format(
        weight="1", term="{together: [know, []]}"),
    "together group member a number": VALID_HEAD + OPEN_QUESTION.format(
        weight="1", term="{together: [know, [business, 10]]}"),
    "lists on a choice question": VALID_HEAD + (
        "  - {id: q1, type: choice, prompt: P, options: {A: x, B: y}, answer: B, lists: true}\n"),
    "lists as text": VALID_HEAD + OPEN_QUESTION.format(
        weight="1", term="efficiency") + "    lists: 'yes'\n",
}


@pytest.mark.parametrize("text", INVALID_BANKS.values(), ids=INVALID_BANKS.keys())
def test_invalid_bank_is_rejected_by_schema_and_loader(
    text: str, validator: jsonschema.protocols.Validator, tmp_path: Path
) -> None:
    assert _schema_errors(validator, text), "the JSON Schema accepted it"
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert all(p.line is not None for p in caught.value.problems)


def test_schema_names_the_field_the_loader_names(
    validator: jsonschema.protocols.Validator, tmp_path: Path
) -> None:
    """Both point at questions[0].rubric.points[0].weight for a weight written as text."""
    text = INVALID_BANKS["weight as text"]
    assert _schema_errors(validator, text) == [
        "questions/0/rubric/points/0/weight: 'heavy' is not of type 'number'"
    ]
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert [p.message for p in caught.value.problems] == [
        "questions[0].rubric.points[0].weight: must be a number, not 'heavy'"
    ]
