"""The build: seeds and register in, every output file out, as data.

`convert` runs one transcription through the stages (parse, tag, encode);
`build_letter` also validates and renders it; `build` does it for a collection (in
worker processes with `jobs`) and adds what the letters share (`collection_files`).
All return bytes keyed by path; the CLI writes them (or compares them, for `--check`),
and `manifest` says which inputs made them, so a rebuild can skip what did not change.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from . import resources
from .errors import EditionError, InvalidEdition
from .model import Letter, Report
from .encode import encode
from .parse import parse
from .register import Register, read_register
from .render import RENDERERS, render, render_index, render_register
from .tag import tag
from .tei import NS, REGISTER_FILE, XML_ID, parse_xml
from .validate import Problem, Schemas, validate


MANIFEST = ".manifest.json"  # in the output folder: what made each output


@dataclass(frozen=True)
class Converted:
    """A converted letter: the model, its TEI as bytes, and what the reader reported."""

    letter: Letter
    tei: bytes

    @property
    def reports(self) -> tuple[Report, ...]:
        return self.letter.reports


@dataclass(frozen=True)
class Build:
    """The files of a build, by path relative to the output folder, and its reports."""

    files: dict[str, bytes]
    reports: tuple[tuple[str, Report], ...]
    warnings: tuple[Problem, ...]


def convert(data: bytes, *, name: str, register: Register) -> Converted:
    """A transcription as TEI bytes; raises ConversionError naming file and line."""
    try:
        letter = parse(data, name=name)
    except EditionError as err:
        raise err.located(name) from None
    return Converted(letter=letter, tei=serialise(encode(letter, tag(letter, register),
                                                         register)))


def serialise(tree: etree._ElementTree) -> bytes:
    """TEI bytes as published: UTF-8, with an XML declaration and a final newline."""
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"


@dataclass(frozen=True)
class LetterBuild:
    """One letter's outputs, by path, with the reader's reports and the warnings."""

    name: str
    ident: str
    files: dict[str, bytes]
    reports: tuple[Report, ...]
    warnings: tuple[Problem, ...]

    @property
    def tei(self) -> bytes:
        return self.files[f"tei/{self.ident}.xml"]


def build(seeds: Mapping[str, bytes], register_xml: bytes, *,
          schemas: Schemas | None = None, jobs: int = 1) -> Build:
    """Every output of the collection; raises InvalidEdition if a TEI file is invalid.

    `seeds` maps each transcription's path (or name) to its bytes; errors and reports
    name it so. With `jobs` > 1 the letters are built in that many processes; the
    result is the same.
    """
    check_register(register_xml, schemas=schemas)
    letters = list(build_letters(seeds, register_xml, schemas=schemas, jobs=jobs))
    files = collection_files({b.ident: b.tei for b in letters}, register_xml)
    for letter in letters:
        files.update(letter.files)
    return Build(files=dict(sorted(files.items())),
                 reports=tuple((b.name, r) for b in letters for r in b.reports),
                 warnings=tuple(w for b in letters for w in b.warnings))


def build_letters(seeds: Mapping[str, bytes], register_xml: bytes, *,
                  schemas: Schemas | None = None, jobs: int = 1) -> Iterator[LetterBuild]:
    """Each letter's outputs, in the order of the seeds' names, as they are done."""
    names = sorted(seeds)
    if jobs <= 1 or len(names) < 2:
        register = _register_of(register_xml)
        for name in names:
            yield build_letter(name, seeds[name], register, schemas=schemas)
        return
    with ProcessPoolExecutor(jobs) as pool:
        work = [(name, seeds[name], register_xml) for name in names]
        yield from pool.map(_build_in_worker, work, chunksize=max(1, len(work) // (8 * jobs)))


def build_letter(name: str, data: bytes, register: Register, *,
                 schemas: Schemas | None = None) -> LetterBuild:
    """Convert, validate and render one transcription as text; its HTML page, which
    links to the letters before and after it, is the collection's (`collection_files`)."""
    converted = convert(data, name=name, register=register)
    ident = converted.letter.id
    warnings = _checked(f"tei/{ident}.xml", converted.tei, register, schemas)
    tree = parse_xml(converted.tei)
    files = {f"tei/{ident}.xml": converted.tei}
    for output in ("text", "diplomatic"):
        files[f"text/{ident}{RENDERERS[output].extension}"] = render(tree, output)
    return LetterBuild(name, ident, files, converted.reports, tuple(warnings))


def check_register(register_xml: bytes, *, schemas: Schemas | None = None) -> Register:
    """The register, read and validated; raises InvalidEdition on its first error."""
    register = _register_of(register_xml)
    _checked(f"tei/{REGISTER_FILE}", register_xml, register, schemas)
    return register


def collection_files(teis: Mapping[str, bytes], register_xml: bytes) -> dict[str, bytes]:
    """What depends on all the letters (`teis`, by id): their pages, each linking to the
    letters before and after it in date order, the index, the register and its page
    listing where each entry is mentioned, and the CSS."""
    letters = sorted((parse_xml(tei) for tei in teis.values()), key=_date_order)
    files = {f"tei/{REGISTER_FILE}": register_xml,
             "html/index.html": render_index(letters),
             "html/register.html": render_register(parse_xml(register_xml), letters),
             "html/edition.css": (resources.XSLT / "edition.css").read_bytes()}
    ids = [tree.getroot().get(XML_ID) for tree in letters]
    for i, tree in enumerate(letters):
        files[f"html/{ids[i]}.html"] = render(
            tree, "html", prev=ids[i - 1] if i else "",
            next=ids[i + 1] if i + 1 < len(ids) else "")
    return files


def _date_order(tree: etree._ElementTree) -> tuple[str, str]:
    """Letters by the date they were sent (undated first, as in the index), then id."""
    when = tree.getroot().xpath(
        "string(tei:teiHeader/tei:profileDesc/tei:correspDesc/"
        "tei:correspAction[@type = 'sent']/tei:date/@when)", namespaces=NS)
    return when, tree.getroot().get(XML_ID)


@dataclass(frozen=True)
class Plan:
    """What a rebuild must do: letters to build, letters whose outputs are current
    (seed name: letter id and output paths), and the outputs of removed seeds."""

    stale: tuple[str, ...]
    current: dict[str, tuple[str, list[str]]]
    removed: tuple[str, ...]

    @property
    def nothing_to_do(self) -> bool:
        return not self.stale and not self.removed


def plan(seeds: Mapping[str, bytes], register_xml: bytes, previous: bytes | None,
         present: Collection[str]) -> Plan:
    """Compare the seeds with the manifest of the previous build (`previous`) and the
    output paths `present` on disk. A changed register or code rebuilds everything."""
    old = json.loads(previous) if previous else {}
    letters = old.get("letters", {}) if old.get("fingerprint") == fingerprint(
        register_xml) else {}
    current = {name: (entry["id"], entry["files"]) for name, entry in letters.items()
               if name in seeds and entry["sha256"] == _sha256(seeds[name])
               and all(path in present for path in entry["files"])}
    removed = tuple(sorted(path for name, entry in old.get("letters", {}).items()
                           if name not in seeds for path in entry["files"]
                           if path in present))
    return Plan(tuple(sorted(set(seeds) - set(current))), current, removed)


def manifest(seeds: Mapping[str, bytes], register_xml: bytes,
             outputs: Mapping[str, tuple[str, list[str]]]) -> bytes:
    """The manifest of a build: the fingerprint, and for each seed its hash, its letter
    id and its output files (`outputs`: seed name to (id, paths))."""
    return json.dumps({
        "fingerprint": fingerprint(register_xml),
        "letters": {name: {"sha256": _sha256(seeds[name]), "id": ident,
                           "files": sorted(paths)}
                    for name, (ident, paths) in sorted(outputs.items())},
    }, indent=1, sort_keys=True).encode("utf-8") + b"\n"


def fingerprint(register_xml: bytes) -> str:
    """A hash of what every output depends on besides its own seed: the register, and
    the code, stylesheets and schemas of this version of the edition."""
    digest = hashlib.sha256(register_xml)
    for path in resources.code_files():
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _build_in_worker(work: tuple[str, bytes, bytes]) -> LetterBuild:
    name, data, register_xml = work
    return build_letter(name, data, _register_of(register_xml))


@lru_cache(maxsize=2)
def _register_of(register_xml: bytes) -> Register:
    """The register, read once per process, however many letters and checks use it."""
    return read_register(register_xml)


def _checked(path: str, data: bytes, register: Register,
             schemas: Schemas | None) -> list[Problem]:
    """The warnings of a TEI file; raises InvalidEdition on its first error."""
    problems = validate(data, name=path, register=register, schemas=schemas)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        first = errors[0]
        raise InvalidEdition(f"[{first.rule}] {first.message} ({len(errors)} error(s))",
                             file=path, line=first.line, column=first.column)
    return problems
