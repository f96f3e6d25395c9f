#!/usr/bin/env python3
"""Bytes a reader downloads for a first search, Guidepost against Pagefind, on the synthetic
corpus Benchmarks/run.py builds (make-corpus.py). Counts bytes, never times.

    Benchmarks/search_payload.py --guides 1000 [--sitegen BIN] [--baseline BIN --baseline-templates DIR]

For each query, on a fresh page (nothing cached):
- Guidepost: search.js's own fetch plan, run in Node on the built files (the three scripts,
  the manifest, the term shards and postings the query needs, the fragments of the 8 results
  the header's list shows).
- Pagefind (`python3 -m pagefind_bin`, PyPI `pagefind-bin`) indexes the same built site; its
  own pagefind.js runs the query in headless Chromium and loads the data of its first 5
  results, as its default UI does; the resources the page fetched are counted.
Both are given raw (Pagefind's index files are gzipped on disk, so they are unpacked for the
"raw" column) and gzipped (ours compressed by `gzip -6`, what a host sends).
With --baseline, the single index file an older sitegen writes is measured too.
"""
import argparse
import gzip
import http.server
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
QUERIES = ["password", "verify phone", "secure", "migrat", "pasword", "guide 512"]
SCRIPTS = ["search-text.js", "search-index.js", "search.js"]

PLAN = r"""
const fs = require('fs'), path = require('path');
require(path.join(path.dirname(process.argv[1]), 'search-text.js'));
const engine = require(process.argv[1]);
const [site, queries] = [process.argv[2], JSON.parse(process.argv[3])];
(async () => {
  const out = {};
  for (const query of queries) {
    const fetched = [];
    const fetchJSON = async (url) => {
      const file = path.join(site, decodeURIComponent(new URL(url).pathname));
      fetched.push(file);
      return JSON.parse(fs.readFileSync(file, 'utf8'));
    };
    const index = engine.createIndex('http://site.test/search/index.json', fetchJSON);
    const results = await index.search(query, { limit: 8 });
    out[query] = { files: fetched, results: results.length };
  }
  console.log(JSON.stringify(out));
})();
"""


def sizes(data):
    return len(data), len(gzip.compress(data, 6))


def build(sitegen, templates, corpus, out):
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([sitegen, "build", "--content", str(corpus), "--templates", str(templates),
                    "--output", str(out), "--cache", str(out) + "-cache"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def guidepost(site, templates):
    plan = subprocess.run(["node", "-e", PLAN, str(templates / "assets" / "search-index.js"), str(site),
                           json.dumps(QUERIES)], check=True, capture_output=True, text=True)
    scripts = [sizes((templates / "assets" / name).read_bytes()) for name in SCRIPTS]
    rows = {}
    for query, found in json.loads(plan.stdout).items():
        files = [sizes(pathlib.Path(file).read_bytes()) for file in dict.fromkeys(found["files"])]
        parts = scripts + files
        rows[query] = (sum(p[0] for p in parts), sum(p[1] for p in parts), len(parts), found["results"])
    return rows


class Recording(http.server.SimpleHTTPRequestHandler):
    """Serves the site and notes each path asked for: Pagefind fetches from a worker too,
    which the page's resource timing does not see."""
    requested = []

    def do_GET(self):
        Recording.requested.append(self.path.split("?")[0])
        super().do_GET()

    def log_message(self, *args):
        pass


HARNESS = """<!doctype html><meta charset="utf-8"><title>pagefind</title>
<script type="module">
const pagefind = await import('/pagefind/pagefind.js');
await pagefind.init();
const search = await pagefind.search(new URLSearchParams(location.search).get('q'));
await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
document.title = 'done ' + search.results.length;
</script>"""


def pagefind(site):
    subprocess.run([sys.executable, "-m", "pagefind_bin", "--site", str(site)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    (site / "pagefind-harness.html").write_text(HARNESS)
    from selenium import webdriver
    from selenium.webdriver.support.ui import WebDriverWait
    handler = lambda *a, **k: Recording(*a, directory=str(site), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(flag)
    rows = {}
    try:
        for query in QUERIES:
            Recording.requested = []
            driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
            try:
                driver.get(f"http://127.0.0.1:{server.server_port}/pagefind-harness.html?q={query}")
                WebDriverWait(driver, 120).until(lambda d: d.title.startswith("done"))
                results = int(driver.title.split()[1])
            finally:
                driver.quit()
            parts = []
            for url in dict.fromkeys(Recording.requested):
                file = site / url.lstrip("/")
                if url.endswith("harness.html") or not file.is_file():
                    continue
                data = file.read_bytes()
                raw = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
                # Pagefind's index files are sent gzipped as they are stored; its scripts a host compresses.
                parts.append((len(raw), len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))))
            rows[query] = (sum(p[0] for p in parts), sum(p[1] for p in parts), len(parts), results)
    finally:
        server.shutdown()
    return rows


def total(folder):
    files = [f for f in folder.rglob("*") if f.is_file()]
    return sum(f.stat().st_size for f in files), len(files)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--guides", type=int, nargs="+", default=[1000])
    parser.add_argument("--sitegen", help="the sitegen to measure (default: swift build's)")
    parser.add_argument("--baseline", help="an older sitegen, whose single index file is measured")
    parser.add_argument("--baseline-templates", default=str(ROOT / "templates"))
    parser.add_argument("--no-pagefind", action="store_true")
    args = parser.parse_args()
    sitegen = args.sitegen or os.path.join(subprocess.run(
        ["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip(), "sitegen")
    templates = ROOT / "templates"
    kb = lambda n: f"{n / 1000:,.1f} KB"  # noqa: E731
    with tempfile.TemporaryDirectory() as scratch:
        scratch = pathlib.Path(scratch)
        for guides in args.guides:
            corpus, site = scratch / f"corpus-{guides}", scratch / f"site-{guides}"
            subprocess.run([sys.executable, str(HERE / "make-corpus.py"), str(guides), str(corpus)], check=True)
            build(sitegen, templates, corpus, site)
            index_bytes, index_files = total(site / "search" / "shards")
            index_bytes += (site / "search" / "index.json").stat().st_size
            print(f"\n## {guides:,} guides\n")
            print(f"Guidepost index: {index_files + 1:,} files, {kb(index_bytes)} in all; "
                  f"manifest {kb((site / 'search' / 'index.json').stat().st_size)}; "
                  f"no-JS search page {kb((site / 'search' / 'index.html').stat().st_size)}")
            if args.baseline:
                before = scratch / f"before-{guides}"
                build(args.baseline, pathlib.Path(args.baseline_templates), corpus, before)
                raw, packed = sizes((before / "search" / "index.json").read_bytes())
                print(f"Baseline single index file: {kb(raw)} ({kb(packed)} gzipped); "
                      f"no-JS search page {kb((before / 'search' / 'index.html').stat().st_size)}")
            rows = {"Guidepost": guidepost(site, templates)}
            if not args.no_pagefind:
                rows["Pagefind"] = pagefind(site)
                pf_bytes, pf_files = total(site / "pagefind")
                print(f"Pagefind index: {pf_files:,} files, {kb(pf_bytes)} on disk (gzipped)")
            print("\n| query | tool | files | raw | gzipped | results |\n| --- | --- | ---: | ---: | ---: | ---: |")
            for query in QUERIES:
                for tool, table in rows.items():
                    raw, packed, count, results = table[query]
                    print(f"| `{query}` | {tool} | {count} | {kb(raw)} | {kb(packed)} | {results} |")


if __name__ == "__main__":
    main()
