"""Documentation keeps up with the code: every command documented with an example."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer.main

from geopol.cli.app import app

REPO = Path(__file__).resolve().parents[1]


def _commands() -> list[tuple[str, object]]:
    root = typer.main.get_command(app)
    out = []
    for name, cmd in root.commands.items():  # type: ignore[attr-defined]
        if hasattr(cmd, "commands"):
            out.extend((f"{name} {sub}", c) for sub, c in cmd.commands.items())
        else:
            out.append((name, cmd))
    return out


def test_every_command_has_an_example() -> None:
    missing = [name for name, cmd in _commands() if "Example:" not in (getattr(cmd, "help", "") or "")]
    assert not missing, f"commands without an Example: {missing}"


def test_cli_reference_is_current() -> None:
    r = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_cli_docs.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    assert r.returncode == 0, r.stderr


def test_readme_shows_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
