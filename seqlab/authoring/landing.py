"""The site's landing page, ``_build/html/index.html``: a link to each language's book."""
from __future__ import annotations

import html
from pathlib import Path

from ..i18n import t
from .sources import ROOT

def write_landing_page(langs, root: Path = ROOT) -> Path:
    """``_build/html/index.html``: the course title in each language, each leading to its book."""
    items = "\n".join(
        f'    <li><a href="{lg}/index.html" lang="{lg}" hreflang="{lg}">'
        f'<span class="name">{html.escape(t("language_name", lg))}</span>'
        f'<span class="title">{html.escape(t("course_title", lg))}</span>'
        f'<span class="tagline">{html.escape(t("course_tagline", lg))}</span></a></li>'
        for lg in langs
    )
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="favicon.ico">
<title>{html.escape(t("course_title", "en"))}</title>
<style>
  body {{ font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #222; }}
  h1 {{ font-size: 1.6rem; }}
  ul {{ list-style: none; padding: 0; }}
  li a {{ display: block; padding: 0.8rem 1rem; margin: 0.5rem 0; border: 1px solid #ccd;
          border-radius: 8px; text-decoration: none; color: inherit; }}
  li a:hover, li a:focus {{ background: #f0f4ff; outline: 2px solid #4a6fd8; }}
  .name {{ font-weight: 600; display: block; }}
  .title {{ color: #555; display: block; }}
  .tagline {{ color: #666; font-size: 0.9rem; display: block; margin-top: 0.3rem; }}
  li a.suggested {{ border-color: #4a6fd8; border-width: 2px; }}
</style>
</head>
<body>
<main>
<h1>{html.escape(t("course_title", "en"))}</h1>
<p>{" · ".join(f'<span lang="{lg}">{html.escape(t("choose_language", lg))}</span>' for lg in langs)}</p>
<ul>
{items}
</ul>
</main>
<script>
// Suggest the reader's language (a previous choice first, then the browser's), without redirecting.
(function () {{
  var links = Array.prototype.slice.call(document.querySelectorAll("li a[hreflang]"));
  var have = links.map(function (a) {{ return a.getAttribute("hreflang"); }});
  var saved = null;
  try {{ saved = localStorage.getItem("seqlab-lang"); }} catch (e) {{}}
  var prefs = (saved ? [saved] : []).concat(navigator.languages || [navigator.language || ""]);
  var pick = prefs.map(function (l) {{ return String(l).slice(0, 2).toLowerCase(); }})
                  .filter(function (l) {{ return have.indexOf(l) >= 0; }})[0];
  links.forEach(function (a) {{
    a.addEventListener("click", function () {{
      try {{ localStorage.setItem("seqlab-lang", a.getAttribute("hreflang")); }} catch (e) {{}}
    }});
    if (a.getAttribute("hreflang") === pick) {{ a.classList.add("suggested"); a.focus(); }}
  }});
}})();
</script>
</body>
</html>
"""
    path = root / "_build" / "html" / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path

