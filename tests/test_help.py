"""Help is part of the product: every command and option explains itself."""

from __future__ import annotations

import pytest
import typer

from helpers import run_cli
from pmquiz.cli import app


def all_commands() -> list[tuple[str, object]]:
    """Every command by its full name, sub-commands of a group (`export anki`) included."""
    group = typer.main.get_command(app)
    found = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        found.append((name, command))
        for sub, subcommand in getattr(command, "commands", {}).items():
            found.append((f"{name} {sub}", subcommand))
    return sorted(found)


def test_every_command_and_option_has_help() -> None:
    missing = []
    for name, command in all_commands():
        if not (command.help or "").strip():  # type: ignore[attr-defined]
            missing.append(name)
        for param in command.params:  # type: ignore[attr-defined]
            if isinstance(param, typer.core.TyperOption) and param.name != "help":
                if not (param.help or "").strip():
                    missing.append(f"{name} {param.opts[0]}")
            if isinstance(param, typer.core.TyperArgument) and not (param.help or "").strip():
                missing.append(f"{name} {param.name}")
    assert missing == []


@pytest.mark.parametrize("name", [name for name, _ in all_commands()])
def test_help_runs_for_every_command(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    run = run_cli([*name.split(), "--help"], capsys)
    assert run.exit_code == 0, run.stderr
    assert f"pmquiz {name}" in run.stdout


def test_readme_lists_every_command() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name, _ in all_commands():
        assert f"`pmquiz {name}" in readme, name
