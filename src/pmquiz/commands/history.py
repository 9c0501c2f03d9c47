"""`pmquiz history`: recent attempts, newest first."""

from __future__ import annotations

from pmquiz import paths


def run(limit: int, json_output: bool, lang_option: str | None = None) -> None:
    from pmquiz.errors import UsageError
    from pmquiz.store import History

    if limit < 0:
        raise UsageError("--limit must be 0 (all) or more", key="err_limit")
    history = History.open(paths.history_path(), create=False)
    if json_output:  # streamed: one attempt in memory at a time, however many there are
        import sys

        from pmquiz.jsonstream import write_array

        try:
            write_array(sys.stdout, (a.to_json() for a in history.stream_recent(limit)))
            sys.stdout.flush()
        finally:
            history.close()
        return
    try:
        attempts = history.recent(limit)
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
