"""The validator: TEI bytes to diagnostics.

Four layers, in order: well-formedness (a safe parser), the XSD (xmlschema), the
Schematron rules (lxml.isoschematron), and the checks that need more than one file or
all ids at once (Python); with `Schemas.tei_all`, conformance to TEI P5 (RELAX NG) too.
`iter_problems` yields every problem with file, line, column and a stable rule id;
`validate` and `is_valid` wrap it. Validation reads no other file and writes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from difflib import get_close_matches
from functools import cache

import xmlschema
from lxml import etree, isoschematron

from . import resources
from .tei import NS, REGISTER_FILE, XML_ID, parse_xml

_SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
_CLARK = re.compile(r"\{http://www\.tei-c\.org/ns/1\.0\}")


@dataclass(frozen=True)
class Problem:
    """One diagnostic: where, which rule, how bad, and what to do."""

    file: str
    line: int
    column: int
    rule: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        level = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.file}:{self.line}:{self.column}: {level}[{self.rule}] {self.message}"


@dataclass(frozen=True)
class Schemas:
    """The compiled schemas; load once per process (`load_schemas`), use for every file."""

    xsd: xmlschema.XMLSchema
    schematron: isoschematron.Schematron
    tei_all: etree.RelaxNG | None = None


@cache
def load_schemas() -> Schemas:
    """The edition's XSD and Schematron, compiled once."""
    schematron = isoschematron.Schematron(etree.parse(str(resources.SCHEMATRON)),
                                          store_report=True)
    return Schemas(xsd=xmlschema.XMLSchema(str(resources.XSD)), schematron=schematron)


def load_tei_all(rng: bytes) -> etree.RelaxNG:
    """Compile the official TEI P5 RELAX NG schema (tei_all.rng: seconds, so once)."""
    return etree.RelaxNG(etree.fromstring(rng, etree.XMLParser(huge_tree=True)))


def iter_problems(data: bytes, *, name: str, register_ids: Iterable[str] | None = None,
                  schemas: Schemas | None = None) -> Iterator[Problem]:
    """Every problem of one TEI file, letter or register.

    `name` is the file's name as the user gave it (diagnostics carry it, and a letter's
    root xml:id must equal it without ".xml"); `register_ids` are the ids a letter's
    @ref may point to (None: @ref is not checked).
    """
    schemas = schemas or load_schemas()
    try:
        tree = parse_xml(data)
    except etree.XMLSyntaxError as err:
        line, column = err.position
        yield Problem(name, line, column, "well-formed", f"not well-formed XML: {err.msg}")
        return
    locate = _Locator(data, tree)
    yield from _xsd(tree, schemas.xsd, name, locate)
    yield from _schematron(tree, schemas.schematron, name, locate)
    yield from _cross_references(tree, name, register_ids, locate)
    if schemas.tei_all is not None:
        yield from _tei_all(tree, schemas.tei_all, name)


def validate(data: bytes, **options) -> list[Problem]:
    """All problems of one file, in document order per layer."""
    return list(iter_problems(data, **options))


def is_valid(data: bytes, **options) -> bool:
    """Whether the file has no error (warnings allowed)."""
    return not any(p.severity == "error" for p in iter_problems(data, **options))


def _xsd(tree: etree._ElementTree, schema: xmlschema.XMLSchema, name: str,
         locate: "_Locator") -> Iterator[Problem]:
    for error in schema.iter_errors(tree, namespaces=NS):
        if "duplicated xs:ID" in (error.reason or ""):
            continue  # reported by the id-unique check, which names both lines
        elem = getattr(error, "invalid_child", None)
        if elem is None:
            elem = error.elem if error.elem is not None else tree.getroot()
        line, column = locate(elem)
        yield Problem(name, line, column, "xsd", _xsd_message(error, elem))


def _xsd_message(error: xmlschema.XMLSchemaValidationError, elem: etree._Element) -> str:
    """xmlschema's reason, naming the stray text or the elements allowed instead."""
    message = f"<{etree.QName(elem).localname}>: {_readable(error.reason or str(error))}"
    if "character data" in message:
        stray = next(t.strip() for t in [elem.text, *(c.tail for c in elem)]
                     if t and t.strip())
        message += f": {stray[:60]!r}"
    expected = [_readable(str(tag)) for tag in getattr(error, "expected_tags", None) or []]
    if expected:
        message += f" Allowed here: {', '.join(expected)}."
    return message


def _readable(reason: str) -> str:
    """An xmlschema reason with TEI names written as prefixed names, on one line."""
    return " ".join(_CLARK.sub("tei:", reason).split())


def _schematron(tree: etree._ElementTree, schematron: isoschematron.Schematron,
                name: str, locate: "_Locator") -> Iterator[Problem]:
    schematron.validate(tree)
    for failed in schematron.validation_report.iterfind("svrl:failed-assert", _SVRL):
        found = tree.xpath(failed.get("location"))
        line, column = locate(found[0] if found else tree.getroot())
        text = " ".join("".join(failed.find("svrl:text", _SVRL).itertext()).split())
        yield Problem(name, line, column, failed.get("id", "schematron"), text,
                      failed.get("role", "error"))


def _cross_references(tree: etree._ElementTree, name: str,
                      register_ids: Iterable[str] | None,
                      locate: "_Locator") -> Iterator[Problem]:
    root = tree.getroot()
    stem = name.replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".xml")
    if root.get(XML_ID) is not None and root.get(XML_ID) != stem:
        yield Problem(name, *locate(root), "id-matches-file", (
            f"root xml:id '{root.get(XML_ID)}' differs from the file name '{stem}.xml'; "
            f"a letter's xml:id and file name must be the same, so its outputs and "
            f"citations agree"))
    yield from _unique_ids(root, name, locate)
    if register_ids is not None:
        yield from _refs(root, frozenset(register_ids), name, locate)


def _unique_ids(root: etree._Element, name: str, locate: "_Locator") -> Iterator[Problem]:
    first: dict[str, etree._Element] = {}
    for el in root.iter():
        ident = el.get(XML_ID) if isinstance(el.tag, str) else None
        if ident is None:
            continue
        if ident in first:
            yield Problem(name, *locate(el), "id-unique", (
                f"xml:id '{ident}' is used twice; first on line "
                f"{first[ident].sourceline}. Each xml:id must be unique in its file"))
        else:
            first[ident] = el


def _refs(root: etree._Element, ids: frozenset[str], name: str,
          locate: "_Locator") -> Iterator[Problem]:
    for el in root.xpath("//*[@ref]"):
        ref = el.get("ref")
        file, _, ident = ref.partition("#")
        if file == REGISTER_FILE and ident in ids:
            continue
        hint = _closest(ident or ref, ids)
        yield Problem(name, *locate(el), "ref-resolves", (
            f"@ref '{ref}' on {etree.QName(el).localname} resolves to no register entry; "
            f"allowed: '{REGISTER_FILE}#' followed by the xml:id of a register entry"
            + (f"; did you mean '{REGISTER_FILE}#{hint}'?" if hint else "")))


def _closest(ident: str, ids: frozenset[str]) -> str | None:
    found = get_close_matches(ident, sorted(ids), n=1, cutoff=0.6)
    return found[0] if found else None


def _tei_all(tree: etree._ElementTree, rng: etree.RelaxNG, name: str) -> Iterator[Problem]:
    if rng.validate(tree):
        return
    for entry in rng.error_log:
        yield Problem(name, entry.line, entry.column, "tei-all", _readable(entry.message))


class _Locator:
    """Line and column of an element's start tag in the parsed bytes.

    lxml gives lines only; the column is found by counting start tags on that line.
    """

    def __init__(self, data: bytes, tree: etree._ElementTree) -> None:
        self.lines = data.decode("utf-8", "replace").splitlines()
        self.on_line: dict[int, list[etree._Element]] = {}
        for el in tree.getroot().iter():
            if el.sourceline:
                self.on_line.setdefault(el.sourceline, []).append(el)

    def __call__(self, el: etree._Element) -> tuple[int, int]:
        line = el.sourceline or 1
        siblings = self.on_line.get(line, [])
        text = self.lines[line - 1] if line <= len(self.lines) else ""
        starts = [m.start() + 1 for m in re.finditer(r"<(?![/!?])", text)]
        # Elements that start on an earlier line and end here are not in `siblings`,
        # so the k-th element of this line has the k-th start tag of this line.
        k = next((i for i, e in enumerate(siblings) if e is el), 0)
        return line, starts[k] if k < len(starts) else 1
