"""The `pmquiz check` report as JUnit XML, for CI systems that show test results.

One `<testsuite>` per bank inside `<testsuites>`, one `<testcase>` per example, named
`question-id[#index]` with the bank id as classname; a disagreeing example carries a
`<failure>` with the same explanation the text report prints. So the number of test cases
always equals `passed + failed` of the closing line.

Warnings are not test cases (they are not examples): they are listed in their bank's
`<system-err>`, and as `<property name="warning">` entries. Under `--strict` they are
labelled as errors there, and the process exit code fails the job. Invalid bank files get a
`<testsuite>` of their own, with no test cases and their problems in `<system-err>`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from pathlib import Path

from pmquiz.checking import BankReport, CheckReport, CheckWarning, ExampleResult
from pmquiz.errors import Problem

# Characters XML 1.0 cannot hold, even escaped (a YAML "\x01" escape can put them in an
# answer): replaced so the file always parses.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

Explain = Callable[[ExampleResult], str]


def clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def build(report: CheckReport, explain: Explain, strict: bool = False) -> ET.Element:
    """The XML tree; `explain` writes a failing example's explanation (plain text)."""
    root = ET.Element("testsuites", name="pmquiz check")
    for bank in report.banks:
        root.append(_bank_suite(bank, explain, strict))
    for path, problems in _by_file(report.errors):
        root.append(_invalid_suite(path, problems))
    _set_counts(root, tests=report.passed + report.failed, failures=report.failed)
    return root


def write(report: CheckReport, target: Path, explain: Explain, strict: bool = False) -> None:
    """Write the JUnit file (UTF-8, with an XML declaration) into a folder that exists."""
    root = build(report, explain, strict)
    ET.indent(root)
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
    target.write_bytes(data)


def _set_counts(element: ET.Element, tests: int, failures: int) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", "0")
    element.set("skipped", "0")
    element.set("time", "0")


def _bank_suite(bank: BankReport, explain: Explain, strict: bool) -> ET.Element:
    suite = ET.Element("testsuite", name=bank.bank.id, file=clean(str(bank.bank.path)))
    _set_counts(suite, tests=bank.passed + bank.failed, failures=bank.failed)
    if bank.warnings:
        properties = ET.SubElement(suite, "properties")
        for warning in bank.warnings:
            ET.SubElement(properties, "property", name="warning", value=clean(str(warning)))
    for result in bank.examples:
        suite.append(_testcase(result, explain))
    if bank.warnings:
        ET.SubElement(suite, "system-err").text = _warning_lines(bank.warnings, strict)
    return suite


def _testcase(result: ExampleResult, explain: Explain) -> ET.Element:
    case = ET.Element("testcase", name=result.name, classname=result.bank,
                      file=clean(result.path), time="0")
    if result.example.line is not None:
        case.set("line", str(result.example.line))
    if not result.agrees:
        failure = ET.SubElement(case, "failure", type=(result.disagreement or "failure")
                                .replace(" ", "-"))
        failure.set("message", clean(_headline(result)))
        failure.text = clean(explain(result))
    return case


def _headline(result: ExampleResult) -> str:
    wanted = result.expected
    expected = wanted if isinstance(wanted, str) else f"score {wanted[0]:g}..{wanted[1]:g}"
    verdict = "pass" if result.grade.passed else "fail"
    return (f"{result.disagreement}: expected {expected}, graded {verdict} "
            f"(score {result.grade.score:.4g})")


def _warning_lines(warnings: Sequence[CheckWarning], strict: bool) -> str:
    label = "error (--strict)" if strict else "warning"
    return clean("".join(f"{label}: {w}\n" for w in warnings))


def _invalid_suite(path: str, problems: Sequence[Problem]) -> ET.Element:
    suite = ET.Element("testsuite", name=clean(path), file=clean(path))
    _set_counts(suite, tests=0, failures=0)
    ET.SubElement(suite, "system-err").text = clean(
        "".join(f"error: {p}\n" for p in problems))
    return suite


def _by_file(problems: Sequence[Problem]) -> list[tuple[str, list[Problem]]]:
    grouped: dict[str, list[Problem]] = {}
    for problem in problems:
        grouped.setdefault(problem.path, []).append(problem)
    return list(grouped.items())
