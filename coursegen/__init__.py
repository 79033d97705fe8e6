"""coursegen: YAML lessons and quizzes in, a static MkDocs course site out.

The pipeline, one module a stage: load -> validate -> render -> write.
"""

__version__ = "0.2.0"
