"""`pmquiz stats`: the history's statistics as JSON or in the terminal."""

from __future__ import annotations

from pmquiz import paths
from pmquiz.catalog import Catalog
from pmquiz.statistics import compute
from pmquiz.store import History


def run(json_output: bool) -> None:
    from pmquiz.i18n import resolve_lang
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
    languages = {b.id: b.language for b in catalog.banks}
    top = next((t.name for t in stats.by_bank if t.name in languages), None)
    lang = resolve_lang(None, languages.get(top) if top else (
        catalog.banks[0].language if catalog.banks else None))
    from pmquiz import statsviews
    from pmquiz.output import console

    statsviews.render_stats(console(), stats, lang)

