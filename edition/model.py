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
    """One source line that becomes one TEI block (head, dateline, paragraph).

    `markers` are the intact footnote markers; those restored by a repair belong to it.
    """

    text: str
    line: int
    markers: tuple[Marker, ...] = ()
    repairs: tuple[Repair, ...] = ()

    def corr(self, repair: Repair) -> str:
        """The reading text that a repair puts in place of its `sic`."""
        return self.text[repair.start:repair.end]


@dataclass(frozen=True)
class NoteText:
    """The text of note `n`, as the source gives it after the letter."""

    n: str
    text: str
    line: int


@dataclass(frozen=True)
class Report:
    """Something an editor should look at: a repair made, or a doubtful reading kept."""

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Letter:
    """A letter as transcribed: its blocks in source order and what the reader noticed."""

    id: str
    source_name: str
    source_sha256: str
    head: Block
    dateline: Block
    paragraphs: tuple[Block, ...]
    note_texts: tuple[NoteText, ...] = ()
    reports: tuple[Report, ...] = ()

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Every block, in source order."""
        return (self.head, self.dateline, *self.paragraphs)

    @property
    def markers(self) -> tuple[Marker, ...]:
        """Every footnote marker, intact or restored, in source order."""
        found = [m for b in self.blocks for m in b.markers]
        found += [r.marker for b in self.blocks for r in b.repairs if r.marker]
        return tuple(sorted(found, key=lambda m: (m.line, m.column)))
