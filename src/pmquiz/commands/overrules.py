"""`pmquiz overrules [BANK...] [--yaml]`: the grades the user overruled, for bank authors."""

from __future__ import annotations

import sys

from pmquiz import paths
from pmquiz.catalog import Catalog
from pmquiz.i18n import Lang, t, ui_lang
from pmquiz.output import console
from pmquiz.overrules import ExampleGroup, Overrule, example_groups, find_overrules, yaml_scalar

# Where a question's `examples:` entries sit in the layout of the README and `pmquiz new`.
ENTRY_INDENT = " " * 6


def run(bank_args: list[str], as_yaml: bool, lang_option: str | None) -> None:
    from pmquiz.store import History

    catalog = Catalog.load(bank_args)
    lang = ui_lang(lang_option, tuple(b.language for b in catalog.banks))
    history = History.open(paths.history_path(), create=False)
    try:
        only = [b.id for b in catalog.banks] if bank_args else None
        found = find_overrules(history, catalog.banks, only)
    finally:
        history.close()
    if as_yaml:
        sys.stdout.write(examples_yaml(example_groups(found), lang))
        return
    from pmquiz import overrulesviews

    overrulesviews.render_overrules(console(), found, lang)


def examples_yaml(groups: list[ExampleGroup], lang: Lang) -> str:
    """Entries to paste under each question's `examples:` (the key too when it has none)."""
    if not groups:
        return t("overrules_yaml_none", lang) + "\n"
    blocks = []
    for group in groups:
        question = group.question
        where = f"{question.source_path}:{question.line}" if question.line else (
            question.source_path)
        lines = [t("overrules_yaml_head", lang, ref=question.ref, where=where)]
        indent = ENTRY_INDENT
        if not question.examples:
            lines.append(indent[:-2] + "examples:")
        for item in group.overrules:
            lines.append(f"{indent}- answer: {yaml_scalar(item.attempt.answer)}")
            lines.append(f"{indent}  expect: {item.expect}  # {_note(item, lang)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _note(item: Overrule, lang: Lang) -> str:
    graded = f"{t('pass' if item.graded_passed else 'fail', lang)} {item.attempt.score:.0%}"
    when = item.attempt.time.astimezone().strftime("%Y-%m-%d")
    return t("overrules_yaml_note", lang, graded=graded, when=when)
