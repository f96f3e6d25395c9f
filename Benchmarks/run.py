#!/usr/bin/env python3
"""Builds the same synthetic help center with Guidepost (release) and Hugo, alternating the
two, and prints median wall time, CPU time, peak memory and pages per second as Markdown.

    python3 Benchmarks/run.py --guides 1000 10000 --runs 5

Both tools build from scratch every run, under each protocol in turn (`--protocols`): the last
output deleted before the run, outside the timing; deleted inside the timing; or left in place
to be overwritten. Guidepost's build cache is always deleted, so it never skips work Hugo does. `--scratch-path` builds Guidepost in a build folder of its own (so a release
build for the benchmark does not disturb `.build`); `--sitegen` measures a given binary instead.
`--baseline` adds an older binary, timed in the same alternation ("Guidepost before") with the
templates of its own commit (`--baseline-templates`), so a change is judged against the code
before it on the same machine in the same minutes.

A "Hugo + Pagefind" row times Hugo followed by Pagefind's index of its output, since a Hugo help
center needs Pagefind (or a service) for search, which Guidepost's build includes.

Needs `hugo` (apt-get install hugo) and Pagefind (pip install pagefind-bin). Nothing here is
asserted: the figures go in BENCHMARKS.md.
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


PROTOCOLS = {
    "deleted-before": "each tool's last output is deleted before its run, outside the timing",
    "deleted-inside": "each tool's last output is deleted inside the timing (`rm -rf` and the build timed together)",
    "overwritten": "each tool builds over its own last output, which is left in place (Guidepost, without its "
                   "cache, builds into a staging folder and swaps it in; Hugo writes over the files)",
}


def run_under(protocol, command, out):
    """Times one build of `command` into `out` under `protocol` (see PROTOCOLS)."""
    if protocol == "deleted-before":
        shutil.rmtree(out, ignore_errors=True)
        return timed(command)
    if protocol == "deleted-inside":
        return timed(["sh", "-c", 'rm -rf "$0" && exec "$@"', str(out), *command])
    if not out.exists():
        timed(command)  # the output to overwrite, untimed
    return timed(command)


def timed(command, cwd=None):
    """Runs `command` under /usr/bin/time; returns wall s, CPU s, system s, peak MiB."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", *command], cwd=cwd,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} failed:\n{result.stdout}\n{result.stderr}")
    wall, user, system, peak_kib = result.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(system), float(system), int(peak_kib) / 1024


def pagefind_binary():
    """The `pagefind` executable that PyPI's pagefind-bin installs, or None."""
    try:
        import pagefind_bin
    except ImportError:
        return shutil.which("pagefind")
    candidate = pathlib.Path(pagefind_bin.__file__).parent / "pagefind"
    return str(candidate) if candidate.exists() else shutil.which("pagefind")


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
    parser.add_argument("--protocols", nargs="+", choices=PROTOCOLS, default=list(PROTOCOLS),
                        help="how each run treats the last output (default: all three, in turn)")
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
    pagefind = pagefind_binary()
    if not pagefind:
        raise SystemExit("Pagefind is missing: pip install pagefind-bin")
    pagefind_version = subprocess.run([pagefind, "--version"], capture_output=True, text=True).stdout.strip()

    rows = []
    for guides in args.guides:
        work = pathlib.Path(tempfile.mkdtemp(prefix=f"guidepost-bench-{guides}-"))
        corpus = work / "content"
        subprocess.run(["python3", str(HERE / "make-corpus.py"), str(guides), str(corpus)], check=True)
        hugo_site = work / "hugo"
        shutil.copytree(HERE / "hugo", hugo_site)
        os.symlink(corpus, hugo_site / "content")
        commands = {"Guidepost": lambda out: [sitegen, "--content", str(corpus), "--templates", str(ROOT / "templates"),
                                               "--output", str(out)]}
        if args.baseline:
            before, templates = os.path.abspath(args.baseline), args.baseline_templates or str(ROOT / "templates")
            commands = {"Guidepost before": lambda out: [before, "--content", str(corpus), "--templates", templates,
                                                         "--output", str(out)], **commands}
        commands["Hugo"] = lambda out: ["hugo", "--quiet", "--source", str(hugo_site), "--destination", str(out)]
        commands["Hugo + Pagefind"] = lambda out: ["sh", "-c", '"$0" --quiet --source "$1" --destination "$2" && "$3" --site "$2" --silent',
                                                   "hugo", str(hugo_site), str(out), pagefind]
        for protocol in args.protocols:
            results = {tool: [] for tool in commands}
            pages = {}
            for _ in range(args.runs):
                for tool, command in commands.items():
                    out = work / (tool.replace(" ", "-") + "-out")
                    # Guidepost's build cache goes every time, so each of its builds is a first
                    # one, as Hugo's are (incremental.py times the other kind).
                    shutil.rmtree(work / ".sitegen-cache", ignore_errors=True)
                    results[tool].append(run_under(protocol, command(out), out))
                    pages[tool] = count_pages(out)
            medians = {}
            for tool, runs in results.items():
                wall = statistics.median(r[0] for r in runs)
                medians[tool] = wall
                rows.append((guides, protocol, tool, wall, statistics.median(r[1] for r in runs),
                             statistics.median(r[2] for r in runs), statistics.median(r[3] for r in runs),
                             pages[tool], pages[tool] / wall))
            rows.append((guides, protocol, "Guidepost / Hugo", medians["Guidepost"] / medians["Hugo"], *[None] * 5))
            rows.append((guides, protocol, "Guidepost / Hugo + Pagefind",
                         medians["Guidepost"] / medians["Hugo + Pagefind"], *[None] * 5))
            if args.baseline:
                rows.append((guides, protocol, "Guidepost / Guidepost before",
                             medians["Guidepost"] / medians["Guidepost before"], *[None] * 5))
        shutil.rmtree(work, ignore_errors=True)

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; "
          f"Hugo {hugo_version}; {pagefind_version}; {args.runs} runs each, alternating, medians.\n")
    for name in args.protocols:
        print(f"- `{name}`: {PROTOCOLS[name]}")
    print("\n| guides | protocol | tool | wall s | CPU s | of it system s | peak MiB | HTML pages | pages/s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for guides, protocol, tool, wall, cpu, system, peak, count, rate in rows:
        if cpu is None:
            print(f"| {guides} | {protocol} | {tool} (wall-time ratio) | {wall:.2f}× | | | | | |")
        else:
            print(f"| {guides} | {protocol} | {tool} | {wall:.2f} | {cpu:.2f} | {system:.2f} | {peak:.0f} | {count} | {rate:.0f} |")


if __name__ == "__main__":
    main()
