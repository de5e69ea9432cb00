"""The instructors' page of each book (``instructors.md``): for every chapter its learning objectives,
the quiz questions that test each of them, and how long its notebooks run; and how to hand out the
exercise notebooks with an nbgitpuller link.

The objectives are the bullet list that opens each chapter source, under a line in bold ("**You will
learn to**", "**Lernziele**", …): ``objectives(src)`` reads it from the markdown before the first code
cell. Every question of a bank names the objectives it tests (``objectives: [1, 3]``, numbered as in
the English source, see ``seqlab.quizbank``); ``load_bank`` checks them against the chapter's count.
The run times come from ``assets/benchmarks.json`` (``make bench``). ``page(lang)`` writes the page in
MyST Markdown; ``seqlab.authoring.book.stage_book`` puts it last in every book.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

from .. import FRAMEWORKS, quizbank
from ..i18n import t
from .sources import FRAMEWORK_NAMES, ROOT, _rel, chapter_sources, read_source, repository

PAGE = "instructors"  # the page's name in every book (instructors.md → instructors.html)
EXERCISES = "_build/exercises"  # where `make exercises` writes the exercise-only notebooks
# An example repository for the link: the instructor's own, which the course cannot know.
EXAMPLE_REPO = {"url": "https://github.com/your-school/seqlab-exercises", "name": "seqlab-exercises",
                "branch": "main"}
HUB_PLACEHOLDER = "https://<your-hub>"

_BOLD_LINE = re.compile(r"^(\*\*|__)(?:(?!\1).)+\1\s*[:：]?$")  # a paragraph that is one bold phrase
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


class ObjectivesError(ValueError):
    """A chapter without a readable list of objectives; the message names the file."""


def _join_lines(text: str) -> str:
    """A paragraph's lines as one line: a space between Latin words, none between CJK characters."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    out = lines[0] if lines else ""
    for ln in lines[1:]:
        out += ("" if _CJK.match(out[-1]) or _CJK.match(ln[0]) else " ") + ln
    return out


def objectives(src: Path) -> list[str]:
    """The learning objectives of the chapter source ``src``: the items of the first bullet list that
    follows a bold line in the markdown before the first code cell, as written (Markdown, math
    included), each on one line, without the list's separating ``;`` and closing full stop."""
    from markdown_it import MarkdownIt

    src = Path(src)
    opening = []
    for cell in read_source(src).cells:
        if cell.cell_type != "markdown":
            break
        opening.append(cell.source)
    tokens = MarkdownIt("commonmark").parse("\n\n".join(opening))
    items = None
    for i, tok in enumerate(tokens):
        if tok.type != "inline" or tok.level != 1 or not _BOLD_LINE.match(tok.content.strip()):
            continue
        nxt = tokens[i + 2] if i + 2 < len(tokens) else None  # inline, paragraph_close, next block
        if nxt is None or nxt.type != "bullet_list_open":
            continue
        items, depth, current = [], 0, None
        for tok2 in tokens[i + 2:]:
            if tok2.type in ("bullet_list_open", "ordered_list_open"):
                depth += 1
            elif tok2.type in ("bullet_list_close", "ordered_list_close"):
                depth -= 1
                if depth == 0:
                    break
            elif tok2.type == "list_item_open" and depth == 1:
                current = []
                items.append(current)
            elif tok2.type == "inline" and depth == 1 and current is not None:
                current.append(_join_lines(tok2.content))
        break
    if not items:
        raise ObjectivesError(
            f"{_rel(src)}: no learning objectives found: the chapter's opening markdown (before its first "
            "code cell) needs a line in bold, such as **You will learn to**, followed by a bullet list")
    texts = [" ".join(parts).strip() for parts in items]
    if any(not x for x in texts):
        raise ObjectivesError(f"{_rel(src)}: an item of the objectives list is empty")
    all_sentences = all(x[-1] in ".。" for x in texts)  # Japanese: every item a sentence, kept as it is
    texts = [re.sub(r"\s*[;；,，]$", "", x) for x in texts]
    if not all_sentences:
        texts = [re.sub(r"\s*[.。]$", "", x) for x in texts]
    return texts


def english_source(src: Path) -> Path:
    """``book/<lang>/NN-name.md`` → ``book/en/NN-name.md``."""
    src = Path(src)
    return src.parent.parent / "en" / src.name


def chapter_objectives(src: Path) -> list[str]:
    """``objectives(src)``, checked to be as many as in the English source, which the banks number."""
    mine = objectives(src)
    english = english_source(src)
    if english.exists() and english.resolve() != Path(src).resolve():
        count = len(objectives(english))
        if count != len(mine):
            raise ObjectivesError(f"{_rel(src)} lists {len(mine)} objectives, {_rel(english)} {count}: "
                                  "a translation lists the same objectives, in the same order")
    return mine


def load_bank(chapter: str, root: Path = ROOT) -> dict | None:
    """The bank ``quizzes/<chapter>.yml``, validated against the number of objectives of the English
    chapter (questions name objectives by their number there); None if the chapter has no bank."""
    path = root / "quizzes" / f"{chapter}.yml"
    if not path.exists():
        return None
    return quizbank.load(path, n_objectives=len(objectives(root / "book" / "en" / f"{chapter}.md")))


def coverage(bank: dict | None, count: int) -> dict[int, list[tuple[int, str]]]:
    """For each objective 1..count, the questions that test it: (position in the quiz, id)."""
    tested = {k: [] for k in range(1, count + 1)}
    for n, q in enumerate((bank or {}).get("questions", []), 1):
        for k in q["objectives"]:
            tested[k].append((n, q["id"]))
    return tested


def _benchmarks(root: Path) -> dict | None:
    path = root / "assets" / "benchmarks.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _seconds(value) -> str:
    return "–" if value is None else f"{value:.0f}"


def _capitalise(text: str, lang: str) -> str:
    """An objective as a list item of its own: English and German items continue "You will learn to" /
    "Lernziele" in lower case; on this page they stand alone."""
    if lang in ("en", "de") and text[:1].islower():
        return text[0].upper() + text[1:]
    return text


def nbgitpuller_link(hub: str, repo_url: str, branch: str, repo_name: str, path: str) -> str:
    """nbgitpuller's link (parameters ``repo``, ``branch``, ``urlpath``) that clones ``repo_url`` into the
    student's home on ``hub`` and opens ``path`` of it in JupyterLab: ``urlpath`` starts with the folder
    the repository is cloned into, named after it."""
    return (hub.rstrip("/") + "/hub/user-redirect/git-pull?repo=" + quote(repo_url, safe="")
            + "&branch=" + quote(branch, safe="") + "&urlpath=" + quote(f"lab/tree/{repo_name}/{path}", safe=""))


def _config(root: Path) -> dict:
    import yaml

    return yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}


def exercises_section(lang: str, root: Path = ROOT) -> list[str]:
    """How to hand out the exercise notebooks (``make exercises``, a repository, an nbgitpuller link)."""
    hub = (_config(root).get("course_launch") or {}).get("jupyterhub_url") or ""
    shown_hub = hub.rstrip("/") or HUB_PLACEHOLDER
    sources = chapter_sources(lang, root)
    example_nb = f"{sources[0].stem}-pytorch.ipynb" if sources else "01-name-pytorch.ipynb"
    first = f"{lang}/{example_nb}"
    repo = repository(root)
    solutions = f"{repo['url']}/tree/{repo['branch']}/notebooks/{lang}"
    example = nbgitpuller_link(shown_hub, EXAMPLE_REPO["url"], EXAMPLE_REPO["branch"], EXAMPLE_REPO["name"], first)
    form = (f"{shown_hub}/hub/user-redirect/git-pull?repo=<repo-url>&branch=<branch>"
            f"&urlpath=lab/tree/<repo-name>/{lang}/<notebook>")

    def link_block(text: str) -> list[str]:  # a long link wraps (seqlab-book.css) instead of scrolling
        return ["```{code-block} text", ":class: seqlab-link", "", text, "```", ""]

    return [
        f"## {t('instr_exercises', lang)}", "",
        f"1. {t('instr_step_make', lang).format(folder=f'{EXERCISES}/{lang}/', example=example_nb)}",
        f"2. {t('instr_step_repo', lang).format(folder=f'{EXERCISES}/')}",
        f"3. {t('instr_step_link', lang)}", "",
        t("instr_link_form", lang), "",
        *link_block(form),
        t("instr_hub_set" if hub else "instr_hub_unset", lang).format(hub=shown_hub, placeholder=HUB_PLACEHOLDER), "",
        t("instr_link_example", lang).format(repo=EXAMPLE_REPO["url"].removeprefix("https://github.com/"),
                                             branch=EXAMPLE_REPO["branch"], notebook=first), "",
        *link_block(example),
        t("instr_offline", lang), "",
        t("instr_solutions", lang).format(folder=f"notebooks/{lang}/", url=solutions), "",
    ]


def chapter_section(src: Path, lang: str, root: Path = ROOT, results: dict | None = None) -> list[str]:
    """One chapter: its objectives with the questions that test each, and its notebooks' run times."""
    chapter = src.stem
    goals = chapter_objectives(src)
    bank = load_bank(chapter, root)
    title = read_source(src).cells[0].source.splitlines()[0].lstrip("#").strip()
    cjk = lang in ("ja", "zh")
    lines = [f"## {title}", ""]
    n_questions = len(bank["questions"]) if bank else 0
    lines += [t("instr_chapter_line", lang).format(link=f"{{doc}}`{title} <{chapter}>`", n=n_questions,
                                                    bank=f"quizzes/{chapter}.yml"), ""]
    lines += [f"### {t('instr_objectives', lang)}", ""]
    sep = "、" if cjk else ", "
    for k, (goal, tested) in enumerate(zip(goals, coverage(bank, len(goals)).values()), 1):
        if tested:
            refs = sep.join(t("instr_question_ref", lang).format(n=n, id=qid) for n, qid in tested)
            tests = f"{t('instr_questions', lang)}{'' if cjk else ' '}{refs}"
        else:
            tests = f"**{t('instr_not_covered', lang)}**"
        lines += [f"{k}. {_capitalise(goal, lang)}", "", f"   {tests}", ""]
    from .handouts import chapter_exercises

    exercises = chapter_exercises(src)
    if exercises:  # what the exercise notebooks of this chapter hold
        lines += [f"### {t('instr_exercise_list', lang)}", ""]
        paren = ("（", "、", "）") if cjk else (" (", ", ", ")")
        lines += [f"- {e['title'].rstrip('.。')}{paren[0]}`{e['name']}`{paren[1]}`check(\"{e['key']}\", …)`{paren[2]}"
                  for e in exercises]
        lines.append("")
    rows = [r for r in (results or {}).get("rows", []) if r["lang"] == lang and r["chapter"] == chapter]
    if rows:
        lines += [f"### {t('instr_times', lang)}", "",
                  f"| {t('framework', lang)} | {t('bench_seconds', lang)} | {t('bench_quick', lang)} |",
                  "|---|---:|---:|"]
        for fw in FRAMEWORKS:
            for r in (r for r in rows if r["framework"] == fw):
                lines.append(f"| {FRAMEWORK_NAMES[fw]} | {_seconds(r.get('seconds'))} | {_seconds(r.get('quick_seconds'))} |")
        lines.append("")
    return lines


def page(lang: str, root: Path = ROOT) -> str:
    """The instructors' page of ``lang`` in MyST Markdown."""
    results = _benchmarks(root)
    lines = [f"# {t('instructors', lang)}", "", t("instr_intro", lang), ""]
    if results:
        m = results.get("machine", {})
        lines += [t("instr_times_intro", lang).format(date=results.get("date", "?"), cpus=m.get("cpus", "?"),
                                                      benchmarks=f"{{doc}}`{t('benchmarks', lang)} <benchmarks>`"), ""]
    lines += exercises_section(lang, root)
    for src in chapter_sources(lang, root):
        lines += chapter_section(src, lang, root, results)
    return "\n".join(lines).rstrip("\n") + "\n"
