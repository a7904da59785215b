"""Generate correct final-account disclosures with random figures (every claim true when rounded),
in the sentence patterns real documents use. Used by the mutation benchmark and the tests: a
correct document must get no finding, and each planted defect must be found.

    python3 bench/generate.py --seed 1 --count 3 OUTDIR
"""

from __future__ import annotations

import argparse
import random
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

D2 = Decimal("0.01")


def r2(x: Decimal) -> Decimal:
    return x.quantize(D2, rounding=ROUND_HALF_UP)


def pct(part: Decimal, total: Decimal) -> str:
    return f"{r2(part / total * 100)}%"


def amount(rng: random.Random, lo: int, hi: int) -> Decimal:
    return r2(Decimal(rng.randint(lo * 100, hi * 100)) / 100)


def document(rng: random.Random, year: int, unit: str = "万元") -> str:
    """A final account of `year` whose every stated relation holds."""
    dept = rng.choice(["某市某区政务服务局", "某县财政局", "某旗行政审批局", "某区民政局"])
    basic, project = amount(rng, 100, 900), amount(rng, 50, 900)
    current = basic + project
    carry_begin, carry_end = amount(rng, 0, 20), amount(rng, 0, 20)
    income_current = current + carry_end - carry_begin
    total = income_current + carry_begin
    gpb = income_current - amount(rng, 0, 5)
    other = income_current - gpb
    change = amount(rng, 1, 200) * rng.choice([1, -1])
    prev_total = total - change
    personnel = r2(basic * Decimal(rng.randint(55, 85)) / 100)
    public = basic - personnel
    op_cost = r2(public * Decimal(rng.randint(40, 95)) / 100)
    op_change = amount(rng, 1, 30)
    vehicle = amount(rng, 1, 20)
    sangong_budget = vehicle + amount(rng, 0, 5)
    goods, works, services = amount(rng, 0, 300), amount(rng, 0, 300), amount(rng, 0, 300)
    proc = goods + works + services
    sme = r2(proc * Decimal(rng.randint(50, 100)) / 100)
    word = "增加" if change > 0 else "减少"
    rate_word = "增长" if change > 0 else "下降"
    u = unit
    lines = [
        f"{dept}{year}年度部门决算",
        "第一部分 部门概况",
        "一、主要职能",
        "负责本部门职责范围内的各项工作。",
        f"第二部分 {year}年度部门决算情况说明",
        "一、收入支出决算总体情况说明",
        f"{year}年度收入总计{total}{u}，其中：本年收入合计{income_current}{u}，年初结转和结余{carry_begin}{u}；"
        f"支出总计{total}{u}，其中：本年支出合计{current}{u}，年末结转和结余{carry_end}{u}。"
        f"与{year - 1}年度相比，收、支总计各{word}{abs(change)}{u}，{rate_word}{pct(abs(change), prev_total)}。",
        "二、收入决算情况说明",
        f"本年收入合计{income_current}{u}，其中：一般公共预算财政拨款收入{gpb}{u}，占{pct(gpb, income_current)}；"
        f"其他收入{other}{u}，占{pct(other, income_current)}。",
        "三、支出决算情况说明",
        f"本年支出合计{current}{u}，其中：基本支出{basic}{u}，占{pct(basic, current)}；"
        f"项目支出{project}{u}，占{pct(project, current)}。",
        "四、一般公共预算财政拨款基本支出决算情况说明",
        f"一般公共预算财政拨款基本支出{basic}{u}，其中：人员经费{personnel}{u}，公用经费{public}{u}。",
        "五、财政拨款“三公”经费支出决算情况说明",
        f"{year}年度财政拨款“三公”经费预算为{sangong_budget}{u}，支出决算为{vehicle}{u}，"
        f"完成预算的{pct(vehicle, sangong_budget)}。其中：因公出国（境）费支出决算为0{u}；"
        f"公务用车购置及运行维护费支出决算为{vehicle}{u}；公务接待费支出决算为0{u}。",
        "六、机关运行经费支出情况",
        f"{year}年度机关运行经费支出{op_cost}{u}，比{year - 1}年增加{op_change}{u}，"
        f"增长{pct(op_change, op_cost - op_change)}。",
        "七、政府采购支出情况",
        f"{year}年度政府采购支出总额{proc}{u}，其中：政府采购货物支出{goods}{u}、政府采购工程支出{works}{u}、"
        f"政府采购服务支出{services}{u}。授予中小企业合同金额{sme}{u}，占政府采购支出总额的{pct(sme, proc)}。",
        "八、国有资产占用情况",
        f"截至{year}年12月31日，本部门共有车辆{rng.randint(0, 5)}辆。",
        "第三部分 名词解释",
        "基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    args.outdir.mkdir(parents=True, exist_ok=True)
    for i in range(args.count):
        (args.outdir / f"generated_{args.seed}_{i:03d}.txt").write_text(document(rng, rng.randint(2019, 2025)),
                                                                         encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
