"""The typed course and the format it is written in, with its paths, words and diagnostics: imports nothing else."""
