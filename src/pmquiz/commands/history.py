"""`pmquiz history`: recent attempts, newest first."""

from __future__ import annotations

from pmquiz import paths
from pmquiz.output import console, emit_json


def run(limit: int, json_output: bool) -> None:
    from pmquiz.store import History

    history = History.open(paths.history_path(), create=False)
    try:
        attempts = history.recent(limit)
    finally:
        history.close()
    if json_output:
        emit_json([a.to_json() for a in attempts])
        return
    from pmquiz import views

    views.render_history(console(), attempts)
