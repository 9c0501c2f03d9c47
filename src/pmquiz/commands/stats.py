"""`pmquiz stats`: the history's statistics as JSON or in the terminal."""

from __future__ import annotations

from pmquiz import paths
from pmquiz.catalog import Catalog
from pmquiz.statistics import compute
from pmquiz.store import History


def run(json_output: bool, lang_option: str | None = None) -> None:
    from pmquiz.i18n import resolve_lang, shared_language
    from pmquiz.scheduling import now

    moment = now()
    catalog = Catalog.load()
    history = History.open(paths.history_path(), create=False)
    try:
        stats = compute(history, catalog, moment)
    finally:
        history.close()
    if json_output:
        from pmquiz.output import emit_json

        emit_json(stats.to_json())
        return
    # The banks in use are those the history has attempts in.
    practised = {t.name for t in stats.by_bank}
    lang = resolve_lang(lang_option, shared_language(
        b.language for b in catalog.banks if b.id in practised))
    from pmquiz import render

    render.stats(stats, lang)
