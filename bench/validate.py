"""Benchmark: validating 1,000 letter files. Prints numbers; asserts nothing.

    python bench/validate.py [--letters 1000] [--rounds 5]

The letters are the committed build's TEI letter, renamed 1,000 times (each file's
xml:id follows its name), beside the register. Three figures, medians over the rounds:
the library (schemas loaded once, every layer but tei_all), a bare lxml parse of the same
bytes for scale, and the `edition validate FOLDER` command end to end.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from edition.register import read_register
from edition.validate import load_schemas, validate

ROOT = Path(__file__).resolve().parent.parent
LETTER = ROOT / "build" / "tei" / "khrushchev-kennedy-1962-11-14.xml"
REGISTER = ROOT / "build" / "tei" / "register.xml"


def corpus(folder: Path, letters: int) -> list[Path]:
    text = LETTER.read_text("utf-8")
    paths = []
    for i in range(letters):
        ident = f"letter-{i:04d}"
        path = folder / f"{ident}.xml"
        path.write_text(text.replace("khrushchev-kennedy-1962-11-14", ident), "utf-8")
        paths.append(path)
    (folder / "register.xml").write_bytes(REGISTER.read_bytes())
    return paths


def timed(step, rounds: int) -> float:
    """Median seconds of `rounds` runs of step()."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = corpus(folder, args.letters)
        register = read_register(REGISTER.read_bytes())
        start = time.perf_counter()
        schemas = load_schemas()
        load = time.perf_counter() - start

        def library():
            for path in paths:
                problems = validate(path.read_bytes(), name=path.name, register=register,
                                    schemas=schemas)
                assert not problems, problems[0]

        def bare():
            for path in paths:
                etree.fromstring(path.read_bytes())

        def command():
            subprocess.run([sys.executable, "-m", "edition", "validate", str(folder)],
                           check=True, capture_output=True)

        n = len(paths)
        lib, parse, cli = (timed(step, args.rounds) for step in (library, bare, command))
        print(f"{n} letters of {LETTER.stat().st_size:,} bytes, median of {args.rounds}")
        print(f"schemas loaded once:          {load * 1000:8.1f} ms")
        print(f"library validate:             {n / lib:8.1f} files/s ({lib:.2f} s)")
        print(f"bare lxml parse:              {n / parse:8.1f} files/s ({parse:.2f} s)")
        print(f"validate / bare parse:        {lib / parse:8.1f}x the time")
        print(f"edition validate FOLDER:      {(n + 1) / cli:8.1f} files/s ({cli:.2f} s, "
              f"with start-up and the register)")


if __name__ == "__main__":
    main()
