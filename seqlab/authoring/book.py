"""The books: one Jupyter Book per language, built from the stored outputs (nothing executed).

``merge_notebooks`` turns a chapter's two executed notebooks into one page, ``stage_book`` writes
``_build/src/<lang>/`` (config, table of contents, pages, the scripts the book serves itself) and
``build_book`` runs Jupyter Book on it into ``_build/html/<lang>/``.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from .. import FRAMEWORKS
from ..i18n import t
from . import instructor
from . import progress_page
from .handouts import exercise_notes
from .sources import CHAPTER_RE, FRAMEWORK_NAMES, ROOT, SETUP_CELL_ID, _rel, book_langs, chapter_sources, notebook_path, read_source, repository

def _widget_content(model_id: str, states: dict, seen=()) -> object:
    """A widget model's state with the models it refers to inlined and no model ids left."""
    model = states.get(model_id)
    if model is None or model_id in seen:
        return None

    def resolve(value):
        if isinstance(value, str) and value.startswith("IPY_MODEL_"):
            return _widget_content(value[len("IPY_MODEL_"):], states, (*seen, model_id))
        if isinstance(value, list):
            return [resolve(v) for v in value]
        if isinstance(value, dict):
            return {k: resolve(v) for k, v in value.items()}
        return value

    return resolve(model.get("state", {}))


def _comparable_outputs(cell, states: dict) -> list:
    """A code cell's outputs without what differs between two runs of the same thing: a widget
    compares by what it holds (its state), whatever its model id."""
    out = []
    for o in cell.get("outputs", []):
        o = {k: v for k, v in o.items() if k != "execution_count"}
        data = o.get("data")
        if data and "application/vnd.jupyter.widget-view+json" in data:
            o = {"widget": _widget_content(data["application/vnd.jupyter.widget-view+json"]["model_id"], states)}
        out.append(o)
    return out


def merge_notebooks(src: Path):
    """One notebook for the book page of a chapter: both executed notebooks in source order.

    Shared cells appear once when both frameworks produced the same output; otherwise once per
    framework, tagged like framework cells, so the page's framework switch shows one of them.
    """
    import copy

    import nbformat

    src = Path(src)
    nbs = {fw: nbformat.read(notebook_path(src, fw), as_version=4) for fw in FRAMEWORKS}
    by_id = {fw: {c.id: c for c in nb.cells if c.id != SETUP_CELL_ID} for fw, nb in nbs.items()}
    order = sorted(set(by_id["pytorch"]) | set(by_id["tensorflow"]))
    merged = nbformat.v4.new_notebook(metadata=copy.deepcopy(nbs["pytorch"].metadata))
    merged.metadata["seqlab"].pop("framework", None)
    states = {}
    for nb in nbs.values():
        widgets = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
        states.update(widgets.get("state", {}))
    if states:
        merged.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json":
                                      {"version_major": 2, "version_minor": 0, "state": states}}
    title = read_source(src).cells[0].source
    for cid in order:
        pt, tf = by_id["pytorch"].get(cid), by_id["tensorflow"].get(cid)
        if pt is not None and tf is not None:
            if cid == "c000":
                pt = copy.deepcopy(pt)
                pt.source = title  # without "(PyTorch)"
                merged.cells.append(pt)
            elif pt.cell_type == "markdown" or _comparable_outputs(pt, states) == _comparable_outputs(tf, states):
                merged.cells.append(pt)
            else:
                for fw, cell in (("pytorch", pt), ("tensorflow", tf)):
                    cell = copy.deepcopy(cell)
                    cell.id = f"{cid}-{fw}"
                    cell.metadata["tags"] = cell.metadata.get("tags", []) + [fw]
                    merged.cells.append(cell)
        else:
            merged.cells.append(pt if pt is not None else tf)
    for cell in merged.cells:  # a plot's description (seqlab.plot.describe) becomes its alt text
        alts = [o.get("metadata", {}).get("image/png", {}).get("alt") for o in cell.get("outputs", [])
                if "image/png" in o.get("data", {})]
        if len(alts) == 1 and alts[0]:
            cell.metadata.setdefault("mystnb", {})["image"] = {"alt": alts[0]}
    return merged


def _write_if_changed(path: Path, data: bytes) -> None:
    """Write only when the content differs, so Sphinx's incremental build stays incremental."""
    if not path.exists() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def book_pages(lang: str, root: Path = ROOT) -> list[str]:
    """The page names of a language's book: intro, chapters, then other pages (glossary)."""
    pages = [p.stem for p in sorted((root / "book" / lang).glob("*.md"))]
    chapters = [p for p in pages if CHAPTER_RE.match(p + ".md")]
    others = [p for p in pages if p not in chapters and p != "intro"]
    if progress_page.has_page(lang, root):
        others.insert(0, progress_page.NAME)
    if (root / "book" / "glossary.yml").exists():
        others.append("glossary")
    if (root / "assets" / "benchmarks.json").exists():
        others.append("benchmarks")
    if chapters:
        others.append(instructor.PAGE)  # last in the table of contents (stage_book)
    return ["intro"] + chapters + others


def _write_book_script_config(config: dict, lang: str, root: Path, stage: Path) -> None:
    """``_vendor/seqlab/config.js`` (what seqlab-book.js needs) and the book's own scripts."""
    import json

    launch = config.get("course_launch", {})
    data = {
        "lang": lang,
        "langs": [{"code": lg, "name": t("language_name", lg), "pages": book_pages(lg, root)} for lg in book_langs(root)],
        "chapters": [p.stem for p in chapter_sources(lang, root)],
        "repository": repository(root),
        "binderhub_url": launch.get("binderhub_url") or "https://mybinder.org",
        "jupyterhub_url": launch.get("jupyterhub_url") or "",
        "strings": {k: t(k, lang) for k in ("language", "framework", "open_colab", "open_binder",
                                             "open_jupyterhub", "hub_prompt", "widget_missing",
                                             "download_notebook")},
    }
    js = "// Generated by seqlab.authoring for the book in this language.\nwindow.SEQLAB_BOOK = " + \
        json.dumps(data, ensure_ascii=False, indent=1) + ";\n"
    _write_if_changed(stage / "_vendor" / "seqlab" / "config.js", js.encode())
    for f in sorted((root / "assets" / "book").iterdir()):
        if f.suffix in (".js", ".css"):
            _copy_tree(f, stage / "_vendor" / "seqlab" / f.name)


def benchmarks_page(lang: str, results: dict) -> str:
    """The benchmark page of ``lang`` in Markdown."""
    m = results["machine"]
    versions = ", ".join(f"{k} {m[k]}" for k in ("torch", "tensorflow") if k in m)
    lines = [f"# {t('benchmarks', lang)}", "",
             t("benchmarks_intro", lang).format(date=results["date"], cpus=m["cpus"], versions=versions), "",
             f"| {t('bench_notebook', lang)} | {t('framework', lang)} | {t('bench_seconds', lang)} "
             f"| {t('bench_quick', lang)} | {t('bench_headline', lang)} | {t('bench_target', lang)} |",
             "|---|---|---:|---:|---|---|"]

    def timed(seconds, budget):
        if seconds is None:
            return "–"
        return f"{seconds:.0f}" if budget is None else f"{seconds:.0f} {'✓' if seconds <= budget else '✗'} (≤ {budget})"

    for row in results["rows"]:
        if row["lang"] != lang:
            continue
        h = row["headline"] or {}
        value = f"{h['name']}: {h['value']:.1%}" if h else "–"
        target = f"≥ {h['target']:.0%} {'✓' if h['value'] >= h['target'] else '✗'}" if h.get("target") is not None else "–"
        lines.append(f"| `{row['notebook'].split('/')[-1]}` | {FRAMEWORK_NAMES[row['framework']]} "
                     f"| {timed(row['seconds'], row.get('budget'))} "
                     f"| {timed(row.get('quick_seconds'), row.get('quick_budget'))} | {value} | {target} |")
    pages = results.get("pages")
    if pages:  # seqlab.bench_pages
        target = pages["fcp_target_ms"]
        lines += ["", f"## {t('bench_pages_title', lang)}", "",
                  t("bench_pages_intro", lang).format(date=pages["date"], mbit=pages["line"]["mbit"],
                                                      latency=pages["line"]["latency_ms"], target=target / 1000), "",
                  f"| {t('bench_page', lang)} | {t('bench_fcp', lang)} | {t('bench_bytes', lang)} | {t('bench_requests', lang)} |",
                  "|---|---:|---:|---:|"]
        for row in pages["rows"]:
            if row["page"].startswith(f"{lang}/"):
                mark = "✓" if row["fcp_ms"] <= target else "✗"
                lines.append(f"| `{row['page']}` | {row['fcp_ms'] / 1000:.2f} {mark} | {row['bytes'] / 1e6:.2f} | {row['requests']} |")
        switches = [sw for sw in pages["switches"] if sw["to"] == lang]
        if switches:
            again = sum(len(sw["fetched_again"]) for sw in switches)
            fetched = max(sw["script_bytes"] for sw in switches)
            lines += ["", t("bench_switch", lang).format(again=again, kb=round(fetched / 1000))]
    return "\n".join(lines) + "\n"


def claims_section(lang: str, root: Path = ROOT) -> str:
    """The Benchmarks page's list of every claim the committed notebooks of ``lang`` state."""
    import nbformat

    from ..claims import _format, stored, texts

    rows = []
    for src in chapter_sources(lang, root):
        for fw in FRAMEWORKS:
            path = notebook_path(src, fw)
            if not path.exists():
                continue
            for c in stored(nbformat.read(path, as_version=4)):
                value = _format(c["value"], texts().get(c["key"], {}).get("fmt"))
                mark = {True: "✓", False: "✗"}.get(c["holds"], "–")
                rows.append(f"| `{path.name}` | {c['text']} | {value or '–'} | {mark} |")
    if not rows:
        return ""
    return "\n".join(["", f"## {t('claims_title', lang)}", "", t("claims_intro", lang), "",
                      f"| {t('bench_notebook', lang)} | {t('claim', lang)} | {t('claim_value', lang).rstrip(':：')} | |",
                      "|---|---|---:|---|", *rows]) + "\n"


# Sphinx's language per book: Simplified Chinese is zh_CN (so the page says <html lang="zh-CN">).
SPHINX_LANGUAGE = {"zh": "zh_CN"}


def sphinx_language(lang: str) -> str:
    return SPHINX_LANGUAGE.get(lang, lang)


def jieba_dictionary(lang: str = "zh") -> str:
    """A jieba user dictionary of the glossary's Chinese terms, one ``term frequency`` per line: jieba
    then keeps 多头注意力 whole, and a reader who types it (the browser does not split a query)
    finds the pages that use it."""
    from .. import glossary

    terms = set()
    for entry in glossary.load():
        for part in re.split(r"[（）()、，,]", entry["term"].get(lang, "")):   # 查询、键和值 -> 查询, 键和值
            part = part.strip()
            if len(part) > 1 and re.search(r"[\u4e00-\u9fff]", part) and " " not in part:
                terms.add(part)
    return "".join(f"{term} 100000\n" for term in sorted(terms, key=lambda t: (-len(t), t)))


def search_config(lang: str, stage: Path | None = None) -> dict:
    """Sphinx search settings for a language's book. Japanese pages are indexed by TinySegmenter
    plus the glossary's whole terms (``seqlab.sphinx_ext.GlossarySplitter``); Chinese pages by
    jieba with the glossary as its user dictionary (written to ``stage``). Without jieba Sphinx
    indexes no Chinese at all and says nothing, so a missing jieba stops the build."""
    if lang == "ja":
        return {"html_search_options": {"type": "seqlab.sphinx_ext.GlossarySplitter", "lang": "ja"}}
    if lang == "zh":
        try:
            import jieba  # noqa: F401
        except ImportError:
            raise RuntimeError("the Chinese book needs jieba for its search index (Sphinx would index no "
                               "Chinese without it): pip install -r requirements.txt") from None
        options = {}
        if stage is not None:
            path = stage / "jieba-dict.txt"
            _write_if_changed(path, jieba_dictionary(lang).encode())
            options["dict"] = str(path)
        return {"html_search_options": options}
    return {}


def stage_book(lang: str, root: Path = ROOT) -> Path:
    """Assemble ``_build/src/<lang>/``: config, table of contents, pages and executed notebooks."""
    import yaml

    book_dir = root / "book" / lang
    stage = root / "_build" / "src" / lang
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = t("course_title", lang)
    sphinx_config = config.setdefault("sphinx", {}).setdefault("config", {})
    sphinx_config["language"] = sphinx_language(lang)
    sphinx_config.update(search_config(lang, stage))
    # The only hidden cells are exercise solutions (tag `solution` adds `hide-cell`).
    sphinx_config["nb_code_prompt_show"] = t("show_solution", lang)
    sphinx_config["nb_code_prompt_hide"] = t("hide_solution", lang)
    sphinx_config["togglebutton_hint"] = t("show_solution", lang)
    sphinx_config["togglebutton_hint_hide"] = t("hide_solution", lang)
    sphinx_config["html_js_files"] = ["seqlab/config.js", "seqlab/seqlab-book.js", "seqlab/seqlab-widgets.js",
                                      "seqlab/seqlab-progress.js"]
    sphinx_config["html_css_files"] = ["seqlab/seqlab-book.css", "seqlab/seqlab-progress.css"]
    sphinx_config["html_favicon"] = str(root / "assets" / "book" / "favicon.ico")
    sphinx_config["templates_path"] = ["_templates"]
    sphinx_config["html_context"] = {"seqlab_footer": t("footer_authors", lang)}
    _write_if_changed(stage / "_templates" / "author.html", AUTHOR_TEMPLATE.encode())  # replaces the theme's
    _write_if_changed(stage / "_config.yml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False).encode())
    for stale in ("_vendor", "_extra"):  # rebuilt below: nothing of an older build stays behind
        if (stage / stale).exists():
            shutil.rmtree(stage / stale)
    _write_book_script_config(config, lang, root, stage)

    _vendor_static(root, stage)
    import nbformat

    from .. import glossary

    wanted = {"_config.yml", "_toc.yml", "jieba-dict.txt"}
    chapters = []
    terms = glossary.load() if glossary.GLOSSARY.exists() else []
    if terms:
        _write_if_changed(stage / "glossary.md", glossary.page(lang, terms).encode())
        wanted.add("glossary.md")
    for page in sorted(book_dir.glob("*.md")):
        if CHAPTER_RE.match(page.name):
            for fw in FRAMEWORKS:
                if not notebook_path(page, fw).exists():
                    raise FileNotFoundError(f"{_rel(notebook_path(page, fw))} is missing: run `make notebooks`")
            name = f"{page.stem}.ipynb"
            merged = merge_notebooks(page)
            progress_page.mark_quiz(merged, page.stem)  # the progress page links to the quiz
            exercise_notes(merged, lang)  # a self-checking exercise says where its check runs
            if terms:
                line = glossary.chapter_links(lang, int(page.name[:2]), terms)
                if line:
                    cell = nbformat.v4.new_markdown_cell(line)
                    cell.id = "glossary-links"
                    merged.cells.append(cell)
            _write_if_changed(stage / name, nbformat.writes(merged).encode())
            wanted.add(name)
            chapters.append(page.stem)
        else:
            _write_if_changed(stage / page.name, page.read_bytes())
            wanted.add(page.name)
    if not (book_dir / "intro.md").exists():
        raise FileNotFoundError(f"{_rel(book_dir / 'intro.md')} is missing: every book starts with it")
    extra = ["glossary"] if terms else []
    if progress_page.has_page(lang, root):  # after the chapters, before the glossary
        _write_if_changed(stage / "progress.md", progress_page.page(lang, root).encode())
        wanted.add("progress.md")
        extra.insert(0, progress_page.NAME)
    results = root / "assets" / "benchmarks.json"
    if results.exists():
        import json

        page = benchmarks_page(lang, json.loads(results.read_text(encoding="utf-8"))) + claims_section(lang, root)
        _write_if_changed(stage / "benchmarks.md", page.encode())
        wanted.add("benchmarks.md")
        extra.append("benchmarks")
    if chapters:  # the instructors' page, last (seqlab.authoring.instructor)
        _write_if_changed(stage / f"{instructor.PAGE}.md", instructor.page(lang, root).encode())
        wanted.add(f"{instructor.PAGE}.md")
        extra.append(instructor.PAGE)
    toc = {"format": "jb-book", "root": "intro", "chapters": [{"file": c} for c in chapters + extra]}
    _write_if_changed(stage / "_toc.yml", yaml.safe_dump(toc).encode())
    for stale in stage.iterdir():  # pages removed from the source go from the stage too
        if stale.is_file() and stale.name not in wanted:  # (_vendor/ is a folder: kept)
            stale.unlink()
    return stage


# What the book serves itself instead of loading from CDNs (the built site makes no request to
# another host): MathJax, the parts its TeX/CHTML component loads (not the 4 MB speech engine),
# from node_modules (package.json). Widgets need no library (assets/book/seqlab-widgets.js).
MATHJAX_PARTS = ("tex-mml-chtml.js", "output/chtml", "input/tex/extensions", "ui", "a11y", "adaptors")
# The theme writes "By <author>" ("Durch …" in German); the course's footer says it in each language.
AUTHOR_TEMPLATE = """{% if seqlab_footer %}<p class="component-author">{{ seqlab_footer }}</p>{% endif %}\n"""


def _copy_tree(source: Path, target: Path) -> None:
    for f in [source] if source.is_file() else sorted(source.rglob("*")):
        if f.is_file():
            _write_if_changed(target / f.relative_to(source) if source.is_dir() else target, f.read_bytes())


def _vendor_static(root: Path, stage: Path) -> None:
    """Copy MathJax into ``<stage>/_vendor`` (served as ``_static``).

    Not into ``_static`` itself: Jupyter Book adds every script in ``_static`` to every page,
    which would load MathJax twice.
    """
    mathjax = root / "node_modules" / "mathjax" / "es5"
    if not (mathjax / "tex-mml-chtml.js").exists():
        raise FileNotFoundError(f"{_rel(mathjax / 'tex-mml-chtml.js')} is missing: run `npm ci` (make book does)")
    for part in MATHJAX_PARTS:
        _copy_tree(mathjax / part, stage / "_vendor" / "mathjax" / part)


def build_book(lang: str, root: Path = ROOT) -> Path:
    """Build the book of ``lang`` into ``_build/out/<lang>/`` (warnings are errors); ``site.publish``
    then puts it on the site, ``_build/html/<lang>/``. Returns the built HTML folder."""
    stage = stage_book(lang, root)
    out = root / "_build" / "out" / lang
    cmd = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(stage), "--path-output", str(out),
           "--builder", "html", "-W", "--keep-going", "-q", "--all"]
    proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-6000:] + proc.stderr[-6000:])
        raise RuntimeError(f"the {lang} book did not build (command: {' '.join(cmd)})")
    return out / "_build" / "html"
