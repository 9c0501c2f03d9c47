"""`pmquiz export anki`, `pmquiz export history` and `pmquiz import` (SPEC 11)."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from pmquiz import paths
from pmquiz.commands.stdinnote import note_reading_stdin
from pmquiz.i18n import Lang, resolve_lang, shared_language, t


def export_anki(bank_args: list[str], target: Path, lang_option: str | None) -> None:
    from pmquiz import anki
    from pmquiz.catalog import Catalog
    from pmquiz.scheduling import now

    catalog = Catalog.load(bank_args)

    def headings(bank_lang: str) -> anki.Headings:
        # The words on a card follow its bank, not the interface.
        lang: Lang = "zh" if bank_lang.lower().startswith("zh") else "en"
        return anki.Headings(
            reference=t("reference", lang), points=t("points", lang),
            penalties=t("anki_penalties", lang), required=t("required", lang),
            correct=t("expected", lang), true=t("true", lang), false=t("false", lang))

    summary = anki.write_package(catalog.banks, lambda bank: headings(bank.language), target,
                                 now())
    lang = resolve_lang(lang_option, shared_language(bank.language for bank in catalog.banks))
    _say(t("anki_written", lang, path=target, notes=summary.notes, decks=summary.decks))


def export_history(target: Path | None, lang_option: str | None) -> None:
    from pmquiz.interchange import export_history as write
    from pmquiz.store import History

    lang = resolve_lang(lang_option)
    if target is not None and str(target) != "-":
        from pmquiz.outputpath import refuse_overwriting_user_data

        refuse_overwriting_user_data("-o", target, "history.jsonl")
    history = History.open(paths.history_path(), create=False)
    try:
        if target is None or str(target) == "-":
            with _utf8_stdout() as out:
                summary = write(history, out)
        else:
            from pmquiz.atomicfile import replacing

            with replacing(target) as partial, partial.open(
                    "w", encoding="utf-8", newline="\n") as out:
                summary = write(history, out)
    finally:
        history.close()
    if summary.skipped:
        _say(t("history_skipped", lang, n=summary.skipped), sys.stderr)
    if target is not None and str(target) != "-":
        _say(t("history_written", lang, n=summary.attempts, path=target))


def import_files(files: list[Path], lang_option: str | None) -> None:
    from pmquiz.interchange import import_files as merge
    from pmquiz.store import History

    lang: Lang = resolve_lang(lang_option)
    if any(str(f) == "-" for f in files):
        note_reading_stdin("reading_export_stdin", lang)
    history = History.open(paths.history_path())
    try:
        summary = merge(history, files, getattr(sys.stdin, "buffer", None))
    finally:
        history.close()
    _say(t("imported", lang, new=summary.new, present=summary.present))


@contextmanager
def _utf8_stdout() -> Iterator[IO[str]]:
    """stdout as UTF-8 whatever the locale says: an export is data, not text to show."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        yield sys.stdout
        return
    sys.stdout.flush()
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline="\n")
    try:
        yield out
        out.flush()
    finally:
        try:
            out.detach()
        except (OSError, ValueError):
            pass


def _say(line: str, stream: IO[str] | None = None) -> None:
    """One line for a person (on stdout by default); characters the stream's encoding
    lacks are replaced."""
    out = stream or sys.stdout
    encoding = getattr(out, "encoding", None) or "utf-8"
    out.write(line.encode(encoding, "replace").decode(encoding) + "\n")
