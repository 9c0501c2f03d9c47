"""How often the grader agrees with a careful human on answers nobody wrote the rubric for.

Reads the blind answer sets (tests/data/blind/*.yaml unless told otherwise): YAML with a
top-level `set`, `writer`, `date` and `answers:`, a list of
`{q: BANK_ID/QUESTION_ID, kind, expect: pass|fail, answer}`. Each answer is graded with
the built-in banks (questions/) and the verdicts compared:

- agreement: the share of answers graded as the human graded them;
- false passes: answers the human failed that the grader passes, as a share of the
  should-fail answers;
- false fails: answers the human passed that the grader fails, as a share of the
  should-pass answers;

overall, per kind (paraphrase, negation, keyword-list, ...) and per bank.

    python benchmarks/agreement.py                        # every set in tests/data/blind
    python benchmarks/agreement.py --set dev-zh           # by file name or `set:` name
    python benchmarks/agreement.py some/other-set.yaml --show-disagreements
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BLIND = REPO / "tests" / "data" / "blind"
BANKS = REPO / "questions"


@dataclass(frozen=True)
class Case:
    """One blind answer and the verdict the human grader gave it."""

    set: str
    ref: str
    kind: str
    expect: str  # "pass" or "fail"
    answer: str


@dataclass(frozen=True)
class Outcome:
    case: Case
    passed: bool
    score: float
    hit: tuple[str, ...]
    penalties: tuple[str, ...]
    negated: tuple[str, ...]
    flags: tuple[str, ...]

    @property
    def agrees(self) -> bool:
        return self.passed == (self.case.expect == "pass")


def read_set(path: Path) -> tuple[str, list[Case]]:
    """The set's name and its answers; SystemExit with the reason for a malformed file."""
    import yaml

    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SystemExit(f"error: {path}: cannot read the set: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("answers"), list):
        raise SystemExit(f"error: {path}: a blind set is a mapping with an 'answers:' list")
    name = str(doc.get("set") or path.stem)
    cases = []
    for i, item in enumerate(doc["answers"]):
        if not isinstance(item, dict) or item.get("expect") not in ("pass", "fail") or not (
                isinstance(item.get("q"), str) and isinstance(item.get("answer"), str)):
            raise SystemExit(f"error: {path}: answers[{i}] needs q, kind, expect: pass|fail "
                             "and answer")
        cases.append(Case(name, item["q"], str(item.get("kind", "-")), item["expect"],
                          item["answer"]))
    return name, cases


def pick_sets(names: list[str], paths: list[str]) -> list[Path]:
    """The files to read: the paths given, the sets named, or every set in BLIND."""
    chosen = [Path(p) for p in paths]
    available = sorted(BLIND.glob("*.yaml"))
    for name in names:
        matches = [p for p in available if name in (p.stem, p.name) or _set_name(p) == name]
        if not matches:
            known = ", ".join(p.stem for p in available) or "none"
            raise SystemExit(f"error: no blind set named {name!r} in {BLIND} (there are: "
                             f"{known})")
        chosen.extend(matches)
    return chosen or available


def _set_name(path: Path) -> str | None:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("set:"):
            return line[4:].strip().strip("'\"")
    return None


def load_questions() -> dict[str, Any]:
    from pmquiz.loader import load_bank

    questions = {}
    for path in sorted(BANKS.glob("*.yaml")):
        for q in load_bank(path).questions:
            questions[q.ref] = q
    return questions


def grade_cases(cases: Iterable[Case], questions: dict[str, Any]) -> tuple[list[Outcome],
                                                                           list[Case]]:
    from pmquiz.grading import grade

    outcomes: list[Outcome] = []
    unknown: list[Case] = []
    for case in cases:
        question = questions.get(case.ref)
        if question is None:
            unknown.append(case)
            continue
        result = grade(question, case.answer)
        outcomes.append(Outcome(
            case, result.passed, result.score,
            tuple(p.id for p in result.points if p.hit),
            tuple(p.id for p in result.penalties if p.hit),
            tuple(p.id for p in result.point_results if p.negated),
            tuple(getattr(result, "flags", ())),  # older graders have none
        ))
    return outcomes, unknown


def summary_row(label: str, outcomes: list[Outcome]) -> str:
    n = len(outcomes)
    agree = sum(o.agrees for o in outcomes)
    should_fail = [o for o in outcomes if o.case.expect == "fail"]
    should_pass = [o for o in outcomes if o.case.expect == "pass"]
    false_pass = sum(o.passed for o in should_fail)
    false_fail = sum(not o.passed for o in should_pass)
    return (f"{label:<24} {n:>5} {_pct(agree, n):>9} "
            f"{false_pass:>4}/{len(should_fail):<4}{_pct(false_pass, len(should_fail)):>7} "
            f"{false_fail:>4}/{len(should_pass):<4}{_pct(false_fail, len(should_pass)):>7}")


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def report(outcomes: list[Outcome], show_disagreements: bool) -> str:
    header = (f"{'':<24} {'n':>5} {'agreement':>9} {'false passes':>16} "
              f"{'false fails':>16}")
    lines = [header, summary_row("overall", outcomes), "", "by kind"]
    for kind in sorted({o.case.kind for o in outcomes}):
        lines.append(summary_row("  " + kind, [o for o in outcomes if o.case.kind == kind]))
    lines += ["", "by bank"]
    for bank in sorted({o.case.ref.split("/")[0] for o in outcomes}):
        lines.append(summary_row("  " + bank,
                                 [o for o in outcomes if o.case.ref.split("/")[0] == bank]))
    lines += ["", "false passes are a share of the should-fail answers, false fails of the "
              "should-pass ones"]
    if show_disagreements:
        lines += ["", "disagreements"]
        for o in outcomes:
            if o.agrees:
                continue
            what = "false pass" if o.passed else "false fail"
            facts = [f"score {o.score:.2f}", "hit: " + (", ".join(o.hit) or "-")]
            if o.penalties:
                facts.append("penalties: " + ", ".join(o.penalties))
            if o.negated:
                facts.append("negated: " + ", ".join(o.negated))
            if o.flags:
                facts.append("flags: " + ", ".join(o.flags))
            lines.append(f"- {what}  {o.case.ref}  [{o.case.kind}]  {'; '.join(facts)}")
            lines.append("    " + o.case.answer.replace("\n", " ⏎ "))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="blind set files (default: every set in "
                        "tests/data/blind)")
    parser.add_argument("--set", dest="sets", action="append", default=[], metavar="NAME",
                        help="a set of tests/data/blind by file name or set name; repeatable")
    parser.add_argument("--show-disagreements", action="store_true",
                        help="list each answer graded otherwise than the human graded it")
    args = parser.parse_args(argv)
    files = pick_sets(args.sets, args.paths)
    if not files:
        print(f"error: no blind sets in {BLIND}", file=sys.stderr)
        return 2
    cases: list[Case] = []
    names = []
    for path in files:
        name, found = read_set(path)
        names.append(f"{name} ({len(found)})")
        cases.extend(found)
    outcomes, unknown = grade_cases(cases, load_questions())
    print("sets: " + ", ".join(names))
    for case in unknown:
        print(f"warning: {case.set}: no built-in question {case.ref!r}; answer skipped",
              file=sys.stderr)
    print(report(outcomes, args.show_disagreements))
    return 0


if __name__ == "__main__":
    sys.exit(main())
