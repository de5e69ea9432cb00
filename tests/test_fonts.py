"""Plots in Japanese and Chinese render their glyphs, with the fonts that ship in the package."""
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from seqlab import fonts  # noqa: E402


@pytest.mark.parametrize("lang", sorted(fonts.FONTS))
def test_shipped_font_covers_every_course_character(lang):
    lost = fonts.missing(lang)
    assert not lost, (f"the {lang} font lacks {''.join(sorted(lost))}: "
                      "run `python -m seqlab.fonts` (needs `apt-get install fonts-noto-cjk`)")


@pytest.mark.parametrize("lang, sample", [("ja", "映画 は 良く ない 学習損失"), ("zh", "这 部 电影 不 好 训练损失")])
def test_matplotlib_finds_the_font_and_draws_without_missing_glyphs(lang, sample):
    fonts.use(lang)
    assert font_manager.findfont(fonts.FONTS[lang][1], fallback_to_default=False).endswith(fonts.FONTS[lang][0])
    fig, ax = plt.subplots()
    ax.set_title(sample)
    ax.set_xlabel("".join(sorted(fonts.course_text(lang))))
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*missing from font.*")
        fig.canvas.draw()
    plt.close(fig)


def test_use_puts_the_language_font_first():
    fonts.use("zh")
    order = matplotlib.rcParams["font.sans-serif"]
    assert order.index("Seqlab CJK SC") < order.index("Seqlab CJK JP")
    fonts.use("ja")
    order = matplotlib.rcParams["font.sans-serif"]
    assert order.index("Seqlab CJK JP") < order.index("Seqlab CJK SC")


def test_unknown_language_is_a_clear_error():
    with pytest.raises(ValueError, match="lang must be one of"):
        fonts.course_text("fr")
