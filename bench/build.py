"""Benchmark: building an edition of 1,000 letters. Prints numbers; asserts nothing.

    python bench/build.py [--letters 1000] [--rounds 3]

The letters are the 48 inputs of the test corpus (16 documents in 3 forms), copied
round-robin under new names. For `-j 1` and `-j 2`: letters per second of a full
`edition build` (a fresh process, as a user runs it), its peak memory, and the time of
a rebuild with nothing changed; then the time per letter of each stage, measured in
this process, and the ratio of the full build to the floor: a bare lxml parse and
serialise of the same TEI files. Times are medians over the rounds.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from edition.encode import encode
from edition.parse import parse
from edition.register import read_register
from edition.render import render
from edition.tag import tag
from edition.build import serialise
from edition.tei import parse_xml
from edition.validate import load_schemas, validate

ROOT = Path(__file__).resolve().parent.parent
INPUTS = sorted((ROOT / "tests" / "corpus" / "frus-1961-63-v06" / "inputs").glob("*/*.txt"))
REGISTER = ROOT / "seeds" / "register.xml"

# Runs a command and prints the peak resident memory of it and its workers (KiB).
PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
        "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def make_corpus(seeds: Path, letters: int) -> None:
    seeds.mkdir()
    for i in range(letters):
        shutil.copy(INPUTS[i % len(INPUTS)], seeds / f"letter-{i:04d}.txt")


def run_build(seeds: Path, out: Path, jobs: int) -> tuple[float, int]:
    """Seconds and peak KiB of one `edition build` process."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK, sys.executable, "-m", "edition", "build", "--seeds",
         str(seeds), "--out", str(out), "--register", str(REGISTER), "-j", str(jobs)],
        check=True, capture_output=True, text=True)
    return time.perf_counter() - start, int(done.stdout.strip())


def stages(seeds: Path) -> dict[str, float]:
    """Seconds per letter of each stage, run in this process over every letter."""
    register = read_register(REGISTER.read_bytes())
    schemas = load_schemas()
    totals = dict.fromkeys(("parse", "tag", "encode", "validate", "html", "text"), 0.0)
    paths = sorted(seeds.glob("*.txt"))
    for path in paths:
        clock = time.perf_counter()

        def lap(stage: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            totals[stage] += now - clock
            clock = now
        letter = parse(path.read_bytes(), name=path.name)
        lap("parse")
        spans = tag(letter, register)
        lap("tag")
        tei = serialise(encode(letter, spans, register))
        lap("encode")
        validate(tei, name=f"{letter.id}.xml", register=register, schemas=schemas)
        lap("validate")
        tree = parse_xml(tei)
        render(tree, "html")
        lap("html")
        render(tree, "text")
        render(tree, "diplomatic")
        lap("text")
    return {stage: seconds / len(paths) for stage, seconds in totals.items()}


def floor(tei_dir: Path) -> float:
    """Seconds to parse and serialise every TEI file with lxml, nothing else."""
    start = time.perf_counter()
    for path in sorted(tei_dir.glob("*.xml")):
        etree.tostring(etree.parse(str(path)), encoding="UTF-8", xml_declaration=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        make_corpus(seeds, args.letters)
        n = args.letters
        print(f"{n} letters from {len(INPUTS)} corpus inputs; medians of {args.rounds} "
              f"round(s)")
        full_by_jobs = {}
        for jobs in (1, 2):
            fulls, peaks, rebuilds = [], [], []
            for round_ in range(args.rounds):
                out = Path(tmp) / f"build-{jobs}-{round_}"
                seconds, peak = run_build(seeds, out, jobs)
                fulls.append(seconds)
                peaks.append(peak)
                rebuilds.append(run_build(seeds, out, jobs)[0])
            full = full_by_jobs[jobs] = statistics.median(fulls)
            print(f"-j {jobs}: full build {n / full:7.1f} letters/s ({full:6.2f} s), "
                  f"peak memory (largest process) {max(peaks) / 1024:6.1f} MiB, no-change rebuild "
                  f"{statistics.median(rebuilds):5.2f} s")
        print(f"-j 2 / -j 1 speed-up: {full_by_jobs[1] / full_by_jobs[2]:.2f}x")
        per_letter = stages(seeds)
        print("per letter, in process: " + ", ".join(
            f"{stage} {seconds * 1000:.2f} ms" for stage, seconds in per_letter.items()))
        bare = statistics.median(floor(Path(tmp) / "build-1-0" / "tei")
                                 for _ in range(args.rounds))
        print(f"floor (lxml parse + serialise of the {n} TEI files): {bare:.2f} s; "
              f"full build -j 1 is {full_by_jobs[1] / bare:.0f}x the floor")


if __name__ == "__main__":
    main()
