"""The validator: TEI bytes to diagnostics.

Four layers, in order: well-formedness (a safe parser), the XSD (xmlschema), the
Schematron rules (lxml.isoschematron), and the checks that need more than one file or
all ids at once (Python); with `Schemas.tei_all`, conformance to TEI P5 (RELAX NG) too.
`iter_problems` yields every problem with file, line, column and a stable rule id;
`validate` and `is_valid` wrap it. Validation reads no other file and writes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import get_close_matches
from functools import cache

import xmlschema
from lxml import etree, isoschematron
from xmlschema.validators.exceptions import XMLSchemaChildrenValidationError

from . import resources
from .register import KINDS, Register
from .tei import NS, REGISTER_FILE, TEI_NS, XML_ID, XML_NS, parse_xml

_SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
# What may precede a DOCTYPE: white space, the XML declaration, comments, PIs.
_DOCTYPE = re.compile(r"(?:\s|<\?.*?\?>|<!--.*?-->)*<!DOCTYPE", re.DOTALL)
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


def iter_problems(data: bytes, *, name: str, register: Register | None = None,
                  schemas: Schemas | None = None) -> Iterator[Problem]:
    """Every problem of one TEI file, letter or register.

    `name` is the file's name as the user gave it (diagnostics carry it, and a letter's
    root xml:id must equal it without ".xml"); `register` holds the entries a letter's
    @ref may point to (None: @ref is not checked).
    """
    schemas = schemas or load_schemas()
    doctype = _DOCTYPE.match(_prolog_text(data))
    if doctype:
        before = doctype.group(0)[:-len("<!DOCTYPE")]
        yield Problem(name, before.count("\n") + 1, len(before) - before.rfind("\n"),
                      "no-doctype", "a DOCTYPE declaration is not allowed: TEI P5 uses no "
                      "DTD, and its entities could read other files or expand without "
                      "bound; remove it (the file was not parsed)")
        return
    try:
        tree = parse_xml(data)
    except etree.XMLSyntaxError as err:
        line, column = err.position
        message = re.sub(r", line \d+, column \d+$", "", err.msg)  # we give them already
        yield Problem(name, line, column, "well-formed", f"not well-formed XML: {message}")
        return
    locate = _Locator(data, tree)
    yield from _xsd(tree, schemas.xsd, name, locate)
    yield from _schematron(tree, schemas.schematron, name, locate)
    yield from _cross_references(tree, name, register, locate)
    if schemas.tei_all is not None:
        yield from _tei_all(tree, schemas.tei_all, name)


def _prolog_text(data: bytes) -> str:
    """The start of the file as text, enough to see a DOCTYPE, whatever the encoding."""
    head = data[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", "replace")
    return head.decode("latin-1").removeprefix("\xef\xbb\xbf")  # markup is ASCII


def validate(data: bytes, **options) -> list[Problem]:
    """All problems of one file, in document order per layer."""
    return list(iter_problems(data, **options))


def is_valid(data: bytes, **options) -> bool:
    """Whether the file has no error (warnings allowed)."""
    return not any(p.severity == "error" for p in iter_problems(data, **options))


def _xsd(tree: etree._ElementTree, schema: xmlschema.XMLSchema, name: str,
         locate: "_Locator") -> Iterator[Problem]:
    for error in schema.iter_errors(tree):  # namespaces= costs a quarter; _readable does it
        if "duplicated xs:ID" in (error.reason or ""):
            continue  # reported by the id-unique check, which names both lines
        rule = _xsd_rule(error)
        elem = getattr(error, "invalid_child", None)
        if elem is None:
            elem = error.elem if error.elem is not None else tree.getroot()
        line, column = locate(elem)
        if rule == "xsd-text":
            _, line, column = _stray_text(elem)
        yield Problem(name, line, column, rule, _xsd_message(error, elem, rule))


def _xsd_rule(error: xmlschema.XMLSchemaValidationError) -> str:
    """A stable rule id for an XSD error: what kind of thing is wrong."""
    reason = error.reason or ""
    if "character data" in reason:
        return "xsd-text"
    if isinstance(error, XMLSchemaChildrenValidationError) or \
            "is not an element of the schema" in reason:
        return "xsd-element"
    if isinstance(error.obj, etree._Attrib):
        return "xsd-attribute"
    return "xsd-value"


def _xsd_message(error: xmlschema.XMLSchemaValidationError, elem: etree._Element,
                 rule: str) -> str:
    """xmlschema's reason, with the element, the stray text or what is allowed instead."""
    reason = _readable(error.reason or str(error)).rstrip(".")
    message = f"<{etree.QName(elem).localname}>: {reason}"
    if rule == "xsd-text":
        return f"{message}: {_stray_text(elem)[0][:60]!r}; text belongs inside p or head"
    if isinstance(error.validator, xmlschema.XMLSchema):
        return f"{message}; a TEI file's root is TEI in the namespace {TEI_NS}"
    allowed = _allowed(error)
    if not allowed or reason.startswith("missing"):
        return message
    if rule == "xsd-attribute":
        message += f"; allowed attributes: {', '.join(allowed)}"
    else:
        parent = etree.QName(error.elem).localname
        message += f"; <{parent}> may contain: {', '.join(allowed)}"
    offending = reason.split("'")[1] if reason.count("'") >= 2 else ""
    known = allowed if rule == "xsd-attribute" else _readable_names(error.validator.schema)
    hint = get_close_matches(offending, allowed, n=1, cutoff=0.6)
    return message + (f"; did you mean '{hint[0]}'?" if hint and offending not in known
                      else "")


def _allowed(error: xmlschema.XMLSchemaValidationError) -> list[str]:
    """The attributes the erring element may have, or the children its parent may."""
    if isinstance(error.obj, etree._Attrib) and hasattr(error.validator, "keys"):
        names = list(error.validator.keys())
    elif isinstance(error, XMLSchemaChildrenValidationError):
        parent = error.validator.schema.elements.get(etree.QName(error.elem).localname)
        content = getattr(parent.type, "content", None) if parent is not None else None
        names = [el.name for el in content.iter_elements()] if content is not None else []
    else:
        return []
    return list(dict.fromkeys(_readable(n) for n in names if n))


@cache
def _readable_names(schema: xmlschema.XMLSchema) -> frozenset[str]:
    """Every element the schema declares, as tei:name."""
    return frozenset(_readable(el.name) for el in schema.elements.values())


def _stray_text(elem: etree._Element) -> tuple[str, int, int]:
    """The first non-blank text directly in `elem`, its line and its column."""
    pieces = [(elem.text, elem[0] if len(elem) else None)]
    pieces += [(child.tail, child.getnext()) for child in elem]
    for text, following in pieces:
        if text and text.strip():
            stray = text.strip()
            before, after = text[:text.index(stray)], text[text.index(stray):]
            column = len(before) - before.rfind("\n") if "\n" in before else 1
            if following is None:
                return stray, elem.sourceline or 1, column
            return stray, following.sourceline - after.count("\n"), column
    return "", elem.sourceline or 1, 1


def _readable(reason: str) -> str:
    """An xmlschema reason with TEI and XML names written as prefixed names, on one line."""
    return " ".join(_CLARK.sub("tei:", reason).replace(f"{{{XML_NS}}}", "xml:").split())


def _schematron(tree: etree._ElementTree, schematron: isoschematron.Schematron,
                name: str, locate: "_Locator") -> Iterator[Problem]:
    schematron.validate(tree)
    for failed in schematron.validation_report.iterfind("svrl:failed-assert", _SVRL):
        found = tree.xpath(failed.get("location"))
        line, column = locate(found[0] if found else tree.getroot())
        text = " ".join("".join(failed.find("svrl:text", _SVRL).itertext()).split())
        yield Problem(name, line, column, failed.get("id", "schematron"), text,
                      failed.get("role", "error"))


def _cross_references(tree: etree._ElementTree, name: str, register: Register | None,
                      locate: "_Locator") -> Iterator[Problem]:
    root = tree.getroot()
    stem = name.replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".xml")
    if root.get(XML_ID) is not None and root.get(XML_ID) != stem:
        yield Problem(name, *locate(root), "id-matches-file", (
            f"root xml:id '{root.get(XML_ID)}' differs from the file name '{stem}.xml'; "
            f"a letter's xml:id and file name must be the same, so its outputs and "
            f"citations agree"))
    yield from _unique_ids(root, name, locate)
    yield from _note_sequence(root, name, locate)
    if register is not None:
        yield from _refs(root, register, name, locate)


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


def _note_sequence(root: etree._Element, name: str,
                   locate: "_Locator") -> Iterator[Problem]:
    for position, note in enumerate(root.xpath("tei:text//tei:note[@n]", namespaces=NS),
                                    start=1):
        if note.get("n") != str(position):
            yield Problem(name, *locate(note), "note-sequence", (
                f"note n='{note.get('n')}' is note {position} of the letter; footnote "
                f"numbers should run 1..n in order. Sources sometimes repeat or skip one: "
                f"check the source, and keep its number if it has it so"), "warning")


def _refs(root: etree._Element, register: Register, name: str,
          locate: "_Locator") -> Iterator[Problem]:
    for el in root.xpath("//*[@ref]"):
        ref, element = el.get("ref"), etree.QName(el).localname
        file, _, ident = ref.partition("#")
        entry = register.get(ident) if file == REGISTER_FILE else None
        if entry is None:
            hint = _closest(ident or ref, register.ids)
            yield Problem(name, *locate(el), "ref-resolves", (
                f"@ref '{ref}' on {element} resolves to no register entry; allowed: "
                f"'{REGISTER_FILE}#' followed by the xml:id of a register entry"
                + (f"; did you mean '{REGISTER_FILE}#{hint}'?" if hint else "")))
        elif _KIND_OF.get(element, entry.kind) != entry.kind:  # rs may point to any
            yield Problem(name, *locate(el), "ref-kind", (
                f"@ref '{ref}' on {element} points to a {entry.kind} entry; a {element} "
                f"must point to a {_KIND_OF[element]} (use {KINDS[entry.kind]} for a "
                f"{entry.kind}, or rs for an indirect reference)"))


_KIND_OF = {element: kind for kind, element in KINDS.items()}


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

    lxml gives lines only; the column is found by counting start tags on that line,
    once per line, however many problems it has.
    """

    def __init__(self, data: bytes, tree: etree._ElementTree) -> None:
        self.lines = data.decode("utf-8", "replace").splitlines()
        self.on_line: dict[int, list[etree._Element]] = {}
        for el in tree.getroot().iter():
            if el.sourceline:
                self.on_line.setdefault(el.sourceline, []).append(el)
        self.columns: dict[int, dict[etree._Element, int]] = {}

    def __call__(self, el: etree._Element) -> tuple[int, int]:
        line = el.sourceline or 1
        if line not in self.columns:
            text = self.lines[line - 1] if line <= len(self.lines) else ""
            starts = [m.start() + 1 for m in re.finditer(r"<(?![/!?])", text)]
            # Elements that start on an earlier line and end here are not on this
            # line's list, so its k-th element has its k-th start tag.
            self.columns[line] = dict(zip(self.on_line.get(line, []), starts))
        return line, self.columns[line].get(el, 1)
