"""Making the site's files from the typed model, as text and bytes; no disk; imports only `source/` and `model/`."""
