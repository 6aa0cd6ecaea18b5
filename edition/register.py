"""The register reader: seeds/register.xml (TEI with a standOff) to a `Register`.

The register holds the persons, places and organisations of the collection, each with
the name forms the tagger matches and the authority identifiers the edition publishes.
Its teiHeader also carries what every letter of the collection shares: the publication
statement (publisher, licence) and the bibl of the published source.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from lxml import etree

from .errors import RegisterError
from .tei import NS, XML_ID, parse_xml

# Entry element, its name element, and what a mention of it is encoded as.
KINDS = {"person": "persName", "place": "placeName", "org": "orgName"}


@dataclass(frozen=True)
class Form:
    """A phrase the tagger matches, the element it becomes, and the dates it is valid."""

    text: str
    element: str
    not_before: str = ""
    not_after: str = ""
    preferred: bool = False  # the entry a form shared with others means by default

    def valid_on(self, when: str) -> bool:
        """Whether the form applies to a letter of ISO date `when` ("" when undated)."""
        if not when:
            return not (self.not_before or self.not_after)
        return (not self.not_before or self.not_before <= when) and \
            (not self.not_after or when <= self.not_after)


@dataclass(frozen=True)
class Entry:
    """A register entry: person, place or organisation."""

    id: str
    kind: str
    name: str
    forms: tuple[Form, ...]
    idnos: tuple[tuple[str, str], ...]
    note: str
    timezone: str = ""  # IANA tz name, for places that date letters


@dataclass(frozen=True)
class Register:
    """The register's entries and the collection metadata from its header (as XML)."""

    entries: tuple[Entry, ...]
    publication: bytes
    published_source: bytes

    def get(self, ident: str) -> Entry | None:
        return self._by_id.get(ident)

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(self._by_id)

    @cached_property
    def _by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}


def read_register(data: bytes) -> Register:
    """Read a register file; raises RegisterError naming the line of what is missing."""
    try:
        root = parse_xml(data).getroot()
    except etree.XMLSyntaxError as err:
        line, column = err.position
        raise RegisterError(f"not well-formed XML: {err.msg}", line=line,
                            column=column) from None
    entries = tuple(_entry(el) for el in root.xpath(
        "tei:standOff/tei:listPerson/tei:person | tei:standOff/tei:listPlace/tei:place"
        " | tei:standOff/tei:listOrg/tei:org", namespaces=NS))
    return Register(entries=entries,
                    publication=_required(
                        root, "tei:teiHeader/tei:fileDesc/tei:publicationStmt"),
                    published_source=_required(
                        root, "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl"))


def _required(root: etree._Element, path: str) -> bytes:
    found = root.xpath(path, namespaces=NS)
    if not found:
        raise RegisterError(f"the register's header has no {path.replace('tei:', '')}",
                            line=root.sourceline)
    return etree.tostring(found[0], with_tail=False)


def _entry(el: etree._Element) -> Entry:
    kind = etree.QName(el).localname
    name_el = KINDS[kind]
    ident = el.get(XML_ID)
    if not ident:
        raise RegisterError(f"a {kind} entry has no xml:id", line=el.sourceline)
    names = el.findall(f"tei:{name_el}", NS)
    reg = next((n for n in names if n.get("type") == "reg"), None)
    if reg is None:
        raise RegisterError(f"entry {ident!r} has no {name_el} of type 'reg' (its "
                            f"display name)", line=el.sourceline)
    forms = tuple(
        Form(text=_text(n), element="rs" if n.get("type") == "indirect" else name_el,
             not_before=n.get("notBefore", ""), not_after=n.get("notAfter", ""),
             preferred=n.get("subtype") == "preferred")
        for n in names if n.get("type") in ("form", "indirect"))
    return Entry(id=ident, kind=kind, name=_text(reg), forms=forms,
                 idnos=tuple((i.get("type", ""), _text(i))
                             for i in el.findall("tei:idno", NS)),
                 note=" ".join(_text(n) for n in el.findall("tei:note[@type='description']", NS)),
                 timezone=el.findtext("tei:trait[@type='timezone']/tei:label", "", NS).strip())


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())
