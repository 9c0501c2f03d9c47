"""`pmquiz review`: re-ask missed questions, then those due (SPEC 7); `--list` shows the queue.

The queue comes from the cards table (`scheduling.queue`); questions no longer in any
loaded bank are left out with a note on stderr. A question whose content changed is still
asked: its history stays with its `BANK_ID/QUESTION_ID`.
"""

from __future__ import annotations

from pmquiz import paths
from pmquiz.catalog import Catalog
from pmquiz.commands.sessionrun import run_session
from pmquiz.errors import ExitCode, UsageError
from pmquiz.i18n import resolve_lang, shared_language, t


def run(count: int | None, list_only: bool, json_output: bool, lang_option: str | None
        ) -> int:
    from pmquiz import scheduling
    from pmquiz.store import History

    if count is not None and count < 0:
        raise UsageError("--count must be 0 (all) or more", key="err_count")
    if json_output and not list_only:
        raise UsageError("--json goes with --list", "Use: pmquiz review --list --json",
                         key="err_json_list", hint_key="err_json_list_hint")
    at = scheduling.now()
    catalog = Catalog.load()
    known = {q.ref: q for q in catalog.questions()}
    # Never created here: without a history there is nothing to review.
    history = History.open(paths.history_path(), create=False)
    try:
        items = scheduling.queue(history, at)
        gone = [item.ref for item in items if item.ref not in known]
        items = [item for item in items if item.ref in known]
        upcoming = scheduling.next_due(history, set(known))
        # The first queued question's bank, else the next card's, else the first bank.
        lead = items[0].bank_id if items else upcoming[0].split("/")[0] if upcoming else None
        lang = resolve_lang(lang_option, _language(catalog, lead))
        next_due = upcoming[1] if upcoming else None
        if gone:
            _note(t("gone_note", lang, n=len(gone), refs=", ".join(gone)))
        if not items and upcoming is None and scheduling.next_due(history) is not None:
            # Cards exist, but none of their questions is in a loaded bank.
            if json_output:
                from pmquiz.output import emit_json

                emit_json([])
            else:
                from pmquiz import render

                render.message("history_gone", lang)
            return ExitCode.OK
        if list_only:
            if json_output:
                from pmquiz.output import emit_json

                emit_json([item.to_json() for item in items])
                return ExitCode.OK
            from pmquiz import render

            render.queue(items, lang, at, next_due)
            return ExitCode.OK
        if not items:
            from pmquiz import render

            render.nothing_to_review(lang, at, next_due)
            return ExitCode.OK
        if count:
            items = items[:count]
        questions = [known[item.ref] for item in items]
        from pmquiz.reviewviews import last_time_note

        notes = {}
        for question in questions:
            last = history.latest_attempt(question.bank_id, question.id)
            if last is not None:
                notes[question.ref] = last_time_note(question, last, lang, at)
        return run_session(scheduling.attach(history), questions, lang, kind="review",
                           title=t("review_title", lang), notes=notes)
    finally:
        history.close()


def _language(catalog: Catalog, bank_id: str | None) -> str | None:
    for bank in catalog.banks:
        if bank.id == bank_id:
            return bank.language
    # Nothing due: no bank leads, so the banks together decide (as stats and history do);
    # the first bank found would make the language depend on the order of the folders.
    return shared_language(bank.language for bank in catalog.banks)


def _note(text: str) -> None:
    from pmquiz.output import write_note
    from pmquiz.sanitize import visible

    write_note(visible(text))
