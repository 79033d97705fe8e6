"""Writing the files out: plan, atomic writes, the site swap and the safety gate; imports `source/`, `model/`."""
