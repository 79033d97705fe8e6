"""Run the command line: `python -m coursegen build`."""

from coursegen.cli import main

main()
