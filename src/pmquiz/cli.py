"""The command line: parse arguments, hand over to a command module, map errors to exits.

Each command's body lives in `pmquiz.commands.<name>` and is imported only when that
command runs, so start-up pays for Typer and nothing else.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from pmquiz import __version__

app = typer.Typer(
    name="pmquiz",
    help="Practise product-manager interview questions in the terminal, graded by rubrics "
    "that explain themselves.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"pmquiz {__version__}\n")
        raise typer.Exit()


@app.callback()
def _global(
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="Folder for history and cache (default: PMQUIZ_HOME, else the platform's "
            "user data folder).",
            file_okay=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", help="Show the version and exit.", callback=_version,
                     is_eager=True),
    ] = False,
) -> None:
    """Practise PM interview questions; every answer graded, explained and remembered."""
    from pmquiz import paths

    paths.set_data_dir(data_dir)


JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]


@app.command()
def banks(json_output: JsonOpt = False) -> None:
    """List the banks found: id, title, language, question count, path."""
    from pmquiz.commands import browse

    browse.banks(json_output)


@app.command("list")
def list_questions(
    bank: Annotated[
        str | None, typer.Argument(help="Bank id, or path to a .yaml file or folder.")
    ] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", "-t", help="Only questions with this tag "
                                       "(repeatable: any of them).")
    ] = None,
    json_output: JsonOpt = False,
) -> None:
    """List questions: reference, type, tags, difficulty, first line of the prompt."""
    from pmquiz.commands import browse

    browse.list_questions(bank, tag or [], json_output)


@app.command()
def show(
    question: Annotated[str, typer.Argument(help="BANK_ID/QUESTION_ID, or a unique QUESTION_ID.")],
    bank: Annotated[
        list[str] | None,
        typer.Option("--bank", "-b", help="Load this bank id or path instead of the defaults."),
    ] = None,
) -> None:
    """Show one question with its rubric and examples (for bank authors)."""
    from pmquiz.commands import browse

    browse.show(question, bank or [])


LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help="Language of the interface: zh or en (default: the bank's; "
                 "also PMQUIZ_LANG).", show_default=False),
]
BankOpt = Annotated[
    list[str] | None,
    typer.Option("--bank", "-b", help="Load this bank id or path instead of the defaults "
                 "(repeatable)."),
]


@app.command()
def grade(
    question: Annotated[str, typer.Argument(help="BANK_ID/QUESTION_ID, or a unique QUESTION_ID.")],
    dash: Annotated[
        str | None, typer.Argument(metavar="[-]", help="'-' reads the answer from stdin.",
                                   show_default=False)
    ] = None,
    answer: Annotated[
        str | None, typer.Option("--answer", "-a", help="The answer text.", show_default=False)
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", help="Read the answer from this file.", dir_okay=False,
                     show_default=False),
    ] = None,
    json_output: JsonOpt = False,
    bank: BankOpt = None,
    lang: LangOpt = None,
) -> int:
    """Grade one answer; exit 0 if it passes, 1 if it fails. Piped stdin is read."""
    from pmquiz.commands import grade as grade_command
    from pmquiz.errors import UsageError

    if dash not in (None, "-"):
        raise UsageError(f"unexpected argument '{dash}'",
                         "Pass the answer with --answer TEXT, --file FILE, or '-' for stdin.")
    _check_lang(lang)
    code = grade_command.run(question, answer, file, dash == "-", json_output, bank or [], lang)
    raise typer.Exit(code)


def _check_lang(lang: str | None) -> None:
    if lang is not None and lang not in ("zh", "en"):
        from pmquiz.errors import UsageError

        raise UsageError(f"--lang must be zh or en, not '{lang}'")


def main() -> None:
    """Entry point: run the app behind one error boundary (SPEC 2 exit codes)."""
    from pmquiz.errors import BankError, ExitCode, PmquizError

    debug = os.environ.get("PMQUIZ_DEBUG") == "1"
    command = typer.main.get_command(app)
    try:
        result = command.main(args=sys.argv[1:], prog_name="pmquiz", standalone_mode=False)
    except PmquizError as exc:
        if debug:
            raise
        _error(str(exc), every_line=isinstance(exc, BankError))
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.stderr.write("\nInterrupted.\n")
        sys.exit(ExitCode.INTERRUPTED)
    except KeyboardInterrupt:
        sys.stderr.write("\nInterrupted.\n")
        sys.exit(ExitCode.INTERRUPTED)
    except typer.TyperException as exc:  # Click's usage errors
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        else:
            _error(str(exc))
        code = getattr(exc, "exit_code", ExitCode.BAD_INPUT)
        sys.exit(code if isinstance(code, int) and code != 1 else ExitCode.BAD_INPUT)
    except BrokenPipeError:
        # Output piped into `head` and closed: not an error worth a traceback.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
        sys.exit(ExitCode.OK)
    except OSError as exc:
        if debug:
            raise
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        _error(f"{where}{exc.strerror or exc}")
        sys.exit(ExitCode.BAD_INPUT)
    sys.exit(result if isinstance(result, int) else ExitCode.OK)


def _error(message: str, every_line: bool = False) -> None:
    """One red `error:` line on stderr (one per problem for bank files); hints indented."""
    lines = message.splitlines() or ["error"]
    color = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
    for i, line in enumerate(lines):
        first = i == 0 or every_line
        prefix = "error: " if first else "  "
        if color and first:
            sys.stderr.write(f"\x1b[1;31m{prefix}\x1b[0m{line}\n")
        else:
            sys.stderr.write(f"{prefix}{line}\n")
