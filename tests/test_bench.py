"""`make bench` results: complete, consistent with the committed notebooks, shown in the book."""
import json

import nbformat
import pytest

import seqlab
from seqlab import FRAMEWORKS, authoring, bench
from seqlab.authoring.book import benchmarks_page
from seqlab.i18n import t

RESULTS = json.loads(bench.RESULTS.read_text(encoding="utf-8"))


def test_every_notebook_has_a_benchmark_row_with_a_full_mode_headline():
    rows = {(r["lang"], r["chapter"], r["framework"]): r for r in RESULTS["rows"]}
    for src in authoring.chapter_sources():
        for fw in FRAMEWORKS:
            row = rows.get((src.parent.name, src.stem, fw))
            assert row, f"{src} ({fw}) has no row in {bench.RESULTS}: run `make bench`"
            assert row["headline"] and row["headline"]["mode"] == "full"
            assert row["seconds"] > 0 and row["quick_seconds"] > 0, "both modes are timed"
            assert row["budget"] == bench.full_budget(src.stem) and row["quick_budget"] == bench.QUICK_BUDGET_S


def test_benchmark_page_marks_each_time_against_its_budget():
    row = {"notebook": "notebooks/en/09-x-pytorch.ipynb", "lang": "en", "chapter": "09-x", "framework": "pytorch",
           "seconds": 190.4, "budget": 180, "quick_seconds": 12.0, "quick_budget": 20, "headline": None}
    text = benchmarks_page("en", {"date": "2026-01-01", "machine": {"cpus": 2}, "rows": [row]})
    assert "| 190 ✗ (≤ 180) | 12 ✓ (≤ 20) |" in text
    assert bench.full_budget("01-rnn") == 120 and bench.full_budget("05-transformer") == 180


@pytest.mark.parametrize("src", authoring.chapter_sources(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_benchmark_headline_matches_the_committed_notebook(src):
    rows = {(r["lang"], r["chapter"], r["framework"]): r for r in RESULTS["rows"]}
    for fw in FRAMEWORKS:
        stored = bench.headline_of(nbformat.read(authoring.notebook_path(src, fw), 4))
        assert stored is not None, f"{src} ({fw}) shows no seqlab.headline(...)"
        assert stored == rows[(src.parent.name, src.stem, fw)]["headline"], "run `make bench` after `make notebooks`"


@pytest.mark.parametrize("lang", authoring.book_langs())
def test_benchmark_page_per_language(lang):
    text = benchmarks_page(lang, RESULTS)
    assert text.startswith(f"# {t('benchmarks', lang)}")
    assert t("bench_seconds", lang) in text
    assert sum(1 for r in RESULTS["rows"] if r["lang"] == lang) == text.count(".ipynb` |")
    pages = [r for r in RESULTS["pages"]["rows"] if r["page"].startswith(f"{lang}/")]
    assert len(pages) == len(authoring.chapter_sources(lang)) == text.count(".html` |"), "every chapter page is timed"
    assert t("bench_pages_title", lang) in text
    html = (authoring.ROOT / "_build" / "html" / lang / "benchmarks.html").read_text(encoding="utf-8")
    assert t("bench_headline", lang) in html


def test_headline_rejects_a_nameless_result():
    with pytest.raises(ValueError, match="name must be a non-empty string"):
        seqlab.headline("", 0.5)


def test_merge_replaces_the_rows_it_remeasured_and_keeps_the_others_in_chapter_order():
    from seqlab import bench

    src = authoring.chapter_sources()
    nbs = [authoring._rel(authoring.notebook_path(s, fw)) for s in src for fw in FRAMEWORKS]
    old = {"date": "2000-01-01", "rows": [{"notebook": nb, "seconds": 1.0} for nb in nbs],
           "pages": {"rows": [{"page": "en/01-rnn.html"}]}}
    new = {"date": "2026-01-01", "rows": [{"notebook": nbs[-1], "seconds": 9.0},
                                          {"notebook": nbs[0], "seconds": 8.0}]}
    merged = bench.merge(old, new)
    assert merged["date"] == "2026-01-01"
    assert [r["notebook"] for r in merged["rows"]] == nbs
    assert [r["seconds"] for r in merged["rows"]] == [8.0] + [1.0] * (len(nbs) - 2) + [9.0]
    assert merged["pages"] == old["pages"]                 # re-timing notebooks keeps the page timings


def test_bench_write_stores_the_full_mode_run_and_only_when_asked(tmp_path, monkeypatch):
    src = authoring.chapter_sources("en")[0]
    monkeypatch.setattr(bench, "notebook_path", lambda s, fw: tmp_path / f"{fw}.ipynb")

    def timed(nb, cwd, quick):                    # stands in for a kernel: marks which run this was
        nb.metadata["run"] = "quick" if quick else "full"
        return 1.0

    monkeypatch.setattr(bench, "_timed", timed)
    bench.run([src])
    assert not list(tmp_path.iterdir()), "without write, bench writes no notebook"
    results = bench.run([src], write=True)
    for fw in FRAMEWORKS:
        assert nbformat.read(tmp_path / f"{fw}.ipynb", 4).metadata["run"] == "full"
    assert [r["seconds"] for r in results["rows"]] == [1.0, 1.0]
