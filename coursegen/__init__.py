"""coursegen: YAML lessons and quizzes in, a static MkDocs course site out.

The folders are the stages, each importing only the ones below it:
`commands/` (one module per command: the disk, then the stages in order) -> `site/` (the site's files,
as bytes) and `output/` (writing them out) -> `source/` (the course files, read and checked) -> `model/`
(the typed course and the format it is written in).
"""

__version__ = "0.2.0"
