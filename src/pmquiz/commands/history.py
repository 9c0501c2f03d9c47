"""`pmquiz history`: recent attempts, newest first."""

from __future__ import annotations

from pmquiz import paths
from pmquiz.output import console


def run(limit: int, json_output: bool) -> None:
    from pmquiz.store import History

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
    from pmquiz import views

    views.render_history(console(), attempts)
