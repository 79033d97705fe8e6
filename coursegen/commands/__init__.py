"""One module per command: it does the disk and process work, and calls the stages in order."""
