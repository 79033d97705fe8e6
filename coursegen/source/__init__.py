"""Reading and checking the course files: YAML text in, the typed model and diagnostics out; imports only `model/`."""
