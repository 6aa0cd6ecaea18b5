"""The document model: a letter as the text reader found it.

Plain frozen dataclasses and no XML: the text reader builds them, the tagger and the TEI
encoder consume them. Offsets count characters of a block's reading text (the text with
repairs applied and footnote markers removed); lines and columns count from 1 in the
source file.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Marker:
    """A footnote marker: the note numbered `n` goes at `offset` of the reading text."""

    n: str
    offset: int
    line: int
    column: int


@dataclass(frozen=True)
class Repair:
    """An editorial repair: reading text [start, end) stands where the source has `sic`.

    `rule` names the entry of the editorial declaration that justifies the repair; a
    repaired footnote marker is `marker`, and its note goes at the end of the repair.
    """

    start: int
    end: int
    sic: str
    rule: str
    line: int
    column: int
    marker: Marker | None = None


@dataclass(frozen=True)
class Block:
    """One block of the text: a source line, or the part of one that a block-level TEI
    element holds ("Dear Mr. Chairman:" and the paragraph that follows on its line).

    `kind` is that element: head, dateline, salute, p, signed or label. `column` is where
    the block starts on its line; `run_in` says the next block continues the same line
    (one space between). A telegram's first paragraph opens with its `number`.
    `markers` are the intact footnote markers; those restored by a repair belong to it.
    """

    text: str
    line: int
    kind: str = "p"
    column: int = 1
    run_in: bool = False
    number: str = ""
    markers: tuple[Marker, ...] = ()
    repairs: tuple[Repair, ...] = ()

    def corr(self, repair: Repair) -> str:
        """The reading text that a repair puts in place of its `sic`."""
        return self.text[repair.start:repair.end]


@dataclass(frozen=True)
class Division:
    """The text of a letter, a message or a telegram: opener, body and closer.

    The opener holds the dateline and the salutation; the closer the closing salutation,
    the signatures and a dateline. A telegram's body holds, among its paragraphs and the
    labels that frame a quotation ("Begin Text."), the letter it carries, a Division.
    """

    type: str
    opener: tuple[Block, ...] = ()
    body: tuple["Block | Division", ...] = ()
    closer: tuple[Block, ...] = ()

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Every block, in source order."""
        inner = [b for item in self.body
                 for b in (item.blocks if isinstance(item, Division) else (item,))]
        return (*self.opener, *inner, *self.closer)


@dataclass(frozen=True)
class NoteText:
    """The text of note `n`, as the source gives it after the letter (a block of kind
    "note", so that the tagger finds the persons and places it names)."""

    n: str
    block: Block


@dataclass(frozen=True)
class Report:
    """Something an editor should look at: a repair made, or a doubtful reading kept."""

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Letter:
    """A letter as transcribed: its heading, its text, and what the reader noticed."""

    id: str
    source_name: str
    source_sha256: str
    head: Block
    text: Division
    note_texts: tuple[NoteText, ...] = ()
    reports: tuple[Report, ...] = ()
    source_form: tuple[str, ...] = ()  # what the text leaves out: "CRLF line ends", ...

    @property
    def dateline(self) -> Block:
        """The dateline under the heading (line 2 of the transcription)."""
        return self.text.opener[0]

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Every block, in source order: heading, text, note texts."""
        return (self.head, *self.text.blocks, *(note.block for note in self.note_texts))

    @property
    def markers(self) -> tuple[Marker, ...]:
        """Every footnote marker, intact or restored, in source order."""
        found = [m for b in self.blocks for m in b.markers]
        found += [r.marker for b in self.blocks for r in b.repairs if r.marker]
        return tuple(sorted(found, key=lambda m: (m.line, m.column)))
