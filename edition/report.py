"""Validation reports: diagnostics per file to text, JSON or JUnit XML.

Each writer takes the results of a run, `{file: [Problem, ...]}` in the order the files
were checked, and returns the report as a string; the CLI prints it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from lxml import etree

from .validate import Problem

Results = Mapping[str, Sequence[Problem]]


def summary(results: Results) -> str:
    """One line: files checked, how many invalid, errors and warnings."""
    errors = sum(_count(ps, "error") for ps in results.values())
    warnings = sum(_count(ps, "warning") for ps in results.values())
    invalid = sum(1 for ps in results.values() if _count(ps, "error"))
    return (f"{len(results)} file(s) checked, {invalid} invalid: "
            f"{errors} error(s), {warnings} warning(s)")


def human(results: Results) -> str:
    """`file:line:column: [rule] message` lines, grouped per file in line order."""
    groups = ["\n".join(str(p) for p in _in_order(problems))
              for problems in results.values() if problems]
    return "\n\n".join(groups + [summary(results)]) + "\n"


def as_json(results: Results) -> str:
    """A JSON array with one object per diagnostic."""
    return json.dumps([{"file": p.file, "line": p.line, "column": p.column,
                        "rule": p.rule, "severity": p.severity, "message": p.message}
                       for problems in results.values() for p in _in_order(problems)],
                      indent=2, ensure_ascii=False) + "\n"


def junit(results: Results) -> str:
    """JUnit XML: one test case per file, failing with its errors; warnings as output."""
    failures = sum(1 for ps in results.values() if _count(ps, "error"))
    suites = etree.Element("testsuites", name="edition validate", tests=str(len(results)),
                           failures=str(failures))
    suite = etree.SubElement(suites, "testsuite", name="edition validate",
                             tests=str(len(results)), failures=str(failures),
                             errors="0", skipped="0")
    for file, problems in results.items():
        case = etree.SubElement(suite, "testcase", classname="edition.validate",
                                name=file, file=file)
        errors = [p for p in _in_order(problems) if p.severity == "error"]
        if errors:
            failure = etree.SubElement(case, "failure", type=errors[0].rule,
                                       message=f"{len(errors)} error(s); first: "
                                               f"{errors[0].message}")
            failure.text = "\n".join(map(str, errors))
        others = [p for p in _in_order(problems) if p.severity != "error"]
        if others:
            etree.SubElement(case, "system-out").text = "\n".join(map(str, others))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            + etree.tostring(suites, encoding="unicode", pretty_print=True))


FORMATS = {"human": human, "json": as_json, "junit": junit}


def _in_order(problems: Sequence[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line, p.column))


def _count(problems: Sequence[Problem], severity: str) -> int:
    return sum(1 for p in problems if p.severity == severity)
