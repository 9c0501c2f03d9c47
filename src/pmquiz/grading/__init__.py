"""Grading answers against rubrics, exactly as SPEC 4 says, and explaining the grade.

`grade(question, answer)` returns a frozen `Grade`: the score, the verdict and, for every
rubric point and penalty, every occurrence of every term (with its span in the original
answer and whether it was negated). The terminal view, the JSON document and the history
row are all renderings of that one object.

How an open answer is read, one module per step:
1. `answer`: the answer is normalised (`pmquiz.text`), keeping a map back to the
   original text; its clauses and words are indexed once.
2. `terms`: each term is looked up: CJK phrases as substrings, Latin phrases as whole
   words (`words`: inflections stripped, small typos forgiven), `re:` patterns with RE2,
   `@group` as each member of the group, `together` terms as groups in one clause;
   `rubric` compiles a question's terms once.
3. `negation`: each occurrence is checked for negation within its clause.
4. `scoring`: points hit when a counting (non-negated) occurrence satisfies `any` /
   `all`; `lists` flags an answer that is only a run of keywords. Choice and true/false
   answers are scored there too.
5. `results`: what comes back.
"""

from pmquiz.grading.answer import AnswerText
from pmquiz.grading.factors import required_literal
from pmquiz.grading.lists import is_keyword_list
from pmquiz.grading.negation import CueSet, is_negated
from pmquiz.grading.results import KEYWORD_LIST, Grade, Match, PointResult
from pmquiz.grading.rubric import CompiledRubric, compile_rubric
from pmquiz.grading.scoring import (
    grade,
    grade_choice,
    grade_open,
    grade_truefalse,
    parse_choice,
    parse_truefalse,
)
from pmquiz.grading.terms import CompiledTerm, TogetherTerm, compile_term
from pmquiz.grading.words import same_word, typo_allowance, word_forms

__all__ = [
    "KEYWORD_LIST",
    "AnswerText",
    "CompiledRubric",
    "CompiledTerm",
    "CueSet",
    "Grade",
    "Match",
    "PointResult",
    "TogetherTerm",
    "compile_rubric",
    "compile_term",
    "grade",
    "grade_choice",
    "grade_open",
    "grade_truefalse",
    "is_keyword_list",
    "is_negated",
    "parse_choice",
    "parse_truefalse",
    "required_literal",
    "same_word",
    "typo_allowance",
    "word_forms",
]
