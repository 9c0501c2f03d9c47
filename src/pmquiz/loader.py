"""YAML bank file -> `Bank`, refusing bad files with every problem named.

PyYAML's C parser composes the file into nodes (which carry line numbers); the model is
built straight from those nodes. That skips PyYAML's Python constructor, which is both the
slow half of `yaml.load` and the part that silently drops duplicate keys, turns `no` into
False and expands aliases.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pmquiz.bankfile import read_bank_bytes
from pmquiz.errors import BankError, Problem
from pmquiz.model import (
    DEFAULT_THRESHOLD,
    QUESTION_TYPES,
    Bank,
    Example,
    Point,
    Question,
    QuestionType,
    Rubric,
    Term,
)

MAX_PATTERN_CHARS = 500
ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
LANGUAGE_RE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*\Z")
OPTION_KEY_RE = re.compile(r"[A-Z]\Z")

STR = "tag:yaml.org,2002:str"
_TAG_NAMES = {
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "empty (null)",
    "tag:yaml.org,2002:timestamp": "a date",
}

BANK_KEYS = (
    "id", "title", "language", "version", "source", "threshold", "synonyms",
    "negation_cues", "description", "questions",
)
QUESTION_KEYS = (
    "id", "type", "tags", "difficulty", "prompt", "hint", "reference", "rubric",
    "options", "answer", "examples", "lists",
)
RUBRIC_KEYS = ("threshold", "points", "penalties")
POINT_KEYS = ("id", "label", "weight", "required", "any", "all", "negatable")
EXAMPLE_KEYS = ("answer", "expect", "score")
TOGETHER_KEYS = ("together",)

T = TypeVar("T")


def _yaml() -> Any:
    import yaml

    return yaml


def decode_bank(data: bytes, shown: str) -> str:
    """The bank's text, naming the first byte that is not UTF-8 (or UTF-16, if it is)."""
    from pmquiz.bankfile import encoding_problem

    encoding = encoding_problem(data)
    if encoding is not None:
        raise BankError([Problem(shown, None, encoding)])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise BankError([Problem(
            shown, line,
            f"not valid UTF-8 at byte offset {exc.start} (byte 0x{data[exc.start]:02x}); "
            "save the bank as UTF-8.",
        )]) from None


def compose(text: str, shown: str) -> Any:
    """Compose YAML text into a node tree with the C parser when available."""
    yaml = _yaml()
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        loader = loader_cls(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        context = exc.context
        start = exc.context_mark
        if context and start is not None and mark is not None and start.line != mark.line:
            context = f"{context} (started at line {start.line + 1}, column {start.column + 1})"
        message = " ".join(
            str(part) for part in (context, exc.problem) if part
        ) or "invalid YAML"
        if mark is None:
            raise BankError([Problem(shown, None, f"YAML syntax error: {message}")]) from None
        from pmquiz.yamlhints import syntax_hint

        hint = syntax_hint(text, mark.line, mark.column, str(exc.problem or ""))
        raise BankError([Problem(
            shown, mark.line + 1, f"YAML syntax error: {message}" + (f"; {hint}" if hint else ""),
            column=mark.column + 1,
        )]) from None
    except yaml.reader.ReaderError as exc:
        from pmquiz.yamlhints import control_character_message

        line, column, what = control_character_message(
            text, exc.position, loader_cls is not yaml.SafeLoader, exc.character)
        raise BankError([Problem(shown, line, what, column=column)]) from None
    except yaml.YAMLError as exc:
        raise BankError([Problem(shown, None, f"YAML error: {exc}")]) from None


def load_bank(path: Path) -> Bank:
    """Load and validate one bank file; raise BankError listing every problem."""
    return build_bank(path, read_bank_bytes(path))


def build_bank(path: Path, data: bytes) -> Bank:
    """Validate a bank file's bytes into a Bank (no cache involved)."""
    from pmquiz.gcpause import gc_paused

    shown = str(path)
    with gc_paused():  # no cycles are made here; see gcpause (SPEC 9: cold load)
        root = compose(decode_bank(data, shown), shown)
        return _BankBuilder(path, shown).build(root)


def validate_pattern(pattern: str, budget: Any = None) -> str | None:
    """Why an `re:` pattern is unusable, or None when RE2 compiles it within its memory
    budget (and within the bank's total, when `budget`, a BankRegexBudget, is given)."""
    if len(pattern) > MAX_PATTERN_CHARS:
        return f"pattern is {len(pattern)} characters; the limit is {MAX_PATTERN_CHARS}"
    if not pattern:
        return "empty pattern"
    from pmquiz.regex import BankRegexBudget

    return (budget if budget is not None else BankRegexBudget()).check(pattern)


class _BankBuilder:
    """Walks the composed nodes once, collecting every problem and building the model."""

    def __init__(self, path: Path, shown: str) -> None:
        self.path = path
        self.shown = shown
        self.problems: list[Problem] = []
        self._seen_nodes: set[int] = set()
        self._yaml = _yaml()
        self._constructor = self._yaml.constructor.SafeConstructor()
        self._regex_budget: Any = None  # a BankRegexBudget, made at the first `re:` term

    # -- reporting -----------------------------------------------------------------

    def error(self, node: Any, where: str, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else None
        self.problems.append(Problem(self.shown, line, f"{where}: {message}" if where else message))

    # -- node access ---------------------------------------------------------------

    def _visit(self, node: Any, where: str) -> bool:
        """False (and an error) when a node is reached twice: that is a YAML alias."""
        key = id(node)
        if key in self._seen_nodes:
            self.error(node, where, "YAML aliases (*name) are not allowed in banks: this "
                       f"repeats the value anchored (&name) at line {node.start_mark.line + 1}; "
                       "write the value out in full.")
            return False
        self._seen_nodes.add(key)
        return True

    def _report_unvisited_alias(self, root: Any) -> None:
        """Name an alias even where validation never looked (under an unknown key).

        Aliases met while building are reported with their path by `_visit`; an invalid
        file may hold others in parts never visited. One walk that never enters a node
        twice finds them without expanding anything.
        """
        if any("YAML aliases" in p.message for p in self.problems):
            return
        seen: set[int] = set()
        stack = [root]
        while stack:
            node = stack.pop()
            if id(node) in seen:
                self.error(node, "", "YAML aliases (*name) are not allowed in banks: the "
                           f"value anchored (&name) at line {node.start_mark.line + 1} is "
                           "repeated; write the value out in full.")
                return
            seen.add(id(node))
            if isinstance(node, self._yaml.MappingNode):
                stack.extend(item for pair in node.value for item in pair)
            elif isinstance(node, self._yaml.SequenceNode):
                stack.extend(node.value)

    def mapping(
        self, node: Any, where: str, allowed: tuple[str, ...] | None
    ) -> dict[str, tuple[Any, Any]] | None:
        """A mapping's entries by key, with (key node, value node); None when not a mapping."""
        if not self._visit(node, where):
            return None
        if not isinstance(node, self._yaml.MappingNode):
            self.error(node, where, f"must be a mapping (key: value), not {self._kind(node)}")
            return None
        entries: dict[str, tuple[Any, Any]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, self._yaml.ScalarNode):
                self.error(key_node, where, "keys must be plain text")
                continue
            key = key_node.value
            if key in entries:
                first_mark, again = entries[key][0].start_mark, key_node.start_mark
                if first_mark.line == again.line:  # a flow mapping: {id: a, id: b}
                    self.problems.append(Problem(
                        self.shown, again.line + 1,
                        _at(where, f"duplicate key '{key}' (first at column "
                            f"{first_mark.column + 1}, again at column {again.column + 1} "
                            "of this line); keep one."),
                        column=again.column + 1))
                    continue
                self.error(
                    key_node, where,
                    f"duplicate key '{key}' (first at line {first_mark.line + 1}, again at "
                    f"line {again.line + 1}); keep one.",
                )
                continue
            if allowed is not None and key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else (
                    f"; allowed keys: {', '.join(allowed)}")
                self.error(key_node, _join(where, key), f"unknown key '{key}'{hint}")
                continue
            entries[key] = (key_node, value_node)
        return entries

    def sequence(self, node: Any, where: str) -> list[Any] | None:
        if not self._visit(node, where):
            return None
        if not isinstance(node, self._yaml.SequenceNode):
            self.error(node, where, f"must be a list, not {self._kind(node)}")
            return None
        return list(node.value)

    def text(self, node: Any, where: str, *, allow_empty: bool = False) -> str | None:
        if not self._visit(node, where):
            return None
        if not isinstance(node, self._yaml.ScalarNode):
            self.error(node, where, f"must be text, not {self._kind(node)}")
            return None
        if node.tag != STR:
            what = _TAG_NAMES.get(node.tag, "a non-text value")
            self.error(
                node, where,
                f"must be text, but YAML reads {node.value!r} as {what}; "
                f"quote it: \"{node.value}\"",
            )
            return None
        value: str = node.value
        if not allow_empty and not value.strip():
            self.error(node, where, "must not be empty")
            return None
        return value

    def number(self, node: Any, where: str) -> float | None:
        if not self._visit(node, where):
            return None
        if isinstance(node, self._yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:int":
                return float(self._constructor.construct_yaml_int(node))
            if node.tag == "tag:yaml.org,2002:float":
                value = float(self._constructor.construct_yaml_float(node))
                if math.isfinite(value):
                    return value
                self.error(node, where, f"must be a finite number, not {node.value!r}")
                return None
            self.error(node, where, f"must be a number, not {node.value!r}"
                       f"{_percent_text_hint(node.value)}")
            return None
        self.error(node, where, f"must be a number, not {self._kind(node)}")
        return None

    def integer(self, node: Any, where: str) -> int | None:
        if not self._visit(node, where):
            return None
        if isinstance(node, self._yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int":
            return int(self._constructor.construct_yaml_int(node))
        self.error(node, where, f"must be a whole number, not {self._shown(node)}")
        return None

    def boolean(self, node: Any, where: str) -> bool | None:
        if not self._visit(node, where):
            return None
        if isinstance(node, self._yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool":
            return bool(self._constructor.construct_yaml_bool(node))
        self.error(node, where, f"must be true or false, not {self._shown(node)}")
        return None

    def ident(self, node: Any, where: str) -> str | None:
        value = self.text(node, where)
        if value is not None and not ID_RE.match(value):
            self.error(node, where, f"'{value}' is not a valid id: use lower-case letters, "
                       "digits and '-', starting with a letter or digit")
            return None
        return value

    def text_list(self, node: Any, where: str) -> list[tuple[str, Any]]:
        items = self.sequence(node, where)
        if items is None:
            return []
        out = []
        for i, item in enumerate(items):
            value = self.text(item, f"{where}[{i}]")
            if value is not None:
                out.append((value, item))
        return out

    def _kind(self, node: Any) -> str:
        if isinstance(node, self._yaml.MappingNode):
            return "a mapping"
        if isinstance(node, self._yaml.SequenceNode):
            return "a list"
        return f"{_TAG_NAMES.get(node.tag, 'text')} {_short(node.value)!r}"

    def _shown(self, node: Any) -> str:
        """A node as an error message names it: a scalar's value, else its kind."""
        if isinstance(node, self._yaml.ScalarNode):
            return repr(_short(node.value))
        return self._kind(node)

    # -- the bank ------------------------------------------------------------------

    def build(self, root: Any) -> Bank:
        if root is None:
            raise BankError([Problem(self.shown, None, "the file is empty; a bank needs id, "
                                     "title, language and questions")])
        entries = self.mapping(root, "", BANK_KEYS)
        if entries is None:
            raise BankError(self.problems)

        bank_id = self._required(entries, "id", root, "", self.ident)
        title = self._required(entries, "title", root, "", self.text)
        language = self._required(entries, "language", root, "", self.text)
        if language is not None and not LANGUAGE_RE.match(language):
            self.error(entries["language"][1], "language",
                       f"'{language}' is not a language tag such as zh, zh-Hant or en")
        version = self._optional(entries, "version", "", self.integer, 1)
        threshold = self._threshold(entries, "") or DEFAULT_THRESHOLD
        if "description" in entries:
            self.text(entries["description"][1], "description", allow_empty=True)
        source = self._source(entries)
        synonyms, synonym_lines = self._synonyms(entries)
        cues: tuple[str, ...] = ()
        if "negation_cues" in entries:
            cues = tuple(v for v, _ in self.text_list(entries["negation_cues"][1], "negation_cues"))

        questions: list[Question] = []
        if "questions" not in entries:
            self.error(root, "", "missing required key 'questions'")
        else:
            items = self.sequence(entries["questions"][1], "questions") or []
            if not items and isinstance(entries["questions"][1], self._yaml.SequenceNode):
                self.error(entries["questions"][1], "questions",
                           "a bank needs at least one question")
            first_seen: dict[str, int] = {}
            for i, item in enumerate(items):
                question = self._question(
                    item, f"questions[{i}]", bank_id or "", threshold, synonyms, cues
                )
                if question is None:
                    continue
                if question.id in first_seen:
                    self.error(item, f"questions[{i}].id",
                               f"duplicate question id '{question.id}' (first at line "
                               f"{first_seen[question.id]}, again at line {question.line}); "
                               "ids must be unique in a bank")
                    continue
                first_seen[question.id] = question.line or 0
                questions.append(question)

        if self.problems:
            self._report_unvisited_alias(root)
            raise BankError(self.problems)
        assert bank_id is not None and title is not None and language is not None
        return Bank(
            id=bank_id, title=title, language=language, path=self.path,
            version=version if version is not None else 1, threshold=threshold,
            source=source, synonyms=synonyms, synonym_lines=synonym_lines,
            negation_cues=cues, questions=tuple(questions),
        )

    def _required(
        self, entries: dict[str, tuple[Any, Any]], key: str, parent: Any, where: str,
        read: Callable[[Any, str], T | None],
    ) -> T | None:
        if key not in entries:
            self.error(parent, where, f"missing required key '{key}'")
            return None
        return read(entries[key][1], _join(where, key))

    def _optional(
        self, entries: dict[str, tuple[Any, Any]], key: str, where: str,
        read: Callable[[Any, str], T | None], default: T,
    ) -> T | None:
        if key not in entries:
            return default
        return read(entries[key][1], _join(where, key))

    def _threshold(self, entries: dict[str, tuple[Any, Any]], where: str) -> float | None:
        if "threshold" not in entries:
            return None
        node = entries["threshold"][1]
        value = self.number(node, _join(where, "threshold"))
        if value is not None and not 0 < value <= 1:
            self.error(node, _join(where, "threshold"),
                       f"must be a number above 0 and at most 1, not {node.value}"
                       f"{_percent_hint(value)}")
            return None
        return value

    def _source(self, entries: dict[str, tuple[Any, Any]]) -> dict[str, str]:
        if "source" not in entries:
            return {}
        fields = self.mapping(entries["source"][1], "source", None) or {}
        out: dict[str, str] = {}
        for key, (_, value) in fields.items():
            if isinstance(value, self._yaml.ScalarNode) and self._visit(value, f"source.{key}"):
                out[key] = value.value
            else:
                self.error(value, f"source.{key}", "must be a single value")
        return out

    def _synonyms(
        self, entries: dict[str, tuple[Any, Any]]
    ) -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
        if "synonyms" not in entries:
            return {}, {}
        groups = self.mapping(entries["synonyms"][1], "synonyms", None) or {}
        out: dict[str, tuple[str, ...]] = {}
        lines: dict[str, int] = {}
        for name, (key_node, value) in groups.items():
            where = f"synonyms.{name}"
            members = [v for v, _ in self.text_list(value, where)]
            for member in members:
                if member.startswith(("@", "re:")):
                    self.error(value, where, f"'{member}': synonym members are plain phrases "
                               "(no @group or re: inside a group)")
                elif invisible(member):
                    self.error(value, where, f"{member!r} has no visible character (only "
                               "blanks or zero-width characters): remove it")
            if isinstance(value, self._yaml.SequenceNode) and not value.value:
                self.error(value, where, "a synonym group needs at least one member")
            out[name] = tuple(members)
            lines[name] = key_node.start_mark.line + 1
        return out, lines

    # -- questions -----------------------------------------------------------------

    def _question(
        self, node: Any, where: str, bank_id: str, bank_threshold: float,
        synonyms: dict[str, tuple[str, ...]], cues: tuple[str, ...],
    ) -> Question | None:
        entries = self.mapping(node, where, QUESTION_KEYS)
        if entries is None:
            return None
        before = len(self.problems)
        qid = self._required(entries, "id", node, where, self.ident)
        qtype_text = self._required(entries, "type", node, where, self.text)
        qtype: QuestionType | None = None
        if qtype_text is not None:
            if qtype_text in QUESTION_TYPES:
                qtype = QUESTION_TYPES[QUESTION_TYPES.index(qtype_text)]
            else:
                close = difflib.get_close_matches(qtype_text, QUESTION_TYPES, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                self.error(entries["type"][1], _join(where, "type"),
                           f"{qtype_text!r} is not one of open, choice, truefalse{hint}")
        prompt = self._required(entries, "prompt", node, where, self.text)
        tags: tuple[str, ...] = ()
        if "tags" in entries:
            tags = tuple(v for v, _ in self.text_list(entries["tags"][1], _join(where, "tags")))
        difficulty = self._optional(entries, "difficulty", where, self.integer, 1)
        if difficulty is not None and not 1 <= difficulty <= 3:
            self.error(entries["difficulty"][1], _join(where, "difficulty"),
                       f"must be 1 (easy), 2 or 3 (hard), not {difficulty}")
        hint_text = self._optional_text(entries, "hint", where)
        reference = self._optional_text(entries, "reference", where)

        rubric = Rubric()
        options: dict[str, str] = {}
        answer: tuple[str, ...] | bool | None = None
        if qtype == "open":
            for key in ("options", "answer"):
                if key in entries:
                    self.error(entries[key][0], _join(where, key),
                               f"open questions have no '{key}'; grade them with a rubric")
            if "rubric" not in entries:
                self.error(node, where, "an open question needs a 'rubric' with points")
            else:
                owner = f"question '{qid}'" if qid is not None else ""
                rubric = self._rubric(entries["rubric"][1], _join(where, "rubric"), synonyms,
                                      owner)
        elif qtype == "choice":
            options = self._options(entries, node, where)
            answer = self._choice_answer(entries, node, where, options)
        elif qtype == "truefalse":
            if "options" in entries:
                self.error(entries["options"][0], _join(where, "options"),
                           "true/false questions have no 'options'; use type: choice")
            if "answer" not in entries:
                self.error(node, where, "a true/false question needs 'answer: true' or 'false'")
            else:
                answer = self.boolean(entries["answer"][1], _join(where, "answer"))
        if qtype in ("choice", "truefalse") and "rubric" in entries:
            self.error(entries["rubric"][0], _join(where, "rubric"),
                       f"{qtype} questions are graded by 'answer', not a rubric")
        lists = self._optional(entries, "lists", where, self.boolean, False)
        if "lists" in entries and qtype in ("choice", "truefalse"):
            self.error(entries["lists"][0], _join(where, "lists"),
                       f"{qtype} questions have no 'lists'; it is for open questions whose "
                       "prompt asks to name things")
        examples: tuple[Example, ...] = ()
        if "examples" in entries:
            examples = self._examples(entries["examples"][1], _join(where, "examples"))

        if len(self.problems) > before or qid is None or qtype is None or prompt is None:
            return None
        threshold = rubric.threshold if rubric.threshold is not None else bank_threshold
        return Question(
            bank_id=bank_id, id=qid, type=qtype, prompt=prompt, tags=tags,
            difficulty=difficulty or 1, hint=hint_text, reference=reference, rubric=rubric,
            threshold=threshold, options=options, answer=answer, examples=examples,
            synonyms=synonyms, negation_cues=cues, line=node.start_mark.line + 1,
            source_path=self.shown, lists=bool(lists),
        )

    def _optional_text(self, entries: dict[str, tuple[Any, Any]], key: str, where: str
                       ) -> str | None:
        if key not in entries:
            return None
        node = entries[key][1]
        if isinstance(node, self._yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return None
        return self.text(node, _join(where, key))

    def _options(self, entries: dict[str, tuple[Any, Any]], node: Any, where: str
                 ) -> dict[str, str]:
        if "options" not in entries:
            self.error(node, where, "a choice question needs 'options' such as {A: ..., B: ...}")
            return {}
        opt_where = _join(where, "options")
        fields = self.mapping(entries["options"][1], opt_where, None) or {}
        options: dict[str, str] = {}
        for key, (key_node, value) in fields.items():
            if key_node.tag != STR:
                self.error(key_node, opt_where, f"option key {key!r} must be text; quote it")
                continue
            if not OPTION_KEY_RE.match(key):
                self.error(key_node, f"{opt_where}.{key}",
                           "option keys are single capital letters A-Z")
                continue
            text = self.text(value, f"{opt_where}.{key}")
            if text is not None:
                options[key] = text
        if isinstance(entries["options"][1], self._yaml.MappingNode) and len(fields) < 2:
            self.error(entries["options"][1], opt_where,
                       "a choice question needs two options or more")
        return options

    def _choice_answer(self, entries: dict[str, tuple[Any, Any]], node: Any, where: str,
                       options: dict[str, str]) -> tuple[str, ...] | None:
        if "answer" not in entries:
            self.error(node, where, "a choice question needs 'answer', e.g. [A, C]")
            return None
        answer_node = entries["answer"][1]
        ans_where = _join(where, "answer")
        if isinstance(answer_node, self._yaml.SequenceNode):
            keys = [v for v, _ in self.text_list(answer_node, ans_where)]
        else:
            single = self.text(answer_node, ans_where)
            keys = [single] if single is not None else []
        if not keys:
            self.error(answer_node, ans_where, "name at least one option")
            return None
        for key in keys:
            if options and key not in options:
                self.error(answer_node, ans_where,
                           f"'{key}' is not one of the options ({', '.join(options)})")
        if len(set(keys)) != len(keys):
            twice = sorted({k for k in keys if keys.count(k) > 1})
            self.error(answer_node, ans_where, f"option '{twice[0]}' is listed twice")
        return tuple(sorted(set(keys)))

    def _rubric(self, node: Any, where: str, synonyms: dict[str, tuple[str, ...]],
                owner: str = "") -> Rubric:
        entries = self.mapping(node, where, RUBRIC_KEYS)
        if entries is None:
            return Rubric()
        threshold = self._threshold(entries, where)
        points: list[Point] = []
        penalties: list[Point] = []
        ids: dict[str, int] = {}
        if "points" not in entries:
            self.error(node, where, "missing required key 'points'")
        for key, bucket in (("points", points), ("penalties", penalties)):
            if key not in entries:
                continue
            items = self.sequence(entries[key][1], _join(where, key))
            if items is None:
                continue
            if key == "points" and not items:
                self.error(entries[key][1], _join(where, key), "a rubric needs at least one point")
            for i, item in enumerate(items):
                point = self._point(item, f"{where}.{key}[{i}]", synonyms, owner)
                if point is None:
                    continue
                if point.id in ids:
                    self.error(item, f"{where}.{key}[{i}].id",
                               f"duplicate point id '{point.id}' (first at line {ids[point.id]})")
                    continue
                ids[point.id] = point.line or 0
                bucket.append(point)
        return Rubric(points=tuple(points), penalties=tuple(penalties), threshold=threshold)

    def _point(self, node: Any, where: str, synonyms: dict[str, tuple[str, ...]],
               owner: str = "") -> Point | None:
        entries = self.mapping(node, where, POINT_KEYS)
        if entries is None:
            return None
        before = len(self.problems)
        pid = self._required(entries, "id", node, where, self.ident)
        label = self._optional(entries, "label", where, self.text, pid)  # the id shows
        weight = self._optional(entries, "weight", where, self.number, 1.0)
        if weight is not None and weight <= 0:
            self.error(entries["weight"][1], _join(where, "weight"),
                       f"must be a positive number, not {entries['weight'][1].value}")
        required = self._optional(entries, "required", where, self.boolean, False)
        negatable = self._optional(entries, "negatable", where, self.boolean, True)
        terms: dict[str, tuple[Term, ...]] = {"any": (), "all": ()}
        for key in ("any", "all"):
            if key in entries:
                value_node = entries[key][1]
                point_owner = ", ".join(
                    part for part in (owner, f"point '{pid}'" if pid else "") if part)
                terms[key] = self._terms(value_node, _join(where, key), synonyms, point_owner)
                if isinstance(value_node, self._yaml.SequenceNode) and not value_node.value:
                    self.error(value_node, _join(where, key), "needs at least one term")
        if "any" not in entries and "all" not in entries:
            self.error(node, where, "needs 'any' or 'all' with the terms that hit it")
        if len(self.problems) > before or pid is None:
            return None
        return Point(
            id=pid, label=label or pid, weight=weight or 1.0, required=bool(required),
            any=terms["any"], all=terms["all"], negatable=negatable is not False,
            line=node.start_mark.line + 1,
        )

    def _terms(self, node: Any, where: str, synonyms: dict[str, tuple[str, ...]],
               owner: str = "") -> tuple[Term, ...]:
        """The terms of `any`/`all`; `owner` names the question and point for messages."""
        out: list[Term] = []
        in_owner = f" ({owner})" if owner else ""
        for i, item in enumerate(self.sequence(node, where) or []):
            term_where = f"{where}[{i}]"
            if isinstance(item, self._yaml.MappingNode):
                together = self._together(item, term_where, synonyms, in_owner)
                if together is not None:
                    out.append(together)
                continue
            term = self._term(item, term_where, synonyms, in_owner)
            if term is not None:
                out.append(term)
        return tuple(out)

    def _term(self, item: Any, where: str, synonyms: dict[str, tuple[str, ...]],
              in_owner: str) -> Term | None:
        """One written term: a phrase, `re:PATTERN` or `@group`."""
        text = self.text(item, where)
        if text is None:
            return None
        if text.startswith("re:"):
            if self._regex_budget is None:
                from pmquiz.regex import BankRegexBudget

                self._regex_budget = BankRegexBudget()
            why = validate_pattern(text[3:], self._regex_budget)
            if why is not None:
                costly = why.startswith(("too costly", "the bank's"))
                self.error(item, where, f"{'costly' if costly else 'invalid'} regular "
                           f"expression {text!r}{in_owner}: {why}")
                return None
        elif invisible(text):
            self.error(item, where, f"term {text!r}{in_owner} has no visible character "
                       "(only blanks or zero-width characters such as U+200B): it could "
                       "never be matched; remove it")
            return None
        elif text.startswith("@"):
            if text[1:] not in synonyms:
                close = difflib.get_close_matches(text[1:], list(synonyms), n=1)
                hint = f"; did you mean '@{close[0]}'?" if close else (
                    "; define it under 'synonyms:'")
                self.error(item, where, f"unknown synonym group '{text}'{in_owner}{hint}")
                return None
        return Term(text)

    def _together(self, item: Any, where: str, synonyms: dict[str, tuple[str, ...]],
                  in_owner: str) -> Term | None:
        """`{together: [GROUP, ...]}`, each GROUP a term or a list of terms (SPEC 3)."""
        before = len(self.problems)
        entries = self.mapping(item, where, TOGETHER_KEYS)
        if entries is None:
            return None
        if "together" not in entries:
            if len(self.problems) == before:
                self.error(item, where, "a term is text or {together: [GROUP, ...]}; "
                           "missing key 'together'")
            return None
        t_where = _join(where, "together")
        groups_node = entries["together"][1]
        items = self.sequence(groups_node, t_where)
        if items is None:
            return None
        if len(items) < 2:
            self.error(groups_node, t_where,
                       f"needs two groups or more (it has {len(items)}): each group is a "
                       "term or a list of terms, all found in one clause; for a single "
                       "group write its terms in the point's 'any' instead")
        groups: list[tuple[Term, ...]] = []
        for g, group_node in enumerate(items):
            g_where = f"{t_where}[{g}]"
            if isinstance(group_node, self._yaml.SequenceNode):
                members = self.sequence(group_node, g_where) or []
                if not members:
                    self.error(group_node, g_where, "a group needs at least one term")
                terms = [self._group_member(m, f"{g_where}[{k}]", synonyms, in_owner)
                         for k, m in enumerate(members)]
            else:
                terms = [self._group_member(group_node, g_where, synonyms, in_owner)]
            groups.append(tuple(t for t in terms if t is not None))
        if len(self.problems) > before:
            return None
        shown = " + ".join("|".join(t.text for t in group) for group in groups)
        return Term(f"together: {shown}", together=tuple(groups))

    def _group_member(self, node: Any, where: str, synonyms: dict[str, tuple[str, ...]],
                      in_owner: str) -> Term | None:
        if isinstance(node, self._yaml.MappingNode):
            self._visit(node, where)
            self.error(node, where, "a together group holds phrases, re: patterns or "
                       "@groups, not another together term")
            return None
        return self._term(node, where, synonyms, in_owner)

    def _examples(self, node: Any, where: str) -> tuple[Example, ...]:
        out: list[Example] = []
        for i, item in enumerate(self.sequence(node, where) or []):
            ex_where = f"{where}[{i}]"
            entries = self.mapping(item, ex_where, EXAMPLE_KEYS)
            if entries is None:
                continue
            answer = self._required(entries, "answer", item, ex_where,
                                    lambda n, w: self.text(n, w, allow_empty=True))
            expect: str | None = None
            score: tuple[float, float] | None = None
            if "expect" in entries:
                expect = self.text(entries["expect"][1], _join(ex_where, "expect"))
                if expect is not None and expect not in ("pass", "fail"):
                    self.error(entries["expect"][1], _join(ex_where, "expect"),
                               f"{expect!r} is not 'pass' or 'fail'")
                    expect = None
            if "score" in entries:
                score = self._score_range(entries["score"][1], _join(ex_where, "score"))
            if ("expect" in entries) == ("score" in entries):
                self.error(item, ex_where, "give exactly one of 'expect: pass|fail' or "
                           "'score: [low, high]'")
                continue
            if answer is None or (expect is None and score is None):
                continue
            out.append(Example(answer=answer, expect=expect,  # type: ignore[arg-type]
                               score=score, line=item.start_mark.line + 1))
        return tuple(out)

    def _score_range(self, node: Any, where: str) -> tuple[float, float] | None:
        items = self.sequence(node, where)
        if items is None:
            return None
        if len(items) != 2:
            self.error(node, where, f"must be [low, high], not a list of {len(items)}")
            return None
        low = self.number(items[0], f"{where}[0]")
        high = self.number(items[1], f"{where}[1]")
        if low is None or high is None:
            return None
        if not 0 <= low <= high <= 1:
            hint = ""
            if 1 < high <= 100 and 0 <= low <= high:
                hint = f"; scores are fractions: did you mean [{low / 100:g}, {high / 100:g}]?"
            self.error(node, where, f"needs 0 <= low <= high <= 1, not "
                       f"[{items[0].value}, {items[1].value}]{hint}")
            return None
        return (low, high)


def _at(where: str, message: str) -> str:
    return f"{where}: {message}" if where else message


def invisible(text: str) -> bool:
    """True when the text has no character a reader could see (only blanks and
    zero-width or other format characters, such as U+200B)."""
    if text.isprintable():
        return not text.strip()
    import unicodedata

    return not any(unicodedata.category(ch)[0] not in "ZC" for ch in text)


def _short(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _percent_hint(value: float) -> str:
    """`60` where a fraction belongs: suggest 0.6."""
    if 1 < value <= 100:
        return f"; it looks like a percentage: write {value / 100:g} for {value:g}%"
    return ""


def _percent_text_hint(text: str) -> str:
    """`60%` written where a number belongs: suggest the fraction."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*[%％]\s*", text)
    if match is None:
        return ""
    return f"; write the fraction {float(match.group(1)) / 100:g} instead of {text.strip()}"


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
