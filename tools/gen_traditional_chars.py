"""Regenerate src/pmquiz/data/traditional.txt: every character OpenCC t2s changes.

pmquiz calls OpenCC only for text that holds one of these characters, so a Simplified
or English answer never pays for loading it. Run after upgrading opencc; a test checks
that the shipped list matches the installed OpenCC.
"""

from __future__ import annotations

from pathlib import Path

RANGES = [(0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
          (0xFF00, 0xFFEF), (0x20000, 0x2FA1F)]
TARGET = Path(__file__).resolve().parents[1] / "src" / "pmquiz" / "data" / "traditional.txt"


def changed_characters() -> str:
    import opencc

    converter = opencc.OpenCC("t2s")
    chars = (chr(i) for start, end in RANGES for i in range(start, end + 1))
    return "".join(ch for ch in chars if converter.convert(ch) != ch)


if __name__ == "__main__":
    text = changed_characters()
    TARGET.write_text(text + "\n", encoding="utf-8")
    print(f"{TARGET.name}: {len(text)} characters")
