"""Which line of a transcription is what: the parts of a letter and of a telegram.

Works on the raw lines after the heading and the dateline, footnote markers still in
them, and returns a `Division` of raw blocks (the text reader then finds their markers).
A letter opens with a salutation, which may run into the first paragraph ("Dear Mr.
Chairman: A copy of ..."), and closes with a closing salutation and signatures
("Sincerely,", "JFK/3/"). A telegram opens with its number ("1042. Policy. ..."),
carries a letter between "Begin Text." and "End Text." or in quotation marks, and
closes with the sending official's name ("Kohler"). A line is split only at a single
space, so joining its blocks with one space gives the line back.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Block, Division

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

_MARKER = re.compile(r"/\d+/")
_SALUTE = re.compile(r'"?(?:(?:My )?[Dd]ear [^:,]{1,40}[:,]|Mr\. (?:President|Chairman)[.:,])'
                     r"(?:/\d+/)?")
_CLOSING = re.compile(r'"?(?:Sincerely|Respectfully|Faithfully|Cordially|Very truly)'
                      r"(?: yours)?,(?:/\d+/)?")
_SIGNATURE = re.compile(r'(?:/s/ ?)?(?:[A-Z][\w\'-]*\.? ?){1,3}\.?"?')
_DATE = re.compile(r"(?:%s) \d{1,2}, \d{4}\.?" % "|".join(MONTHS))
_BEGIN = re.compile(r"Begin [Tt]ext\.")
_END = re.compile(r"End [Tt]ext\.")
_NUMBER = re.compile(r"\d+(?=\. )")


def divide(kind: str, dateline: Block, lines: list[Block]) -> Division:
    """The structure of a document of `kind` (letter, message or telegram)."""
    if kind == "telegram":
        return _telegram(dateline, lines)
    return _letter(kind, (dateline,), lines)


def document_kind(heading: str) -> str:
    """letter, message or telegram, from the heading's first word."""
    first = heading.split(maxsplit=1)[0].lower() if heading.strip() else ""
    return first if first in ("telegram", "message") else "letter"


def _clean(block: Block) -> str:
    """The text without footnote markers, for recognising what a line is."""
    return _MARKER.sub("", block.text).strip()


def _split(block: Block, at: int, first: str, second: str) -> tuple[Block, Block]:
    """Two blocks from one at a single space: `first` runs in to `second`."""
    head, tail = block.text[:at], block.text[at + 1:]
    return (replace(block, text=head, kind=first, run_in=True),
            replace(block, text=tail, kind=second, column=block.column + at + 1,
                    run_in=block.run_in))


def _run_in_at(block: Block, match: re.Match[str] | None) -> int | None:
    """Where a block splits after a match: at the single space that follows it."""
    if match is None or match.end() >= len(block.text):
        return None
    at = match.end()
    if block.text[at] == " " and at + 1 < len(block.text) and block.text[at + 1] != " ":
        return at
    return None


def _letter(kind: str, opener: tuple[Block, ...], lines: list[Block]) -> Division:
    lines = list(lines)
    opener = list(opener)
    if lines and _DATE.fullmatch(_clean(lines[0])) and not opener:
        opener.append(replace(lines.pop(0), kind="dateline"))
    if lines:
        first = lines[0]
        match = _SALUTE.match(first.text)
        if match and match.end() == len(first.text):
            opener.append(replace(lines.pop(0), kind="salute"))
        elif (at := _run_in_at(first, match)) is not None:
            salute, rest = _split(first, at, "salute", "p")
            opener.append(salute)
            lines[0] = rest
    body, closer = _closer(lines)
    return Division(kind, tuple(opener), tuple(replace(b, kind="p") for b in body),
                    tuple(closer))


def _closer(lines: list[Block]) -> tuple[list[Block], list[Block]]:
    """The paragraphs, and the closer: a closing salutation in the last three lines and
    the signatures and date after it, or else a last line that is a signature only."""
    start = next((i for i in range(len(lines) - 1, max(len(lines) - 4, -1), -1)
                  if _CLOSING.match(lines[i].text)), None)
    if start is None:
        if lines and _SIGNATURE.fullmatch(_clean(lines[-1])) and len(lines) > 1:
            return lines[:-1], [replace(lines[-1], kind="signed")]
        return lines, []
    closing = lines[start]
    at = _run_in_at(closing, _CLOSING.match(closing.text))
    closer = list(_split(closing, at, "salute", "signed")) if at is not None \
        else [replace(closing, kind="salute")]
    for line in lines[start + 1:]:
        kind = "dateline" if _DATE.fullmatch(_clean(line)) else "signed"
        closer.append(replace(line, kind=kind))
    return lines[:start], closer


def _telegram(dateline: Block, lines: list[Block]) -> Division:
    """Number and text of the telegram, the letter it carries, the official's name."""
    lines = list(lines)
    closer = []
    if len(lines) > 1 and _SIGNATURE.fullmatch(_clean(lines[-1])):
        closer.append(replace(lines.pop(), kind="signed"))
    body: list[Block | Division] = []
    span = _quotation(lines)
    if span is None:
        body += lines
    else:
        begin, end = span
        body += lines[:begin]
        carried = lines[begin:end + 1]
        opening, carried[0] = _begin_label(carried[0])
        carried[-1], closing = _end_label(carried[-1])
        body += opening
        body.append(_letter("letter", (), [b for b in carried if b is not None]))
        body += closing
        body += lines[end + 1:]
    body = [replace(b, kind="p") if isinstance(b, Block) and b.kind != "label" else b
            for b in body]
    if body and isinstance(body[0], Block) and (number := _NUMBER.match(body[0].text)):
        body[0] = replace(body[0], number=number[0])
    return Division("telegram", (dateline,), tuple(body), tuple(closer))


def _quotation(lines: list[Block]) -> tuple[int, int] | None:
    """First and last line of the letter a telegram carries, if it carries one."""
    begin = next((i for i, b in enumerate(lines) if _BEGIN.match(b.text)), None)
    if begin is not None:
        end = next((i for i in range(len(lines) - 1, begin - 1, -1)
                    if _END.search(lines[i].text)), len(lines) - 1)
        return begin, end
    begin = next((i for i, b in enumerate(lines) if b.text.startswith('"')
                  and _SALUTE.match(b.text)), None)
    if begin is None:
        return None
    if begin > 0 and _DATE.fullmatch(_clean(lines[begin - 1])):
        begin -= 1  # the carried letter's own dateline, just before its salutation
    end = next((i for i in range(len(lines) - 1, begin, -1)
                if _clean(lines[i]).endswith('"')), len(lines) - 1)
    return begin, end


def _begin_label(block: Block) -> tuple[list[Block], Block | None]:
    """A "Begin Text." opening the carried letter, as a label, and what follows it."""
    match = _BEGIN.match(block.text)
    if match is None:
        return [], block
    if match.end() == len(block.text):
        return [replace(block, kind="label")], None
    at = _run_in_at(block, match)
    if at is None:
        return [], block
    label, rest = _split(block, at, "label", "p")
    return [label], rest


def _end_label(block: Block | None) -> tuple[Block | None, list[Block]]:
    """An "End Text." closing the carried letter, as a label, and what precedes it."""
    if block is None:
        return None, []
    match = _END.search(block.text)
    if match is None or match.end() != len(block.text):
        return block, []
    if match.start() == 0:
        return None, [replace(block, kind="label")]
    at = match.start() - 1
    if block.text[at] != " " or (at > 0 and block.text[at - 1] == " "):
        return block, []
    rest, label = _split(block, at, "p", "label")
    return rest, [label]
