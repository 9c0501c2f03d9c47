"""Anki packages of the banks' questions (`pmquiz export anki`, SPEC 11).

One note per question on a note model of our own, one deck per bank under `pmquiz::`, the
question's tags as Anki tags. Everything Anki matches on is derived from names that do not
change: the model id is a constant, a deck's id comes from its bank id and a note's GUID
from `BANK_ID/QUESTION_ID`, so importing a newer export into Anki updates the notes instead
of adding copies. With the same timestamp, two exports of the same banks are the same
bytes.

Bank text is escaped everywhere; prompts and reference answers are rendered from Markdown
with raw HTML and images turned off, so a bank cannot put markup, scripts or remote images
into a deck. genanki and markdown-it are imported only when a deck is written.
"""

from __future__ import annotations

import hashlib
import html
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pmquiz.model import Bank, Question

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# Never change these: Anki knows notes made by earlier exports by them.
MODEL_ID = 1817773262  # 2**30 + sha256("pmquiz question model") mod 2**30
MODEL_NAME = "pmquiz question"
DECK_PARENT = "pmquiz"
FIELDS = ("Prompt", "Options", "Answer", "Points", "Ref")

FRONT = """\
<div class="pmquiz-prompt">{{Prompt}}</div>
{{#Options}}<div class="pmquiz-options">{{Options}}</div>{{/Options}}"""

BACK = """\
{{FrontSide}}
<hr id="answer">
<div class="pmquiz-answer">{{Answer}}</div>
{{#Points}}<div class="pmquiz-points">{{Points}}</div>{{/Points}}
<div class="pmquiz-ref">{{Ref}}</div>"""

CSS = """\
.card { font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei",
        sans-serif; font-size: 18px; line-height: 1.6; text-align: left;
        max-width: 40em; margin: 0 auto; }
.pmquiz-options div { margin: .2em 0; }
.pmquiz-answer h4, .pmquiz-points h4 { margin: .8em 0 .2em; font-size: .8em;
        text-transform: uppercase; letter-spacing: .05em; opacity: .7; }
.pmquiz-points ul { margin: .2em 0; padding-left: 1.4em; }
.pmquiz-ref { margin-top: 1.2em; font-size: .75em; opacity: .6; }
"""


@dataclass(frozen=True)
class Headings:
    """The words on the back of a card, in the bank's language."""

    reference: str
    points: str
    penalties: str
    required: str
    correct: str
    true: str
    false: str


@dataclass(frozen=True)
class PackageSummary:
    notes: int
    decks: int


def note_guid(ref: str) -> str:
    """A note's GUID: genanki's hash of `BANK_ID/QUESTION_ID`, so it never changes."""
    import genanki

    return str(genanki.guid_for(ref))


def deck_id(bank_id: str) -> int:
    """A deck's id, stable per bank id, in the range genanki recommends (2**30 to 2**31)."""
    digest = hashlib.sha256(f"pmquiz deck {bank_id}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def anki_tag(tag: str) -> str:
    """An Anki tag for a bank tag: Anki splits tags at white space, so runs of it become
    `_`; control characters are dropped."""
    cleaned = "".join(ch for ch in tag if ch.isprintable() or ch.isspace())
    return "_".join(cleaned.split())


def deck_names(banks: Sequence[Bank]) -> dict[str, str]:
    """`pmquiz::TITLE` per bank id; a title two banks share gets the bank id added."""
    def title(bank: Bank) -> str:
        text = " ".join(_visible(bank.title).split()).replace("::", ":") or bank.id
        return f"{DECK_PARENT}::{text}"

    names = [title(b) for b in banks]
    return {b.id: name if names.count(name) == 1 else f"{name} ({b.id})"
            for b, name in zip(banks, names, strict=True)}


def note_fields(question: Question, headings: Headings) -> list[str]:
    """The HTML of each field of FIELDS for one question."""
    prompt = markdown_html(question.prompt)
    options = "".join(
        f"<div><b>{_esc(key)}.</b> {_esc(text)}</div>" for key, text in question.options.items())
    answer = ""
    points = ""
    if question.type == "choice" and isinstance(question.answer, tuple):
        chosen = "".join(
            f"<div><b>{_esc(key)}.</b> {_esc(question.options.get(key, ''))}</div>"
            for key in question.answer)
        answer = f"<h4>{_esc(headings.correct)}</h4>{chosen}"
    elif question.type == "truefalse" and isinstance(question.answer, bool):
        word = headings.true if question.answer else headings.false
        answer = f"<h4>{_esc(headings.correct)}</h4><div>{_esc(word)}</div>"
    if question.reference:
        answer += f"<h4>{_esc(headings.reference)}</h4>{markdown_html(question.reference)}"
    rubric = question.rubric
    if rubric.points:
        items = "".join(
            f"<li>{_esc(p.label)}"
            + (f" <i>({_esc(headings.required)})</i>" if p.required else "") + "</li>"
            for p in rubric.points)
        points = f"<h4>{_esc(headings.points)}</h4><ul>{items}</ul>"
    if rubric.penalties:
        items = "".join(f"<li>{_esc(p.label)}</li>" for p in rubric.penalties)
        points += f"<h4>{_esc(headings.penalties)}</h4><ul>{items}</ul>"
    return [prompt, options, answer, points, _esc(question.ref)]


def markdown_html(text: str) -> str:
    """Markdown to HTML with raw HTML shown as text and no images (CommonMark + tables)."""
    from pmquiz.views import markdown_text

    rendered: str = _markdown().render(markdown_text(_visible(text)))
    return rendered.strip()


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # "html": False escapes any HTML in the bank; links keep markdown-it's own check,
    # which refuses javascript:, vbscript:, file: and data: addresses.
    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    parser.disable("image")
    return parser


def write_package(banks: Sequence[Bank], headings: Callable[[Bank], Headings], target: Path,
                  timestamp: datetime) -> PackageSummary:
    """Write the .apkg of `banks` to `target` (replaced whole, never left half-written).

    `timestamp` is the notes' modification time: Anki updates a note it already has when
    the incoming one is newer. A target not named `.apkg` is refused before anything is
    written: Anki takes any other file for a text import and fails on it.
    """
    if target.suffix.lower() != ".apkg":
        from pmquiz.errors import UsageError

        raise UsageError(f"{target}: an Anki deck file name must end in .apkg",
                         "Anki knows a deck by its .apkg name: write e.g. -o pmquiz.apkg.",
                         key="err_anki_suffix", hint_key="err_anki_suffix_hint",
                         values={"path": str(target)})
    import genanki

    model = genanki.Model(
        MODEL_ID, MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "pmquiz", "qfmt": FRONT, "afmt": BACK}],
        css=CSS, sort_field_index=0)
    names = deck_names(banks)
    decks = []
    notes = 0
    for bank in banks:
        deck = genanki.Deck(deck_id(bank.id), names[bank.id], description=_esc(bank.id))
        deck.add_model(model)
        words = headings(bank)
        for question in bank.questions:
            tags = sorted({anki_tag(t) for t in question.tags} - {""})
            deck.add_note(genanki.Note(model=model, fields=note_fields(question, words),
                                       tags=tags, guid=note_guid(question.ref)))
            notes += 1
        decks.append(deck)
    seconds = timestamp.timestamp()
    _write_apkg(genanki.Package(decks), target, seconds)
    return PackageSummary(notes=notes, decks=len(decks))


def _write_apkg(package: Any, target: Path, seconds: float) -> None:
    """genanki's collection, zipped with fixed entry dates, then moved onto `target`."""
    import itertools

    from pmquiz.atomicfile import replacing

    with tempfile.TemporaryDirectory(prefix="pmquiz-anki-") as scratch:
        collection = Path(scratch) / "collection.anki2"
        conn = sqlite3.connect(collection)
        try:
            package.write_to_db(conn.cursor(), seconds, itertools.count(int(seconds * 1000)))
            conn.commit()
        finally:
            conn.close()
        # Zip dates start in 1980.
        stamp = datetime.fromtimestamp(max(seconds, 315532800), UTC).timetuple()[:6]
        with replacing(target) as partial, zipfile.ZipFile(partial, "w") as archive:
            for name, data in (("collection.anki2", collection.read_bytes()),
                               ("media", b"{}")):
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)


def _visible(text: str) -> str:
    """Control characters as visible symbols (the loader refuses them; this is a backstop)."""
    from pmquiz.views import visible

    return visible(text)


def _esc(text: str) -> str:
    return html.escape(_visible(text), quote=True)
