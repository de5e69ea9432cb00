"""``make bench`` (second part): how fast the built book's chapter pages arrive on a slow line.

Serves ``_build/html`` on 127.0.0.1 the way a static host such as GitHub Pages does (gzip for
text, ``Cache-Control: max-age=600``), opens every chapter page of every language in Chromium
with a cold cache on an emulated line of 9 Mbit/s and 60 ms latency (Chrome DevTools' network
emulation), and records

- the first contentful paint, the bytes transferred and the number of requests per page;
- what a reader who switches language downloads again: the scripts fetched by the same chapter
  in the other language that had already been fetched once (the site serves shared scripts from
  one place, so this should be nothing).

The results go into ``assets/benchmarks.json`` under ``"pages"`` and onto the Benchmarks page.
Targets: first contentful paint ≤ 2 s on every chapter page; nothing downloaded twice.
"""
from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import io
import json
import sys
import threading
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from .authoring import ROOT, _rel, book_langs, chapter_sources

HTML = ROOT / "_build" / "html"
RESULTS = ROOT / "assets" / "benchmarks.json"
LINE = {"mbit": 9, "latency_ms": 60}
FCP_TARGET_MS = 2000
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]
TEXT = (".html", ".js", ".css", ".json", ".svg", ".txt", ".ipynb", ".map")


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """A static host: gzip for text when the browser accepts it, cacheable for ten minutes."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix in TEXT and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = gzip.compress(path.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


@contextmanager
def serve(folder: Path = HTML):
    """``folder`` served as a static host on 127.0.0.1; yields the base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(StaticHost, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


class Recorder:
    """One page's network traffic, seen through the DevTools protocol."""

    def __init__(self, page, throttle: bool = True):
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        if throttle:
            rate = LINE["mbit"] * 1e6 / 8
            self.cdp.send("Network.emulateNetworkConditions", {
                "offline": False, "latency": LINE["latency_ms"], "downloadThroughput": rate, "uploadThroughput": rate})
        self.requests, self.bytes, self.cached = {}, {}, set()
        self.cdp.on("Network.requestWillBeSent", lambda e: self.requests.__setitem__(e["requestId"], e["request"]["url"]))
        self.cdp.on("Network.requestServedFromCache", lambda e: self.cached.add(e["requestId"]))
        self.cdp.on("Network.responseReceived", self._response)
        self.cdp.on("Network.loadingFinished", lambda e: self.bytes.__setitem__(e["requestId"], e["encodedDataLength"]))
        self.types = {}

    def _response(self, e):
        self.types[e["requestId"]] = e.get("type", "")
        if e["response"].get("fromDiskCache") or e["response"].get("fromMemoryCache"):
            self.cached.add(e["requestId"])

    def downloaded(self, kind: str | None = None) -> dict[str, int]:
        """URL → bytes of what came over the line (not from the cache), of one resource type."""
        return {self.requests[r]: n for r, n in self.bytes.items()
                if r in self.requests and r not in self.cached and n > 0 and (kind is None or self.types.get(r) == kind)}


def content_of(url: str, folder: Path = HTML) -> str:
    """The SHA-256 of the file a local URL serves from ``folder`` (the same script under two
    addresses is still the same script)."""
    path = folder / urlparse(url).path.lstrip("/")
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else url


def _first_paint(page) -> float:
    page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0", timeout=60000)
    return page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")


def measure(base: str, browser, langs=None, folder: Path = HTML) -> dict:
    """Every chapter page, cold, on the emulated line; then one switch of language per language."""
    rows = []
    langs = langs or book_langs()
    for lang in langs:
        for src in chapter_sources(lang):
            context = browser.new_context(viewport={"width": 1200, "height": 900})
            page = context.new_page()
            rec = Recorder(page)
            page.goto(f"{base}/{lang}/{src.stem}.html", wait_until="load", timeout=120000)
            fcp = _first_paint(page)
            page.wait_for_load_state("networkidle")
            got = rec.downloaded()
            rows.append({"page": f"{lang}/{src.stem}.html", "fcp_ms": round(fcp), "bytes": sum(got.values()),
                         "requests": len(rec.requests)})
            print(f"  {rows[-1]}", flush=True)
            context.close()
    switches = []
    for lang in langs:
        for other in langs:
            if other == lang:
                continue
            chapter = chapter_sources(lang)[0].stem
            context = browser.new_context()
            page = context.new_page()
            first = Recorder(page, throttle=False)
            page.goto(f"{base}/{lang}/{chapter}.html", wait_until="networkidle")
            seen = set(first.downloaded("Script"))
            page.close()
            page = context.new_page()
            second = Recorder(page, throttle=False)
            page.goto(f"{base}/{other}/{chapter}.html", wait_until="networkidle")
            # the same bytes, whatever their address (a site that gave every book its own copy
            # would make the browser fetch them again under another one)
            seen_files = {content_of(u, folder) for u in seen}
            again = {u: n for u, n in second.downloaded("Script").items() if content_of(u, folder) in seen_files}
            fetched = second.downloaded("Script")
            switches.append({"from": lang, "to": other, "scripts_fetched": len(fetched),
                             "script_bytes": sum(fetched.values()), "fetched_again": sorted(again)})
            print(f"  {switches[-1]}", flush=True)
            context.close()
    return {"date": date.today().isoformat(), "line": LINE, "fcp_target_ms": FCP_TARGET_MS,
            "rows": rows, "switches": switches}


def run(langs=None) -> dict:
    from playwright.sync_api import sync_playwright

    if not (HTML / "index.html").exists():
        raise FileNotFoundError(f"{_rel(HTML)} is not built: run `make book` first")
    with serve() as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return measure(base, browser, langs)
        finally:
            browser.close()


def main(argv=None) -> int:
    """``python -m seqlab.bench_pages``: measure, and store under "pages" in assets/benchmarks.json."""
    try:
        pages = run()
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {"rows": []}
    results["pages"] = pages
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    slow = [r["page"] for r in pages["rows"] if r["fcp_ms"] > FCP_TARGET_MS]
    twice = [s for s in pages["switches"] if s["fetched_again"]]
    print(f"wrote {_rel(RESULTS)}: {len(pages['rows'])} pages, "
          f"first paint ≤ {FCP_TARGET_MS} ms: {'all' if not slow else 'not ' + ', '.join(slow)}; "
          f"scripts fetched twice on a language switch: {sum(len(s['fetched_again']) for s in twice)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
