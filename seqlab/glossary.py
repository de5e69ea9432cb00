"""The course glossary: ``book/glossary.yml`` → one glossary page per language.

Each entry has an ``id``, the ``chapter`` that introduces it, its ``term`` in all four languages
and a ``definition`` per language (English required; a language without its own definition
shows the English one, marked), and optionally ``avoid``: per language the variants not to use
for the term. The file's ``style`` section records the same for ideas that are not terms; both
are read by ``seqlab.terminology``, which reports the variants wherever they appear, and neither
is shown on the page. ``load`` validates and names the file and the term on error; ``page``
writes a language's page as a Sphinx glossary, so chapter pages can link to terms.
"""
from __future__ import annotations

from pathlib import Path

from . import LANGS
from .i18n import t

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "book" / "glossary.yml"


class GlossaryError(ValueError):
    """A malformed glossary; the message names the file and the term."""


def load(path: Path = GLOSSARY) -> list[dict]:
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise GlossaryError(f"{path}: not valid YAML: {e}") from e
    terms = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(terms, list) or not terms:
        raise GlossaryError(f"{path}: a glossary is a mapping with a list of 'terms'")
    problems, seen = [], set()
    for n, entry in enumerate(terms, 1):
        tid = entry.get("id") if isinstance(entry, dict) else None
        where = f"{path}: term {tid!r}" if tid else f"{path}: term {n}"
        if not isinstance(entry, dict) or not tid:
            problems.append(f"{where}: needs an id")
            continue
        if tid in seen:
            problems.append(f"{where}: id is used twice")
        seen.add(tid)
        names = entry.get("term")
        if not isinstance(names, dict) or set(names) != set(LANGS) or not all(str(v).strip() for v in names.values()):
            problems.append(f"{where}: 'term' must give the term in {', '.join(LANGS)}")
        definition = entry.get("definition")
        if not isinstance(definition, dict) or not str(definition.get("en", "")).strip():
            problems.append(f"{where}: 'definition' needs at least English")
        elif set(definition) - set(LANGS):
            problems.append(f"{where}: unknown language in 'definition': {sorted(set(definition) - set(LANGS))}")
        avoid = entry.get("avoid")
        if avoid is not None and (not isinstance(avoid, dict) or set(avoid) - set(LANGS) or not all(
                isinstance(v, list) and v and all(isinstance(x, str) and x.strip() for x in v)
                for v in avoid.values())):
            problems.append(f"{where}: 'avoid' maps a language ({', '.join(LANGS)}) to a list of variants")
        if entry.get("chapter") not in (1, 2, 3, 4, 5):
            problems.append(f"{where}: 'chapter' must be 1 to 5, got {entry.get('chapter')!r}")
    if problems:
        raise GlossaryError("\n".join(problems))
    return terms


def page(lang: str, terms: list[dict]) -> str:
    """The glossary page of ``lang`` in MyST Markdown."""
    lines = [f"# {t('glossary', lang)}", "", t("glossary_intro", lang), "", "```{glossary}"]
    for entry in sorted(terms, key=lambda e: e["term"][lang].casefold()):
        definition = entry["definition"].get(lang)
        note = ""
        if not definition:
            definition, note = entry["definition"]["en"], f" {t('definition_in_english', lang)}"
        others = " · ".join(f"{lg}: {entry['term'][lg]}" for lg in LANGS if lg != lang)
        chapter = t("chapter_n", lang).format(n=entry["chapter"])
        lines += [entry["term"][lang], f"  {' '.join(definition.split())}{note}", "",
                  f"  *{others}* ({chapter})", ""]
    lines.append("```")
    return "\n".join(lines) + "\n"


def chapter_links(lang: str, chapter: int, terms: list[dict]) -> str | None:
    """The markdown line that ends a chapter page: its glossary terms, linked."""
    mine = [e for e in terms if e["chapter"] == chapter]
    if not mine:
        return None
    cjk = lang in ("ja", "zh")                       # 、 between terms and no space after ：
    links = ("、" if cjk else ", ").join(f"{{term}}`{e['term'][lang]}`" for e in mine)
    return f"{t('glossary_terms', lang)}{'' if cjk else ' '}{links}"
