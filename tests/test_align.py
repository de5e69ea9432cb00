"""The attention browser (seqlab.align) and the alignment heatmap: validation and the widget's state."""
import pytest

from seqlab import align
from seqlab.i18n import t

GOOD = {"source": ["a", "b"], "target": ["x", "y", "z"], "weights": [[1, 0], [0.25, 0.75], [0.5, 0.5]]}


def test_browser_holds_rounded_examples_and_ui_in_its_language():
    w = align.AlignmentBrowser([GOOD, {**GOOD, "weights": [[0.12345, 0.87655]] * 3}], lang="de")
    assert len(w.examples) == 2 and w.index == 0
    assert w.examples[1]["weights"][0] == [0.123, 0.877]
    assert w.ui["sentence"] == t("sentence", "de") == "Satz"


@pytest.mark.parametrize("example, message", [
    ({"source": ["a"], "target": ["x"]}, "example 0: need a dict"),
    ({**GOOD, "weights": [[1, 0]]}, "1 rows of weights for 3 target tokens"),
    ({**GOOD, "weights": [[1, 0], [1], [0, 1]]}, "target token 1 \\('y'\\): 1 weights for 2 source tokens"),
    ({**GOOD, "weights": [[1, 0], [2, 0], [0, 1]]}, "must lie in \\[0, 1\\]"),
    ({**GOOD, "weights": [[1, 0], [float("nan"), 0], [0, 1]]}, "must lie in \\[0, 1\\]"),
    ({**GOOD, "source": []}, "at least one token"),
])
def test_bad_examples_are_named(example, message):
    with pytest.raises(ValueError, match=message):
        align.AlignmentBrowser([GOOD, example] if "example 0" not in message else [example])


def test_browser_needs_examples_and_a_known_language():
    with pytest.raises(ValueError, match="at least one example"):
        align.AlignmentBrowser([])
    with pytest.raises(ValueError, match="lang must be one of"):
        align.AlignmentBrowser([GOOD], lang="fr")


def test_alignment_plot_checks_the_shape(monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    from seqlab import plot

    fig = plot.alignment(["私", "は"], ["I", "am", "."], [[1, 0], [0, 1], [0.5, 0.5]], lang="ja")
    assert [tick.get_text() for tick in fig.axes[0].get_xticklabels()] == ["私", "は"]
    with pytest.raises(ValueError, match="expected \\(len\\(target\\), len\\(source\\)\\) = \\(3, 2\\)"):
        plot.alignment(["a", "b"], ["x", "y", "z"], [[1, 0]])


def test_heads_plot_titles_each_head_in_the_language():
    import matplotlib

    matplotlib.use("Agg")
    from seqlab import plot

    weights = [[[1, 0], [0, 1], [0.5, 0.5]], [[0, 1], [1, 0], [0.2, 0.8]]]
    fig = plot.heads(["a", "b"], ["x", "y", "z"], weights, lang="de")
    assert [ax.get_title() for ax in fig.axes] == ["Kopf 1", "Kopf 2"]
    assert [tick.get_text() for tick in fig.axes[0].get_yticklabels()] == ["x", "y", "z"]
    with pytest.raises(ValueError, match="expected \\(heads, len\\(target\\), len\\(source\\)\\)"):
        plot.heads(["a", "b"], ["x", "y", "z"], weights[0])
    with pytest.raises(ValueError, match="= \\(2, 3, 3\\)"):
        plot.heads(["a", "b", "c"], ["x", "y", "z"], weights)


def test_heatmap_labels_its_axes_and_needs_a_matrix():
    import matplotlib

    matplotlib.use("Agg")
    from seqlab import plot

    fig = plot.heatmap([[0.0, 1.0], [1.0, 0.0]], "dimension", "position", lang="ja")
    assert (fig.axes[0].get_xlabel(), fig.axes[0].get_ylabel()) == ("次元", "位置")
    with pytest.raises(ValueError, match="2-D matrix, got shape \\(3,\\)"):
        plot.heatmap([1, 2, 3], "dimension", "position")


def test_alignment_axis_titles_follow_the_notebook_and_fonts_the_tokens():
    import matplotlib

    matplotlib.use("Agg")
    from seqlab import plot
    from seqlab.fonts import FONTS

    fig = plot.alignment(["my", "cat"], ["私", "の", "猫"], [[1, 0], [0.5, 0.5], [0, 1]], lang="de", text_lang="ja")
    ax = fig.axes[0]
    assert (ax.get_xlabel(), ax.get_ylabel()) == (t("source_tokens", "de"), t("output_tokens", "de"))
    assert matplotlib.rcParams["font.family"][1] == FONTS["ja"][1]   # the tokens' font before the other CJK one
    plot.alignment(["a"], ["b"], [[1.0]], lang="zh")
    assert matplotlib.rcParams["font.family"][1] == FONTS["zh"][1]   # without text_lang, the notebook's language


def test_legends_are_shown_in_the_notebooks_language():
    import matplotlib

    matplotlib.use("Agg")
    from seqlab import i18n, plot

    fig = plot.curves([1, 2], {"source as written": [0.1, 0.2], "source reversed": [0.3, 0.4], "LSTM": [0.5, 0.6]},
                      "source_length", "word_accuracy", lang="de")
    shown = [text.get_text() for text in fig.axes[0].get_legend().get_texts()]
    assert shown == [t("legend_source_as_written", "de"), t("legend_source_reversed", "de"), "LSTM"]
    assert t("legend_source_reversed", "de") in plot.describe(fig, "de")
    for key, texts in i18n.STRINGS.items():     # every legend label a chapter uses maps back to one key
        if key.startswith("legend_"):
            assert i18n.legend(texts["en"], "ja") == texts["ja"]
