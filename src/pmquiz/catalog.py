"""Finding banks and questions: built-in banks, PMQUIZ_BANKS folders and given paths.

Without paths, the loaded banks are the built-in ones and those of the PMQUIZ_BANKS
folders; a command given a path loads only what that path holds (SPEC 2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from pmquiz import notices, paths
from pmquiz.errors import BankError, Problem, UsageError
from pmquiz.model import Bank, Question

BANK_SUFFIXES = (".yaml", ".yml")


def bank_files(folder_or_file: Path) -> list[Path]:
    """The bank files a path names: the file itself, or every *.yaml/*.yml under a folder."""
    if folder_or_file.is_dir():
        return sorted(
            p for p in folder_or_file.rglob("*")
            if p.suffix in BANK_SUFFIXES and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(folder_or_file).parts)
        )
    return [folder_or_file]


def default_sources() -> list[Path]:
    return [paths.builtin_banks_dir(), *paths.extra_bank_dirs()]


class LoadResult:
    """Banks that loaded, and the problems of those that did not (keyed by file).

    This and `Catalog` are plain classes: making a dataclass runs its generated methods'
    source through the compiler, a few hundred microseconds of every command's start."""

    def __init__(self) -> None:
        self.banks: list[Bank] = []
        self.problems: dict[str, list[Problem]] = {}

    @property
    def ok(self) -> bool:
        return not self.problems

    def raise_if_problems(self) -> None:
        if self.problems:
            raise BankError([p for ps in self.problems.values() for p in ps])


def load_files(files: Iterable[Path]) -> LoadResult:
    """Load every file, keeping going past bad ones; duplicate bank ids name both files."""
    from pmquiz.bankcache import load_bank_cached
    from pmquiz.bankfile import missing_reason

    result = LoadResult()
    seen: dict[str, Bank] = {}
    seen_files: set[Path] = set()
    for file in files:
        missing = missing_reason(file)
        key = file.resolve() if missing is None else file
        if key in seen_files:
            continue
        seen_files.add(key)
        if missing is not None:
            result.problems.setdefault(str(file), []).append(Problem(str(file), None, missing))
            continue
        try:
            bank = load_bank_cached(file)
        except BankError as exc:
            result.problems.setdefault(str(file), []).extend(exc.problems)
            continue
        if bank.id in seen:
            other = seen[bank.id]
            result.problems.setdefault(str(file), []).append(Problem(
                str(file), None,
                f"duplicate bank id '{bank.id}': also used by {other.path}; "
                "bank ids must be unique among loaded banks",
            ))
            continue
        seen[bank.id] = bank
        result.banks.append(bank)
    return result


NO_BANK_FILES = "no bank files (*.yaml, *.yml) in this folder"


def load_sources(sources: Sequence[Path], given: bool = False) -> LoadResult:
    """The banks of files and folders. `given` (paths the user named, not the default
    folders): a folder holding no bank file is a problem, as it is for `check`; going on
    with no banks would practise, list or export nothing and call that success."""
    files: list[Path] = []
    empty: list[Path] = []
    for source in sources:
        if source.is_dir() or not source.exists() or source.suffix in BANK_SUFFIXES:
            found = bank_files(source)
            if given and not found and source.is_dir():
                empty.append(source)
            files.extend(found)
        else:
            files.append(source)
    result = load_files(files)
    for folder in empty:
        result.problems.setdefault(str(folder), []).append(
            Problem(str(folder), None, NO_BANK_FILES))
    return result


def _warn_about_extra_banks(result: LoadResult) -> None:
    """An invalid bank in a PMQUIZ_BANKS folder is left out with a warning, so it does not
    block practising the others; the built-in banks (and paths given) must be valid.
    `pmquiz check` reports every problem as an error."""
    builtin = paths.builtin_banks_dir()
    for name in list(result.problems):
        if Path(name).is_relative_to(builtin):
            continue
        problems = result.problems.pop(name)
        first = problems[0]
        notices.warn("bank_left_out", path=name, problem=first)


_QUESTION_REF = re.compile(r"[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*")


def _names_a_default_question(arg: str) -> bool:
    """Whether a BANK argument that is no file or folder is `BANK_ID/QUESTION_ID` of a
    default bank (`pmquiz list backoffice-pm-zh/core-ability`); a missing folder with a
    name like that stays "no such file or folder"."""
    if not _QUESTION_REF.fullmatch(arg) or Path(arg).exists():
        return False
    bank_id = arg.partition("/")[0]
    return any(b.id == bank_id for b in load_sources(default_sources()).banks)


def looks_like_path(arg: str) -> bool:
    return arg.endswith(BANK_SUFFIXES) or "/" in arg or "\\" in arg or Path(arg).exists()


class Catalog:
    """The loaded banks, and how to find a bank or question in them."""

    def __init__(self, banks: list[Bank]) -> None:
        self.banks = banks

    @classmethod
    def load(cls, args: Sequence[str] = ()) -> Catalog:
        """Banks named by the arguments (ids or paths); all default banks when none.

        Paths load only what they hold; ids are looked up among the default banks.
        Any invalid bank makes this raise BankError (exit 2).
        """
        path_args = [a for a in args if looks_like_path(a)]
        id_args = [a for a in args if not looks_like_path(a)]
        banks: list[Bank] = []
        for arg in path_args:
            if _names_a_default_question(arg):
                raise UsageError(
                    f"'{arg}' is a question reference, not a bank",
                    f"A bank is named by its id or a path; to see this question: pmquiz show "
                    f"{arg}", key="err_ref_not_bank", hint_key="err_ref_not_bank_hint",
                    values={"ref": arg})
        if path_args:
            result = load_sources([Path(a) for a in path_args], given=True)
            result.raise_if_problems()
            banks.extend(result.banks)
        if id_args or not args:
            result = load_sources(default_sources())
            _warn_about_extra_banks(result)
            result.raise_if_problems()
            if id_args:
                by_id = {b.id: b for b in result.banks}
                for bank_id in id_args:
                    if bank_id not in by_id:
                        known = ", ".join(sorted(by_id)) or "none"
                        unloaded = unloaded_file(bank_id)
                        raise UsageError(
                            f"unknown bank '{bank_id}'",
                            unloaded_file_hint(bank_id)
                            or f"Known banks: {known}. A bank is named by its id or by a path "
                            "to a .yaml file or folder.",
                            key="err_unknown_bank",
                            hint_key=_unloaded_key(unloaded, "err_known_banks_hint"),
                            values={"bank": bank_id, "banks": known, **(unloaded or {})},
                        )
                    banks.append(by_id[bank_id])
            else:
                banks.extend(result.banks)
        ids = [b.id for b in banks]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            places = [str(b.path) for b in banks if b.id in dupes]
            dupe = sorted(dupes)[0]
            raise UsageError(f"duplicate bank id '{dupe}' in {' and '.join(places)}",
                             key="err_duplicate_bank",
                             values={"bank": dupe, "places": " and ".join(places),
                                     "places_zh": "、".join(places)})
        return cls(banks)

    def questions(self) -> list[Question]:
        return [q for b in self.banks for q in b.questions]

    def bank_of(self, question: Question) -> Bank:
        for bank in self.banks:
            if bank.id == question.bank_id:
                return bank
        raise KeyError(question.bank_id)

    def find_question(self, ref: str, lang: str | None = None) -> Question:
        """A question by `BANK_ID/QUESTION_ID`, or by a bare id that is unique among the
        loaded banks or, failing that, among the banks in the UI language `lang` (SPEC 2:
        `show core-ability` finds the zh question in a Chinese UI when both banks have it).
        """
        ref = ref.strip()
        as_path = path_in_ref(ref)
        if as_path is not None:
            file, qid = as_path
            example = f"--bank {file} {qid}" if file else ""
            raise UsageError(
                f"unknown question '{ref}'",
                f"{file} is a bank file; a question is named BANK_ID/QUESTION_ID. Pass the "
                f"file with --bank: {example}" if file else
                "A question is named BANK_ID/QUESTION_ID, not by a path; to use a bank file, "
                "pass it with --bank FILE QUESTION_ID.",
                key="err_unknown_question",
                hint_key="err_ref_is_file" if file else "err_ref_is_path",
                values={"ref": ref, "file": file, "example": example},
            )
        if "/" in ref:
            bank_id, _, qid = ref.rpartition("/")
            for bank in self.banks:
                if bank.id == bank_id:
                    question = bank.question(qid)
                    if question is not None:
                        return question
                    close = _close(qid, [q.id for q in bank.questions], prefix=f"{bank_id}/")
                    raise UsageError(
                        f"no question '{qid}' in bank '{bank_id}'",
                        f"Did you mean: {close}?" if close else None,
                        key="err_no_question_in_bank",
                        hint_key="err_did_you_mean" if close else None,
                        values={"id": qid, "bank": bank_id, "names": close},
                    )
            known = ", ".join(b.id for b in self.banks) or "none"
            unloaded = unloaded_file(bank_id, ref)
            raise UsageError(
                f"unknown bank '{bank_id}' in '{ref}'",
                unloaded_file_hint(bank_id, ref) or f"Known banks: {known}.",
                key="err_unknown_bank_in_ref", hint_key=_unloaded_key(unloaded, "err_known_banks"),
                values={"bank": bank_id, "ref": ref, "banks": known, **(unloaded or {})},
            )
        matches = [q for q in self.questions() if q.id == ref]
        if len(matches) > 1 and lang is not None:
            in_lang = [q for q in matches if _lang_matches(self._language(q), lang)]
            if len(in_lang) == 1:
                return in_lang[0]
        if len(matches) == 1:
            return matches[0]
        if not matches and any(b.id == ref for b in self.banks):
            raise UsageError(
                f"'{ref}' is a bank, not a question",
                f"A question is named BANK_ID/QUESTION_ID; pmquiz list {ref} shows the "
                "questions of this bank.", key="err_bank_not_question",
                hint_key="err_bank_not_question_hint", values={"ref": ref})
        if not matches:
            count = len(self.questions())
            close = _close(ref, sorted({q.id for q in self.questions()}))
            raise UsageError(
                f"unknown question '{ref}'",
                f"Did you mean: {close}?" if close
                else f"Run 'pmquiz list' to see the {count} questions.",
                key="err_unknown_question",
                hint_key="err_did_you_mean" if close else "err_run_list",
                values={"ref": ref, "names": close, "n": count},
            )
        refs = ", ".join(q.ref for q in matches)
        raise UsageError(
            f"question id '{ref}' is ambiguous",
            f"Candidates: {refs}. Use BANK_ID/QUESTION_ID.",
            key="err_ambiguous", hint_key="err_candidates", values={"ref": ref, "refs": refs},
        )

    def _language(self, question: Question) -> str:
        for bank in self.banks:
            if bank.id == question.bank_id:
                return bank.language
        return ""

def path_in_ref(ref: str) -> tuple[str, str] | None:
    """When `ref` is written as a path (`bank.yaml:q1`, `/dir/bank.yaml/q1`, `./x/q1`) rather
    than `BANK_ID/QUESTION_ID`: the bank file before the last `:` or `/` and the question id
    after it, or ('', '') when that part is no bank file; None for a ref that reads as ids.
    Bank ids hold no `.`, `:` or `\\`, and at most one `/` separates them from the question
    id, so nothing a real reference looks like is taken for a path."""
    cut = max(ref.rfind(":"), ref.rfind("/"))
    head, qid = (ref[:cut], ref[cut + 1:]) if cut >= 0 else ("", ref)
    pathlike = (ref.startswith(("/", ".", "~")) or "\\" in ref or ":" in ref
                or "/" in head or head.endswith(BANK_SUFFIXES))
    if not pathlike:
        return None
    if head and qid and head.endswith(BANK_SUFFIXES):
        try:
            if Path(head).expanduser().is_file():
                return head, qid
        except (OSError, ValueError):
            pass
    return "", ""


def unloaded_file_hint(bank_id: str, ref: str | None = None) -> str | None:
    """When `bank_id` names a bank file in the current folder that was not loaded: how to
    load it (its path, or the folder in PMQUIZ_BANKS), with the id the file really has."""
    found = unloaded_file(bank_id, ref)
    if found is None:
        return None
    id_note = f" (its bank id is '{found['real_id']}')" if found["real_id"] else ""
    return (f"{found['name']} in this folder is not loaded{id_note}: banks come from the "
            "built-in folder and PMQUIZ_BANKS unless you pass a path. Pass its path "
            f"({found['example']}), or add this folder to PMQUIZ_BANKS "
            "(export PMQUIZ_BANKS=\"$PWD\").")


def unloaded_file(bank_id: str, ref: str | None = None) -> dict[str, str] | None:
    """The facts of `unloaded_file_hint` (file name, its real id when different, the
    command to use), for the hint in the UI language."""
    import glob

    if not bank_id or Path(bank_id).name != bank_id:
        return None  # a path, not a name in this folder: globbing it is refused or wrong
    here = Path.cwd()
    names = [f"{bank_id}{suffix}" for suffix in BANK_SUFFIXES]
    try:
        found = [name for name in names if (here / name).is_file()] or sorted(
            p.name for p in here.glob(f"{glob.escape(bank_id)}.*") if p.suffix in BANK_SUFFIXES
            and p.is_file())
    except OSError:
        return None
    if not found:
        return None
    name = found[0]
    real_id = _bank_id_in(here / name)
    if real_id is None or real_id == bank_id:
        real_id = ""
    elif ref:
        ref = f"{real_id}/{ref.rpartition('/')[2]}"
    example = f"--bank {name} {ref}" if ref else name
    return {"name": name, "real_id": real_id, "example": example}


def _bank_id_in(path: Path) -> str | None:
    """The id of the bank in `path`, or None when it does not load."""
    from pmquiz.bankcache import load_bank_cached

    try:
        return load_bank_cached(path).id
    except (BankError, OSError, ValueError):
        return None


def _unloaded_key(unloaded: dict[str, str] | None, otherwise: str) -> str:
    if unloaded is None:
        return otherwise
    return "err_unloaded_id" if unloaded["real_id"] else "err_unloaded"


def _lang_matches(code: str, lang: str) -> bool:
    return ("zh" if code.lower().startswith("zh") else "en") == lang


def _close(name: str, known: list[str], prefix: str = "") -> str:
    """Up to three known names close to `name`, comma-separated ('' when none)."""
    import difflib

    return ", ".join(prefix + c for c in difflib.get_close_matches(name, known, n=3))
