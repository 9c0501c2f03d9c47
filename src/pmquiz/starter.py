"""The starter bank `pmquiz new` writes: every feature of the format, commented, valid.

The text is a template rather than a YAML dump so that the comments, which are the point
of a starter, sit next to what they explain. Each language's bank passes
`pmquiz check --strict` as written (tests/test_authoring.py keeps it so).
"""

from __future__ import annotations

import re
from pathlib import Path

from pmquiz.i18n import Lang

DEFAULT_BANK_ID = "my-bank"

_ZH = """\
# yaml-language-server: $schema={schema}
# pmquiz 起步题库。把题目、要点和示例换成你自己的，然后运行：
#   pmquiz check --strict {file}
# 第一行让装有 YAML 插件（yaml-language-server）的编辑器按 JSON Schema 边写边检查，
# 悬停字段即可看到说明；它指向随 pmquiz 安装的 schema（`pmquiz schema --path`）。
# 题库放进共享的仓库时，改为指向仓库里的副本：pmquiz schema > bank.schema.json
id: {bank_id}                      # 题库 id：小写字母、数字和 -；题目按 题库id/题目id 引用
title: 我的产品经理面试题
language: zh                      # zh、zh-Hant、en ……
version: 1
threshold: 0.6                    # 开放题及格线：0 到 1 之间的小数（0.6 即 60%）
synonyms:                         # 同义词组：要点里写 "@业务" 即匹配组内任一说法
  业务: [洞察业务, 理解业务, 懂业务, 熟悉业务]
questions:
  - id: core-ability              # 题目 id，题库内唯一；复习记录按它保存，改题时别改 id
    type: open                    # open 开放题（按要点评分）| choice 选择题 | truefalse 判断题
    tags: [基础]
    difficulty: 1                 # 1 易 .. 3 难
    prompt: 你认为产品经理最重要的能力是什么？为什么？
    hint: 想想需求从哪里来，产品又为谁服务。    # 练习时输入 :hint 显示
    reference: |                  # 参考答案，评分后显示（Markdown）
      以洞察业务为基础，建设满足用户需求的产品设计。交互和体验重要，但产品不只是交互设计。
    rubric:
      points:                     # 得分 = 命中要点的权重之和 / 全部要点的权重之和
        - id: business-insight
          label: 以洞察业务为基础
          weight: 2               # 权重，默认 1
          required: true          # 必答：漏掉它，分数再高也不通过
          any:                    # 命中任意一个即可（all: 则要求每个都命中）
            - "@业务"
            - "re:业务.{{0,6}}(理解|洞察)"   # re: 开头是正则表达式（RE2；写小写、简体）
            - together: [[弄懂, 搞懂, 吃透], [业务]]   # 同一分句里每组各有一个词，顺序不限
        - id: user-needs
          label: 满足用户需求        # label 可省略，省略时显示 id
          any: [用户需求, 用户的需求, 用户痛点]
      penalties:                  # 扣分项：常见误解，命中就减去它的权重
        - id: ux-only
          label: 认为只要做好交互
          any: [只要交互, 只需要交互, 交互设计最重要]
    examples:                     # 评分示例：pmquiz check 逐条评分，与 expect 对照
      - answer: 最重要的是洞察业务，再基于业务去满足用户需求。
        expect: pass
      - answer: 最重要的不是交互设计，而是把公司的业务弄懂，再把用户需求落到产品里。
        expect: pass
      - answer: 交互设计最重要，把界面做漂亮就行。
        expect: fail
      - answer: 不需要懂业务，满足用户需求就够了。   # “不需要”否定了“懂业务”
        expect: fail
      - answer: 用户需求最重要。
        score: [0, 0.4]           # 也可以给分数区间（含两端），代替 expect
  - id: backoffice-dimensions
    type: choice
    prompt: 后台产品主要注重哪几个维度？（多选）
    options: {{A: 效率, B: 动画效果, C: 功能能力, D: 系统安全}}
    answer: [A, C, D]             # 多选写成列表；单选写 answer: B
  - id: backoffice-users-few
    type: truefalse
    prompt: 后台产品的用户数通常比 C 端产品少。
    answer: true                  # true 或 false
    reference: 后台多为公司内部或少数部门使用，即使是 To B SaaS 也无法与海量 C 端用户相比。
"""

_EN = """\
# yaml-language-server: $schema={schema}
# A pmquiz starter bank. Replace the questions, points and examples with your own, then run
#   pmquiz check --strict {file}
# The first line lets an editor with the YAML plugin (yaml-language-server) check the bank
# against the JSON Schema as you type, with help on hover; it names the schema installed
# with pmquiz (`pmquiz schema --path`). In a shared repository, point it at a copy kept
# there instead: pmquiz schema > bank.schema.json
id: {bank_id}                      # the bank's id: lower-case letters, digits and '-'
title: My product-manager interview questions
language: en                      # zh, zh-Hant, en ...
version: 1
threshold: 0.6                    # pass mark for open questions: a fraction (0.6 = 60%)
synonyms:                         # named groups: "@insight" in a point is any member
  insight: [business insight, business sense, understand the business]
questions:
  - id: core-ability              # unique in the bank; history is kept by it, so keep it
    type: open                    # open (graded by a rubric) | choice | truefalse
    tags: [basics]
    difficulty: 1                 # 1 easy .. 3 hard
    prompt: What is a product manager's most important ability, and why?
    hint: Think of where requirements come from, and whom the product serves.  # on :hint
    reference: |                  # the model answer, shown after grading (Markdown)
      Product design built on business insight, serving real user needs. Interaction
      design matters, but a product is more than its interactions.
    rubric:
      points:                     # score = weight of the points hit / weight of all points
        - id: business-insight
          label: Business insight as the foundation
          weight: 2               # a positive number, 1 when omitted
          required: true          # missing it fails the answer whatever the score
          any:                    # one hit is enough (all: needs every term)
            - "@insight"
            - "re:business (acumen|knowledge)"   # re: is a regular expression (RE2, lower case)
            - together: [[learn, grasp, figure out], [business]]  # in one clause, any order
        - id: user-needs
          label: Serves user needs  # label may be left out: the id is shown instead
          any: [user needs, user pain points]
      penalties:                  # misconceptions: a hit subtracts its weight
        - id: ux-only
          label: Only interaction design matters
          any: [only interaction design, just the interactions]
    examples:                     # rubric tests: `pmquiz check` grades each one
      - answer: Understanding the business comes first; then you design for user needs.
        expect: pass
      - answer: It is not interaction design but business sense, turned into user needs.
        expect: pass
      - answer: First figure out how the business makes money, then design for user needs.
        expect: pass
      - answer: Only interaction design matters, as long as it looks good.
        expect: fail
      - answer: You don't need business insight, just meet the user needs.  # negated
        expect: fail
      - answer: User needs come first.
        score: [0, 0.4]           # an inclusive score range instead of expect
  - id: backoffice-dimensions
    type: choice
    prompt: Which dimensions do back-office products emphasise? (pick all that apply)
    options: {{A: Efficiency, B: Animations, C: Functional capability, D: System security}}
    answer: [A, C, D]             # a list for several; answer: B for one
  - id: backoffice-users-few
    type: truefalse
    prompt: Back-office products usually have fewer users than consumer products.
    answer: true                  # true or false
    reference: Most are used inside one company, or by a few of its departments.
"""

_TEMPLATES: dict[Lang, str] = {"zh": _ZH, "en": _EN}


def bank_id_for(path: Path) -> str:
    """A bank id from the file name (`Interview Bank.yaml` -> `interview-bank`).

    Names with nothing usable in them (`题库.yaml`) get `my-bank`.
    """
    name = path.name
    for suffix in (".yaml", ".yml"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or DEFAULT_BANK_ID


def starter_bank(lang: Lang, schema: str, file_name: str, bank_id: str) -> str:
    """The starter bank's text; `schema` is what the `$schema=` line names."""
    return _TEMPLATES[lang].format(schema=schema, file=file_name, bank_id=bank_id)
