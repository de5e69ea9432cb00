"""Checks: a committed notebook still matches its source (``check_notebook``), a translation has
the English code (``code_drift``) and follows the current English version (``follows_current``)."""
from __future__ import annotations

import hashlib
import io
import re
import tokenize
from pathlib import Path

from .sources import KERNELSPEC, SourceError, _rel, notebook_path, read_source, split

def _shape(nb) -> list[tuple]:
    """What must agree between a committed notebook and its source: cells, in order."""
    return [
        (c.get("id"), c.cell_type, c.source, tuple(c.metadata.get("tags", [])))
        for c in nb.cells
    ]


def check_notebook(src: Path, framework: str) -> list[str]:
    """Problems of the committed notebook generated from ``src`` (empty when all is well)."""
    import nbformat

    path = notebook_path(src, framework)
    fix = f"run `make notebooks` (or `python -m seqlab.authoring notebooks {_rel(src)}`)"
    if not path.exists():
        return [f"{_rel(path)} is missing: {fix}"]
    nb = nbformat.read(path, as_version=4)
    expected = split(src)[framework]
    problems = []
    got, want = _shape(nb), _shape(expected)
    if got != want:
        first = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
        cell = want[first][0] if first < len(want) else got[first][0]
        problems.append(
            f"{_rel(path)} is stale: it differs from {_rel(src)} from cell {first} "
            f"(id {cell}) on ({len(got)} cells vs {len(want)} in the source): {fix}"
        )
    if nb.metadata.get("kernelspec") != KERNELSPEC:
        problems.append(f"{_rel(path)} stores the kernelspec {nb.metadata.get('kernelspec')}, not JupyterLab's "
                        f"{KERNELSPEC} (it would open modified): {fix}")
    meta = nb.metadata.get("seqlab", {})
    if meta.get("mode") != "full":
        problems.append(f"{_rel(path)} was not executed in full mode (mode={meta.get('mode')!r}): {fix}")
    problems += _stale_widgets(nb, path, fix)
    for c in nb.cells:
        if c.cell_type != "code":
            continue
        if c.get("execution_count") is None:
            problems.append(f"{_rel(path)}: cell {c.get('id')} was never executed: {fix}")
            break
        if any(o.get("output_type") == "error" for o in c.get("outputs", [])):
            problems.append(f"{_rel(path)}: cell {c.get('id')} stored an error: fix the source, then {fix}")
    return problems


def _stale_widgets(nb, path: Path, fix: str) -> list[str]:
    """The book renders widgets from the state stored in the notebook, front-end code and quiz
    text included: a quiz stored before ``seqlab/quiz.js``, ``quiz.css`` or its bank changed
    would show the old version."""
    from .. import quizbank
    from ..quiz import questions_for

    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    here = Path(quizbank.__file__).resolve().parent
    current = {"_esm": (here / "quiz.js").read_text(encoding="utf-8"),
               "_css": (here / "quiz.css").read_text(encoding="utf-8")}
    for model in state.get("state", {}).values():
        stored = model.get("state", {})
        if "questions" in stored and "_esm" in stored:  # a seqlab quiz
            for key, code in current.items():
                if stored.get(key) != code:
                    return [f"{_rel(path)} stores an older quiz front end ({key}): {fix}"]
            bank = path.resolve().parents[2] / "quizzes" / f"{stored.get('chapter')}.yml"
            if bank.exists() and stored["questions"] != questions_for(quizbank.load(bank), stored.get("lang", "en"))[0]:
                return [f"{_rel(path)} stores an older version of {_rel(bank)}: {fix}; if only the bank "
                        "or the prose changed, `--prose` refreshes the stored quiz without executing"]
    return []


# --------------------------------------------------------------------------- translations


def _body(text: str) -> str:
    """A source without its YAML front matter, whitespace at line ends ignored."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        text = text[end + 4 :] if end != -1 else text
    return "\n".join(ln.rstrip() for ln in text.strip().splitlines())


def english_version(src_en: Path) -> str:
    """The version of an English source: a hash of its text without front matter."""
    return hashlib.sha256(_body(Path(src_en).read_text(encoding="utf-8")).encode()).hexdigest()[:12]


def english_of(src: Path) -> Path:
    return Path(src).parent.parent / "en" / Path(src).name


def follows_current(src: Path) -> str | None:
    """None if translation ``src`` follows the current English version, else the problem."""
    src = Path(src)
    en = english_of(src)
    if not en.exists():
        return f"{_rel(src)} translates {_rel(en)}, which does not exist"
    recorded = (read_source(src).metadata.get("seqlab") or {}).get("follows")
    current = english_version(en)
    if recorded is None:
        return (
            f"{_rel(src)} does not record which English version it follows: add "
            f"'seqlab: {{follows: {current}}}' to its front matter once it is up to date"
        )
    if recorded != current:
        return (
            f"{_rel(src)} follows English version {recorded}, but {_rel(en)} changed since "
            f"(now {current}): bring the translation up to date (see `git log -p {_rel(en)}`), "
            f"then run `python -m seqlab.authoring follow {_rel(src)}`"
        )
    return None


def stamp_follows(src: Path) -> str:
    """Record in translation ``src`` that it follows the current English version."""
    src = Path(src)
    current = english_version(english_of(src))
    text = src.read_text(encoding="utf-8")
    if not text.startswith("---\n") or "\n---" not in text[4:]:
        raise SourceError(f"{_rel(src)} has no front matter to record the English version in: "
                          "only chapter sources (book/<lang>/NN-name.md) are stamped")
    head, sep, body = text[4:].partition("\n---")
    if re.search(r"^  follows: .*$", head, flags=re.M):
        head = re.sub(r"^  follows: .*$", f"  follows: {current}", head, flags=re.M)
    elif re.search(r"^seqlab:\s*$", head, flags=re.M):
        head = re.sub(r"^seqlab:\s*$", f"seqlab:\n  follows: {current}", head, flags=re.M)
    else:
        head = head.rstrip("\n") + f"\nseqlab:\n  follows: {current}"
    src.write_text("---\n" + head + sep + body, encoding="utf-8")
    return current


def strip_comments(code: str) -> str:
    """Python code without comments and blank lines, for comparing translations."""
    try:
        tokens = [tok for tok in tokenize.generate_tokens(io.StringIO(code).readline)
                  if tok.type != tokenize.COMMENT]
        code = tokenize.untokenize(tokens)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        code = "\n".join(ln.split("#", 1)[0] for ln in code.splitlines())
    return "\n".join(ln.rstrip() for ln in code.splitlines() if ln.strip())


def code_drift(src: Path) -> list[str]:
    """Differences between the code cells of translation ``src`` and of its English source."""
    src = Path(src)
    en = english_of(src)
    ours = [(c.metadata.get("tags", []), strip_comments(c.source))
            for c in read_source(src).cells if c.cell_type == "code"]
    theirs = [(c.metadata.get("tags", []), strip_comments(c.source))
              for c in read_source(en).cells if c.cell_type == "code"]
    problems = []
    if len(ours) != len(theirs):
        problems.append(f"{_rel(src)} has {len(ours)} code cells, {_rel(en)} has {len(theirs)}")
    for k, (a, b) in enumerate(zip(ours, theirs)):
        if a != b:
            first = a[1].splitlines()[0] if a[1] else ""
            problems.append(
                f"{_rel(src)}: code cell {k + 1} (starting {first[:40]!r}) differs from "
                f"code cell {k + 1} of {_rel(en)} (code must be identical; only comments may be translated)"
            )
            break
    return problems


