#!/usr/bin/env python3
"""Times rebuilds after one edit on a synthetic help center, with `sitegen build` (the build
cache in .sitegen-cache) and with `sitegen serve` (its in-memory memo), and prints Markdown.

    python3 Benchmarks/incremental.py --guides 10000 --runs 3

Each run appends a sentence to one guide (a different guide each run, below its first
paragraph, so only that guide and the search index change) and times the rebuild: `build`
from the command's start to its exit; `serve` by the time it reports for the rebuild (the
pages; the search index follows). `serve` is also timed changing a guide's title, which
other pages show. The
first, clean build and a rebuild with nothing changed are timed too. `--scratch-path` and
`--sitegen` as in run.py; `--templates` gives an older binary the theme of its own commit.
Nothing here is asserted: the figures go in BENCHMARKS.md.
"""
import argparse
import os
import pathlib
import platform
import re
import statistics
import subprocess
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
import importlib.util

spec = importlib.util.spec_from_file_location("run", HERE / "run.py")
run = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run)


def sitegen_binary(args):
    if args.sitegen:
        return os.path.abspath(args.sitegen)
    scratch = ["--scratch-path", args.scratch_path] if args.scratch_path else []
    subprocess.run(["swift", "build", "-c", "release", "--product", "sitegen", *scratch], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    bin_dir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path", *scratch], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_dir, "sitegen")


def guides_to_edit(corpus, count):
    files = sorted(corpus.rglob("guide-*.md"))
    step = max(1, len(files) // (count + 1))
    return [files[step * (i + 1)] for i in range(count)]


def edit(path, number):
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(f"\nEdited for the benchmark, run {number}.\n")


def retitle(path, number):
    """A title shows on other pages (lists, the pager, related guides): a wider rebuild."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title: "', f'title: "Retitled {number} ', 1), encoding="utf-8")


def time_builds(sitegen, templates, corpus, out, edits):
    command = [sitegen, "build", "--content", str(corpus), "--templates", str(templates), "--output", str(out)]
    clean = run.timed(command + ["--clean"])
    unchanged = run.timed(command)
    rebuilt = []
    for number, path in enumerate(edits):
        edit(path, number)
        rebuilt.append(run.timed(command))
    return clean, unchanged, rebuilt


def time_serve(sitegen, templates, corpus, edits, change=edit):
    process = subprocess.Popen([sitegen, "serve", "--content", str(corpus), "--templates", str(templates),
                                "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = process.stdout.readline()
        if "Serving" not in line:
            raise SystemExit(f"sitegen serve did not start: {line}")
        times = []
        for number, path in enumerate(edits):
            time.sleep(1)
            change(path, 100 + number)
            while True:
                line = process.stdout.readline()
                if not line:
                    raise SystemExit("sitegen serve stopped")
                match = re.match(r"Rebuilt .* in ([0-9.]+) s", line)
                if match:
                    times.append(float(match.group(1)))
                    break
        return times
    finally:
        process.send_signal(2)
        process.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--guides", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scratch-path")
    parser.add_argument("--sitegen")
    parser.add_argument("--templates", default=str(ROOT / "templates"), help="the theme (an older binary's own)")
    args = parser.parse_args()
    sitegen = sitegen_binary(args)
    templates = pathlib.Path(args.templates)

    work = pathlib.Path(tempfile.mkdtemp(prefix=f"guidepost-incremental-{args.guides}-"))
    corpus = work / "content"
    subprocess.run(["python3", str(HERE / "make-corpus.py"), str(args.guides), str(corpus)], check=True)
    edits = guides_to_edit(corpus, 3 * args.runs)
    clean, unchanged, rebuilt = time_builds(sitegen, templates, corpus, work / "public", edits[:args.runs])
    served = time_serve(sitegen, templates, corpus, edits[args.runs:2 * args.runs])
    retitled = time_serve(sitegen, templates, corpus, edits[2 * args.runs:], change=retitle)
    subprocess.run(["rm", "-rf", str(work)], check=True)

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; "
          f"{args.guides} guides; {args.runs} edits each, medians.\n")
    print("| build | wall s | CPU s | peak MiB |")
    print("| --- | --- | --- | --- |")
    print(f"| `sitegen build`, clean | {clean[0]:.2f} | {clean[1]:.2f} | {clean[3]:.0f} |")
    print(f"| `sitegen build`, nothing changed | {unchanged[0]:.2f} | {unchanged[1]:.2f} | {unchanged[3]:.0f} |")
    print(f"| `sitegen build`, one guide edited | {statistics.median(r[0] for r in rebuilt):.2f} | "
          f"{statistics.median(r[1] for r in rebuilt):.2f} | {statistics.median(r[3] for r in rebuilt):.0f} |")
    print(f"| `sitegen serve`, one guide's text edited (as it reports) | {statistics.median(served):.2f} | | |")
    print(f"| `sitegen serve`, one guide's title changed (as it reports) | {statistics.median(retitled):.2f} | | |")


if __name__ == "__main__":
    main()
