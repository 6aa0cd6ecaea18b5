"""`python -m edition` runs the command line."""

from .cli import main

main(prog_name="edition")
