"""The TEI encoder: a `Letter`, its spans and the register to a TEI P5 tree.

It knows nothing of files: the tree it returns is serialised by the caller. Inline
encoding merges three kinds of annotation over a block's reading text: repairs
(`choice` with `sic` and `corr`), mentions (`persName`, `placeName`, `orgName`, `rs`,
`date`) and footnote markers (`note`). Repairs and mentions nest, never cross (the
tagger sees to that); a note goes at its marker's exact offset, and a restored marker's
note inside the `corr` that restores it.
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass

from lxml import etree

from . import __version__
from .model import Block, Division, Letter, Marker, Repair
from .register import Register
from .tag import Span
from .tei import NS, REGISTER_FILE, TEI_NS, XML_ID, XML_NS, tei

# Statements of the editorial declaration; a repair's corr/@type names its rule.
CORRECTIONS = {
    "marker": "Footnote markers whose slashes were lost in transcription are restored "
              "when the digits can only be read as the number expected next: a day of "
              "the month that no calendar has (\"283\" after \"October 27 and\" is 28 "
              "followed by note 3), or the expected number glued to a word. Each is "
              "encoded as choice, with sic holding the source and corr the reading with "
              "the note; where two readings are equally likely the source is kept.",
    "punctuation": "A doubled full stop (\"1962..\") is read as one; three or more are "
                   "an ellipsis and kept.",
}
NORMALIZATION = ("The text is not normalised: spelling, punctuation and typography are "
                 "the transcription's, except for the repairs recorded under correction. "
                 "Footnote markers /N/ become note elements at the marker's position, n "
                 "the printed number; a note whose text is not in the source holds a gap.")
INTERPRETATION = ("Persons, places and organisations are tagged where a name form of the "
                  "register occurs, and linked to the register by @ref; a form several "
                  "entries share means the one the letter named last, else the register's "
                  "preferred one; indirect references an editor has resolved are rs. "
                  "Dates carry @when in ISO 8601, a date without a year taking the latest "
                  "such day not after the letter, a dateline's time the UTC offset of its "
                  "place on that day; an undated letter's date has no @when. Salutations, "
                  "closing salutations and signatures are salute and signed; a telegram's "
                  "number is idno, the letter it carries a floatingText; a block that "
                  "shares its source line with the next has rend=\"run-in\".")
# Elements whose children are elements only: the encoder indents these, and no other,
# so the whitespace of mixed content is exactly the source's.
_STRUCTURAL = {tei(n) for n in (
    "TEI teiHeader fileDesc titleStmt respStmt publicationStmt availability sourceDesc "
    "encodingDesc "
    "bibl appInfo application editorialDecl correction normalization interpretation "
    "profileDesc correspDesc correspAction langUsage revisionDesc text body div opener "
    "closer floatingText"
).split()}


@dataclass(frozen=True)
class _Range:
    """A repair or a mention over reading text [start, end), as the merge sees it."""

    start: int
    end: int
    span: Span | None = None
    repair: Repair | None = None

    @property
    def key(self) -> tuple:
        # Empty ranges first at their offset; then the longer range outside; a repair
        # outside a mention of the same extent (choice/corr/date, not date/choice).
        empty = self.start == self.end
        return (self.start, not empty, -self.end, self.repair is None)

    def contains(self, other: "_Range") -> bool:
        if not (self.start <= other.start and other.end <= self.end):
            return False
        if other.start == other.end:  # an empty range at an edge stands outside
            return self.start < other.start < self.end
        return self.start != self.end


def encode(letter: Letter, spans: tuple[tuple[Span, ...], ...],
           register: Register) -> etree._ElementTree:
    """The letter as a TEI document: full teiHeader, body, notes and repairs."""
    root = etree.Element(tei("TEI"), nsmap={None: TEI_NS})
    root.set(XML_ID, letter.id)
    root.set(f"{{{XML_NS}}}lang", "en")
    spans_of = dict(zip(letter.blocks, spans))
    encoder = _Encoder(letter, spans_of)
    text = etree.Element(tei("text"))
    div = etree.SubElement(etree.SubElement(text, tei("body")), tei("div"),
                           type=letter.text.type)
    encoder.block(div, letter.head)
    encoder.division(div, letter.text)
    root.append(_header(letter, register, spans_of))
    root.append(text)
    etree.cleanup_namespaces(root)
    _indent(root)
    return etree.ElementTree(root)


class _Encoder:
    """Encodes blocks in order, numbering the notes and handing out their texts."""

    def __init__(self, letter: Letter, spans_of: dict[Block, tuple[Span, ...]]) -> None:
        self.letter = letter
        self.spans_of = spans_of
        self.note_count: Counter[str] = Counter()
        self.repairs = 0
        self.texts: dict[str, list[Block]] = {}
        for note in letter.note_texts:
            self.texts.setdefault(note.n, []).append(note.block)

    def division(self, parent: etree._Element, division: Division) -> None:
        """Opener, body and closer into `parent`; a carried letter as a floatingText."""
        if division.opener:
            opener = etree.SubElement(parent, tei("opener"))
            for block in division.opener:
                self.block(opener, block)
        for item in division.body:
            if isinstance(item, Division):
                quoted = etree.SubElement(parent, tei("floatingText"), type=item.type)
                self.division(etree.SubElement(quoted, tei("body")), item)
            else:
                self.block(parent, item)
        if division.closer:
            closer = etree.SubElement(parent, tei("closer"))
            for block in division.closer:
                self.block(closer, block)

    def block(self, parent: etree._Element, block: Block) -> None:
        """The block as its element (block.kind), with its mentions, repairs and notes."""
        el = etree.SubElement(parent, tei(block.kind))
        if block.run_in:
            el.set("rend", "run-in")
        self._content(el, block)

    def _content(self, el: etree._Element, block: Block) -> None:
        ranges = sorted([_Range(s.start, s.end, span=s) for s in self.spans_of[block]]
                        + [_Range(r.start, r.end, repair=r) for r in block.repairs],
                        key=lambda r: r.key)
        self._fill(el, block.text, 0, len(block.text), ranges, deque(block.markers))

    def _fill(self, el: etree._Element, text: str, lo: int, hi: int,
              ranges: list[_Range], markers: deque[Marker]) -> None:
        """Put text[lo:hi] into el, ranges as child elements, markers as notes.

        `markers` are those in [lo, hi], in order; each is used up where it is placed,
        so a block's encoding takes time linear in its length.
        """
        cursor, i = lo, 0
        while i < len(ranges):
            outer = ranges[i]
            j = i + 1
            while j < len(ranges) and outer.contains(ranges[j]):
                j += 1
            self._text(el, text, cursor, outer.start, markers)
            inner: deque[Marker] = deque()
            while markers and markers[0].offset < outer.end:
                inner.append(markers.popleft())
            content = self._element(el, outer)
            self._fill(content, text, outer.start, outer.end, ranges[i + 1:j], inner)
            if outer.repair and outer.repair.marker:
                content.append(self._note(outer.repair.marker))
            cursor, i = outer.end, j
        self._text(el, text, cursor, hi, markers)

    def _text(self, el: etree._Element, text: str, lo: int, hi: int,
              markers: deque[Marker]) -> None:
        """Append text[lo:hi], with a note at each marker up to hi."""
        while markers and markers[0].offset <= hi:
            marker = markers.popleft()
            _append_text(el, text[lo:marker.offset])
            el.append(self._note(marker))
            lo = marker.offset
        _append_text(el, text[lo:hi])

    def _element(self, parent: etree._Element, r: _Range) -> etree._Element:
        """Append the element of a range; return the element its content goes into."""
        if r.repair:
            self.repairs += 1  # an id per repair, so the apparatus can point to it
            choice = etree.SubElement(parent, tei("choice"))
            choice.set(XML_ID, f"{self.letter.id}-repair{self.repairs}")
            etree.SubElement(choice, tei("sic")).text = r.repair.sic
            return etree.SubElement(choice, tei("corr"), type=r.repair.rule)
        span = r.span
        el = etree.SubElement(parent, tei(span.element))
        if span.ref:
            el.set("ref", f"{REGISTER_FILE}#{span.ref}")
        if span.when:
            el.set("when", span.when)
        if span.type:
            el.set("type", span.type)
        return el

    def _note(self, marker: Marker) -> etree._Element:
        self.note_count[marker.n] += 1
        count = self.note_count[marker.n]  # a number the source repeats gets -2, -3, ...
        ident = f"{self.letter.id}-fn{marker.n}" + (f"-{count}" if count > 1 else "")
        note = etree.Element(tei("note"), n=marker.n, place="foot", type="editorial")
        note.set(XML_ID, ident)
        texts = self.texts.get(marker.n)
        if texts:
            self._content(note, texts.pop(0))
        else:
            etree.SubElement(note, tei("gap"), reason="not-in-source")
        return note


def _append_text(el: etree._Element, s: str) -> None:
    if not s:
        return
    try:
        last = el[-1]  # len(el) would count every child: slow in a long paragraph
    except IndexError:
        el.text = (el.text or "") + s
    else:
        last.tail = (last.tail or "") + s


def _header(letter: Letter, register: Register,
            spans_of: dict[Block, tuple[Span, ...]]) -> etree._Element:
    header = etree.Element(tei("teiHeader"))
    header.append(_file_desc(letter, register))
    header.append(_encoding_desc())
    header.append(_profile_desc(letter, register, spans_of))
    revision = etree.SubElement(header, tei("revisionDesc"))
    repairs = sum(len(b.repairs) for b in letter.blocks)
    form = (f" The source's {' and '.join(letter.source_form)} are not part of the text."
            if letter.source_form else "")
    etree.SubElement(revision, tei("change")).text = (
        f"Encoded from {letter.source_name} by edition {__version__}, with {repairs} "
        f"editorial repair{'s' if repairs != 1 else ''}.{form}")
    return header


def _file_desc(letter: Letter, register: Register) -> etree._Element:
    file_desc = etree.Element(tei("fileDesc"))
    title_stmt = etree.SubElement(file_desc, tei("titleStmt"))
    etree.SubElement(title_stmt, tei("title")).text = letter.head.text
    resp_stmt = etree.SubElement(title_stmt, tei("respStmt"))
    etree.SubElement(resp_stmt, tei("resp")).text = "TEI encoding"
    etree.SubElement(resp_stmt, tei("name")).text = f"edition {__version__}"
    publication = etree.fromstring(register.publication)
    for idno in publication.findall("tei:idno", NS):
        publication.remove(idno)
    etree.SubElement(publication, tei("idno"), type="edition").text = letter.id
    file_desc.append(publication)
    source_desc = etree.SubElement(file_desc, tei("sourceDesc"))
    source_desc.append(etree.fromstring(register.published_source))
    transcription = etree.SubElement(source_desc, tei("bibl"), type="transcription")
    etree.SubElement(transcription, tei("title")).text = "Plain-text transcription"
    etree.SubElement(transcription, tei("idno"), type="filename").text = letter.source_name
    etree.SubElement(transcription, tei("idno"), type="sha256").text = letter.source_sha256
    return file_desc


def _encoding_desc() -> etree._Element:
    encoding = etree.Element(tei("encodingDesc"))
    app_info = etree.SubElement(encoding, tei("appInfo"))
    application = etree.SubElement(app_info, tei("application"), ident="edition",
                                   version=__version__)
    etree.SubElement(application, tei("label")).text = "edition"
    decl = etree.SubElement(encoding, tei("editorialDecl"))
    correction = etree.SubElement(decl, tei("correction"))
    for rule, statement in CORRECTIONS.items():
        etree.SubElement(correction, tei("p"), n=rule).text = statement
    etree.SubElement(etree.SubElement(decl, tei("normalization")),
                     tei("p")).text = NORMALIZATION
    etree.SubElement(etree.SubElement(decl, tei("interpretation")),
                     tei("p")).text = INTERPRETATION
    return encoding


def _profile_desc(letter: Letter, register: Register,
                  spans_of: dict[Block, tuple[Span, ...]]) -> etree._Element:
    profile = etree.Element(tei("profileDesc"))
    corresp = etree.SubElement(profile, tei("correspDesc"))
    sender, recipient = _correspondents(letter.head, spans_of[letter.head])
    sent = etree.SubElement(corresp, tei("correspAction"), type="sent")
    signers = [s for block in letter.text.closer if block.kind == "signed"
               for s in spans_of[block] if s.element == "persName"]
    by_entry: dict[str, Span] = {}
    for span in [*sender, *signers]:  # a letter's signer is its sender: name them once
        by_entry.setdefault(span.ref, span)
    for span in by_entry.values():
        _mention(sent, span, register)
    dateline_spans = spans_of[letter.dateline]
    place = next((s for s in dateline_spans if s.element == "placeName"), None)
    if place:
        _mention(sent, place, register)
    dated = next((s for s in dateline_spans if s.element == "date"), None)
    date = etree.SubElement(sent, tei("date"))
    if dated and dated.when:
        date.set("when", dated.when)
    date.text = letter.dateline.text[dated.start:dated.end] if dated else "undated"
    received = etree.SubElement(corresp, tei("correspAction"), type="received")
    for span in recipient:
        _mention(received, span, register)
    lang_usage = etree.SubElement(profile, tei("langUsage"))
    etree.SubElement(lang_usage, tei("language"), ident="en").text = "English"
    return profile


def _correspondents(head: Block, spans: tuple[Span, ...]
                    ) -> tuple[list[Span], list[Span]]:
    """Senders and recipients from a heading "... From <sender> to <recipient>"."""
    named = [s for s in spans if s.element in ("persName", "orgName")]
    split = head.text.rfind(" to ")
    if split < 0:
        return named, []
    return [s for s in named if s.end <= split], [s for s in named if s.start > split]


def _mention(parent: etree._Element, span: Span, register: Register) -> None:
    """A register entry by its display name, pointing to it."""
    entry = register.get(span.ref)
    el = etree.SubElement(parent, tei(span.element), ref=f"{REGISTER_FILE}#{span.ref}")
    el.text = entry.name if entry else span.ref


def _indent(el: etree._Element, level: int = 0) -> None:
    """Indent element-only containers by two spaces a level; leave mixed content alone."""
    if el.tag not in _STRUCTURAL or not len(el) or any(
            (text or "").strip() for text in [el.text, *(child.tail for child in el)]):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in el:
        _indent(child, level + 1)
        child.tail = pad
    el[-1].tail = "\n" + "  " * level
