"""`pmquiz history`: recent attempts, newest first."""

from __future__ import annotations

from pmquiz import paths
from pmquiz.output import console, emit_json

TABLE_CHARS = 500


def run(limit: int, json_output: bool) -> None:
    from pmquiz.store import History

    history = History.open(paths.history_path(), create=False)
    try:
        # The table shows the start of an answer's first line (40 columns): reading
        # megabytes of an old, uncapped answer for it made `history` take 24 s.
        attempts = history.recent(limit, answer_chars=None if json_output else TABLE_CHARS)
    finally:
        history.close()
    if json_output:
        emit_json([a.to_json() for a in attempts])
        return
    from pmquiz import views

    views.render_history(console(), attempts)
