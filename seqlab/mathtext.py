"""Text with ``$…$`` math, turned into segments a widget can show without any math library.

The course's widgets run in JupyterLab, Notebook 7, VS Code, Colab and the static book; only
some of these have MathJax, and none lends it to a widget reliably. So the math is converted here,
in Python, to MathML (with ``latex2mathml``), which every current browser renders natively and
screen readers read. ``segments("the state $h_t$")`` gives ``["the state ", {"math": tree,
"tex": "h_t"}]``, where ``tree`` is the MathML as nested ``[tag, {attributes}, *children]`` lists:
the front end builds it element by element (``createElementNS``), never by parsing markup, and
accepts only the MathML elements and attributes listed here.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

MATHML_NS = "http://www.w3.org/1998/Math/MathML"
# MathML Core presentation elements (what latex2mathml writes for the course's formulas).
ELEMENTS = frozenset("""math mrow mi mn mo ms mtext mspace msub msup msubsup mfrac msqrt mroot mover
    munder munderover mstyle mtable mtr mtd mpadded mphantom menclose semantics annotation""".split())
ATTRIBUTES = frozenset("""display mathvariant stretchy fence separator lspace rspace width height depth
    accent accentunder movablelimits form linethickness displaystyle scriptlevel columnalign
    rowalign columnspacing rowspacing largeop symmetric minsize maxsize notation encoding""".split())
# How many children the scripted elements take (latex2mathml writes fewer for "\\frac{a}").
ARITY = {"mfrac": 2, "msub": 2, "msup": 2, "msubsup": 3, "mroot": 2, "mover": 2, "munder": 2, "munderover": 3}
_MATH = re.compile(r"\$([^$]+)\$")


class MathError(ValueError):
    """A ``$…$`` formula that cannot be converted; the message quotes it."""


def to_tree(tex: str) -> list:
    """The MathML of one TeX formula as ``[tag, {attributes}, *children]``."""
    from latex2mathml.converter import convert

    try:
        root = ET.fromstring(convert(tex))
    except Exception as e:  # latex2mathml raises its own exceptions for malformed TeX
        raise MathError(f"cannot convert the formula ${tex}$ ({str(e) or type(e).__name__})") from e

    def walk(el) -> list:
        tag = el.tag.split("}", 1)[-1]
        if tag not in ELEMENTS:
            raise MathError(f"the formula ${tex}$ needs the MathML element <{tag}>, which widgets do not show")
        if tag == "merror":
            raise MathError(f"cannot convert the formula ${tex}$")
        if tag in ARITY and len(el) != ARITY[tag]:
            raise MathError(f"the formula ${tex}$ is incomplete: <{tag}> needs {ARITY[tag]} parts, got {len(el)}")
        if tag in ("mi", "mo") and (el.text or "").startswith("\\"):
            raise MathError(f"the formula ${tex}$ uses {el.text}, which latex2mathml does not know")
        attrs = {k: v for k, v in el.attrib.items() if k in ATTRIBUTES}
        node = [tag, attrs]
        if el.text and el.text.strip():
            node.append(el.text.strip() if tag != "mtext" else el.text)
        for child in el:
            node.append(walk(child))
            if child.tail and child.tail.strip():
                node.append(child.tail.strip())
        return node

    return walk(root)


def segments(text: str) -> list:
    """``text`` as a list of plain strings and ``{"math": tree, "tex": source}`` items."""
    out, pos = [], 0
    for m in _MATH.finditer(text):
        if m.start() > pos:
            out.append(text[pos:m.start()])
        out.append({"math": to_tree(m.group(1)), "tex": m.group(1)})
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    return out


def plain(text: str) -> str:
    """``text`` with its formulas as their TeX source, without the dollars (for a text fallback)."""
    return _MATH.sub(lambda m: m.group(1), text)
