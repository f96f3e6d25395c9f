#!/usr/bin/env python3
"""Builds the same synthetic help center with Guidepost (release) and Hugo, alternating the
two, and prints median wall time, CPU time, peak memory and pages per second as Markdown.

    python3 Benchmarks/run.py --guides 1000 10000 --runs 5

Both tools build from scratch every run: each one's previous output is deleted before it starts,
outside the timing. `--scratch-path` builds Guidepost in a build folder of its own (so a release
build for the benchmark does not disturb `.build`); `--sitegen` measures a given binary instead.
`--baseline` adds an older binary, timed in the same alternation ("Guidepost before") with the
templates of its own commit (`--baseline-templates`), so a change is judged against the code
before it on the same machine in the same minutes.

Needs `hugo` (apt-get install hugo). Nothing here is asserted: the figures go in BENCHMARKS.md.
"""
import argparse
import os
import pathlib
import platform
import shutil
import statistics
import subprocess
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent


def timed(command, cwd=None):
    """Runs `command` under /usr/bin/time; returns wall s, CPU s, peak MiB."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", *command], cwd=cwd,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed:\n{result.stdout}\n{result.stderr}")
    wall, user, system, peak_kib = result.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(system), int(peak_kib) / 1024


def count_pages(folder):
    return sum(1 for _ in pathlib.Path(folder).rglob("*.html"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--guides", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scratch-path", help="swift build's --scratch-path for the Guidepost build")
    parser.add_argument("--sitegen", help="a sitegen binary to measure instead of building one (an older build, say)")
    parser.add_argument("--baseline", help="an older sitegen binary to time in the same runs, as \"Guidepost before\"")
    parser.add_argument("--baseline-templates", help="the templates folder of the baseline's commit")
    args = parser.parse_args()

    if args.sitegen:
        sitegen = os.path.abspath(args.sitegen)
    else:
        scratch = ["--scratch-path", args.scratch_path] if args.scratch_path else []
        # Build output goes to stderr, so stdout is only the Markdown report.
        subprocess.run(["swift", "build", "-c", "release", "--product", "sitegen", *scratch], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        bin_dir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path", *scratch], cwd=ROOT, check=True,
                                 capture_output=True, text=True).stdout.strip()
        sitegen = os.path.join(bin_dir, "sitegen")
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]

    rows = []
    for guides in args.guides:
        work = pathlib.Path(tempfile.mkdtemp(prefix=f"guidepost-bench-{guides}-"))
        corpus = work / "content"
        subprocess.run(["python3", str(HERE / "make-corpus.py"), str(guides), str(corpus)], check=True)
        hugo_site = work / "hugo"
        shutil.copytree(HERE / "hugo", hugo_site)
        os.symlink(corpus, hugo_site / "content")
        binaries = {"Guidepost": (sitegen, ROOT / "templates")}
        if args.baseline:
            before = (os.path.abspath(args.baseline), pathlib.Path(args.baseline_templates or ROOT / "templates"))
            binaries = {"Guidepost before": before, **binaries}
        results = {tool: [] for tool in [*binaries, "Hugo"]}
        pages = {}
        for _ in range(args.runs):
            for tool, (binary, templates) in binaries.items():
                out = work / "guidepost-out"
                # A clean build, as Hugo's below: otherwise Guidepost would also time deleting the
                # last site. Its build cache goes too, so the build is a first one (see incremental.py).
                shutil.rmtree(out, ignore_errors=True)
                shutil.rmtree(work / ".sitegen-cache", ignore_errors=True)
                results[tool].append(timed([binary, "--content", str(corpus), "--templates",
                                            str(templates), "--output", str(out)]))
                pages[tool] = count_pages(out)
            out = work / "hugo-out"
            shutil.rmtree(out, ignore_errors=True)
            results["Hugo"].append(timed(["hugo", "--quiet", "--source", str(hugo_site), "--destination", str(out)]))
            pages["Hugo"] = count_pages(out)
        medians = {}
        for tool, runs in results.items():
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            peak = statistics.median(r[2] for r in runs)
            medians[tool] = wall
            rows.append((guides, tool, wall, cpu, peak, pages[tool], pages[tool] / wall))
        rows.append((guides, "Guidepost / Hugo", medians["Guidepost"] / medians["Hugo"], None, None, None, None))
        if args.baseline:
            rows.append((guides, "Guidepost / Guidepost before", medians["Guidepost"] / medians["Guidepost before"],
                         None, None, None, None))
        shutil.rmtree(work, ignore_errors=True)

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; "
          f"Hugo {hugo_version}; {args.runs} runs each, alternating, medians.\n")
    print("| guides | tool | wall s | CPU s | peak MiB | HTML pages | pages/s |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for guides, tool, wall, cpu, peak, count, rate in rows:
        if cpu is None:
            print(f"| {guides} | {tool} (wall-time ratio) | {wall:.2f}× | | | | |")
        else:
            print(f"| {guides} | {tool} | {wall:.2f} | {cpu:.2f} | {peak:.0f} | {count} | {rate:.0f} |")


if __name__ == "__main__":
    main()
