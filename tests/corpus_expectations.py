"""The corpus files (../shared/corpus) that gave error findings at some point, and the labelled ones
(../shared/labels/gold.json), with exactly the error findings that are true of them, each read against
the page (pdfplumber extract_text(y_tolerance=6)) and its arithmetic worked by hand. Any other error on
these files fails tests/test_corpus_documents.py: it is a misread until someone reads the page and shows
otherwise. Entries: (rule, page of the first quote, the quote's key token = the stated value).

Errors that were read and found false (issue 18), by class, for the record:
- 上海 收入预算总表 rows (25, 4 files): the 其他收入 column (498, 332 …) was read as codes and split off,
  so 合计 was held against 财政拨款收入 alone (2,616,003 = 2,615,505 + 498 holds);
- 湖州 shares (24, 4 files): "人员支出26435.02万元，占13.1%；日常公用支出3388.68万元，占1.7%" — each share
  divided by the item before it (a sibling with its own share) instead of the total 201286.11;
- 苏州自然资源 “出” (fact-conflict): two 项 names cut at a line break ("…缴费支|出（项）" and
  "…业务支|出（项）") read as one item;
- 珠海商务局 因公出国 (table-text): 13.2 in the text is the 三公 table's 13.20; 7.70 is only the
  基本支出 table's 30212 row (the 项目支出 table has 5.50 more).
"""

from __future__ import annotations

# The true errors per file (path under ../shared/corpus): (rule, page, stated value), each with why.
ERRORS: dict[str, list[tuple[str, int, str]]] = {
    # p2 "2025年“三公”经费预算13.85万元，比2025年减少5.45万元" in the 2026 budget: 13.85 is the 2026 figure
    # (表八 2026年财政拨款“三公”经费支出情况表, 合计 13.85), so the first year should read 2026 — a figure
    # compared with its own year (gold.json must cq-sangong-wrong-year).
    "004_重庆/2026年重庆市气象局部门预算.pdf": [("self-comparison", 2, "2025")],
    # p7 2026年预算单位财务收支预算总表: 收入总计 left blank (rendered page), while the income rows give
    # 财政拨款收入 195,774,300 and 支出总计 = 195,774,300: the table's total is missing (gold must rv-1).
    "001_上海/2026年上海市审计局_部门预算.pdf": [("table-identity", 7, "（空白）")],
    # p37 部门整体支出绩效目标表: 资金总额 8200.95 = 项目支出 2285.57 + 基本支出 5915.38, but the budget tables
    # give 15184.81 (支出总表; 一般公共预算 10984.81) and 项目支出 9269.43 (一般公共预算 5069.43): no scope has
    # 8200.95 or 2285.57 (gold.json must rv-1).
    "021_泉州/2026年泉州市人民政府办公室部门预算.pdf": [("performance-dept-funds", 37, "8200.95")],
    "021_泉州/2026年泉州市公安局部门预算.pdf": [
        # pp40-44 the five project 绩效目标表 give 验收合格率 =1100% and 群众满意度 ≥1100% (shares of a whole;
        # "100%" mistyped, gold.json should rv-s2): one finding, the same typo in its ten places.
        ("performance-share-target", 40, "1100%"),
        # p52 部门整体支出绩效目标表: 资金总额 81562.56 and 基本支出 52047.74 against 81206.56 and 51691.74 in
        # every budget table (both 356.00 too much; 其他资金 0.00; gold.json must rv-1).
        ("performance-dept-funds", 52, "81562.56"),
    ],
    "077_珠海/2026年珠海市商务局部门预算.pdf": [
        # p33 重点项目: 辅助人员补助经费-拱北海关 7672.25, 表12 p24 7,672.50 (gold.json must rv-1).
        ("project-amount", 33, "7672.25"),
        # p34 重点项目: 拱北口岸和青茂口岸设施设备维保费 175, 表12 p25 234.48 in every column (must rv-2).
        ("project-amount", 34, "175"),
    ],
    "079_湖州/2026年湖州市交通运输局部门预算.pdf": [
        # p28 表04 财政拨款收支预算总表 (it runs on to p29): 一般公共预算 35673.03 and 政府性基金预算 7000.00,
        # where 表01 收支总表 (p21) and the text (p6: 一般公共预算当年拨款52244.36万元, 政府性基金预算当年拨款
        # 139963.40万元) agree on 52244.36 and 139963.40; 表04's own expense rows give the same (gold.json must
        # rv-2, rv-3). Each row's label names the quantity, and no scope states 35673.03 or 7000.00.
        ("table-figures", 28, "35673.03万元"),
        ("table-figures", 28, "7000.00万元"),
        # 表04 财政拨款收支预算总表 (p28–29, one table over two pages): 支出总计 42,673.03 (and 收入总计, 本年收入合计),
        # but its own 类 rows 0.64+16.50+3797.62+3246.05+1366.30+15.00+106247.07+2018.58+75500.00 = 192,207.76, each
        # 类 the sum of its 款/项 rows; 192,207.76 is also 表01's 财政拨款 and the text's p7 (gold must rv-1).
        ("table-hierarchy", 29, "42,673.03"),
        # The same 收入总计 42673.03 (p29, 表04) against the text's p7 "2026年财政拨款收支总预算192207.76万元。收入包括：
        # 一般公共预算当年拨款收入52244.36万元、政府性基金当年拨款收入139963.40万元" (52244.36 + 139963.40 =
        # 192207.76): the text adds up, the table's figure is the one named (gold must rv-1).
        ("table-text", 29, "42673.03万元"),
    ],
    "079_湖州/2026年湖州市卫生健康委员会部门预算.pdf": [
        # p33 表04: 一般公共预算 25591.21 and 政府性基金预算 12600.00 against 37018.75 and 27600.00 in 表01 (p25)
        # and the text (p7) (gold.json must rv-2, rv-3; 12600.00 is only the 城乡社区 part of the fund).
        ("table-figures", 33, "25591.21万元"),
        ("table-figures", 33, "12600.00万元"),
        # 表04 (p33–35): 支出总计 38,191.21, its 类 rows 1140.61+11871.20+23268.50+12600.00+738.45+15000.00 =
        # 64,618.76 (表01 财政拨款 64,618.75, text p8); gold must rv-1.
        ("table-hierarchy", 35, "38,191.21"),
        # 收入总计 38191.21 (p35) against the text's p8 财政拨款收支总预算64618.75万元 = 37018.75 + 27600.00, the
        # amounts it lists right after (gold must rv-1).
        ("table-text", 35, "38191.21万元"),
    ],
    "079_湖州/2026年湖州市退役军人事务局部门预算.pdf": [
        # p5 收入预算6256.31万元，比上年执行数减少336.67万元，下降5.0%: 336.67 ÷ (6256.31 + 336.67 = 6592.98)
        # = 5.11%, not 5.0%.
        ("growth-rate", 5, "5.0%"),
        # p5 支出预算6256.31万元，比上年执行数增加268.28万元，增长4.0%: 268.28 ÷ 5988.03 = 4.48%.
        ("growth-rate", 5, "4.0%"),
        # p6 一般公共预算当年拨款5973.01万元，减少263.59万元，下降4.0%: 263.59 ÷ 6236.60 = 4.23%.
        ("growth-rate", 6, "4.0%"),
        # p9 “三公”经费预算数为1.10万元，比上年预算数减少25万元，下降95.0%: 25 ÷ 26.10 = 95.79%; with 25 and
        # 1.10 anywhere in their rounding (24.5–25.5, 1.095–1.105) it is 95.69%–95.88%, never 95.0%.
        ("growth-rate", 9, "95.0%"),
        # p10 机关运行经费48.78万元，比上年预算减少4.98万元，下降9.0%: 4.98 ÷ 53.76 = 9.26%.
        ("growth-rate", 10, "9.0%"),
        # p11 培训费预算39.51万元，比上年预算数减少2.02万元，下降4.00%: 2.02 ÷ 41.53 = 4.86%.
        ("growth-rate", 11, "4.00%"),
    ],
}

# Files checked: every one that had an error finding, and every labelled corpus file.
FILES: tuple[str, ...] = (
    "001_上海/2026年上海市交通运输局_部门预算.pdf",
    "001_上海/2026年上海市人力资源和社会保障局_部门预算.pdf",
    "001_上海/2026年上海市信访局_部门预算.pdf",
    "001_上海/2026年上海市公安局_部门预算.pdf",
    "001_上海/2026年上海市司法局_部门预算.pdf",
    "001_上海/2026年上海市审计局_部门预算.pdf",
    "001_上海/2026年上海市应急管理局_部门预算.pdf",
    "001_上海/2026年上海市民政局_部门预算.pdf",
    "001_上海/2026年上海市水务局_部门预算.pdf",
    "001_上海/2026年上海市生态环境局_部门预算.pdf",
    "001_上海/2026年上海市统计局_部门预算.pdf",
    "001_上海/2026年上海市财政局_部门预算.pdf",
    "004_重庆/2026年重庆市商务委员会部门预算.pdf",
    "004_重庆/2026年重庆市委宣传部部门预算.pdf",
    "004_重庆/2026年重庆市气象局部门预算.pdf",
    "004_重庆/2026年重庆市科学技术局部门预算.pdf",
    "006_苏州/2026年苏州市审计局部门预算.pdf",
    "006_苏州/2026年苏州市应急管理局部门预算.pdf",
    "006_苏州/2026年苏州市科技创新局部门预算.pdf",
    "006_苏州/2026年苏州市自然资源和规划局部门预算.pdf",
    "016_郑州/规划和自然资源局_2026年部门预算.html",
    "018_济南/气象局_2026年部门预算.html",
    "021_泉州/2026年泉州市人民政府办公室部门预算.pdf",
    "021_泉州/2026年泉州市公安局部门预算.pdf",
    "022_佛山/2026年佛山市交通运输局部门预算.pdf",
    "077_珠海/2026年珠海市商务局部门预算.pdf",
    "079_湖州/2026年湖州市交通运输局部门预算.pdf",
    "079_湖州/2026年湖州市卫生健康委员会部门预算.pdf",
    "079_湖州/2026年湖州市财政局部门预算.pdf",
    "079_湖州/2026年湖州市退役军人事务局部门预算.pdf",
)
