"""English words in answers and terms: regular inflections and forgiven typos (SPEC 4).

Two words are the same word when their sets of forms meet; a word of the term of 6–9
letters may differ by one edit, of 10 or more by two, and the first letter must agree.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def word_forms(word: str) -> frozenset[str]:
    """The word and every base it may be a regular inflection of.

    `needed` -> {needed, need, neede}, `making` -> {making, mak, make}, `plans` -> {plans,
    plan}. Two words are the same word when their forms meet, so `need`, `needs`,
    `needed` and `needing` all match, while `plan` and `plain` (or `plane`) never do.
    """
    w = word[:-2] if word.endswith("'s") else word
    forms = {w}
    n = len(w)
    if n > 3:
        if w.endswith("ies") and n > 4:
            forms.add(w[:-3] + "y")
        if w.endswith("es"):
            forms.add(w[:-2])
        if w.endswith("s") and not w.endswith(("ss", "us", "is")):
            forms.add(w[:-1])
        if w.endswith("ied") and n > 4:
            forms.add(w[:-3] + "y")
        if w.endswith("ed"):
            forms.update((w[:-2], w[:-1], _undouble(w[:-2])))
        if w.endswith("ing") and n > 5:
            forms.update((w[:-3], w[:-3] + "e", _undouble(w[:-3])))
    return frozenset(f for f in forms if f)


def same_word(a: str, b: str) -> bool:
    """True when `a` and `b` are regular inflections of one word."""
    return not word_forms(a).isdisjoint(word_forms(b))


def _undouble(w: str) -> str:
    if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        return w[:-1]
    return w


def typo_allowance(word: str) -> int:
    """Edits forgiven in a word of the term: 6–9 letters one, 10 or more two."""
    n = len(word)
    if n >= 10:
        return 2
    if n >= 6:
        return 1
    return 0


def word_matches(word: str, forms: frozenset[str], allowance: int, raw: str) -> bool:
    if not forms.isdisjoint(word_forms(word)):
        return True
    return allowance > 0 and word[:1] == raw[:1] and typo_of(word, forms, allowance)


def typo_of(word: str, forms: frozenset[str], allowance: int) -> bool:
    """Within `allowance` edits (a swap of neighbours counts as one) of a form of the term.

    The first letter must agree: `bussiness` is `business`; `tension` is not `retention`.
    """
    from rapidfuzz.distance import OSA

    for answer_form in word_forms(word):
        for form in forms:
            if answer_form[:1] != form[:1] or abs(len(answer_form) - len(form)) > allowance:
                continue
            if OSA.distance(answer_form, form, score_cutoff=allowance) <= allowance:
                return True
    return False
