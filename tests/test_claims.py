"""Claims (seqlab.claim): every claim a committed notebook states holds in its full-mode run, and
every claim a chapter states has its text in the chapter's language."""
import re

import nbformat
import pytest

import seqlab
from seqlab import FRAMEWORKS, authoring, claims
from seqlab.i18n import t

SOURCES = authoring.chapter_sources()
KEY = re.compile(r"""seqlab\.claim\(\s*["']([^"']+)["']""")


def _keys(src):
    return [k for c in authoring.read_source(src).cells if c.cell_type == "code" for k in KEY.findall(c.source)]


@pytest.mark.parametrize("framework", FRAMEWORKS)
@pytest.mark.parametrize("src", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_stored_claim_holds(src, framework):
    path = authoring.notebook_path(src, framework)
    found = claims.stored(nbformat.read(path, as_version=4))
    assert len(found) == len(_keys(src)), f"{path}: {len(_keys(src))} claims in the source, {len(found)} stored"
    assert len({c["key"] for c in found}) >= 3, f"{path}: a chapter states at least 3 claims, this one {len(found)}"
    bad = [f"{c['key']}: {c['text']} (measured {c['value']}, mode {c['mode']})" for c in found
           if c["holds"] is not True or c["mode"] != "full"]
    assert not bad, f"{authoring._rel(path)}: claims that the stored run does not support:\n" + "\n".join(bad)


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_claim_has_its_text_in_the_chapters_language(src):
    lang = src.parent.name
    texts = claims.texts()
    for key in _keys(src):
        assert key in texts, f"{src}: claim {key!r} has no text in seqlab/claims.yml"
        assert texts[key].get(lang), f"seqlab/claims.yml: claim {key!r} has no {lang} text ({src})"
        assert key.startswith(src.name[:2] + "/"), f"{src}: claim keys start with the chapter number: {key!r}"


def test_every_claim_text_is_used():
    used = {k for src in SOURCES for k in _keys(src)}
    assert set(claims.texts()) <= used, f"texts of claims no chapter states: {sorted(set(claims.texts()) - used)}"


@pytest.fixture
def one_claim(monkeypatch):
    monkeypatch.setattr(claims, "texts", lambda: {"99/x": {"en": "x is big", "de": "x ist groß", "fmt": "{:.0%}"}})


def _shown(capsys):
    return capsys.readouterr().out.strip()


def test_a_claim_says_whether_it_holds_in_the_notebooks_language(one_claim, monkeypatch, capsys):
    monkeypatch.setattr(seqlab, "QUICK", False)
    assert seqlab.claim("99/x", True, value=0.93, lang="de") is True
    assert _shown(capsys) == f"{t('claim_holds', 'de')} x ist groß ({t('claim_value', 'de')} 93%)"
    assert seqlab.claim("99/x", 0.2 > 0.5, value=0.2) is False
    assert _shown(capsys).startswith(t("claim_fails", "en"))


def test_quick_mode_checks_nothing(one_claim, monkeypatch, capsys):
    monkeypatch.setattr(seqlab, "QUICK", True)
    assert seqlab.claim("99/x", False, value=0.1) is None
    assert t("claim_quick", "en") in _shown(capsys)


def test_bad_claims_are_clear_errors(one_claim, monkeypatch):
    monkeypatch.setattr(seqlab, "QUICK", False)
    with pytest.raises(claims.ClaimError, match="no claim '99/y'"):
        seqlab.claim("99/y", True)
    with pytest.raises(ValueError, match="finite number"):
        seqlab.claim("99/x", True, value=float("nan"))
    with pytest.raises(ValueError, match="lang must be one of"):
        seqlab.claim("99/x", True, lang="fr")


def test_prose_mode_rewrites_a_stored_claim_in_the_current_text(monkeypatch):
    import copy

    import nbformat

    from seqlab import claims

    nb = nbformat.read(authoring.ROOT / "notebooks" / "de" / "01-rnn-pytorch.ipynb", 4)
    before = claims.stored(nb)
    stale = copy.deepcopy(nb)
    for cell in stale.cells:
        for out in cell.get("outputs", []):
            if claims.CLAIM_MIME in out.get("data", {}):
                out["data"][claims.CLAIM_MIME]["text"] = "old text"
                out["data"]["text/plain"] = "✓ old text"
    claims.refresh(stale)
    after = claims.stored(stale)
    assert after == before, "text, verdict and value come back from claims.yml and the stored run"
    lines = [o["data"]["text/plain"] for c in stale.cells for o in c.get("outputs", [])
             if claims.CLAIM_MIME in o.get("data", {})]
    assert all("old text" not in line for line in lines) and all(line.startswith("✓") for line in lines)
