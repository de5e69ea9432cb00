"""One name per idea and language: the variants that ``book/glossary.yml`` says to avoid, found.

The glossary records next to each term's chosen name (``term``) the names not to use for it
(``avoid``, per language), and in its ``style`` section the choices for ideas that are not
glossary terms (``{lang, use, avoid, note}``: the Softmax's gender, "Folge" for a sequence,
...). ``check()`` reads every text of every language and returns one finding per variant it
meets, naming the file, the line, the language, the variant and the chosen name::

    book/de/01-rnn.md:210: de: 'Entrollen' (use 'entfalten (das Entfalten, entfaltet)')

It reads

- the chapter sources ``book/<lang>/*.md``: the prose and the comments of code cells; not the
  front matter, the code itself, inline code or other fenced blocks;
- the quiz banks ``quizzes/*.yml``, ``seqlab/claims.yml`` and the glossary itself: the text under
  each language key (in the glossary: terms and definitions, not the ``avoid`` lists or the
  ``style`` section, which name the variants on purpose);
- ``seqlab/i18n.py``: each language's strings.

A variant is matched as a whole word in Latin script: not glued to a letter or digit on its left
(so the second part of a hyphenated compound counts), nor to a letter, digit or hyphen on its
right; its first letter matches in either case, so it is found at the start of a sentence too.
In a variant ``*`` stands for the rest of a word ("entroll*": entrollt, Entrollen) and ``#``
for a number ("# Tokens"). In Japanese and Chinese, which have no spaces between words, a
variant is matched wherever it occurs; ``¬`` ends it with what must not follow ("エンコーダ¬ー":
エンコーダ, but not エンコーダー).

German prose also writes numbers with the decimal comma: a ``0.62`` is reported (``0,62``, in
math ``0{,}62``); numbers in code, inline code and code comments are left alone, and so are
version numbers ("Python 3.11", "Keras 3.10"), thousands ("2.000") and dotted triples.
"""
from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

from . import LANGS
from .glossary import GLOSSARY, GlossaryError

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


@dataclass(frozen=True)
class Rule:
    """One variant to avoid in one language, and the name to use instead."""

    lang: str
    variant: str
    use: str
    pattern: re.Pattern


def _pattern(variant: str) -> re.Pattern:
    variant, _, not_before = variant.partition("¬")       # "エンコーダ¬ー": not followed by ー
    parts = []
    for k, ch in enumerate(variant):
        if ch == "*":
            parts.append(r"[\w-]*")
        elif ch == "#":
            parts.append(r"\d+(?:[.,]\d+)*")
        elif k == 0 and ch.isalpha() and ch.lower() != ch.upper():
            parts.append(f"[{re.escape(ch.upper())}{re.escape(ch.lower())}]")
        else:
            parts.append(re.escape(ch))
    body = "".join(parts) + (f"(?!{re.escape(not_before)})" if not_before else "")
    if CJK.search(variant):
        return re.compile(body)
    return re.compile(rf"(?<!\w){body}(?![\w-])")


def _strings(value, where: str) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise GlossaryError(f"{where}: 'avoid' must be a list of variants (non-empty strings)")
    return value


def rules(path: Path = GLOSSARY) -> dict[str, list[Rule]]:
    """``{lang: [Rule, ...]}`` from the glossary's ``avoid`` lists and its ``style`` section."""
    import yaml

    from .glossary import load

    terms = load(path)
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    found: dict[str, list[Rule]] = {lang: [] for lang in LANGS}
    for entry in terms:
        for lang, variants in (entry.get("avoid") or {}).items():
            for v in _strings(variants, f"{path}: term {entry['id']!r}, avoid.{lang}"):
                found[lang].append(Rule(lang, v, str(entry["term"][lang]), _pattern(v)))
    style = data.get("style") or []
    if not isinstance(style, list):
        raise GlossaryError(f"{path}: 'style' must be a list of {{lang, use, avoid, note}}")
    for n, item in enumerate(style, 1):
        where = f"{path}: style entry {n}"
        if not isinstance(item, dict) or item.get("lang") not in LANGS or not str(item.get("use", "")).strip():
            raise GlossaryError(f"{where}: needs 'lang' (one of {', '.join(LANGS)}), 'use' and 'avoid'")
        unknown = set(item) - {"lang", "use", "avoid", "note"}
        if unknown:
            raise GlossaryError(f"{where}: unknown fields {sorted(unknown)}")
        for v in _strings(item.get("avoid"), f"{where} ({item['use']!r})"):
            found[item["lang"]].append(Rule(item["lang"], v, str(item["use"]), _pattern(v)))
    return found


# --------------------------------------------------------------------------- the texts

# A text to check: (line, language, text, in_math, is_prose). ``is_prose`` is False for code
# comments, where numbers keep the decimal point of the code they describe.
Segment = tuple[int, str, str, bool, bool]

_INLINE_CODE = re.compile(r"(\{[\w:-]+\})?(`+)(?:(?!\2).)+?\2")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def _prose(line: str) -> str:
    """A markdown line without its inline code, roles and link targets (columns kept)."""
    return _LINK_TARGET.sub(_blank, _INLINE_CODE.sub(_blank, line))


def _comments(code: list[str], first: int) -> list[tuple[int, str]]:
    """The comments of a code cell whose first line is line ``first`` of the file."""
    text = "\n".join("" if ln.lstrip().startswith(":") else ln for ln in code) + "\n"
    try:
        return [(first + tok.start[0] - 1, tok.string) for tok in tokenize.generate_tokens(io.StringIO(text).readline)
                if tok.type == tokenize.COMMENT]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return [(first + k, ln[ln.index("#"):]) for k, ln in enumerate(code) if "#" in ln]


def markdown_segments(path: Path, lang: str) -> list[Segment]:
    """The prose and code comments of a chapter source, line by line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    out: list[Segment] = []
    start = 0
    if lines and lines[0].strip() == "---":  # front matter: technical keys only
        start = next((k + 1 for k in range(1, len(lines)) if lines[k].strip() == "---"), len(lines))
    fence, code, code_from, in_math = None, [], 0, False
    for k in range(start, len(lines)):
        n, line, s = k + 1, lines[k], lines[k].strip()
        if fence is not None:
            if s.startswith(fence) and not s.strip("`~"):
                if code_from:
                    out += [(m, lang, c, False, False) for m, c in _comments(code, code_from)]
                fence, code, code_from = None, [], 0
            elif code_from:
                code.append(line)
            continue
        opening = re.match(r"^(`{3,}|~{3,})\s*(\{[\w-]+\})?", s)
        if opening:
            fence = opening.group(1)
            if opening.group(2) == "{code-cell}":
                code_from = n + 1
            elif opening.group(2):  # a directive ({note}, ...) holds prose: read on
                fence = None
            continue
        if s.startswith(":") and re.match(r"^:[\w-]+:", s):  # a directive's option
            continue
        text = _prose(line)
        math = in_math
        if s.startswith("$$") or s.endswith("$$"):
            if not (len(s) > 4 and s.startswith("$$") and s.endswith("$$")):
                in_math = not in_math
            math = True
        out.append((n, lang, text, math, True))
    return out


_KEY = re.compile(r"^(\s*)(- +)?([\w./-]+|\"[^\"]*\"|'[^']*'):(?=\s|$)(.*)$")


def yaml_segments(path: Path, skip: tuple[str, ...] = ("avoid",), skip_top: tuple[str, ...] = ("style",)) -> list[Segment]:
    """The text of each language in a YAML file (quiz bank, glossary, claims), line by line.

    A line belongs to the language of the first key above it that is a language code; lines
    under a key in ``skip`` (at any depth) or a top-level key in ``skip_top`` are left out."""
    out: list[Segment] = []
    stack: list[tuple[int, str]] = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        m = _KEY.match(line)
        if m:
            indent += len(m.group(2) or "")
            while stack and stack[-1][0] >= indent:
                stack.pop()
            stack.append((indent, m.group(3).strip("\"'")))
            text = m.group(4)
        else:
            while stack and stack[-1][0] >= indent:
                stack.pop()
            text = line
        keys = [k for _, k in stack]
        if not keys or keys[0] in skip_top or any(k in skip for k in keys):
            continue
        lang = next((k for k in keys if k in LANGS), None)
        if lang:
            out.append((n, lang, text, False, True))
    return out


def python_segments(path: Path) -> list[Segment]:
    """The strings of each language in a module of ``{lang: text}`` dicts (``seqlab/i18n.py``)."""
    source = Path(path).read_text(encoding="utf-8")
    lines = source.splitlines()
    out: list[Segment] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Dict):
            continue
        for key, value in zip(node.keys, node.values):
            if not (isinstance(key, ast.Constant) and key.value in LANGS and isinstance(value, ast.Constant)
                    and isinstance(value.value, str)):
                continue
            for n in range(value.lineno, value.end_lineno + 1):
                raw = lines[n - 1].encode("utf-8")  # ast's columns count UTF-8 bytes
                end = value.end_col_offset if n == value.end_lineno else len(raw)
                begin = value.col_offset if n == value.lineno else 0
                out.append((n, key.value, raw[begin:end].decode("utf-8"), False, True))
    return out


def sources(root: Path = ROOT) -> list[tuple[Path, list[Segment]]]:
    """Every file the check reads, with its segments."""
    found = []
    for lang in LANGS:
        for md in sorted((root / "book" / lang).glob("*.md")):
            found.append((md, markdown_segments(md, lang)))
    for bank in sorted((root / "quizzes").glob("*.yml")):
        found.append((bank, yaml_segments(bank)))
    for path in (root / "book" / "glossary.yml", root / "seqlab" / "claims.yml"):
        if path.exists():
            found.append((path, yaml_segments(path)))
    i18n = root / "seqlab" / "i18n.py"
    if i18n.exists():
        found.append((i18n, python_segments(i18n)))
    return found


# --------------------------------------------------------------------------- the check

_NUMBER = re.compile(r"(?<![\w.,])\d+(?:\.\d+)+(?![\w]|[.,]\d)")
_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_VERSIONED = re.compile(
    r"(?:Python|PyTorch|torch|Keras|TensorFlow|NumPy|numpy|SciPy|Sphinx|CUDA|JupyterLab|Jupyter|"
    r"Jupyter Book|jupytext|nbval|matplotlib|sacrebleu|pytest|Node|Chromium|Version|Versionen|Abschnitt|Kapitel|§)"
    r"\s*(?:≥|>=|<|ab|bis)?\s*$|§\s*[\d.]+\s*(?:,|und|bis|–)\s*$")


def _in_math(text: str, at: int) -> bool:
    before = text[:at].replace(r"\$", "")
    return before.count("$") % 2 == 1


def decimal_points(text: str, math: bool = False, before: str = "") -> list[tuple[str, str]]:
    """The numbers in German prose ``text`` written with a decimal point: ``[(found, fix)]``.
    ``before`` is the text of the previous line (a version number may follow a line break)."""
    found = []
    for m in _NUMBER.finditer(text):
        number = m.group(0)
        context = text[:m.start()] if text[:m.start()].strip() else before.rstrip() + " "
        if number.count(".") > 1 or _THOUSANDS.fullmatch(number) or _VERSIONED.search(context):
            continue
        comma = "{,}" if math or _in_math(text, m.start()) else ","
        found.append((number, number.replace(".", comma)))
    return found


def _rel(path: Path, root: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path(root).resolve()))
    except ValueError:
        return str(path)


def check(root: Path = ROOT, glossary_path: Path | None = None) -> list[str]:
    """Every avoided variant (and, in German prose, every decimal point) in the course's texts."""
    by_lang = rules(glossary_path or Path(root) / "book" / "glossary.yml")
    findings = []
    for path, segments in sources(root):
        rel = _rel(path, root)
        previous, last = "", None
        for line, lang, text, math, prose in segments:
            hits = []
            # a variant of several words may straddle a line break: "vor dem" / "Softmax"
            joined = last is not None and last[0] == line - 1 and last[1] == lang and last[2] == prose
            head = last[3].rstrip() + " " if joined else ""
            whole = head + text.lstrip()
            for rule in by_lang.get(lang, ()):
                for m in rule.pattern.finditer(whole):
                    if m.end() <= len(head):
                        continue  # found on the previous line already
                    where = line - 1 if m.start() < len(head) else line
                    hits.append((where, m.start(), f"{rel}:{where}: {lang}: {m.group(0)!r} (use {rule.use!r})"))
            if lang == "de" and prose:
                for number, fix in decimal_points(text, math, previous):
                    hits.append((line, len(head) + text.lstrip().find(number),
                                 f"{rel}:{line}: de: {number!r} (use the decimal comma: {fix!r})"))
            previous = text if prose else previous
            last = (line, lang, prose, text)
            findings += [h for *_, h in sorted(hits)]
    return findings
