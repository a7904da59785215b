"""What the thirty-five real published PDFs in ../shared/real say, read by hand (pdftotext and the PDFs
themselves), and the error findings that are true of them. Every error-severity finding the checker
gives on these files must be listed in ERRORS with the reason it is true; a new error that is not
listed fails tests/test_real_documents.py (it is a misread until someone reads the document and
shows otherwise). ../shared/real/verdicts.tsv has the longer reading of each finding.
"""

from __future__ import annotations

# (department, year, kind) from the cover or title line; the kind of a table-only file is its tables'
# titles' (收支预算总表, 预算01表). What the file does not say comes from its name (with a reader note): the
# table-only files of Jiangsu carry no year, the Beijing tables name no department and no year, and
# their names (…-2019-budget-tables.pdf) give the year; no name here gives a Chinese department's name.
META: dict[str, tuple[str | None, int | None, str | None]] = {
    "beijing-municipal-caizhengju-2026-budget-tables.pdf": (None, 2026, "budget"),
    "beijing-municipal-caizhengju-2026-budget-text.pdf": ("北京市财政局", 2026, "budget"),
    "chongqing-municipal-shuiliju-2026-budget.pdf": ("重庆市水利局", 2026, "budget"),
    "guangdong-foshan-guidaojiaotongju-2019-final.pdf": ("佛山市轨道交通局", 2019, "final"),
    "jiangsu-provincial-gaojirenminfayuan-2017-budget.pdf": ("江苏省高级人民法院", 2017, "budget"),
    "jiangsu-provincial-jianchayuan-2018-budget.pdf": ("江苏省人民检察院", 2018, "budget"),
    "jiangsu-provincial-rendachangweihui-bangongting-2017-budget.pdf": ("江苏省人大常委会办公厅", 2017, "budget"),
    "jiangsu-provincial-rendachangweihui-bangongting-2019-budget-tables.pdf": ("江苏省人大常委会办公厅", 2019, "budget"),
    "jiangsu-provincial-rendachangweihui-bangongting-2019-budget-text.pdf": ("江苏省人大常委会办公厅", 2019, "budget"),
    "jiangsu-provincial-zhengxie-bangongting-2018-budget-tables.pdf": ("江苏省政协办公厅", 2018, "budget"),
    "jiangsu-provincial-zhengxie-bangongting-2018-budget-text.pdf": ("江苏省政协办公厅", 2018, "budget"),
    "jiangsu-shengweibangongting-2017-budget-tables.pdf": ("中国共产党江苏省委员会办公厅", 2017, "budget"),
    "jiangsu-shengweibangongting-2017-budget-text.pdf": ("江苏省委办公厅", 2017, "budget"),
    "jiangsu-shengweibangongting-2018-budget-tables.pdf": ("中共江苏省委办公厅", 2018, "budget"),
    "jiangsu-shengweibangongting-2018-budget-text.pdf": ("江苏省委办公厅", 2018, "budget"),
    "jiangsu-shengweibangongting-2019-budget-tables.pdf": ("中共江苏省委办公厅", 2019, "budget"),
    "jiangsu-shengweibangongting-2019-budget-text.pdf": ("江苏省委办公厅", 2019, "budget"),
    "jiangsu-suzhou-shenjiju-2026-budget.pdf": ("苏州市审计局", 2026, "budget"),
    "jiangsu-zhengxiebangongting-2019-budget.pdf": ("江苏省政协办", 2019, "budget"),
    "shaanxi-xian-anquanshengchanjianduguanliju-2019-budget-tables.pdf": ("西安市安全生产监督管理局", 2019, "budget"),
    "shaanxi-xian-fazhanhegaigewei-2019-budget-text.pdf": ("西安市发展和改革委员会", 2019, "budget"),
    "shaanxi-xian-minzhengju-2021-budget.pdf": ("西安市民政局", 2021, "budget"),
    "shaanxi-xian-shengtaihuanjingju-2022-budget.pdf": ("西安市生态环境局", 2022, "budget"),
    "shaanxi-xian-xingzhengshenpifuwuju-2025-budget.pdf": ("西安市行政审批服务局", 2025, "budget"),
    "shanghai-municipal-caizhengju-2025-unit-budget.pdf": ("上海市财政局", 2025, "budget"),
    "shanghai-municipal-shenjiju-2026-unit-budget.pdf": ("上海市审计局", 2026, "budget"),
    "shanghai-putuo-caizhengju-2025-budget.pdf": ("上海市普陀区财政局", 2025, "budget"),
    "shanghai-putuo-renminzhengfubangongshi-2025-unit-budget.pdf": ("上海市普陀区人民政府办公室", 2025, "budget"),
    "shanghai-putuo-shangwuweiyuanhui-2025-budget.pdf": ("上海市普陀区商务委员会", 2025, "budget"),
    "shanghai-putuo-shehuifuliyuan-2024-unit-budget.pdf": ("上海市普陀区社会福利院", 2024, "budget"),
    "putuo-sifaju-2026-dept-budget.pdf": ("上海市普陀区司法局", 2026, "budget"),
    "putuo-sifaju-2026-unit-budget.pdf": ("上海市普陀区司法局", 2026, "budget"),
    "putuo-caizhengju-2024-final.pdf": ("上海市普陀区财政局", 2024, "final"),
    "putuo-guihuaziyuan-2024-final.pdf": ("上海市普陀区规划和自然资源局", 2024, "final"),
    "putuo-shehuigongzuobu-2024-final.pdf": ("中共上海市普陀区委社会工作部", 2024, "final"),
}

# The true errors: (rule, page of the first quote, stated value), each with why it is true.
ERRORS: dict[str, list[tuple[str, int, str]]] = {
    # p38 部门整体支出绩效目标表 满意度指标: “指标15：人民群众满意度 | 200%” (a share of a whole above 100%).
    "shaanxi-xian-anquanshengchanjianduguanliju-2019-budget-tables.pdf": [("performance-share-target", 38, "200%")],
    # p22 提租补贴（项）1959.99万元, 增加865.57万元: 865.57 ÷ (1959.99 − 865.57 = 1094.42) = 79.09%, not 79.05%.
    "jiangsu-provincial-gaojirenminfayuan-2017-budget.pdf": [("growth-rate", 22, "79.05%")],
    "jiangsu-provincial-jianchayuan-2018-budget.pdf": [
        # p23 收支预算总计21,955.35万元, 各增加3,958.67万元: 3958.67 ÷ 17996.68 = 22.00%, text 21.95%.
        ("growth-rate", 23, "21.95 %"),
        # p25 基本支出13,994.31万元 ÷ 21,955.35万元 = 63.740%, text 63.75%.
        ("share", 25, "63.75%"),
        # p26 一般行政管理事务 3,666万元, 增加21.8万元: 21.8 ÷ 3644.2 = 0.60%, text 0.06%.
        ("growth-rate", 26, "0.06 %"),
        # p26 公诉、审判… 1,895万元, 减少134万元: 134 ÷ 2029 = 6.60%, text 降幅0.66%.
        ("growth-rate", 26, "0.66 %"),
    ],
    # p8 行政运行（项）6106.99万元, 增加101.48万元: 101.48 ÷ 6005.51 = 1.69%; 1.66% is ÷ this year's 6106.99.
    "jiangsu-shengweibangongting-2017-budget-text.pdf": [("growth-rate", 8, "1.66%")],
    # p6 text: 财政拨款 社会福利事业单位 738.66万元; the tables (p8, p11) give 9,584,796元 in all and
    # 6,964,796元 of 财政拨款: the text agrees with neither.
    "shanghai-putuo-shehuifuliyuan-2024-unit-budget.pdf": [("table-text", 6, "738.66万元")],
    # p7 and p8 text: 机关事业单位职业年金缴费支出（项）887.36万元; three tables (p10, p12, p15) give 873,617.00元
    # (87.36万元) for the item, and 30109 职业年金缴费 (p19) the same: the text's 887.36 has a digit too many.
    "shanghai-putuo-caizhengju-2025-budget.pdf": [("table-text", 7, "887.36万元")],
    "putuo-sifaju-2026-dept-budget.pdf": [
        # p8 a 2026 budget compared "比2026年预算增加793.14万元" (3 places) and "与2026年预算持平" (2 places).
        ("comparison-year", 8, "2026"), ("comparison-year", 8, "2026"),
        # p9 item 6: 2025 43269.3 -> 2026 3845.49 is -91.11%, stated 增加17.62%.
        ("growth-levels", 9, "17.62%"),
        # p9 item 9: 77.99 -> 91.97 is 13.98 / 77.99 = 17.93%, stated 17.66% (item 8's rate).
        ("growth-levels", 9, "17.66%"),
        # p9 item 12: 住房公积金（01项）208.8万元, then 2026年预算安排201.50万元; p11 2210201 = 2,087,959元.
        ("item-amounts", 9, "201.50万元"),
    ],
    "putuo-sifaju-2026-unit-budget.pdf": [
        # p6 "财政拨款收入支出增加(减少)的主要原因是业务量增加": the template's option never chosen.
        ("template-residue", 6, "增加(减少)"),
        # p6 item 1: "2025年当年预算执行数为" / "1690.69万元" (a line break), 2026 1434.89: -15.13%, stated 减少1.10%.
        ("growth-levels", 6, "1.10%"),
        # p6 item 7: 行政单位离退休（01项）56.12万元, then 2026年预算安排57.8万元; p11 2080501 = 561,240元.
        ("item-amounts", 6, "57.8万元"),
        # p7 item 13: 购房补贴（03项）207万元, then 2026年预算安排170.03万元; p11 2210203 = 2,070,000元.
        ("item-amounts", 7, "170.03万元"),
        # p11 (and p14) 行政运行 prints 64,840,547.00 under 项目支出 beside 合计 = 基本支出 = 14,348,853.34: the row
        # does not add up, and 司法's 项目支出 64,840,547 is not the sum of its 项 as printed (129,681,094).
        # One wrong cell: with 0.00 there both sums hold, so it is the one finding (at the cell, not the row).
        ("table-hierarchy", 11, "64,840,547.00"),
    ],
    # p7 财务收支预算总表: the 收入总计 cell is blank, while 支出总计 is 195,774,300 and the income rows give
    # 财政拨款收入 195,774,300 (事业/经营/其他 blank): the table's total is missing (gold rv-1 of the same file).
    "shanghai-municipal-shenjiju-2026-unit-budget.pdf": [("table-identity", 7, "（空白）")],
    # p21 一般公共服务支出2106.66万元，占71.73%: 2106.66 ÷ 2940.05 = 71.65% (the stated shares add to 100.07%).
    "putuo-caizhengju-2024-final.pdf": [
        ("share", 21, "71.73%"),
        # p21 四 "财政拨款收入支出总计0.3万元": the 财政拨款收入支出决算总表 (p12–13, one table over two pages) 总计
        # 2,961.68 = 2,940.05 + 年初结转 21.63 (gold.json must czj-fiscal-total-0.3). One finding for the phrase
        # that states both totals.
        ("table-text", 21, "0.3万元"),
    ],
    "putuo-guihuaziyuan-2024-final.pdf": [
        # p24 section 六 一般公共预算财政拨款基本支出5377.64万元, but the 一般公共预算 tables give 5364.75 (p15 合计
        # 基本支出 = 人员经费合计4884.09 + 公用经费合计480.66, p16): 5377.64 is the all-funds figure.
        ("table-text", 24, "5377.64 万元"),
        # p25 "下降（增长）27.78%": the template's two options left in (the arithmetic 0.15 ÷ 0.54 is right).
        ("template-residue", 25, "下降(增长)"),
    ],
}

# Standard facts the document states, checked by hand: key -> (value in yuan, page of the first fact).
# A key figure stated in a standard table comes first with the table's figure (analysis.key_figures_first):
# the table pages below are the 收支总表 / 支出总表 where the figure is printed.
FACTS: dict[str, dict[str, tuple[str, int]]] = {
    "jiangsu-shengweibangongting-2017-budget-text.pdf": {"income.total": ("208494500.00", 5)},
    "jiangsu-provincial-jianchayuan-2018-budget.pdf": {"income.total": ("219553500.00", 14),
                                                       "expense.basic": ("139943100.00", 13)},
    "guangdong-foshan-guidaojiaotongju-2019-final.pdf": {"income.current_year": ("16681400.00", 6),
                                                         "expense.basic": ("7463900.00", 10),
                                                         "expense.project": ("9217500.00", 10)},
    # p18 部门支出总体情况表 合计: 186,549.30 | 41,418.94 | 145,130.37. The text's 基本支出 33325.21 and
    # 项目支出 94823.35 (p6) are items of "一般公共预算财政拨款支出128148.56万元…。其中：": gpb figures.
    "chongqing-municipal-shuiliju-2026-budget.pdf": {"expense.basic": ("414189400.00", 18),
                                                     "expense.project": ("1451303700.00", 18),
                                                     "gpb.expense.basic": ("333252100.00", 6)},
    "jiangsu-suzhou-shenjiju-2026-budget.pdf": {"income.total": ("46516700.00", 9),
                                                "income.current_year": ("46516700.00", 9)},
    "jiangsu-provincial-gaojirenminfayuan-2017-budget.pdf": {"expense.basic": ("171231900.00", 11)},
    # The tables part alone (48 pages, 万元 to six decimals; each table's title in its second ruled row):
    # p6 预算03表 支出总表 合计 44,169.357532 = 基本支出 28,016.258321 + 项目支出 16,153.099211.
    "beijing-municipal-caizhengju-2026-budget-tables.pdf": {"expense.current_year": ("441693575.32", 6),
                                                            "expense.basic": ("280162583.21", 6),
                                                            "expense.project": ("161530992.11", 6)},
}

# Every defect known in these files (rule, page of its quote), found at any severity: the errors above
# and the template wording left in 江苏省人大常委会办公厅 2019 ("增加（减少）0万元", a warning: no change).
DEFECTS: dict[str, list[tuple[str, int]]] = {
    **{name: [(rule, page) for rule, page, _ in errs] for name, errs in ERRORS.items()},
    "jiangsu-provincial-rendachangweihui-bangongting-2019-budget-text.pdf":
        [("template-residue", 9)] * 4 + [("template-residue", 16)] * 3,
}
