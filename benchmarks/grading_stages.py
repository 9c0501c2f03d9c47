"""Where grading time goes: one 300-character zh answer, stage by stage.

Each pipeline below runs one more stage of `grade_open` than the one before, on the same
answers and questions, so a stage's cost is the difference between two pipelines (each
the best of ten interleaved bursts, as the machine may be shared):
normalise -> candidate terms -> term search -> negation -> keyword-list check -> scoring
(the rest of `grade`: building the results, the score and the verdict).

    python benchmarks/grading_stages.py [--seconds S]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

STAGES = ("normalise", "candidate terms", "term search", "negation", "keyword-list check",
          "scoring")


def _pipelines(questions: list[Any]) -> dict[str, Callable[[Any, str], object]]:
    from pmquiz.grading import AnswerText, TogetherTerm, compile_rubric, grade, is_negated
    from pmquiz.grading.lists import is_keyword_list

    def normalise(q: Any, answer: str) -> object:
        compile_rubric(q)
        return AnswerText.of(answer)

    def candidates(q: Any, answer: str) -> object:
        text = AnswerText.of(answer)
        return compile_rubric(q).candidates(text)

    def found(rubric: Any, text: Any) -> list[tuple[int, int]]:
        """Every span grading looks at, found as grading finds them: spans the
        rubric's automaton already knows, the other terms searched."""
        spans: list[tuple[int, int]] = []
        for terms in rubric.candidates(text):
            for _, term, known, pieces in terms:
                if isinstance(term, TogetherTerm):
                    for g, group in enumerate(term.groups):
                        if pieces is not None:
                            for _, member_spans in pieces[g]:
                                spans.extend(member_spans)
                        spans.extend(span for member in group
                                     if pieces is None or not member.literal
                                     for span in member.find(text))
                else:
                    spans.extend(known if known is not None else term.find(text))
        return spans

    def search(q: Any, answer: str) -> list[tuple[int, int]]:
        return found(compile_rubric(q), AnswerText.of(answer))

    def negation(q: Any, answer: str) -> object:
        rubric = compile_rubric(q)
        text = AnswerText.of(answer)
        for start, end in found(rubric, text):
            is_negated(text, start, end, rubric.cues)
        return text

    def keyword_list(q: Any, answer: str) -> object:
        text = negation(q, answer)
        return is_keyword_list(text.text)  # type: ignore[attr-defined]

    return {
        "normalise": normalise,
        "candidate terms": candidates,
        "term search": search,
        "negation": negation,
        "keyword-list check": keyword_list,
        "scoring": grade,
    }


def stage_split(seconds: float = 2.0) -> tuple[dict[str, float], float]:
    """Microseconds per answer for each stage, and whole gradings per second."""
    from run import REPO, make_answers

    from pmquiz.loader import load_bank

    bank = load_bank(REPO / "questions" / "backoffice-pm.zh.yaml")
    questions = [q for q in bank.questions if q.type == "open"]
    answers = make_answers(2000)
    pipelines = _pipelines(questions)
    for work in pipelines.values():
        for q in questions:  # warm: compile every rubric once, as a session would
            work(q, answers[0])
    # The machine may be shared: bursts of each pipeline interleaved, the best kept.
    per_answer: dict[str, float] = dict.fromkeys(pipelines, float("inf"))
    rounds = 10
    for _ in range(rounds):
        for name, work in pipelines.items():
            done = 0
            start = time.process_time()
            while time.process_time() - start < seconds / rounds:
                for _ in range(100):
                    work(questions[done % len(questions)], answers[done % len(answers)])
                    done += 1
            per_answer[name] = min(per_answer[name],
                                   (time.process_time() - start) / done * 1e6)
    cumulative = [per_answer[name] for name in STAGES]
    split = {STAGES[0]: cumulative[0]}
    for i in range(1, len(STAGES)):
        split[STAGES[i]] = max(0.0, cumulative[i] - cumulative[i - 1])
    return split, 1e6 / per_answer["scoring"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per pipeline")
    args = parser.parse_args()
    split, rate = stage_split(args.seconds)
    total = sum(split.values())
    print(f"grading: {rate:,.0f} answers/s ({total:.1f} µs per answer)")
    for name, micros in split.items():
        print(f"  {name:<20} {micros:6.1f} µs  {100 * micros / total:5.1f}%")


if __name__ == "__main__":
    main()
