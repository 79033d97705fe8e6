"""Making the site's files from the typed model, as text and bytes; never touches the disk; imports `source/`, `model/`."""
