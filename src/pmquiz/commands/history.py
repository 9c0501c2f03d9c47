"""`pmquiz history`: recent attempts, newest first."""

from __future__ import annotations

from pmquiz import paths
from pmquiz.output import emit_json_array

TABLE_CHARS = 500


def run(limit: int, json_output: bool, lang_option: str | None = None) -> None:
    from pmquiz.errors import UsageError
    from pmquiz.store import History

    if limit < 0:
        raise UsageError("--limit must be 0 (all) or more", key="err_limit")
    history = History.open(paths.history_path(), create=False)
    try:
        if json_output:  # streamed: a million attempts in bounded memory
            emit_json_array(a.to_json() for a in history.each_recent(limit))
            return
        # The table shows the start of an answer's first line (40 columns): reading
        # megabytes of an old, uncapped answer for it made `history` take 24 s.
        attempts = history.recent(limit, answer_chars=TABLE_CHARS)
    finally:
        history.close()
    from pmquiz import render
    from pmquiz.i18n import resolve_lang, shared_language

    lang = resolve_lang(lang_option, shared_language(bank_languages(
        {a.bank_id for a in attempts})))
    render.history(attempts, lang)


def bank_languages(bank_ids: set[str]) -> list[str]:
    """The languages of the loaded banks these ids name (ids gone from every bank, and
    banks that fail to load, say nothing: history must show even then)."""
    if not bank_ids:
        return []
    from pmquiz.catalog import default_sources, load_sources

    return [b.language for b in load_sources(default_sources()).banks if b.id in bank_ids]
