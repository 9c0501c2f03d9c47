"""`pmquiz check`: validate banks, run every rubric example, report like a test runner.

Every file is loaded and every problem of every file is reported (on stderr, as
`error: file:line: message`), but the check goes on: the valid banks are still graded and
reported. Exit 2 when any bank is invalid, else 1 when an example disagrees (or, under
`--strict`, when there is any warning), else 0.

The report is plain text off a terminal (CI logs: one tab-separated line per bank and per
question shown), Rich at 80 columns on one; `--json` prints one document on stdout and
moves the closing `N passed, N failed` line to stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from pmquiz import checking
from pmquiz.catalog import NO_BANK_FILES, bank_files, default_sources, load_files
from pmquiz.errors import Problem, UsageError
from pmquiz.model import Bank
from pmquiz.output import emit_json, write_error


def run(paths: Sequence[Path], junit: Path | None, json_output: bool, strict: bool,
        only: Sequence[str] = (), verbose: bool = False, lang_option: str | None = None
        ) -> int:
    from pmquiz import checkreport
    from pmquiz.i18n import resolve_lang, shared_language

    if junit is not None:
        check_junit_path(junit)
    banks, errors = load(paths)
    lang = resolve_lang(lang_option, shared_language(b.language for b in banks))
    report = checkreport.only(checking.check(banks, errors), only)
    if only and not errors and checkreport.matched_nothing(report):
        patterns = " ".join(only)
        raise UsageError(f"--only {patterns} matched no question", key="check_no_match",
                         values={"patterns": patterns})
    for problem in report.errors:
        write_error(str(problem))
    if junit is not None:
        _write_junit(report, junit, strict)
    if json_output:
        emit_json(report.to_json(strict))
        sys.stderr.write(report.summary() + "\n")
    else:
        from pmquiz import render

        render.check_report(report, strict, verbose, lang)
        sys.stdout.write(report.summary() + "\n")
    sys.stdout.flush()
    return int(report.exit_code(strict))


def load(paths: Sequence[Path]) -> tuple[list[Bank], list[Problem]]:
    """The valid banks the paths hold (default: built-in and PMQUIZ_BANKS), and the
    problems of every other file. A folder given that holds no bank is a problem too: a
    CI job pointed at the wrong folder must not pass by testing nothing."""
    files: list[Path] = []
    errors: list[Problem] = []
    for source in paths or default_sources():
        found = bank_files(source)
        if paths and source.is_dir() and not found:
            errors.append(Problem(str(source), None, NO_BANK_FILES))
        files.extend(found)
    result = load_files(files)
    for problems in result.problems.values():
        errors.extend(problems)
    return result.banks, errors


def check_junit_path(target: Path) -> None:
    """Refuse, before any work, a --junit path whose folder is missing or is a file (a
    folder as the path itself is Click's to refuse: the option takes no folder). As
    mock --report, export -o and new do, check writes into a folder that exists and never
    makes one."""
    from pmquiz.outputpath import file_in_the_way, folder_of, refuse_overwriting_user_data

    refuse_overwriting_user_data("--junit", target, "report.xml", "err_junit_is_bank_hint")
    folder = folder_of(target)
    values: dict[str, object] = {"path": str(target), "folder": str(folder)}
    blocking = file_in_the_way(folder)
    if blocking is not None:
        values["folder"] = str(blocking)
        raise UsageError(f"--junit {target}: {blocking} is a file, not a folder",
                         "Write the report into a folder, e.g. --junit report.xml.",
                         key="err_junit_folder_is_file", hint_key="err_junit_folder_is_file_hint",
                         values=values)
    if not folder.is_dir():
        raise UsageError(f"--junit {target}: the folder {folder} does not exist",
                         "Create it first, or write the report elsewhere.",
                         key="err_junit_no_folder", hint_key="err_report_no_folder_hint",
                         values=values)


def _write_junit(report: checking.CheckReport, target: Path, strict: bool) -> None:
    from pmquiz import checkreport, junit

    def explain(result: checking.ExampleResult) -> str:
        return "\n".join([f"{result.location}: {result.ref}[#{result.index}]",
                          *checkreport.explain_text(result)])

    try:
        junit.write(report, target, explain, strict)
    except OSError as exc:
        raise UsageError.from_os_error(
            exc, "{path}: cannot write the JUnit report: {reason}",
            "Check that the folder exists and is writable.",
            key="err_junit_write", hint_key="err_junit_write_hint", path=str(target)) from None
