"""`python -m pmquiz` runs the CLI."""

from pmquiz.cli import main

main()
