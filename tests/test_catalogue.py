"""The catalogue of invalid documents: each mistake an encoder makes, and what we say.

Each file in tests/invalid/ is a small letter with one realistic mistake. A comment
`<!-- expect: RULE -->` ends every line where the validator must report an error of
rule RULE; the test asserts exactly those (rule, line) pairs, no more, no fewer.
"""

from __future__ import annotations

import re

import pytest

from edition.validate import validate

from conftest import ROOT

CATALOGUE = sorted((ROOT / "tests" / "invalid").glob("*.xml"))
EXPECT = re.compile(r"<!-- expect: ([a-z-]+) -->")


def expected(data: bytes) -> set[tuple[str, int]]:
    return {(rule, number)
            for number, line in enumerate(data.decode("utf-8").splitlines(), start=1)
            for rule in EXPECT.findall(line)}


def test_the_catalogue_has_at_least_30_mistakes():
    assert len(CATALOGUE) >= 30
    assert all(expected(path.read_bytes()) for path in CATALOGUE)


@pytest.mark.parametrize("path", CATALOGUE, ids=lambda path: path.stem)
def test_each_mistake_is_reported_by_rule_and_line(path, register, schemas):
    data = path.read_bytes()
    found = validate(data, name=path.name, register=register, schemas=schemas)
    errors = {(p.rule, p.line) for p in found if p.severity == "error"}
    assert errors == expected(data), "\n".join(map(str, found))
