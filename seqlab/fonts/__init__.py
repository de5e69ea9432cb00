"""CJK fonts for the course's plots, shipped with the package (no download, no system font).

Matplotlib's default font has no Japanese or Chinese glyphs, so a plot of 映画 or 电影 shows
empty boxes, on Colab as well as here. The package therefore carries two small subsets of Noto
Sans CJK (SIL Open Font License, ``fonts/OFL.txt``), renamed as its license asks of modified
fonts: "Seqlab CJK JP" and "Seqlab CJK SC". They hold exactly the characters the course can put
in a plot (``course_text``).

- ``use(lang)``: register the fonts with matplotlib and put the language's font first in the
  fallback list (Japanese and Chinese draw some shared characters differently).
- ``missing(lang)``: course characters the shipped subset lacks (a test keeps this empty).
- ``python -m seqlab.fonts``: rebuild the subsets from Debian's fonts-noto-cjk, after a chapter,
  bank or data generator brings new characters.
"""
from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent  # the fonts ship inside this package
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
# lang: (file, family, index of the face in the Noto collection, Noto's family and PostScript names)
FONTS = {
    "ja": ("SeqlabCJK-JP.otf", "Seqlab CJK JP", 0, "Noto Sans CJK JP", "NotoSansCJKjp"),
    "zh": ("SeqlabCJK-SC.otf", "Seqlab CJK SC", 2, "Noto Sans CJK SC", "NotoSansCJKsc"),
}


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, (list, tuple, set)):
        for v in obj:
            yield from _strings(v)


def course_text(lang: str) -> set[str]:
    """Every non-ASCII character that the course's code can draw in a plot in ``lang``."""
    from .. import data, i18n

    if lang not in FONTS:
        raise ValueError(f"lang must be one of {', '.join(FONTS)}, got {lang!r}")
    texts = [s[lang] for s in i18n.STRINGS.values()]
    texts += list(_strings(data._GRAMMARS[lang][0]))
    from .. import corpus, ner  # the data of chapters 2-5

    texts += corpus.vocabulary(lang) + ner.vocabulary(lang)
    texts += [d.text for d in corpus.dates(3000, seed=0, langs=(lang,))]
    texts.append("0123456789年月日")
    chars = {ch for text in texts for ch in text if ord(ch) > 0x7F and not ch.isspace()}
    return chars - _dejavu()


def _dejavu() -> set[str]:
    """Characters matplotlib's own DejaVu Sans draws (✓, ✗, ä, ß...): the subset need not hold them."""
    from fontTools.ttLib import TTFont
    from matplotlib import font_manager

    path = font_manager.findfont("DejaVu Sans", fallback_to_default=False)
    return {chr(c) for c in TTFont(path)["cmap"].getBestCmap() if c > 0x7F}


def use(lang: str = "en") -> None:
    """Register the shipped fonts with matplotlib; ``lang``'s own font comes first."""
    import matplotlib
    from matplotlib import font_manager

    names = [font_manager.FontProperties(fname=str(FONT_DIR / f)).get_name() for f, *_ in FONTS.values()]
    for file, *_ in FONTS.values():
        path = str(FONT_DIR / file)
        if path not in {f.fname for f in font_manager.fontManager.ttflist}:
            font_manager.fontManager.addfont(path)
    first = [FONTS[lang][1]] if lang in FONTS else []
    fallback = first + [n for n in names if n not in first]
    base = [f for f in matplotlib.rcParams["font.sans-serif"] if f not in names]
    matplotlib.rcParams["font.sans-serif"] = base[:1] + fallback + base[1:]
    # matplotlib falls back glyph by glyph only across the families named in font.family
    matplotlib.rcParams["font.family"] = base[:1] + fallback


def missing(lang: str) -> set[str]:
    """Characters of ``course_text(lang)`` that the shipped font cannot draw."""
    from fontTools.ttLib import TTFont

    cmap = TTFont(FONT_DIR / FONTS[lang][0])["cmap"].getBestCmap()
    return {ch for ch in course_text(lang) if ord(ch) not in cmap}


def build(source: Path = SOURCE) -> list[Path]:
    """Subset Noto Sans CJK to the course's characters, renamed; returns the written files."""
    from fontTools import subset

    if not source.exists():
        raise FileNotFoundError(f"{source} is missing: apt-get install fonts-noto-cjk")
    written = []
    for lang, (file, family, index, noto_family, noto_ps) in FONTS.items():
        options = subset.Options()
        options.font_number = index
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.layout_features = ["*"]
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        text = "".join(sorted(course_text(lang))) + "".join(chr(c) for c in range(0x20, 0x7F))
        subsetter.populate(text=text)
        subsetter.subset(font)
        ps = family.replace(" ", "")
        for record in font["name"].names:
            value = record.toUnicode().replace(noto_family, family).replace(noto_ps, ps)
            record.string = value
        if "CFF " in font:
            cff = font["CFF "].cff
            cff.fontNames = [name.replace(noto_ps, ps) for name in cff.fontNames]
            top = cff.topDictIndex[0]
            for key in ("FullName", "FamilyName"):
                if hasattr(top, key):
                    setattr(top, key, getattr(top, key).replace(noto_family, family))
        FONT_DIR.mkdir(exist_ok=True)
        out = FONT_DIR / file
        font.save(str(out))
        written.append(out)
    return written
