"""English words in answers and terms: regular inflections and forgiven typos (SPEC 4).

Two words are the same word when their sets of forms meet; a word of the term of 6–9
letters may differ by one edit, of 10 or more by two, and the first letter must agree.
"""

from __future__ import annotations

from collections.abc import Callable
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
    return typo_allowance_of_length(len(word))


def typo_allowance_of_length(n: int) -> int:
    """Edits forgiven in a form of `n` letters: 6–9 one, 10 or more two, shorter none."""
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
    """Within the allowed edits (a swap of neighbours counts as one) of a form of the term.

    The first letter must agree: `bussiness` is `business`; `tension` is not `retention`.
    `forms` are the term word's forms; `allowance` (that of the whole term word) bounds
    what any pair may use. The edits a pair of forms may differ by follow the length of
    the forms actually compared, not of the words they came from (SPEC 4: inflections
    are stripped before comparing): `buying` is compared as `buy` and `but` as `but`,
    three letters each, so no typo is forgiven between them; nor between `sampling`
    (stem `sampl`) and `simple`, or `varies` (`vari`+y) and `very`. The answer word as
    typed is measured by the term's form (`buyng` is a typo of `buying`).
    """
    distance = _osa_distance()
    term_forms = _term_typo_forms(forms, allowance)
    for answer_form, answer_allowance in typo_forms(word):
        if answer_form == word:
            answer_allowance = allowance  # as typed: a typo may have shortened it
        for form, form_allowance in term_forms:
            edits = min(answer_allowance, form_allowance)
            if not edits or answer_form[:1] != form[:1] or abs(
                    len(answer_form) - len(form)) > edits:
                continue
            if distance(answer_form, form, score_cutoff=edits) <= edits:
                return True
    return False


_OSA: list[Callable[..., int]] = []


def _osa_distance() -> Callable[..., int]:
    """rapidfuzz's OSA distance, imported on first need (a typo check runs several times
    per answer: an import statement each time costs more than the check)."""
    if not _OSA:
        from rapidfuzz.distance import OSA

        _OSA.append(OSA.distance)
    return _OSA[0]


@lru_cache(maxsize=16384)
def _term_typo_forms(forms: frozenset[str], allowance: int) -> tuple[tuple[str, int], ...]:
    """A term word's forms with the edits forgiven in each, bounded by `allowance`."""
    return tuple((f, min(allowance, a)) for f, a in _typo_forms_of(forms))


@lru_cache(maxsize=65536)
def typo_forms(word: str) -> tuple[tuple[str, int], ...]:
    """The word's forms, each with the edits forgiven in it: those of its own length,
    where a letter put back by inflection stripping (`making` -> `make`, `varies` ->
    `vary`) does not count towards the length."""
    out: dict[str, int] = {}
    for form in word_forms(word):
        stem = len(form)
        if form != word and not word.startswith(form):
            stem -= 1  # a reconstructed ending (+e, +y): the letters really typed
        out[form] = max(out.get(form, 0), typo_allowance_of_length(stem))
    return tuple(sorted(out.items()))


@lru_cache(maxsize=16384)
def _typo_forms_of(forms: frozenset[str]) -> tuple[tuple[str, int], ...]:
    """A term word's forms with their allowances (the word is the longest form)."""
    word = max(forms, key=lambda f: (len(f), f))
    known = dict(typo_forms(word))
    return tuple((f, known.get(f, typo_allowance_of_length(len(f)))) for f in sorted(forms))
