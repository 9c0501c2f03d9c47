"""Grade a fixed corpus and write one canonical JSON line per grade: a grade-identity check.

A change meant to make grading faster must not change a single grade. Run this before and
after the change and compare the two files byte for byte (`cmp`): every line is the full
`pmquiz grade --json` object of one answer (plus the unrounded score), keys sorted.

The corpus, in a fixed order:
- every answer of the blind sets (tests/data/blind/*.yaml) against its own question, and
  against every other open question of its bank (other rubrics meet it there);
- every example of both built-in banks against its question;
- the throughput benchmark's generated 300-character Chinese answers (benchmarks/run.py)
  against every open question of the zh bank;
- generated 300-character English answers (sentences of the en bank's examples) against
  every open question of the en bank.

    python tools/grade_corpus.py OUT.jsonl [--answers N]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))


def _en_answers(sentences: list[str], count: int, seed: int = 1) -> list[str]:
    """300-character English answers from the given sentences, as run.py builds zh ones."""
    rng = random.Random(seed)
    answers = []
    for _ in range(count):
        text = ""
        while len(text) < 300:
            text += rng.choice(sentences) + " "
        answers.append(text[:300])
    return answers


def corpus(answers: int) -> Iterator[tuple[str, object, str]]:
    """(what, question, answer) for every grade of the corpus, in a fixed order."""
    import yaml
    from run import make_answers

    from pmquiz.loader import load_bank

    banks = {b.id: b for b in (load_bank(p) for p in sorted((REPO / "questions").glob("*.yaml")))}
    questions = {q.ref: q for b in banks.values() for q in b.questions}
    for path in sorted((REPO / "tests" / "data" / "blind").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, item in enumerate(doc["answers"]):
            own = questions[item["q"]]
            yield f"blind {path.name}[{i}]", own, item["answer"]
            for q in banks[own.bank_id].questions:
                if q.type == "open" and q is not own:
                    yield f"blind {path.name}[{i}] x {q.id}", q, item["answer"]
    for bank in banks.values():
        for q in bank.questions:
            for j, example in enumerate(q.examples):
                yield f"example {q.ref}[{j}]", q, example.answer
    zh = next(b for b in banks.values() if b.language == "zh")
    en = next(b for b in banks.values() if b.language == "en")
    for i, answer in enumerate(make_answers(answers)):
        for q in zh.questions:
            if q.type == "open":
                yield f"bench-zh[{i}]", q, answer
    sentences = sorted({s.strip() for q in en.questions for e in q.examples
                        for s in re.split(r"(?<=[.!?])\s+", e.answer) if len(s.strip()) > 20})
    for i, answer in enumerate(_en_answers(sentences, answers // 4)):
        for q in en.questions:
            if q.type == "open":
                yield f"bench-en[{i}]", q, answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--answers", type=int, default=2000,
                        help="generated zh answers (a quarter as many en ones)")
    args = parser.parse_args()
    from pmquiz.grading import grade

    n = 0
    with args.out.open("w", encoding="utf-8") as out:
        for what, question, answer in corpus(args.answers):
            result = grade(question, answer)  # type: ignore[arg-type]
            doc = result.to_json()
            doc["score_exact"] = repr(result.score)
            doc["case"] = what
            out.write(json.dumps(doc, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    print(f"{n} grades written to {args.out}")


if __name__ == "__main__":
    main()
