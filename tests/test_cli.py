"""The command line: exit codes, one-line errors, reports on stderr, build --check."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner

from edition.build import convert
from edition.cli import main

from conftest import ROOT, SEED_NAME, SEEDS


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def project(tmp_path):
    """A copy of the seeds in a temporary folder: builds write there, not in the repo."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path


def run(runner, project, *args):
    return runner.invoke(main, ["build", "--seeds", str(project / "seeds"),
                                "--out", str(project / "build"),
                                "--register", str(project / "seeds" / "register.xml"),
                                *args])


def test_convert_writes_tei_and_reports_every_repair(runner, project):
    out = project / "letter.xml"
    result = runner.invoke(main, ["convert", str(project / "seeds" / SEED_NAME), "-o",
                                  str(out), "--register",
                                  str(project / "seeds" / "register.xml")])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<TEI")
    repairs = [line for line in result.stderr.splitlines() if "repaired" in line]
    assert [line.split(": ", 1)[0].rsplit(":", 2)[1:] for line in repairs] == [
        ["2", "26"], ["7", "756"]]


def test_convert_refuses_bad_input_in_one_line_and_writes_nothing(runner, project):
    src = project / "seeds" / "bad.txt"
    src.write_bytes(b"Heading\nMoscow\xff, 1962.\n")
    out = project / "bad.xml"
    result = runner.invoke(main, ["convert", str(src), "-o", str(out), "--register",
                                  str(project / "seeds" / "register.xml")])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"edition: {src}:2:7: not UTF-8: byte 0xff cannot be decoded (invalid start "
        f"byte); save the transcription as UTF-8")
    assert not out.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
def test_convert_writes_into_a_pipe_without_replacing_it(runner, project):
    """-o /dev/null or a pipe: written to, never replaced by a regular file."""
    pipe = project / "pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = runner.invoke(main, ["convert", str(project / "seeds" / SEED_NAME), "-o",
                                  str(pipe), "--register",
                                  str(project / "seeds" / "register.xml")])
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert received[0].startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<TEI")


def test_build_then_check_passes_and_a_changed_file_fails_it(runner, project):
    assert run(runner, project).exit_code == 0
    built = sorted(p.relative_to(project / "build").as_posix()
                   for p in (project / "build").rglob("*") if p.is_file())
    assert built == [".manifest.json", "html/edition.css", "html/index.html",
                     "html/khrushchev-kennedy-1962-11-14.html", "html/register.html",
                     "tei/khrushchev-kennedy-1962-11-14.xml", "tei/register.xml",
                     "text/khrushchev-kennedy-1962-11-14.diplomatic.txt",
                     "text/khrushchev-kennedy-1962-11-14.txt"]
    assert run(runner, project, "--check").exit_code == 0
    (project / "build" / "text" / "khrushchev-kennedy-1962-11-14.txt").write_text("old")
    (project / "build" / "html" / "gone.html").write_text("stale")
    result = run(runner, project, "--check")
    assert result.exit_code == 1
    assert "text/khrushchev-kennedy-1962-11-14.txt: differs from a fresh build" in result.stderr
    assert "html/gone.html: differs from a fresh build" in result.stderr


def test_build_is_deterministic(runner, project):
    run(runner, project)
    first = {p: p.read_bytes() for p in (project / "build").rglob("*") if p.is_file()}
    run(runner, project)
    assert first == {p: p.read_bytes() for p in (project / "build").rglob("*") if p.is_file()}


def test_build_fails_on_an_invalid_tei_file_and_writes_nothing(runner, project):
    register = project / "seeds" / "register.xml"
    register.write_text(register.read_text().replace('<idno type="viaf">', '<idno type="isni">'))
    result = run(runner, project)
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("edition: tei/register.xml:") and "[authority-type]" in line
    assert not (project / "build").exists()


def test_validate_prints_file_line_column_and_exits_1(runner, project, seed_tei):
    bad = project / "khrushchev-kennedy-1962-11-14.xml"
    bad.write_bytes(seed_tei.replace(b'when="1962-10-27"', b'when="27-10-1962"'))
    result = runner.invoke(main, ["validate", str(bad), "--register",
                                  str(project / "seeds" / "register.xml")])
    assert result.exit_code == 1
    line, blank, summary = result.stdout.splitlines()
    assert line.startswith(f"{bad}:") and "[date-when-iso] @when '27-10-1962'" in line
    assert blank == "" and summary == "1 file(s) checked, 1 invalid: 1 error(s), 0 warning(s)"


def test_validate_of_the_committed_build_passes(runner):
    files = sorted(str(p) for p in (ROOT / "build" / "tei").glob("*.xml"))
    result = runner.invoke(main, ["validate", *files])
    assert result.exit_code == 0, result.output


def test_evaluate_scores_a_folder_against_the_gold(runner, tmp_path, register):
    volume = ROOT / "tests" / "corpus" / "frus-1961-63-v06"
    for name in ("d60", "d61"):
        source = volume / "inputs" / "notes" / f"{name}.txt"
        (tmp_path / f"{name}.xml").write_bytes(
            convert(source.read_bytes(), name=source.name, register=register).tei)
    result = subprocess.run(
        [sys.executable, "-m", "edition.evaluate", str(volume / "gold"), str(tmp_path)],
        capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("d60      anchors 3/3 (100.0%)  persons P 1.000 R 1.000")
    assert lines[2].startswith("total    anchors 6/6 (100.0%)")
    assert "d60: persName 'JFK': the gold gives no @corresp; ours is p_KJF2" in result.stdout
    assert "d77.xml: no " in result.stderr  # gold without a counterpart is named, not scored


@pytest.mark.parametrize("command", ["convert", "validate", "build", "evaluate"])
def test_every_command_has_help_with_an_example_shown_in_the_readme(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Example: edition " + command in result.output
    assert f"edition {command}" in (ROOT / "README.md").read_text()
