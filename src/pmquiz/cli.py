"""The command line: parse arguments, hand over to a command module, map errors to exits.

Each command's body lives in `pmquiz.commands.<name>` and is imported only when that
command runs, so start-up pays for Typer and nothing else.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pmquiz import __version__, completion

if TYPE_CHECKING:
    from pmquiz.i18n import Lang

_APP_SETTINGS: dict[str, Any] = {
    "name": "pmquiz",
    "help": "Practise product-manager interview questions in the terminal, graded by "
    "rubrics that explain themselves.",
    "no_args_is_help": True,
    "add_completion": True,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": None,
    # `-h` as well as `--help`, inherited by every command.
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
app = typer.Typer(**_APP_SETTINGS)


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


def _lang_value(value: str | None) -> str | None:
    """`--lang ZH` means zh, as PMQUIZ_LANG=ZH does, and so does a language tag of Chinese
    or English (`zh-CN`, `zh_TW`, `zh-Hant`, `en-GB`, as a locale or a bank's `language`
    is written); anything else is judged by _check_lang."""
    if value is not None:
        import re

        match = re.fullmatch(r"(zh|en)(?:[-_][a-z0-9]{1,8})*", value.strip().lower())
        if match:
            return match.group(1)
    return value


JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help="Language of the interface: zh or en (default: the bank's; "
                 "also PMQUIZ_LANG).", show_default=False, autocompletion=completion.languages,
                 callback=_lang_value),
]


@app.command()
def banks(json_output: JsonOpt = False, lang: LangOpt = None) -> None:
    """List the banks found: id, title, language, question count, path."""
    from pmquiz.commands import browse

    _check_lang(lang)
    browse.banks(json_output, lang)


@app.command("list")
def list_questions(
    bank: Annotated[
        str | None, typer.Argument(help="Bank id, or path to a .yaml file or folder.",
                                   autocompletion=completion.bank_ids)
    ] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", "-t", help="Only questions with this tag "
                                       "(repeatable: any of them).")
    ] = None,
    json_output: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """List questions: reference, type, tags, difficulty, first line of the prompt."""
    from pmquiz.commands import browse

    _check_lang(lang)
    browse.list_questions(bank, tag or [], json_output, lang)


@app.command()
def show(
    question: Annotated[str, typer.Argument(help="BANK_ID/QUESTION_ID, or a unique QUESTION_ID.",
                                            autocompletion=completion.question_refs)],
    bank: Annotated[
        list[str] | None,
        typer.Option("--bank", "-b", help="Load this bank id or path instead of the defaults.",
                     autocompletion=completion.bank_ids),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Show one question with its rubric and examples (for bank authors)."""
    from pmquiz.commands import browse

    _check_lang(lang)
    browse.show(question, bank or [], lang)


BankOpt = Annotated[
    list[str] | None,
    typer.Option("--bank", "-b", help="Load this bank id or path instead of the defaults "
                 "(repeatable).", autocompletion=completion.bank_ids),
]


@app.command()
def grade(
    question: Annotated[str, typer.Argument(help="BANK_ID/QUESTION_ID, or a unique QUESTION_ID.",
                                            autocompletion=completion.question_refs)],
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
                         "Pass the answer with --answer TEXT, --file FILE, or '-' for stdin.",
                         key="err_unexpected_arg", hint_key="err_unexpected_arg_hint",
                         values={"value": dash})
    _check_lang(lang)
    code = grade_command.run(question, answer, file, dash == "-", json_output, bank or [], lang)
    raise typer.Exit(code)


@app.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Bank files or folders (default: the built-in banks and the "
                       "PMQUIZ_BANKS folders).", show_default=False),
    ] = None,
    junit: Annotated[
        Path | None,
        typer.Option("--junit", help="Also write a JUnit XML report to this file.",
                     dir_okay=False, show_default=False),
    ] = None,
    json_output: JsonOpt = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Treat warnings as failures.")
    ] = False,
    only: Annotated[
        list[str] | None,
        typer.Option("--only", help="Check only questions whose BANK_ID/QUESTION_ID matches "
                     "this glob (repeatable).", show_default=False),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every question, not only those "
                           "with a failure or warning.")
    ] = False,
    lang: LangOpt = None,
) -> None:
    """Validate banks and run every rubric example; exit 1 if one disagrees, 2 if invalid."""
    from pmquiz.commands import check as check_command

    _check_lang(lang)
    raise typer.Exit(check_command.run(paths or [], junit, json_output, strict, only or [],
                                       verbose, lang))


# Options shared by the session commands (practice, mock).
SessionBanksArg = Annotated[
    list[str] | None,
    typer.Argument(help="Bank ids or paths (default: the built-in banks in your language "
                   "and the PMQUIZ_BANKS folders).", show_default=False,
                   autocompletion=completion.bank_ids),
]
SessionTagOpt = Annotated[
    list[str] | None,
    typer.Option("--tag", "-t", help="Only questions with this tag (repeatable).",
                 show_default=False),
]
SeedOpt = Annotated[
    int | None,
    typer.Option("--seed", help="Seed for a reproducible question order.", show_default=False),
]


@app.command()
def practice(
    banks: SessionBanksArg = None,
    tag: SessionTagOpt = None,
    count: Annotated[
        int | None,
        typer.Option("--count", "-n", help="How many questions (default 10; 0 for all).",
                     show_default=False),
    ] = None,
    seed: SeedOpt = None,
    qtype: Annotated[
        str | None,
        typer.Option("--type", help="Only questions of this type: open, choice or truefalse.",
                     show_default=False, autocompletion=completion.question_types),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Answer questions in the terminal; each answer is graded, explained and saved."""
    from pmquiz.commands import practice as practice_command

    _check_lang(lang)
    if qtype is not None and qtype not in ("open", "choice", "truefalse"):
        from pmquiz.errors import UsageError

        raise UsageError(f"--type must be open, choice or truefalse, not '{qtype}'",
                         key="err_type", values={"value": qtype})
    raise typer.Exit(practice_command.run(banks or [], tag or [], count, seed, qtype, lang))


@app.command()
def history(
    limit: Annotated[
        int, typer.Option("--limit", "-n", help="How many attempts to show (0 for all).")
    ] = 20,
    json_output: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Recent attempts, newest first."""
    from pmquiz.commands import history as history_command

    _check_lang(lang)
    history_command.run(limit, json_output, lang)


@app.command()
def review(
    count: Annotated[
        int | None,
        typer.Option("--count", "-n", help="Ask at most this many questions.",
                     show_default=False),
    ] = None,
    list_only: Annotated[
        bool, typer.Option("--list", help="Only show the queue, in asking order.")
    ] = False,
    json_output: JsonOpt = False,
    lang: LangOpt = None,
) -> None:
    """Re-ask missed questions first, then those due by the spaced-repetition schedule."""
    from pmquiz.commands import review as review_command

    _check_lang(lang)
    raise typer.Exit(review_command.run(count, list_only, json_output, lang))


@app.command()
def stats(json_output: JsonOpt = False, lang: LangOpt = None) -> None:
    """Totals, pass rate by bank and tag, most-missed rubric points, daily activity."""
    from pmquiz.commands import stats as stats_command

    _check_lang(lang)
    stats_command.run(json_output, lang)


@app.command()
def mock(
    banks: SessionBanksArg = None,
    count: Annotated[
        int | None,
        typer.Option("--count", "-n", help="How many open questions (default 5; 0 for all).",
                     show_default=False),
    ] = None,
    minutes: Annotated[
        float, typer.Option("--minutes", "-m", help="Time limit per answer in minutes "
                            "(decimals allowed).")
    ] = 3.0,
    seed: SeedOpt = None,
    tag: SessionTagOpt = None,
    report: Annotated[
        Path | None,
        typer.Option("--report", help="Also write the report to this file: Markdown (.md) "
                     "or a self-contained HTML page (.html).", dir_okay=False,
                     show_default=False),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """A timed mock interview: no hints or verdicts until the report at the end."""
    from pmquiz.commands import mock as mock_command

    _check_lang(lang)
    raise typer.Exit(mock_command.run(banks or [], tag or [], count, minutes, seed, report,
                                      lang))


# -- bank authoring: new, schema, overrules ---------------------------------------------


@app.command()
def new(
    file: Annotated[str, typer.Argument(help="The bank file to create (.yaml or .yml); "
                                        "'-' prints the bank instead.")],
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Language of the starter bank: zh or en (default: "
                     "PMQUIZ_LANG, else the locale, else zh).", show_default=False,
                     autocompletion=completion.languages),
    ] = None,
) -> None:
    """Write a commented starter bank that passes `pmquiz check --strict`; never overwrites."""
    from pmquiz.commands import new as new_command

    _check_lang(lang)
    new_command.run(file, lang)


@app.command()
def schema(
    path: Annotated[
        bool, typer.Option("--path", help="Print where the installed schema file is instead.")
    ] = False,
) -> None:
    """Print the bank JSON Schema (for editors and other validators)."""
    from pmquiz.commands import schema as schema_command

    schema_command.run(path)


@app.command()
def overrules(
    banks: Annotated[
        list[str] | None,
        typer.Argument(help="Only these bank ids or paths (default: every overrule, "
                       "regraded with the default banks).", show_default=False,
                       autocompletion=completion.bank_ids),
    ] = None,
    as_yaml: Annotated[
        bool, typer.Option("--yaml", help="Print those today's rubric still grades otherwise "
                           "as examples: entries to paste into the bank.")
    ] = False,
    lang: LangOpt = None,
) -> None:
    """The answers you overruled (:pass / :fail), newest first, regraded with today's rubric."""
    from pmquiz.commands import overrules as overrules_command

    _check_lang(lang)
    overrules_command.run(banks or [], as_yaml, lang)


# -- moving data in and out (SPEC 11) --------------------------------------------------

export_app = typer.Typer(
    name="export", no_args_is_help=True, rich_markup_mode=None,
    help="Write the banks' questions as an Anki deck, or the history as JSON Lines.")
app.add_typer(export_app)


@export_app.command("anki")
def export_anki(
    banks: Annotated[
        list[str] | None,
        typer.Argument(help="Bank ids or paths (default: the built-in banks and the "
                       "PMQUIZ_BANKS folders).", show_default=False),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The .apkg file to write (replaced if it "
                     "exists).", dir_okay=False, show_default=False),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """An Anki deck of the banks' questions, one deck per bank.

    One note per question: the prompt (and options) on the front, the reference answer
    and rubric points (or the right answer) on the back. Importing a newer export into
    Anki updates the notes it has instead of adding copies.
    """
    from pmquiz.commands import interchange

    _check_lang(lang)
    if output is None:
        from pmquiz.errors import UsageError

        raise UsageError("export anki needs -o FILE.apkg",
                         "Example: pmquiz export anki -o pmquiz.apkg",
                         key="err_anki_output", hint_key="err_anki_output_hint")
    interchange.export_anki(banks or [], output, lang)


@export_app.command("history")
def export_history(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (replaced if it exists) "
                     "instead of stdout.", dir_okay=False, show_default=False),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Every attempt as JSON Lines, for `pmquiz import` elsewhere.

    The first line is {"format": "pmquiz-history", "version": 1}; then one attempt per
    line, oldest first. Without -o the lines go to stdout.
    """
    from pmquiz.commands import interchange

    _check_lang(lang)
    interchange.export_history(output, lang)


@app.command("import")
def import_history(
    files: Annotated[
        list[Path],
        typer.Argument(help="Files written by `pmquiz export history` ('-' reads stdin).",
                       dir_okay=False, show_default=False),
    ],
    lang: LangOpt = None,
) -> None:
    """Merge histories exported on other machines.

    One transaction: attempts already here (same id) are skipped, the review schedule is
    recomputed, and a damaged or foreign file is refused with nothing written.
    """
    from pmquiz.commands import interchange

    _check_lang(lang)
    interchange.import_files(files, lang)


def _check_lang(lang: str | None) -> None:
    if lang is not None and lang not in ("zh", "en"):
        from pmquiz.errors import UsageError

        raise UsageError(f"--lang must be zh or en, not '{lang}'", key="err_lang",
                         values={"value": lang})


def main() -> None:
    """Entry point: run the app behind one error boundary (SPEC 2 exit codes)."""
    from pmquiz import streams
    from pmquiz.errors import BankError, ExitCode, PmquizError

    streams.prepare()  # closed, broken or ASCII-only standard streams (SPEC 5)
    sys.argv[1:] = streams.decoded_args(sys.argv[1:])
    from pmquiz import notices

    notices.hook = _warn
    debug = os.environ.get("PMQUIZ_DEBUG") == "1"
    dump = os.environ.get("PMQUIZ_DUMP_MODULES")
    if dump:
        # For the start-up guard test: which modules a command really imported.
        import atexit

        atexit.register(_dump_modules, dump)
    try:
        _refuse_empty_data_dir(sys.argv[1:])
        command = build_command(sys.argv[1:])
        result = command.main(args=sys.argv[1:], prog_name="pmquiz", standalone_mode=False)
    except PmquizError as exc:
        if debug:
            raise
        # Bank problems are `file:line: message` diagnostics in English, like a compiler's;
        # every other message is in the UI language (the raiser's key, or its own words).
        bank_problems = isinstance(exc, BankError)
        _error(_localized(exc), every_line=bank_problems,
               label="error: " if bank_problems else _say("error_prefix"))
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt, _Interrupted):
        sys.stderr.write("\n" + _say("interrupted_short") + "\n")
        sys.exit(ExitCode.INTERRUPTED)
    except typer.TyperException as exc:  # Click's usage errors
        _usage_error(exc)
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
        from pmquiz.i18n import os_reason

        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        reason = os_reason(exc.errno, str(exc.strerror or exc), _ui_lang())
        _error(f"{where}{reason}", label=_say("error_prefix"))
        sys.exit(ExitCode.BAD_INPUT)
    except Exception as exc:  # noqa: BLE001 - the last line of "never a traceback"
        if debug:
            raise
        from pmquiz.i18n import t

        lang = _ui_lang()
        _error(t("err_unexpected", lang, name=type(exc).__name__, reason=exc) + "\n"
               + t("err_unexpected_hint", lang), label=t("error_prefix", lang))
        sys.exit(ExitCode.BAD_INPUT)
    finally:
        _note_skipped_rows()
    sys.exit(result if isinstance(result, int) else ExitCode.OK)


def _usage_error(exc: Exception) -> None:
    """A usage error in Chinese when the UI is (pmquiz.usageerrors), else as Click says it."""
    lang = _ui_lang()
    if lang == "zh":
        from pmquiz import usageerrors
        from pmquiz.i18n import t

        rendered = usageerrors.render(exc, lambda key, **values: t(key, lang, **values))
        if rendered is not None:
            sys.stderr.write("".join(line + "\n" for line in rendered.head))
            _error(rendered.message, label=t("error_prefix", lang))
            return
    show = getattr(exc, "show", None)
    if callable(show):
        show()
    else:
        _error(str(exc))


def _warn(key: str, **values: object) -> None:
    from pmquiz.i18n import t
    from pmquiz.sanitize import visible

    # Warnings quote file names (a bank left out): nothing in them may act on the terminal.
    sys.stderr.write(visible(t(key, _ui_lang(), **values)) + "\n")
    sys.stderr.flush()


def _note_skipped_rows() -> None:
    """One note per history file in which rows pmquiz did not write were left out."""
    store = sys.modules.get("pmquiz.store")
    if store is None:
        return
    from pmquiz.i18n import t
    from pmquiz.sanitize import visible

    lang = _ui_lang()
    for path, count in store.skipped_rows(clear=True).items():
        sys.stderr.write(visible(t("damaged_rows", lang, path=path, n=count)) + "\n")


def build_command(args: list[str]) -> Any:
    """The Click command that runs `args`: the app (or its one command), with `--data-dir`
    accepted after the command name as well as before it (SPEC 2)."""
    command = typer.main.get_command(_app_for(args))
    _catch_interrupts(command)
    commands = getattr(command, "commands", {})
    global_option = next((p for p in command.params if p.name == "data_dir"), None)
    if global_option is None:
        return command
    subs = list(commands.values())
    # A group's own commands too (`pmquiz export history --data-dir D`).
    subs += [leaf for sub in subs for leaf in getattr(sub, "commands", {}).values()]
    for sub in subs:
        if any(p.name == "data_dir" for p in sub.params):
            continue
        sub.params.append(typer.core.TyperOption(
            param_decls=["--data-dir", "data_dir"], type=global_option.type,
            help=getattr(global_option, "help", None), expose_value=False,
            callback=_data_dir_after,
        ))
    return command


class _Interrupted(Exception):  # noqa: N818 - it says what happened, as KeyboardInterrupt does
    """Ctrl-C inside a command, carried past Typer, which would turn it into a silent 130."""


def _catch_interrupts(command: Any) -> None:
    """Make Ctrl-C in any command (`grade -` reading stdin, `import -`, a long `check`)
    reach main's boundary, which says so in one line (SPEC 2: exit 130, no traceback).
    Sessions catch their own Ctrl-C first and keep their own wording."""
    callback = getattr(command, "callback", None)
    if callback is not None:
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return callback(*args, **kwargs)
            except KeyboardInterrupt:
                raise _Interrupted from None

        command.callback = run
    for sub in getattr(command, "commands", {}).values():
        _catch_interrupts(sub)


def _refuse_empty_data_dir(args: list[str]) -> None:
    """`--data-dir ""` (a variable that was empty, `--data-dir "$DIR"`) would make the
    current folder the data folder, and write history and cache there: refused, as an
    empty PMQUIZ_HOME is taken for unset rather than for this folder."""
    from pmquiz.errors import UsageError

    for i, arg in enumerate(args):
        if arg == "--":
            return
        if arg == "--data-dir=" or (arg == "--data-dir" and i + 1 < len(args)
                                    and not args[i + 1].strip()):
            raise UsageError(
                "--data-dir needs a folder, not an empty value",
                "Give a folder (created when missing), or leave the option out to use "
                "PMQUIZ_HOME or the platform's data folder.",
                key="err_data_dir_empty", hint_key="err_data_dir_empty_hint")


def _data_dir_after(ctx: Any, param: Any, value: Any) -> None:
    """`pmquiz history --data-dir D`: the same as `pmquiz --data-dir D history`."""
    if value is not None:
        from pmquiz import paths

        paths.set_data_dir(Path(value))


def _app_for(args: list[str]) -> typer.Typer:
    """An app holding only the command being run, when that is clear from the arguments.

    Typer prepares every registered command's parameters before running one; preparing
    only the one asked for keeps start-up close to a one-command app. Help, completion
    and anything unclear get the whole app.
    """
    if any(key.endswith("_COMPLETE") for key in os.environ):
        return app
    name = None
    skip_value = False
    for arg in args:
        if skip_value:
            skip_value = False
            continue
        if arg == "--data-dir":
            skip_value = True
            continue
        if arg.startswith("-"):
            continue
        name = arg
        break
    for info in app.registered_commands:
        callback_name = info.callback.__name__ if info.callback else ""
        if (info.name or callback_name.replace("_", "-")) == name:
            single = typer.Typer(**_APP_SETTINGS)
            single.registered_callback = app.registered_callback
            single.registered_commands = [info]
            return single
    return app


def _ui_lang() -> Lang:
    """The UI language for a message the command itself could not say: --lang on the
    command line, else PMQUIZ_LANG, the locale, Chinese (SPEC 2, no bank known here)."""
    from pmquiz.i18n import resolve_lang

    args = sys.argv[1:]
    option = None
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            option = args[i + 1]
        elif arg.startswith("--lang="):
            option = arg.split("=", 1)[1]
    option = _lang_value(option)
    return resolve_lang(option if option in ("zh", "en") else None)


def _say(key: str) -> str:
    from pmquiz.i18n import t

    return t(key, _ui_lang())


def _localized(exc: Exception) -> str:
    from pmquiz.errors import PmquizError
    from pmquiz.i18n import t

    if not isinstance(exc, PmquizError):
        return str(exc)
    from pmquiz.i18n import os_reason

    lang = _ui_lang()

    def say(key: str, **values: object) -> str:
        # A system's reason travels with its errno, to be said in the UI language.
        if "errno" in values:
            values["reason"] = os_reason(values["errno"], str(values.get("reason")), lang)
        return t(key, lang, **values)
    return exc.localized(say)


def _dump_modules(target: str) -> None:
    with open(target, "w", encoding="utf-8") as handle:
        handle.write("\n".join(sorted(sys.modules)) + "\n")


def _error(message: str, every_line: bool = False, label: str = "error: ") -> None:
    from pmquiz.output import write_error

    write_error(message, every_line, label)
