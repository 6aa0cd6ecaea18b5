"""The build: seeds and register in, every output file out, as data.

`convert` runs one transcription through the stages (parse, tag, encode); `build` does
it for a collection and renders the outputs, validating each TEI file on the way. Both
return bytes keyed by path; the CLI writes them (or compares them, for `--check`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from . import resources
from .errors import EditionError, InvalidEdition
from .model import Letter, Report
from .encode import encode
from .parse import parse
from .register import Register, read_register
from .render import RENDERERS, render, render_index
from .tag import tag
from .tei import REGISTER_FILE, parse_xml
from .validate import Problem, Schemas, validate


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


def build(seeds: Mapping[str, bytes], register_xml: bytes, *,
          schemas: Schemas | None = None) -> Build:
    """Every output of the collection; raises InvalidEdition if a TEI file is invalid.

    `seeds` maps each transcription's path (or name) to its bytes; errors and reports
    name it so.
    """
    register = read_register(register_xml)
    files: dict[str, bytes] = {}
    reports: list[tuple[str, Report]] = []
    warnings: list[Problem] = []
    trees = []
    warnings += _checked(f"tei/{REGISTER_FILE}", register_xml, register, schemas)
    files[f"tei/{REGISTER_FILE}"] = register_xml
    for name in sorted(seeds):
        converted = convert(seeds[name], name=name, register=register)
        ident = converted.letter.id
        reports += [(name, r) for r in converted.reports]
        warnings += _checked(f"tei/{ident}.xml", converted.tei, register, schemas)
        tree = parse_xml(converted.tei)
        trees.append(tree)
        files[f"tei/{ident}.xml"] = converted.tei
        for output, renderer in RENDERERS.items():
            folder = "html" if output == "html" else "text"
            files[f"{folder}/{ident}{renderer.extension}"] = render(tree, output)
    files["html/index.html"] = render_index(trees)
    files["html/edition.css"] = (resources.XSLT / "edition.css").read_bytes()
    return Build(files=dict(sorted(files.items())), reports=tuple(reports),
                 warnings=tuple(warnings))


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
