#!/usr/bin/env python3
"""Build the course site: `python build.py --help` lists the commands."""

from coursegen.cli import main

if __name__ == "__main__":
    main()
