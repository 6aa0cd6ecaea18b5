"""Builds CI can trust: byte-identical, the same with -j 2, incremental, atomic."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from edition.cli import main

from conftest import ROOT, SEEDS

NOTES = ROOT / "tests" / "corpus" / "frus-1961-63-v06" / "inputs" / "notes"


@pytest.fixture
def project(tmp_path):
    """A seeds folder with the seed letter and the 16 corpus letters (notes form)."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    for path in NOTES.glob("*.txt"):
        shutil.copy(path, seeds / path.name)
    return tmp_path


def build(project, *args, out="build"):
    return CliRunner().invoke(main, ["build", "--seeds", str(project / "seeds"), "--out",
                                     str(project / out), "--register",
                                     str(project / "seeds" / "register.xml"), *args])


def tree(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def mtimes(folder) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
            for p in folder.rglob("*") if p.is_file()}


def test_two_builds_in_different_environments_are_byte_identical(project):
    for out, env in (("one", {"PYTHONHASHSEED": "1", "LC_ALL": "C", "TZ": "UTC"}),
                     ("two", {"PYTHONHASHSEED": "2", "LC_ALL": "C.UTF-8",
                              "TZ": "Asia/Tokyo"})):
        subprocess.run([sys.executable, "-m", "edition", "build", "--seeds",
                        str(project / "seeds"), "--out", str(project / out), "--register",
                        str(project / "seeds" / "register.xml")],
                       check=True, capture_output=True, env={**os.environ, **env},
                       timeout=300)
    first, second = tree(project / "one"), tree(project / "two")
    assert len(first) == 4 + 4 * 17 + 1  # register and its page, index, css; 4 a letter; manifest
    assert first == second


def test_two_workers_give_the_same_outputs_as_one(project):
    assert build(project, "-j", "1", out="one").exit_code == 0
    result = build(project, "-j", "2", out="two")
    assert result.exit_code == 0, result.output
    assert tree(project / "one") == tree(project / "two")


def test_a_rebuild_with_nothing_changed_does_no_work(project):
    assert build(project).exit_code == 0
    before = mtimes(project / "build")
    result = build(project)
    assert result.exit_code == 0
    assert result.stderr.strip().endswith("nothing to do, 17 letter(s) current")
    assert mtimes(project / "build") == before


def test_only_a_changed_letter_is_rebuilt_and_a_removed_one_is_deleted(project):
    assert build(project).exit_code == 0
    before = tree(project / "build")
    seed = project / "seeds" / "d60.txt"
    seed.write_bytes(seed.read_bytes().replace(b"Sincerely,", b"Sincerely yours,"))
    (project / "seeds" / "d61.txt").unlink()
    result = build(project)
    assert result.exit_code == 0, result.output
    assert "written for 1 letter(s) rebuilt, 15 current, 4 file(s) of removed" in result.stderr
    after = tree(project / "build")
    changed = sorted(path for path in after if after[path] != before.get(path))
    assert changed == [".manifest.json", "html/d60.html",
                       "html/d62.html",  # its previous letter is now d60
                       "html/index.html", "html/register.html", "tei/d60.xml",
                       "text/d60.diplomatic.txt", "text/d60.txt"]
    assert not any(path.split("/")[-1].startswith("d61.") for path in after)
    # the incremental result is what a full build gives
    assert build(project, "--check").exit_code == 0


def test_a_changed_register_rebuilds_every_letter(project):
    assert build(project).exit_code == 0
    register = project / "seeds" / "register.xml"
    register.write_bytes(register.read_bytes().replace(b"Soviet Union (USSR).",
                                                       b"Soviet Union (USSR), 1922-1991."))
    result = build(project)
    assert "for 17 letter(s) rebuilt, 0 current" in result.stderr


def test_an_interrupted_build_leaves_the_previous_outputs_intact(project, monkeypatch):
    assert build(project).exit_code == 0
    before = tree(project / "build")
    seed = project / "seeds" / "khrushchev-kennedy-1962-11-14.txt"
    seed.write_bytes(seed.read_bytes().replace(b"great satisfaction", b"satisfaction"))
    calls = []

    def interrupted(source, target):
        calls.append(target)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the power fails on the third file
        os.rename(source, target)
    monkeypatch.setattr(os, "replace", interrupted)
    result = build(project)
    assert result.exit_code != 0
    after = tree(project / "build")
    assert set(after) == set(before)  # no temporary file left behind
    for path, data in after.items():
        assert data == before[path] or path in {str(t.relative_to(project / "build"))
                                                for t in calls[:2]}
