"""Command line of clerc (Typer). French help and messages; JSON output is a stable contract."""

from __future__ import annotations

from clerc.cli.app import app, main

__all__ = ["app", "main"]
