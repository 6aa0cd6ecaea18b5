"""The tagger: spans of persons, places, organisations, indirect references and dates.

It works on a block's reading text (repairs applied), so "October 27 and 283" yields the
dates October 27 and 28. Names come from the register's forms, the longest first. A form
shared by several entries ("Kennedy") means the one of them the letter named last by a
form of its own ("Robert Kennedy"), else the one whose form is marked preferred, else it
is left untagged rather than guessed. Spans never cross a repair.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from .model import Block, Letter, Repair
from .structure import MONTHS
from .register import Register

_MONTH = {name: number for number, name in enumerate(MONTHS, start=1)}
_DATE = re.compile(r"\b(?P<month>%s)\s+(?P<day>\d{1,2})(?!\d)(?:,\s+(?P<year>\d{4})\b"
                   r"(?:,\s+(?P<hour>\d{1,2})(?::(?P<minute>\d\d))?\s+(?P<half>[ap])\.m\.)?)?"
                   % "|".join(MONTHS))
_UNDATED = re.compile(r"\bundated\b")
_NEXT_DAY = re.compile(r"(?:,?\s+and\s+|,\s+)(?P<day>\d{1,2})(?!\d)(?:,\s+(?P<year>\d{4})\b)?")


@dataclass(frozen=True)
class Span:
    """Reading text [start, end) is a mention: `element` with `ref` (register id) or `when`."""

    start: int
    end: int
    element: str
    ref: str = ""
    when: str = ""
    type: str = ""


def tag(letter: Letter, register: Register) -> tuple[tuple[Span, ...], ...]:
    """The spans of each block of the letter, in the order of `letter.blocks`."""
    when = letter_date(letter)
    names = _name_pattern(register, when)
    named: dict[str, tuple] = {}  # entry id: where the letter last named it
    zone = _zone(letter.dateline, names[0], register)
    return tuple(_tag_block(block, names, when, named,
                            zone if block is letter.dateline else "")
                 for block in letter.blocks)


def letter_date(letter: Letter) -> str:
    """The ISO date (and time) of the dateline, or "" for an undated letter."""
    found = _dates(letter.dateline.text, "")
    return found[0].when if found else ""


def _zone(dateline: Block, pattern: re.Pattern[str], register: Register) -> str:
    """The time zone (IANA name) of the first place in the dateline the register knows."""
    for match in pattern.finditer(dateline.text):
        for entry in register.entries:
            if entry.timezone and any(f.text == match[0] for f in entry.forms):
                return entry.timezone
    return ""


def _tag_block(block: Block, names: tuple[re.Pattern[str], dict], when: str,
               named: dict[str, tuple], zone: str) -> tuple[Span, ...]:
    pattern, meanings = names
    candidates = _names(block.text, pattern) + _dates(block.text, when, zone)
    if block.kind == "dateline":  # an undated letter says so: a date without @when
        candidates += [Span(m.start(), m.end(), "date") for m in _UNDATED.finditer(block.text)]
    if block.number:  # a telegram's number, which opens its first paragraph
        candidates.append(Span(0, len(block.number), "idno", type="telegram"))
    candidates.sort(key=lambda s: (s.start, -(s.end - s.start)))
    chosen: list[Span] = []
    repair_ends = [r.end for r in block.repairs]  # repairs are in order, never overlap
    for span in candidates:
        if chosen and span.start < chosen[-1].end:
            continue  # overlaps a longer or earlier mention
        if _crosses_a_repair(span, block.repairs, repair_ends):
            continue
        if span.element == "name":
            span = _resolve(span, meanings[block.text[span.start:span.end]], named)
            if span is None:
                continue
            named[span.ref] = (block.line, block.column, span.start)
        chosen.append(span)
    return tuple(chosen)


def _resolve(span: Span, meaning: set[tuple[str, str, bool]], named: dict[str, tuple]
             ) -> Span | None:
    """The entry a matched form means here: its only one, the one named last, or the
    preferred one; None where the context does not decide."""
    if len(meaning) == 1:
        ((element, ref, _),) = meaning
    else:
        by_id = {ref: (element, ref, preferred) for element, ref, preferred in meaning}
        last = max((ref for ref in by_id if ref in named), key=named.get, default=None)
        preferred = [m for m in meaning if m[2]]
        if last is None and len(preferred) != 1:
            return None
        element, ref, _ = by_id[last] if last else preferred[0]
    return Span(span.start, span.end, element, ref=ref)


def _crosses_a_repair(span: Span, repairs: tuple[Repair, ...], ends: list[int]) -> bool:
    """Whether the span crosses one of the repairs (sorted, with their `ends`)."""
    i = bisect_right(ends, span.start)  # the first repair that ends after the span starts
    while i < len(repairs) and repairs[i].start < span.end:
        if _crosses(span, repairs[i]):
            return True
        i += 1
    return False


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
                meanings.setdefault(form.text, set()).add(
                    (form.element, entry.id, form.preferred))
    if not meanings:
        return re.compile(r"(?!)"), {}
    forms = sorted(meanings, key=lambda f: (-len(f), f))
    pattern = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, forms)))
    return pattern, meanings


def _names(text: str, pattern: re.Pattern[str]) -> list[Span]:
    """Every match of a name form; which entry it means is decided later, in order."""
    return [Span(match.start(), match.end(), "name") for match in pattern.finditer(text)]


def _dates(text: str, when: str, zone: str = "") -> list[Span]:
    """Dates like "November 14, 1962", runs like "October 27 and 28", and dateline
    times like "October 23, 1962, 5 p.m." (with the UTC offset of `zone` on that day)."""
    spans = []
    for match in _DATE.finditer(text):
        month = _MONTH[match["month"]]
        days = [(match.start(), match.end(), match["day"], match["year"])]
        if match["hour"] is None:
            for follow in _following_days(text, match.end()):
                days.append((follow.start("day"), follow.end(), follow["day"],
                             follow["year"]))
        year = next((y for *_, y in reversed(days) if y), None)
        for start, end, day, own_year in days:
            iso = _iso(month, int(day), own_year or year, when)
            if iso and match["hour"] is not None:
                iso = _time(iso, match, zone)
            if iso:
                spans.append(Span(start, end, "date", when=iso))
    return spans


def _time(day: str, match: re.Match[str], zone: str) -> str:
    """ISO date and time, with the zone's UTC offset on that day where the zone is known."""
    hour = int(match["hour"]) % 12 + (12 if match["half"] == "p" else 0)
    moment = datetime.fromisoformat(day).replace(hour=hour, minute=int(match["minute"] or 0))
    if zone:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    return moment.isoformat()


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
