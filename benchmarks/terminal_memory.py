"""Peak memory of a practice session typed at a terminal (SPEC 9: ≤ 80 MB).

The piped session never loads the line editor; this one runs `pmquiz practice` in a
pseudo-terminal (pexpect, from the test extras) and pastes a long answer into each open
question, so prompt_toolkit and its rendering of a big buffer are in the figure.
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path

ANSWER = "。".join(["产品经理要理解业务，洞察用户需求，形成业务闭环"] * 400)  # ~9 000 chars


def peak_mb(home: Path, questions: int = 10) -> float:
    import pexpect

    env = {k: v for k, v in os.environ.items() if not k.startswith("PMQUIZ_")}
    env.update({"PMQUIZ_HOME": str(home), "TERM": "xterm-256color", "LANG": "C.UTF-8",
                "PROMPT_TOOLKIT_NO_CPR": "1"})
    child = pexpect.spawn(sys.executable, ["-m", "pmquiz", "practice", "backoffice-pm-zh",
                                           "--count", str(questions), "--seed", "3"],
                          env=env, encoding="utf-8", timeout=60, dimensions=(40, 80))
    for _ in range(questions):
        child.expect_exact("\x1b[?2004h")  # the editor is reading
        child.send(f"\x1b[200~{ANSWER}\n\n{ANSWER}\x1b[201~\r\r")
        reply = child.expect(["回车继续", "没有看懂这个选择", "没有看懂：请输入"])
        if reply:  # a choice or true/false question: a one-line answer
            child.expect_exact("\x1b[?2004h")
            child.send(("A" if reply == 1 else "对") + "\r")
            child.expect("回车继续")
        child.send("\r")
    child.expect(pexpect.EOF)
    child.close()
    # This process's only child: run it on its own (`python terminal_memory.py`).
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        figure = peak_mb(Path(folder))
    if "--mb" in sys.argv:
        print(f"{figure:.1f}")
    else:
        print(f"peak memory, terminal practice session: {figure:.0f} MB")
