"""The tagger: spans of persons, places, organisations, indirect references and dates.

It works on a block's reading text (repairs applied), so "October 27 and 283" yields the
dates October 27 and 28. Names come from the register's forms, the longest first; a form
shared by two entries is left untagged rather than guessed. Spans never cross a repair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .model import Block, Letter, Repair
from .parse import MONTHS
from .register import Register

_MONTH = {name: number for number, name in enumerate(MONTHS, start=1)}
_DATE = re.compile(r"\b(?P<month>%s)\s+(?P<day>\d{1,2})(?!\d)(?:,\s+(?P<year>\d{4})\b)?"
                   % "|".join(MONTHS))
_NEXT_DAY = re.compile(r"(?:,?\s+and\s+|,\s+)(?P<day>\d{1,2})(?!\d)(?:,\s+(?P<year>\d{4})\b)?")


@dataclass(frozen=True)
class Span:
    """Reading text [start, end) is a mention: `element` with `ref` (register id) or `when`."""

    start: int
    end: int
    element: str
    ref: str = ""
    when: str = ""


def tag(letter: Letter, register: Register) -> tuple[tuple[Span, ...], ...]:
    """The spans of each block of the letter, in the order of `letter.blocks`."""
    when = letter_date(letter)
    names = _name_pattern(register, when)
    return tuple(_tag_block(block, names, when) for block in letter.blocks)


def letter_date(letter: Letter) -> str:
    """The ISO date of the dateline, or "" for an undated letter."""
    found = _dates(letter.dateline.text, "")
    return found[0].when if found else ""


def _tag_block(block: Block, names: tuple[re.Pattern[str], dict], when: str
               ) -> tuple[Span, ...]:
    candidates = _names(block.text, *names) + _dates(block.text, when)
    candidates.sort(key=lambda s: (s.start, -(s.end - s.start)))
    chosen: list[Span] = []
    for span in candidates:
        if chosen and span.start < chosen[-1].end:
            continue  # overlaps a longer or earlier mention
        if any(_crosses(span, r) for r in block.repairs):
            continue
        chosen.append(span)
    return tuple(chosen)


def _crosses(span: Span, repair: Repair) -> bool:
    """Whether the span and the repair overlap without one containing the other."""
    overlap = span.start < repair.end and repair.start < span.end
    nested = (span.start <= repair.start and repair.end <= span.end) or \
        (repair.start <= span.start and span.end <= repair.end)
    return overlap and not nested


@lru_cache(maxsize=32)
def _name_pattern(register: Register, when: str) -> tuple[re.Pattern[str], dict]:
    """One alternation of every form valid on `when`, longest first, and what each means."""
    meanings: dict[str, set[tuple[str, str]]] = {}
    for entry in register.entries:
        for form in entry.forms:
            if form.valid_on(when):
                meanings.setdefault(form.text, set()).add((form.element, entry.id))
    if not meanings:
        return re.compile(r"(?!)"), {}
    forms = sorted(meanings, key=lambda f: (-len(f), f))
    pattern = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, forms)))
    return pattern, meanings


def _names(text: str, pattern: re.Pattern[str], meanings: dict) -> list[Span]:
    spans = []
    for match in pattern.finditer(text):
        meaning = meanings[match[0]]
        if len(meaning) == 1:
            ((element, ref),) = meaning
            spans.append(Span(match.start(), match.end(), element, ref=ref))
    return spans


def _dates(text: str, when: str) -> list[Span]:
    """Dates like "November 14, 1962" and runs like "October 27 and 28"."""
    spans = []
    for match in _DATE.finditer(text):
        month = _MONTH[match["month"]]
        days = [(match.start(), match.end(), match["day"], match["year"])]
        for follow in _following_days(text, match.end()):
            days.append((follow.start("day"), follow.end(), follow["day"], follow["year"]))
        year = next((y for *_, y in reversed(days) if y), None)
        for start, end, day, own_year in days:
            iso = _iso(month, int(day), own_year or year, when)
            if iso:
                spans.append(Span(start, end, "date", when=iso))
    return spans


def _following_days(text: str, pos: int):
    while match := _NEXT_DAY.match(text, pos):
        yield match
        pos = match.end()


def _iso(month: int, day: int, year: str | None, when: str) -> str:
    """ISO date; a date without a year is the latest such day not after the letter."""
    if year is None:
        if not when:
            return ""
        year_n = int(when[:4])
        if (month, day) > (int(when[5:7]), int(when[8:10])):
            year_n -= 1
    else:
        year_n = int(year)
    try:
        return date(year_n, month, day).isoformat()
    except ValueError:
        return ""
