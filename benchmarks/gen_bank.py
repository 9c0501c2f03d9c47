"""Generate a large, valid bank for load benchmarks (about 300 bytes per question)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

WORDS = ["业务", "用户需求", "效率", "系统安全", "权限", "审批", "退款", "客服", "质检", "下单",
         "运营支撑", "交互设计", "体验", "功能", "后台", "数据", "流程", "闭环", "框架", "运维"]


def bank_text(questions: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = [
        "id: generated-bank",
        "title: 生成的大题库",
        "language: zh",
        "version: 1",
        "synonyms:",
        "  后台: [后台, 中后台, B端, 管理后台]",
        "questions:",
    ]
    for i in range(questions):
        a, b, c = rng.sample(WORDS, 3)
        lines += [
            f"  - id: q{i:05d}",
            "    type: open",
            f"    tags: [t{i % 7}, generated]",
            f"    difficulty: {i % 3 + 1}",
            f"    prompt: 说明{a}与{b}的关系？",
            "    rubric:",
            "      points:",
            "        - id: first",
            f"          label: 提到{c}",
            "          weight: 2",
            f"          any: [{c}, \"@后台\"]",
            "        - id: second",
            "          label: 说明原因",
            f"          any: [因为, 原因, \"re:{a}.{{0,4}}{b}\"]",
        ]
    return "\n".join(lines) + "\n"


def write_bank(path: Path, questions: int = 10_000) -> Path:
    path.write_text(bank_text(questions), encoding="utf-8")
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "big.yaml")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    write_bank(target, count)
    print(f"{target}: {target.stat().st_size / 1e6:.1f} MB, {count} questions")
