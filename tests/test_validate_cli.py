"""`edition validate`: folders, report formats, exit status, and hostile files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from edition.cli import main
from edition.tei import parse_xml
from edition.validate import validate as problems

from conftest import ROOT

INVALID = ROOT / "tests" / "invalid"
HOSTILE = ROOT / "tests" / "hostile"
REGISTER = ROOT / "seeds" / "register.xml"


def validate(*args: str):
    return CliRunner().invoke(main, ["validate", "--register", str(REGISTER), *args])


def test_a_folder_is_validated_recursively_and_grouped_per_file(tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    for name in ("ref-kind.xml", "duplicate-xml-id.xml"):
        (nested / name).write_bytes((INVALID / name).read_bytes())
    (tmp_path / "notes.txt").write_text("not XML, not looked at")
    result = validate(str(tmp_path))
    assert result.exit_code == 1
    first, second, summary = result.stdout.split("\n\n")
    assert first.startswith(f"{nested / 'duplicate-xml-id.xml'}:81:")
    assert second.startswith(f"{nested / 'ref-kind.xml'}:81:")
    assert summary == "2 file(s) checked, 2 invalid: 2 error(s), 0 warning(s)\n"


def test_the_committed_tei_folder_is_valid():
    result = CliRunner().invoke(main, ["validate", str(ROOT / "build" / "tei")])
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("checked, 0 invalid: 0 error(s), 0 warning(s)\n")


def test_json_has_one_object_per_diagnostic(register, schemas):
    result = validate("--format", "json", str(INVALID))
    assert result.exit_code == 1
    diagnostics = json.loads(result.stdout)
    assert len(diagnostics) == sum(
        len(problems(path.read_bytes(), name=str(path), register=register, schemas=schemas))
        for path in INVALID.glob("*.xml"))
    assert {"file", "line", "column", "rule", "severity", "message"} == set(diagnostics[0])
    assert {d["file"] for d in diagnostics} == {str(p) for p in INVALID.glob("*.xml")}
    assert "32 file(s) checked, 32 invalid" in result.stderr


def test_junit_has_one_test_case_per_file():
    result = validate("--format", "junit", str(INVALID / "ref-kind.xml"),
                      str(ROOT / "build" / "tei" / "khrushchev-kennedy-1962-11-14.xml"))
    assert result.exit_code == 1
    suites = etree.fromstring(result.stdout.encode("utf-8"))
    cases = suites.findall("testsuite/testcase")
    assert [case.get("name").rsplit("/", 1)[-1] for case in cases] == [
        "ref-kind.xml", "khrushchev-kennedy-1962-11-14.xml"]
    failure = cases[0].find("failure")
    assert failure.get("type") == "ref-kind" and "ref-kind.xml:81:" in failure.text
    assert cases[1].find("failure") is None
    assert suites.get("tests") == "2" and suites.get("failures") == "1"


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    big = tmp_path / "big.xml"
    big.write_bytes(b"<TEI>" + b" " * 2048 + b"</TEI>")
    result = validate("--max-size", "2K", str(big))
    assert result.exit_code == 1
    assert result.stdout.startswith(
        f"{big}:1:1: [too-large] the file is 2,059 bytes, over the limit of 2,048")


@pytest.mark.parametrize("args, says", [
    (["no/such/file.xml"], "does not exist"),
    (["--max-size", "ten", "."], "'ten' is not a size"),
    (["--format", "yaml", "."], "'yaml' is not one of"),
])
def test_usage_errors_exit_2(args, says):
    result = validate(*args)
    assert result.exit_code == 2 and says in result.stderr


def test_a_folder_without_xml_exits_2(tmp_path):
    result = validate(str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"edition: {tmp_path}: no *.xml files in this folder\n"


def test_a_file_that_cannot_be_read_exits_2(tmp_path, monkeypatch):
    letter = tmp_path / "letter.xml"
    letter.write_bytes((INVALID / "ref-kind.xml").read_bytes())

    def fail(self):
        raise OSError(5, "Input/output error")
    monkeypatch.setattr(Path, "read_bytes", fail)
    result = CliRunner().invoke(main, ["validate", str(letter)])
    assert result.exit_code == 2
    assert f"{letter}:1:1: [read] cannot read the file: Input/output error" in result.stdout


def test_validation_writes_nothing(tmp_path):
    for path in INVALID.glob("*.xml"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    validate(str(tmp_path))
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")} == before


# --------------------------------------------------------------------- hostile files

@pytest.mark.parametrize("name", ["xxe.xml", "billion-laughs.xml", "external-dtd.xml"])
def test_hostile_files_are_refused_at_the_doctype(name):
    result = validate(str(HOSTILE / name))
    assert result.exit_code == 1
    problem = result.stdout.splitlines()[0]
    assert problem.startswith(f"{HOSTILE / name}:3:1: [no-doctype] a DOCTYPE declaration")
    assert "root:" not in result.output  # nothing of /etc/passwd


def hostile_pointing_at(fifo: Path) -> dict[str, str]:
    """Hostile files whose DTD or entity is a named pipe: opening it would block."""
    root = '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{}" xml:lang="en">{}</TEI>'
    return {
        "external-dtd": f'<!DOCTYPE TEI SYSTEM "{fifo.as_uri()}">'
                        + root.format("external-dtd", ""),
        "xxe": f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{fifo.as_uri()}">]>'
               + root.format("xxe", "&x;"),
    }


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
def test_no_other_file_is_opened_by_the_cli_or_the_parser(tmp_path):
    """A process that opened the pipe would block until the timeout: the test fails."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for name, text in hostile_pointing_at(fifo).items():
        path = tmp_path / f"{name}.xml"
        path.write_text(text)
        cli = subprocess.run([sys.executable, "-m", "edition", "validate", str(path)],
                             capture_output=True, text=True, timeout=60)
        assert cli.returncode == 1 and "[no-doctype]" in cli.stdout
        # the parser itself, below the DOCTYPE check, refuses to open it too
        parser = subprocess.run(
            [sys.executable, "-c", "import sys; from edition.tei import parse_xml; "
             "parse_xml(open(sys.argv[1], 'rb').read())", str(path)],
            capture_output=True, text=True, timeout=60)
        assert parser.returncode == 0, parser.stderr


def test_the_parser_does_not_expand_entities():
    tree = parse_xml((HOSTILE / "xxe.xml").read_bytes())
    assert "root:" not in etree.tostring(tree, encoding="unicode")
    with pytest.raises(etree.XMLSyntaxError, match="amplification"):
        parse_xml((HOSTILE / "billion-laughs.xml").read_bytes())


def test_warnings_alone_exit_0(tmp_path, seed_tei):
    letter = tmp_path / "khrushchev-kennedy-1962-11-14.xml"
    letter.write_bytes(seed_tei.replace(b'<note n="2"', b'<note n="5"'))
    result = validate(str(letter))
    assert result.exit_code == 0
    assert "warning: [note-sequence] note n='5' is note 2" in result.stdout
    assert result.stdout.endswith("1 file(s) checked, 0 invalid: 0 error(s), 1 warning(s)\n")
