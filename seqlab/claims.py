"""Claims: the results a chapter's prose relies on, stated as checks that the run proves.

``seqlab.claim("04/attention-long", gap >= 0.20, value=gap, lang=LANG)`` shows one line in the
notebook's language (✓ holds / ✗ does not hold, with the measured value) and stores
``{"key", "text", "holds", "value", "mode", "lang"}`` under ``application/vnd.seqlab.claim+json``.
In quick mode nothing is claimed: the line says so and ``holds`` is stored as ``None``.
``make test`` reads the committed (full-mode) notebooks and fails, naming the notebook and the
claim, when a stored claim does not hold; the book's Benchmarks page lists every claim.

The text of each claim lives in ``claims.yml`` next to this module, keyed ``NN/name`` (the
chapter's number, then a name), once per language, so the code that states it is the same in
every language. ``fmt`` (optional) formats the value: ``"{:.0%}"``, ``"{:.1f} points"``.
"""
from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from . import LANGS

CLAIM_MIME = "application/vnd.seqlab.claim+json"
TEXTS = Path(__file__).resolve().parent / "claims.yml"


class ClaimError(ValueError):
    """A claim that cannot be stated: unknown key, missing text; the message says which."""


@lru_cache(maxsize=1)
def texts() -> dict:
    """``{key: {"en": text, ..., "fmt": format}}`` from ``claims.yml``, validated."""
    import yaml

    data = yaml.safe_load(TEXTS.read_text(encoding="utf-8")) or {}
    for key, entry in data.items():
        if not isinstance(entry, dict) or "en" not in entry:
            raise ClaimError(f"{TEXTS}: claim {key!r} needs at least its English text ('en')")
        unknown = set(entry) - set(LANGS) - {"fmt"}
        if unknown:
            raise ClaimError(f"{TEXTS}: claim {key!r} has unknown fields {sorted(unknown)}")
        if "fmt" in entry:
            try:
                entry["fmt"].format(0.5)
            except (ValueError, IndexError, KeyError) as e:
                raise ClaimError(f"{TEXTS}: claim {key!r}: fmt {entry['fmt']!r} is not a format for a number ({e})") from e
    return data


def _format(value, fmt: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    return (fmt or "{:.3g}").format(value)


def render(key: str, holds, value, lang: str, mode: str) -> tuple[str, dict]:
    """The line a claim shows and the data it stores, from the current ``claims.yml``."""
    from .i18n import t

    entry = texts().get(key)
    if entry is None:
        raise ClaimError(f"no claim {key!r} in {TEXTS.name}: add its text there (keys: NN/name)")
    text = entry.get(lang) or entry["en"]
    shown = _format(value, entry.get("fmt"))
    if mode == "quick":
        verdict = t("claim_quick", lang)
    else:
        verdict = t("claim_holds" if holds else "claim_fails", lang)
    line = f"{verdict} {text}" + (f" ({t('claim_value', lang)} {shown})" if shown else "")
    return line, {"key": key, "text": text, "holds": holds, "value": value, "mode": mode, "lang": lang}


def claim(key: str, holds, value=None, lang: str = "en") -> bool | None:
    """State claim ``key`` (see the module docstring); returns whether it holds (None in quick mode)."""
    from . import QUICK

    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    if key not in texts():
        raise ClaimError(f"no claim {key!r} in {TEXTS.name}: add its text there (keys: NN/name)")
    if value is not None and not isinstance(value, bool):
        value = float(value)
        if not math.isfinite(value):
            raise ValueError(f"claim {key!r}: the value must be a finite number, got {value!r}")
    result = None if QUICK else bool(holds)
    line, data = render(key, result, value, lang, "quick" if QUICK else "full")
    from . import show

    show(line, CLAIM_MIME, data)
    return result


def refresh(nb) -> None:
    """Re-render the claims an executed notebook stores from the current ``claims.yml``: a claim's
    text can change (a translation, a fix) without executing anything; verdict and value stay."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if CLAIM_MIME in data:
                old = data[CLAIM_MIME]
                line, new = render(old["key"], old["holds"], old["value"], old["lang"], old["mode"])
                data["text/plain"], data[CLAIM_MIME] = line, new


def stored(nb) -> list[dict]:
    """The claims stored in an executed notebook, in order."""
    return [dict(out["data"][CLAIM_MIME]) for cell in nb.cells if cell.cell_type == "code"
            for out in cell.get("outputs", []) if CLAIM_MIME in out.get("data", {})]
