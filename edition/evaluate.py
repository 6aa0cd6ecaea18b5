"""The scorer: our TEI of a document against the official FRUS encoding (the gold).

Both texts are reduced to their characters without white space, with typographic
quotes, apostrophes and dashes made plain, and aligned with difflib; positions in the
gold then map onto ours. What is scored, in the text of the letter (head, dateline,
body) and, where our notes hold their texts, in the notes (never the gold's source note
n="0"):

- footnote anchors: a gold note is matched when we have a note of the same @n at the
  same position of the letter's text;
- persons: a gold persName is matched when we have a persName over the same characters;
  precision and recall count spans, and identity compares the gold's @corresp with the
  frus idno of our register entry.

Our persNames for persons outside the FRUS List of Names can have no gold counterpart
(the gold tags only the List); they are listed, and left out of the precision that the
targets apply to. So are the disagreements an editor has judged to be errors of the
gold, given as errata: (document, the mention's text) with the reason; every one is
still listed, marked "erratum". `python -m edition.evaluate GOLD_DIR TEI_DIR [--errata
FILE]` prints the scores.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from lxml import etree

from .register import Register
from .tei import NS, REGISTER_FILE

_PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "--", "–": "-",
                        "\u00ad": None})


@dataclass(frozen=True)
class Mention:
    """A persName: its characters [start, end) in the reduced text, and who it is."""

    start: int
    end: int
    text: str
    who: str  # a List of Names id (p_KNS2), or "" where none is given


@dataclass(frozen=True)
class Anchor:
    """A footnote reference: note @n at position `at` of the reduced text."""

    n: str
    at: int


@dataclass(frozen=True)
class Reading:
    """What the scorer reads from one encoding of a document: the letter's text, and
    the texts of its notes one after the other (`notes`)."""

    text: str
    mentions: tuple[Mention, ...]
    anchors: tuple[Anchor, ...]
    notes: "Reading | None" = None


@dataclass
class Score:
    """The comparison of one document (or, summed, of many)."""

    name: str
    anchors: int = 0
    anchors_matched: int = 0
    gold_persons: int = 0
    our_persons: int = 0
    our_outside_list: int = 0
    gold_errata: int = 0
    our_errata: int = 0
    persons_matched: int = 0
    identity_compared: int = 0
    identity_agreed: int = 0
    disagreements: list[str] = field(default_factory=list)

    @property
    def anchor_share(self) -> float:
        return self.anchors_matched / self.anchors if self.anchors else 1.0

    @property
    def recall(self) -> float:
        """Of the gold's persNames, less those it has in error."""
        comparable = self.gold_persons - self.gold_errata
        return self.persons_matched / comparable if comparable else 1.0

    @property
    def precision(self) -> float:
        """Of our persNames that the gold could have (persons of the List of Names), less
        those the gold lacks in error."""
        comparable = self.our_persons - self.our_outside_list - self.our_errata
        return self.persons_matched / comparable if comparable else 1.0

    @property
    def identity(self) -> float:
        return (self.identity_agreed / self.identity_compared
                if self.identity_compared else 1.0)

    def __add__(self, other: "Score") -> "Score":
        total = Score("total")
        for name in ("anchors", "anchors_matched", "gold_persons", "our_persons",
                     "our_outside_list", "gold_errata", "our_errata", "persons_matched",
                     "identity_compared", "identity_agreed"):
            setattr(total, name, getattr(self, name) + getattr(other, name))
        total.disagreements = self.disagreements + other.disagreements
        return total

    def line(self) -> str:
        return (f"{self.name:8} anchors {self.anchors_matched}/{self.anchors} "
                f"({self.anchor_share:.1%})  persons P {self.precision:.3f} "
                f"R {self.recall:.3f} ({self.persons_matched} matched of "
                f"{self.gold_persons} gold, {self.our_persons} ours, "
                f"{self.our_outside_list} outside the List, "
                f"{self.gold_errata + self.our_errata} errata)  identity "
                f"{self.identity:.3f} ({self.identity_agreed}/{self.identity_compared})")


def read_gold(data: bytes) -> Reading:
    """A FRUS document: `div type="document"`, persons by @corresp into the List."""
    root = etree.fromstring(data)
    return _read(root, lambda el: (el.get("corresp") or "").lstrip("#"),
                 skip=lambda el: el.tag == _tei("note") and el.get("n") == "0")


def read_ours(data: bytes, register: Register) -> Reading:
    """Our TEI letter: the text of its body, persons by @ref into the register."""
    body = etree.fromstring(data).find("tei:text/tei:body", NS)

    def who(el: etree._Element) -> str:
        entry = register.get((el.get("ref") or "").removeprefix(f"{REGISTER_FILE}#"))
        return dict(entry.idnos).get("frus", "") if entry else ""
    return _read(body, who, skip=lambda el: el.tag == _tei("sic"))


def score(name: str, gold: Reading, ours: Reading,
          errata: Mapping[tuple[str, str], str] | None = None) -> Score:
    """Compare one document's readings; every disagreement is listed.

    `errata` maps (document name, persName text without spaces) to why the gold is
    wrong there; such a mention counts neither for nor against us.
    """
    result = Score(name)
    to_ours = _alignment(gold.text, ours.text)
    _score_anchors(result, gold, ours, to_ours)
    _score_persons(result, gold, ours, to_ours, errata or {})
    if ours.notes and ours.notes.text and gold.notes:
        notes = Score(name)
        _score_persons(notes, gold.notes, ours.notes,
                       _alignment(gold.notes.text, ours.notes.text), errata or {})
        result = result + notes
        result.name = name
    return result


def read_errata(text: str) -> dict[tuple[str, str], str]:
    """Errata from TSV lines "document<TAB>mention<TAB>reason"; # starts a comment."""
    errata = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            document, mention, reason = line.split("\t")
            errata[document, "".join(mention.split())] = reason
    return errata


def total(scores: Iterable[Score]) -> Score:
    return sum(scores, Score("total"))


def _tei(name: str) -> str:
    return f"{{{NS['tei']}}}{name}"


def _read(root: etree._Element, who, skip, notes: bool = True) -> Reading:
    """The reduced text under `root` with its persNames and note anchors; with `notes`,
    also the texts of the notes (but not of those that only hold a gap)."""
    text: list[str] = []
    mentions: list[Mention] = []
    anchors: list[Anchor] = []
    length = 0
    found_notes: list[etree._Element] = []

    def walk(el: etree._Element) -> None:
        if el.tag == _tei("note") and el is not root:
            anchors.append(Anchor(el.get("n", ""), length))
            if el.get("n") != "0" and el.find(_tei("gap")) is None:
                found_notes.append(el)
            return
        start = length
        add(el.text)
        for child in el:
            if isinstance(child.tag, str) and not skip(child):
                walk(child)
            add(child.tail)
        if el.tag == _tei("persName"):
            mentions.append(Mention(start, length, "".join(text)[start:length], who(el)))

    def add(s: str | None) -> None:
        nonlocal length
        if s:
            plain = "".join(s.translate(_PLAIN).split())
            text.append(plain)
            length += len(plain)

    walk(root)
    note_reading = None
    if notes:
        note_reading = _read_notes(found_notes, who, skip)
    return Reading("".join(text), tuple(mentions), tuple(anchors), note_reading)


def _read_notes(notes: list[etree._Element], who, skip) -> Reading:
    """The notes' texts, one after another, read as one text."""
    pieces = [_read(note, who, skip, notes=False) for note in notes]
    text, mentions, offset = [], [], 0
    for piece in pieces:
        text.append(piece.text)
        mentions += [replace(m, start=m.start + offset, end=m.end + offset)
                     for m in piece.mentions]
        offset += len(piece.text)
    return Reading("".join(text), tuple(mentions), ())


def _alignment(gold: str, ours: str) -> dict[int, int]:
    """Gold character index to our character index, for the characters both have."""
    matcher = difflib.SequenceMatcher(None, gold, ours, autojunk=False)
    return {block.a + k: block.b + k for block in matcher.get_matching_blocks()
            for k in range(block.size)}


def _context(text: str, at: int) -> str:
    return f"…{text[max(0, at - 25):at]}⟨here⟩{text[at:at + 25]}…"


def _score_anchors(result: Score, gold: Reading, ours: Reading,
                   to_ours: dict[int, int]) -> None:
    left = list(ours.anchors)
    for anchor in (a for a in gold.anchors if a.n != "0"):
        result.anchors += 1
        at = to_ours.get(anchor.at - 1, -2) + 1  # just after the character before it
        found = next((a for a in left if a.n == anchor.n and a.at == at), None)
        if found:
            left.remove(found)
            result.anchors_matched += 1
        else:
            result.disagreements.append(
                f"{result.name}: note {anchor.n}: not at the gold's position "
                f"{_context(gold.text, anchor.at)}")


def _score_persons(result: Score, gold: Reading, ours: Reading,
                   to_ours: dict[int, int], errata: Mapping[tuple[str, str], str]) -> None:
    by_span = {(m.start, m.end): m for m in ours.mentions}
    matched = set()
    result.gold_persons = len(gold.mentions)
    result.our_persons = len(ours.mentions)
    for mention in gold.mentions:
        span = (to_ours.get(mention.start, -1), to_ours.get(mention.end - 1, -2) + 1)
        found = by_span.get(span)
        if found is None:
            erratum = errata.get((result.name, mention.text))
            result.gold_errata += erratum is not None
            result.disagreements.append(
                f"{result.name}: persName '{mention.text}' ({mention.who or 'no id'}): "
                f"gold only, {_context(gold.text, mention.start)}"
                + (f"; erratum: {erratum}" if erratum else ""))
            continue
        matched.add(span)
        result.persons_matched += 1
        if not mention.who:
            result.disagreements.append(
                f"{result.name}: persName '{mention.text}': the gold gives no @corresp; "
                f"ours is {found.who or 'outside the List'}")
            continue
        result.identity_compared += 1
        if found.who == mention.who:
            result.identity_agreed += 1
        else:
            result.disagreements.append(
                f"{result.name}: persName '{mention.text}': gold #{mention.who}, "
                f"ours {found.who or 'outside the List'}")
    for span, mention in by_span.items():
        if span in matched:
            continue
        erratum = errata.get((result.name, mention.text))
        if not mention.who:
            result.our_outside_list += 1
            reason = "a person outside the FRUS List of Names, which the gold does not tag"
        elif erratum:
            result.our_errata += 1
            reason = f"{mention.who}: ours only; erratum: {erratum}"
        else:
            reason = f"{mention.who}: ours only"
        result.disagreements.append(
            f"{result.name}: persName '{mention.text}': {reason}, "
            f"{_context(ours.text, mention.start)}")


if __name__ == "__main__":
    from .cli import main

    main(["evaluate", *__import__("sys").argv[1:]], prog_name="python -m edition.evaluate")
