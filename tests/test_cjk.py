"""What the Japanese and Chinese books need from the build, tested without a built book: no line
break left as a space between two CJK characters, and a search index that holds whole terms."""
import pytest

from seqlab import glossary
from seqlab.authoring.book import search_config
from seqlab.sphinx_ext import GlossarySplitter, glossary_terms, join_cjk_lines


@pytest.mark.parametrize("text, joined", [
    ("隠れ状態は\n前の状態から計算します。", "隠れ状態は前の状態から計算します。"),
    ("勾配が\n   消えます", "勾配が消えます"),            # the indentation of a continued line goes too
    ("最後は、\n「です」", "最後は、「です」"),             # CJK punctuation counts
    ("LSTM は\nゲートを持つ", "LSTM はゲートを持つ"),        # the break between two CJK characters only
    ("the RNN\nreads", "the RNN\nreads"),                 # Latin text keeps its line breaks
    ("状態 h\nです", "状態 h\nです"),                      # between a letter and a kana: kept
    ("", ""),
])
def test_line_breaks_between_cjk_characters_are_removed(text, joined):
    assert join_cjk_lines(text) == joined


def test_the_japanese_index_holds_whole_glossary_terms():
    splitter = GlossarySplitter({"lang": "ja"})
    terms = [t["term"]["ja"].split("（")[0] for t in glossary.load()]
    text = "この章では" + "、".join(terms) + "を学びます。"
    words = set(splitter.split(text))
    cjk = [t for t in terms if any("\u3040" <= ch <= "\u9fff" for ch in t)]
    assert len(cjk) >= 30
    missing = [t for t in cjk if t.lower() not in words]
    assert not missing, f"whole terms missing from the index: {missing}"
    assert "長短" in words                                 # TinySegmenter's own words stay too


def test_glossary_terms_are_read_as_a_reader_types_them():
    terms = glossary_terms("ja")
    assert "長短期記憶" in terms and "lstm" in terms and "長短期記憶（lstm）" not in terms
    assert terms == sorted(terms, key=lambda t: (-len(t), t))


def test_only_the_japanese_book_uses_the_glossary_splitter():
    assert search_config("ja")["html_search_options"]["type"] == "seqlab.sphinx_ext.GlossarySplitter"
    assert search_config("en") == {} and search_config("de") == {}


def test_the_chinese_index_keeps_whole_glossary_terms(tmp_path):
    """jieba, with the glossary as its user dictionary, keeps 多头注意力 whole: the form a reader
    types, and the browser does not split the query."""
    import jieba

    from seqlab.authoring.book import jieba_dictionary

    config = search_config("zh", tmp_path)
    path = config["html_search_options"]["dict"]
    assert open(path, encoding="utf-8").read() == jieba_dictionary("zh")
    terms = [line.split()[0] for line in jieba_dictionary("zh").splitlines()]
    assert {"多头注意力", "循环神经网络", "隐状态", "位置编码", "长短期记忆网络"} <= set(terms)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(path)
    text = "这一章用" + "、".join(terms) + "来讲解。"
    words = set(tokenizer.cut_for_search(text))
    missing = [term for term in terms if term not in words]
    assert not missing, f"whole terms missing from the index: {missing}"


def test_the_chinese_book_refuses_to_build_without_jieba(monkeypatch, tmp_path):
    import builtins

    real_import = builtins.__import__

    def no_jieba(name, *args, **kwargs):
        if name == "jieba":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_jieba)
    with pytest.raises(RuntimeError, match="needs jieba"):
        search_config("zh", tmp_path)
