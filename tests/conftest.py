"""Shared fixtures: the seed letter, the register, compiled schemas, tei_all."""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.build import convert
from edition.register import read_register
from edition.validate import load_schemas, load_tei_all

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_NAME = "khrushchev-kennedy-1962-11-14.txt"
SHARED = ROOT.parent / "shared"
TEI_ALL = SHARED / "tei-p5" / "tei_all.rng"


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return (SEEDS / SEED_NAME).read_bytes()


@pytest.fixture(scope="session")
def register():
    return read_register((SEEDS / "register.xml").read_bytes())


@pytest.fixture(scope="session")
def seed_tei(seed_bytes, register) -> bytes:
    return convert(seed_bytes, name=SEED_NAME, register=register).tei


@pytest.fixture(scope="session")
def schemas():
    return load_schemas()


@pytest.fixture(scope="session")
def tei_all():
    """The official TEI P5 schema, compiled once per session (it takes seconds)."""
    if not TEI_ALL.is_file():
        pytest.skip(f"{TEI_ALL} is absent: the official TEI P5 schema comes with shared/")
    return load_tei_all(TEI_ALL.read_bytes())


def line_of(data: bytes, needle: str) -> int:
    """The 1-based line of the only occurrence of `needle` in `data`."""
    text = data.decode("utf-8")
    assert text.count(needle) == 1, f"{needle!r} occurs {text.count(needle)} times"
    return text[:text.index(needle)].count("\n") + 1
