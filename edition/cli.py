"""The command line: reads files, calls the library, writes files, prints, exits.

Exit status: 0 success, 1 invalid input or invalid edition, 2 usage or I/O error.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Collection
from functools import cache
from pathlib import Path

import click

from . import build as builder
from .build import convert as convert_letter
from .errors import EditionError
from . import evaluate as scoring, report
from .register import Register, read_register
from .tei import REGISTER_FILE
from .validate import (Problem, Schemas, load_schemas, load_tei_all,
                       validate as validate_file)

TEI_ALL_ENV = "EDITION_TEI_ALL"
PROGRESS_FROM = 5  # letters; fewer build too fast for a progress bar to help

register_option = click.option(
    "--register", "register_path", type=click.Path(dir_okay=False, path_type=Path),
    default=Path("seeds") / REGISTER_FILE, show_default=True,
    help="The register of persons, places and organisations (TEI).")


def _bytes(ctx, param, value: str) -> int:
    """A size in bytes from "2000", "500K" or "10M"."""
    factor = {"K": 1024, "M": 1024 ** 2}.get(value[-1:].upper(), 1)
    digits = value[:-1] if factor > 1 else value
    if not digits.isdigit():
        raise click.BadParameter(f"{value!r} is not a size; allowed: bytes, or a number "
                                 f"followed by K or M, such as 10M")
    return int(digits) * factor


@click.group()
@click.version_option(package_name="edition")
def main() -> None:
    """Plain-text transcriptions of letters to a TEI P5 edition, validated and rendered."""


@main.command()
@click.argument("src", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the TEI (default: standard output).")
@register_option
def convert(src: Path, output: Path | None, register_path: Path) -> None:
    """Convert one transcription to TEI; report every repair on stderr.

    Example: edition convert seeds/khrushchev-kennedy-1962-11-14.txt -o letter.xml
    """
    register = _guard(lambda: read_register(_read(register_path)), register_path)
    converted = _guard(lambda: convert_letter(_read(src), name=str(src),
                                              register=register), src)
    _report(str(src), converted.reports)
    if output is None:
        click.echo(converted.tei.decode("utf-8"), nl=False)
    else:
        _write(output, converted.tei)


@main.command()
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@click.option("--register", "register_path", type=click.Path(dir_okay=False, path_type=Path),
              help=f"The register @ref points into (default: {REGISTER_FILE} beside each "
                   f"file, else seeds/{REGISTER_FILE}).")
@click.option("--tei-all", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              envvar=TEI_ALL_ENV, help=f"Also check against TEI P5 (tei_all.rng); or set "
                                       f"{TEI_ALL_ENV}.")
@click.option("--format", "form", type=click.Choice(sorted(report.FORMATS)),
              default="human", show_default=True,
              help="human: file:line:column: [rule] message; json: one object per "
                   "diagnostic; junit: one test case per file.")
@click.option("--max-size", default="10M", show_default=True, callback=_bytes,
              help="Refuse larger files unread (bytes, or with K or M).")
def validate(paths: tuple[Path, ...], register_path: Path | None, tei_all: Path | None,
             form: str, max_size: int) -> None:
    """Validate TEI files and folders (*.xml, recursively): well-formedness, XSD,
    Schematron, references, and TEI P5 with --tei-all. Writes nothing.

    Exit status: 0 valid (warnings allowed), 1 invalid, 2 usage or I/O error.

    Example: edition validate build/tei
    """
    schemas = load_schemas()
    if tei_all:
        schemas = Schemas(schemas.xsd, schemas.schematron, load_tei_all(_read(tei_all)))
    results = {str(path): _validate_one(path, register_path, schemas, max_size)
               for path in _xml_files(paths)}
    click.echo(report.FORMATS[form](results), nl=False)
    if form != "human":
        click.echo(report.summary(results), err=True)
    problems = [p for ps in results.values() for p in ps]
    sys.exit(2 if any(p.rule == "read" for p in problems)
             else 1 if any(p.severity == "error" for p in problems) else 0)


def _xml_files(paths: tuple[Path, ...]) -> list[Path]:
    """The files named, and the *.xml files in the folders named, in a stable order."""
    files = []
    for path in paths:
        found = sorted(p for p in path.rglob("*.xml") if p.is_file()) \
            if path.is_dir() else [path]
        if not found:
            _fail(f"{path}: no *.xml files in this folder", status=2)
        files += found
    return list(dict.fromkeys(files))


def _validate_one(path: Path, register_path: Path | None, schemas: Schemas,
                  max_size: int) -> list[Problem]:
    try:
        size = path.stat().st_size
        if size > max_size:
            return [Problem(str(path), 1, 1, "too-large", (
                f"the file is {size:,} bytes, over the limit of {max_size:,}; it was not "
                f"read (raise the limit with --max-size)"))]
        data = path.read_bytes()
    except OSError as err:
        return [Problem(str(path), 1, 1, "read", f"cannot read the file: {err.strerror}")]
    return validate_file(data, name=str(path), schemas=schemas,
                         register=_register_for(register_path, path))


@main.command()
@click.option("--seeds", "seeds_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("seeds"), show_default=True, help="The transcriptions (*.txt).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("build"), show_default=True, help="Where the outputs go.")
@register_option
@click.option("--check", is_flag=True,
              help="Write nothing; exit 1 if a fresh build differs from OUT.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for the letters; the outputs do not depend on it.")
def build(seeds_dir: Path, out_dir: Path, register_path: Path, check: bool,
          jobs: int) -> None:
    """Build TEI, HTML and text for every letter, validating each TEI file. Only letters
    whose seed changed are rebuilt (OUT/.manifest.json records the inputs); a changed
    register or edition version rebuilds all.

    Example: edition build --check
    """
    seeds = {str(p): _read(p) for p in sorted(seeds_dir.glob("*.txt"))}
    if not seeds:
        _fail(f"{seeds_dir}: no transcriptions (*.txt) to build", status=2)
    register_xml = _read(register_path)
    _guard(lambda: builder.check_register(register_xml), register_path)
    if check:
        _check(out_dir, _guard(lambda: builder.build(seeds, register_xml, jobs=jobs),
                               register_path).files)
        return
    manifest_path = out_dir / builder.MANIFEST
    todo = builder.plan(seeds, register_xml,
                        manifest_path.read_bytes() if manifest_path.is_file() else None,
                        _present(out_dir))
    if todo.nothing_to_do:
        click.echo(f"{out_dir}: nothing to do, {len(seeds)} letter(s) current", err=True)
        return
    letters = _guard(lambda: _with_progress(builder.build_letters(
        {name: seeds[name] for name in todo.stale}, register_xml, jobs=jobs),
        len(todo.stale)), register_path)
    for letter in letters:
        _report(letter.name, letter.reports, letter.warnings)
    teis = {ident: _read(out_dir / "tei" / f"{ident}.xml")
            for ident, _ in todo.current.values()} | {b.ident: b.tei for b in letters}
    files = _guard(lambda: builder.collection_files(teis, register_xml), register_path)
    for letter in letters:
        files.update(letter.files)
    for path, data in sorted(files.items()):
        _write(out_dir / path, data)
    outputs = {b.name: (b.ident, list(b.files)) for b in letters} | todo.current
    kept = set(files) | {path for _, paths in outputs.values() for path in paths}
    removed = sorted(_present(out_dir, files) - kept)  # the files of removed letters
    for path in removed:
        (out_dir / path).unlink()
    _write(manifest_path, builder.manifest(seeds, register_xml, outputs))
    click.echo(f"{out_dir}: {len(files)} files written for {len(letters)} letter(s) "
               f"rebuilt, {len(todo.current)} current, {len(removed)} file(s) of "
               f"removed letters deleted", err=True)


def _report(name: str, reports, warnings=()) -> None:
    """The reader's reports and the validator's warnings of a letter, on stderr."""
    for found in reports:
        click.echo(f"{name}:{found.line}:{found.column}: {found.message}", err=True)
    for problem in warnings:
        click.echo(str(problem), err=True)


def _with_progress(letters, total: int) -> list:
    """Collect the letters, with a progress bar on a terminal (not under CI)."""
    shown = total > PROGRESS_FROM and sys.stderr.isatty() and not os.environ.get("CI")
    with click.progressbar(letters, length=total, label="Building", file=sys.stderr,
                           hidden=not shown) as bar:
        return list(bar)


def _check(out_dir: Path, files: dict[str, bytes]) -> None:
    stale = _stale(out_dir, files)
    for path in stale:
        click.echo(f"{out_dir / path}: differs from a fresh build", err=True)
    if stale:
        _fail(f"{out_dir}: {len(stale)} file(s) out of date; run 'edition build'")
    click.echo(f"{out_dir}: {len(files)} files, all current", err=True)


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("tei_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@register_option
@click.option("--errata", "errata_path", type=click.Path(exists=True, dir_okay=False,
                                                        path_type=Path),
              help="Mentions where the gold is wrong (TSV: document, mention, reason).")
def evaluate(gold_dir: Path, tei_dir: Path, register_path: Path,
             errata_path: Path | None) -> None:
    """Score our TEI against the official FRUS encoding (GOLD_DIR/dNN.xml against
    TEI_DIR/dNN.xml): footnote anchors, persName precision and recall, identity; then
    every disagreement.

    Example: edition evaluate tests/corpus/frus-1961-63-v06/gold /tmp/plain
    """
    register = _register_in(register_path.resolve())
    errata = scoring.read_errata(_read(errata_path).decode("utf-8")) if errata_path else {}
    scores = []
    for gold in sorted(gold_dir.glob("*.xml")):
        ours = tei_dir / gold.name
        if not ours.is_file():
            click.echo(f"{gold.name}: no {ours}; not scored", err=True)
            continue
        scores.append(scoring.score(gold.stem, scoring.read_gold(_read(gold)),
                                    scoring.read_ours(_read(ours), register), errata))
    if not scores:
        _fail(f"{tei_dir}: no file pairs with {gold_dir}", status=2)
    for result in scores:
        click.echo(result.line())
    overall = scoring.total(scores)
    click.echo(overall.line())
    click.echo("\nDisagreements:" if overall.disagreements else "\nNo disagreements.")
    for line in overall.disagreements:
        click.echo(f"  {line}")


def _stale(out_dir: Path, files: dict[str, bytes]) -> list[str]:
    """Paths whose committed bytes differ from the build's, or that it would not write,
    in the folders the build writes (not, say, build/screenshots/ of the browser test)."""
    present = _present(out_dir, files)
    return sorted(path for path in present | set(files)
                  if path not in files or path not in present
                  or (out_dir / path).read_bytes() != files[path])


def _present(out_dir: Path, files: Collection[str] = ()) -> set[str]:
    """The output files under OUT, as relative paths; not hidden ones (the manifest),
    and with `files`, only in the folders those are in (not build/screenshots/)."""
    if not out_dir.is_dir():
        return set()
    found = {p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*")
             if p.is_file() and not p.name.startswith(".")}
    if not files:
        return found
    owned = {path.split("/")[0] for path in files}
    return {path for path in found if path.split("/")[0] in owned}


def _register_for(register_path: Path | None, letter: Path) -> Register | None:
    candidates = [register_path] if register_path else [
        letter.parent / REGISTER_FILE, Path("seeds") / REGISTER_FILE]
    found = next((p for p in candidates if p.is_file()), None)
    if found is None:
        click.echo(f"{letter}: no register found; @ref not checked", err=True)
        return None
    return _register_in(found.resolve())


@cache
def _register_in(register_path: Path) -> Register:
    """A register, read once however many letters point into it."""
    return _guard(lambda: read_register(_read(register_path)), register_path)


def _guard(step, path: Path):
    """Run a library step; an EditionError becomes one line and exit status 1."""
    try:
        return step()
    except EditionError as err:
        _fail(str(err.located(err.file or str(path))))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        _fail(f"{path}: cannot read: {err.strerror}", status=2)


def _write(path: Path, data: bytes) -> None:
    """Write atomically: a temporary file beside the target, then a rename. A target
    that is no regular file (/dev/null, a pipe) is written to as it is, not replaced."""
    if path.exists() and not path.is_file():
        path.write_bytes(data)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _fail(message: str, status: int = 1):
    click.echo(f"edition: {message}", err=True)
    sys.exit(status)
