"""Names shared by every stage that reads or writes TEI: namespaces and a safe parser."""

from __future__ import annotations

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NS = {"tei": TEI_NS}
XML_ID = f"{{{XML_NS}}}id"
REGISTER_FILE = "register.xml"


def tei(name: str) -> str:
    """The Clark name of a TEI element: tei("p") == "{http://www.tei-c.org/ns/1.0}p"."""
    return f"{{{TEI_NS}}}{name}"


class _RefuseExternal(etree.Resolver):
    """Answers every request for an external DTD or entity with nothing."""

    def resolve(self, url, public_id, context):
        return self.resolve_string("", context)


def safe_parser() -> etree.XMLParser:
    """A parser that resolves no entity, reads no DTD or other file, touches no network."""
    # collect_ids=False: duplicate xml:ids are the validator's to report, with both lines
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True,
                             dtd_validation=False, huge_tree=False, collect_ids=False)
    # load_dtd=False alone still lets libxml2 open an external subset (a FIFO blocks it)
    parser.resolvers.add(_RefuseExternal())
    return parser


def parse_xml(data: bytes) -> etree._ElementTree:
    """Parse bytes safely, keeping line numbers; raises etree.XMLSyntaxError."""
    return etree.ElementTree(etree.fromstring(data, safe_parser()))
