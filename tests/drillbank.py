"""The drill bank the terminal tests practise on: `count` open questions in Chinese,
each passed by 理解业务 or 洞察业务, with a hint and a reference."""

from __future__ import annotations

from pathlib import Path

BANK = """\
id: drill
title: 练习题
language: zh
questions:
{questions}
"""
OPEN_QUESTION = """\
  - id: {qid}
    type: open
    prompt: 第{n}题：产品经理最重要的能力是什么？
    hint: 想想面试官的回应。
    reference: 以洞察业务为基础。
    rubric:
      points:
        - id: business
          label: 以洞察业务为基础
          any: [理解业务, 洞察业务]
"""


def write_drill_bank(folder: Path, count: int = 3) -> Path:
    questions = "".join(OPEN_QUESTION.format(qid=f"q{i}", n=i) for i in range(1, count + 1))
    path = folder / "drill.zh.yaml"
    path.write_text(BANK.format(questions=questions), encoding="utf-8")
    return path
