"""`python -m pmquiz` and the `pmquiz` command run the CLI through `run`."""

import gc
import sys


def run() -> None:
    """The entry point of both ways in: the CLI, then the collector frozen at exit."""
    try:
        # Imported here, not at the top: a Ctrl-C during Typer's import (the first 50 ms
        # or so) ends the program as one anywhere else does, exit 130 without a
        # traceback; cli.main says so in words once it runs.
        from pmquiz.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.exit(130)
    try:
        main()
    finally:
        # The interpreter's last act is a full pass of the cyclic collector over every
        # object still alive (Typer, pmquiz's modules, the bank cache's objects), all freed
        # with the process anyway: about 5% of the instructions of a `pmquiz grade` or
        # `banks --json` (SPEC 9). Frozen, they are skipped. pmquiz leaves nothing to a
        # finaliser (files, the history database and the terminal are closed by `with`
        # blocks). Here, not in cli.main: a caller that runs commands in its own process
        # (the tests) keeps its collector as it was.
        gc.freeze()


if __name__ == "__main__":
    run()
