"""A Sphinx extension for the course's books (listed in _config.yml, `extra_extensions`).

- Drops exact duplicates from a page's scripts. Jupyter Book 1 with sphinx-thebe emits the inline
  script `const THEBE_JS_URL = ...` twice, and the second copy throws a SyntaxError on every page.
"""
from __future__ import annotations


def _dedupe_scripts(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, kept = set(), []
    for js in scripts:
        # the copies differ only in filename None vs "" (both mean an inline script)
        name = getattr(js, "filename", js) or ""
        key = (str(name), tuple(sorted((k, str(v)) for k, v in getattr(js, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            kept.append(js)
    context["script_files"] = kept


def setup(app):
    app.connect("html-page-context", _dedupe_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
