"""The text reader: a plain-text transcription (bytes) to a `Letter`.

The transcription style is that of the State Department's web texts of the 1990s: line 1
the heading, line 2 the dateline, then one line per paragraph, footnote markers `/N/`
glued to the preceding word, and optionally a block of `/N/ note text` lines at the end.
`structure` says which line is what (salutation, paragraph, signature, the letter a
telegram carries); this module reads each block's markers. Markers whose slashes were
lost and doubled full stops are repaired here and reported, never silently: each repair
is a `Repair` in its block and a `Report` in the letter.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .errors import ConversionError
from .model import Block, Division, Letter, Marker, NoteText, Repair, Report
from .structure import MONTHS, divide, document_kind

_BOM = b"\xef\xbb\xbf"
# Characters XML 1.0 does not allow (tab, line feed and carriage return it does).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SAFE_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*\Z")
_NOTE_LINE = re.compile(r"/(\d+)/ (.*)\Z")  # one space, then the text as it is
# One pass over a line finds intact markers, digit runs (damaged markers hide in these)
# and runs of full stops (a doubled one is a slip, three or more an ellipsis).
_TOKEN = re.compile(r"(?P<marker>/(?P<n>\d+)/)|(?P<digits>\d+)|(?P<dots>\.{2,})"
                    r"|(?P<empty>(?<![:/])//(?!/))")  # "//" outside a URL: no number
# A day in a run of dates after a month name: "October 27 and 28", "November 2, 3".
_DAY_CONTEXT = re.compile(
    r"(?:%s)\s+(?:\d{1,2}(?:/\d+/)?(?:,?\s+and\s+|,\s+|\s+or\s+))*\Z" % "|".join(MONTHS))
_GLUE_BEFORE = re.compile(r"[A-Za-z.,;:)\"]\Z")
_RUN_ON = re.compile(r"\d+/")  # after a marker: "/1/2/", two markers sharing a slash
_CONTEXT = 120  # characters before a digit run that can make it a day or a glued marker


def letter_id(name: str) -> str:
    """The `xml:id` a seed file name gives, or an error that proposes a safe one."""
    stem = name.rsplit("/", 1)[-1].removesuffix(".txt")
    if _SAFE_ID.match(stem):
        return stem
    proposal = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-.") or "letter"
    if not re.match(r"[A-Za-z_]", proposal):
        proposal = "letter-" + proposal
    raise ConversionError(
        f"file name {stem!r} is not a safe xml:id (an XML name: a letter or '_' first, "
        f"then letters, digits, '-', '_' or '.'); rename it, for example to "
        f"{proposal + '.txt'!r}")


def parse(data: bytes, *, name: str) -> Letter:
    """Read a transcription: heading, dateline, paragraphs, markers and note texts."""
    ident = letter_id(name)
    bom = data.startswith(_BOM)
    lines = _decode(data.removeprefix(_BOM)).split("\n")
    numbered = [(i, line.removesuffix("\r")) for i, line in enumerate(lines, start=1)]
    content = [(i, line) for i, line in numbered if line.strip()]
    if not content:
        raise ConversionError("the transcription is empty; line 1 must be the heading",
                              line=1)
    if content[0][0] != 1:
        raise ConversionError("line 1 is blank; it must be the letter's heading", line=1)
    if len(content) < 2 or content[1][0] != 2:
        raise ConversionError("line 2 must be the dateline (place, date), "
                              "for example 'Moscow, November 14, 1962.'", line=2)
    body, note_texts = _split_note_block(content[2:])
    head, text, reader = _read_text(content[:2], body)
    orphan = _first_uncalled(note_texts, (head, *text.blocks))
    if orphan is not None:
        # A note text no marker calls would be lost, and the notes follow the text in
        # the diplomatic view: so all the note lines are kept as paragraphs, in order.
        body += [(note.block.line, lines[note.block.line - 1].removesuffix("\r"))
                 for note in note_texts]
        head, text, reader = _read_text(content[:2], body)
        reader.reports.append(Report(note_texts[orphan].block.line, 1, (
            f"a note text for /{note_texts[orphan].n}/, which no marker of the letter "
            f"calls; the note lines from line {note_texts[0].block.line} are kept as "
            f"paragraphs")))
        note_texts = ()
    crlf = any(line.endswith("\r") for line in lines)
    form = (("UTF-8 byte-order mark",) if bom else ()) + (("CRLF line ends",) if crlf else ())
    reports = [Report(1, 1, f"the source's {' and '.join(form)} are left out of the text, "
                            f"which is otherwise kept as it is")] if form else []
    return Letter(
        id=ident, source_name=name.rsplit("/", 1)[-1],
        source_sha256=hashlib.sha256(data).hexdigest(),
        head=head, text=text, note_texts=note_texts,
        reports=tuple(reports + reader.reports), source_form=form)


def _first_uncalled(note_texts: tuple[NoteText, ...], blocks: tuple[Block, ...]
                    ) -> int | None:
    """The index of the first note text that no marker is left to call, if any: each
    marker takes the first unused text of its number, as the encoder places them."""
    calls = Counter(m.n for b in blocks for m in b.markers)
    calls.update(r.marker.n for b in blocks for r in b.repairs if r.marker)
    for i, note in enumerate(note_texts):
        if not calls[note.n]:
            return i
        calls[note.n] -= 1
    return None


def _read_text(top: list[tuple[int, str]], body: list[tuple[int, str]]
               ) -> tuple[Block, Division, "_BlockReader"]:
    """The heading and the text, their markers read; the reader holds the reports."""
    (_, heading), (dateline_line, dateline) = top
    text = divide(document_kind(heading), Block(dateline, dateline_line, kind="dateline"),
                  [Block(line_text, line) for line, line_text in body])
    reader = _BlockReader(intact=frozenset(re.findall(r"/(\d+)/", "\n".join(
        line_text for _, line_text in top + body))))
    head = reader.read(Block(heading, 1, kind="head"))
    return head, _read_division(text, reader), reader


def _read_division(division: Division, reader: "_BlockReader") -> Division:
    """The division with the markers and repairs of its blocks read, in source order."""
    def read(items):
        return tuple(_read_division(item, reader) if isinstance(item, Division)
                     else reader.read(item) for item in items)
    opener = read(division.opener)
    body = read(division.body)
    return replace(division, opener=opener, body=body, closer=read(division.closer))


def _decode(data: bytes) -> str:
    """The text, or an error at the first byte or character no transcription has."""
    if (nul := data.find(b"\0")) >= 0:
        line, column = _position(data, nul)
        raise ConversionError("a binary file, not a plain-text transcription: it has a "
                              "NUL byte", line=line, column=column)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line, column = _position(data, err.start)
        raise ConversionError(
            f"not UTF-8: byte 0x{data[err.start]:02x} cannot be decoded "
            f"({err.reason}); save the transcription as UTF-8",
            line=line, column=column) from None
    if bad := _NOT_XML.search(text):
        line, column = _position(text, bad.start())
        raise ConversionError(f"control character U+{ord(bad[0]):04X} cannot be encoded "
                              f"in XML; remove it from the transcription",
                              line=line, column=column)
    return text


def _position(data: bytes | str, index: int) -> tuple[int, int]:
    """Line and column (1-based) of an index into the source."""
    newline = b"\n" if isinstance(data, bytes) else "\n"
    return data.count(newline, 0, index) + 1, index - (data.rfind(newline, 0, index) + 1) + 1


def _split_note_block(content: list[tuple[int, str]]
                      ) -> tuple[list[tuple[int, str]], tuple[NoteText, ...]]:
    """Separate the trailing `/N/ text` lines (the note texts) from the paragraphs."""
    cut = len(content)
    while cut > 0 and _NOTE_LINE.match(content[cut - 1][1]):
        cut -= 1
    notes = tuple(NoteText(n=m[1], block=Block(m[2], line, kind="note", column=m.start(2) + 1))
                  for line, text in content[cut:] if (m := _NOTE_LINE.match(text)))
    return content[:cut], notes


@dataclass
class _BlockReader:
    """Reads blocks in source order, keeping count of the footnote number expected next."""

    intact: frozenset[str] = frozenset()  # marker numbers the source has with slashes
    expected: int = 1
    reports: list[Report] = field(default_factory=list)

    def read(self, block: Block) -> Block:
        """The block with its markers and repairs, its text the reading text."""
        raw, line, shift = block.text, block.line, block.column - 1
        text: list[str] = []
        markers: list[Marker] = []
        repairs: list[Repair] = []
        length = 0  # of the reading text so far
        cursor = 0  # in the raw line
        for token in _TOKEN.finditer(raw):
            piece = raw[cursor:token.start()]
            text.append(piece)
            length += len(piece)
            column = shift + token.start() + 1
            reading, found = self._interpret(raw, token, length, line, column)
            if isinstance(found, Marker):
                markers.append(found)
            elif isinstance(found, Repair):
                repairs.append(found)
            text.append(reading)
            length += len(reading)
            cursor = token.end()
        text.append(raw[cursor:])
        return replace(block, text="".join(text), markers=tuple(markers),
                       repairs=tuple(repairs))

    def _interpret(self, raw: str, token: re.Match[str], offset: int, line: int,
                   column: int) -> tuple[str, Marker | Repair | None]:
        """What a token reads as, and the marker or repair it makes, if any."""
        if token["marker"]:
            if run_on := _RUN_ON.match(raw, token.end()):
                self.reports.append(Report(line, column, (
                    f"markers run together in '{token[0]}{run_on[0]}': read as {token[0]} "
                    f"followed by the text '{run_on[0]}'; check the source")))
            return "", self._marker(token["n"], offset, line, column)
        if token["empty"]:
            self.reports.append(Report(line, column, (
                "'//' looks like a footnote marker without its number; kept as text")))
            return token[0], None
        if token["dots"]:
            return self._dots(token["dots"], offset, line, column)
        return self._digits(raw, token, offset, line, column)

    def _marker(self, n: str, offset: int, line: int, column: int) -> Marker:
        if int(n) != self.expected:
            self.reports.append(Report(line, column, (
                f"footnote marker /{n}/ out of sequence (expected /{self.expected}/); "
                f"kept as the source has it")))
        self.expected = int(n) + 1
        return Marker(n=n, offset=offset, line=line, column=column)

    def _dots(self, dots: str, offset: int, line: int,
              column: int) -> tuple[str, Repair | None]:
        if len(dots) != 2:
            return dots, None
        self.reports.append(Report(line, column,
                                   "repaired doubled full stop: '..' read as '.'"))
        return ".", Repair(start=offset, end=offset + 1, sic=dots, rule="punctuation",
                           line=line, column=column)

    def _digits(self, raw: str, token: re.Match[str], offset: int, line: int,
                column: int) -> tuple[str, Repair | None]:
        """A digit run that is a marker with its slashes lost, or just a number."""
        digits, n = token["digits"], str(self.expected)
        # a window, not the whole line before: lines may be megabytes long
        before = raw[max(0, token.start() - _CONTEXT):token.start()]
        after = raw[token.end():token.end() + 1]
        day = digits[:-len(n)]
        in_dates = bool(_DAY_CONTEXT.search(before))
        if (digits.endswith(n) and day and not day.startswith("0") and int(day) <= 31
                < int(digits) and in_dates):
            reading, why = day, f"'{digits}' is no day of the month"
        elif (digits == n and _GLUE_BEFORE.search(before)
              and (not after or after[0].isspace() or after[0] == '"')):
            reading, why = "", f"'{digits}' is glued to the word before it"
        else:
            if (in_dates and digits.endswith(n) and day and 1 <= int(day)
                    and int(digits) <= 31 and n not in self.intact):
                self.reports.append(Report(line, column, (
                    f"'{digits}' may be day {digits} or day {day} followed by note {n}, "
                    f"the number expected next; kept as the source has it")))
            return digits, None
        self.reports.append(Report(line, column, (
            f"repaired damaged footnote marker: {why}; read as "
            f"'{reading}' followed by note {n}, the number expected next")))
        marker = Marker(n=n, offset=offset + len(reading), line=line,
                        column=column + len(reading))
        self.expected += 1
        return reading, Repair(start=offset, end=offset + len(reading), sic=digits,
                               rule="marker", line=line, column=column, marker=marker)
