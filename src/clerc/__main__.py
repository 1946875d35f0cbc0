"""`python -m clerc` runs the command line."""

from clerc.cli import main

main()
