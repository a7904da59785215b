"""Shapes a ninth generator written blind (bench/blind9: 四川, 贵州, 云南 … layouts; 类 | 款 | 项 code columns, a
department's units in its 收入总表, 三公 tables of 本年 | 上年 | 增减额 and 预算数 | 决算数 | 完成率, per-project
self-evaluation tables) used, each once misread or missed. Misread: a 三公 item whose 本年 cell is "—" took the
增减额 beside it as its figure. Missed: 款 and 项 codes printed in their own columns under a 类 printed once; a
部门合计 row over the units; a change whose sentence states only last year's figure of a quantity the text stated
before ("基本支出（上年538.53万元），较2024年预算增加…"); a project performance table's 合计; a project's 得分 above its
分值 as bare numbers; a 完成率 against 决算数 ÷ 预算数. Figures are made up in the same shapes and checked by hand."""

from __future__ import annotations

from pathlib import Path

from test_blind5_shapes import _right_then_wrong
from test_unseen_shapes import _check as _text
from test_unseen_shapes import _errors

_HEAD = "某某县应急管理局2024年部门预算\n一、收支预算总体情况说明\n2024年收入预算总计71435.03元，支出预算总计71435.03元。\n"


def test_a_sangong_item_printed_as_a_dash_takes_no_change_column(tmp_path: Path) -> None:
    # 因公出国 本年 "—" (none), 上年 27,928.81, 增减额 −27,928.81. The 增减额 was read as the item's figure:
    # 三公 71,435.03 against −27,928.81 + 40,213.55 + 31,221.48, and the text's 0 against it.
    # 40,213.55 + 31,221.48 = 71,435.03; 27,928.81 + 53,129.45 + 34,457.19 = 115,515.45.
    text = (_HEAD + "三、“三公”经费预算情况说明\n2024年“三公”经费预算71435.03元，其中：因公出国（境）费0元，"
            "公务用车购置及运行维护费40213.55元，公务接待费31221.48元。\n"
            "一般公共预算“三公”经费支出表\n单位：元\n项目\t本年预算数\t上年预算数\t增减额\n"
            "合计\t71435.03\t115515.45\t-44080.42\n1.因公出国（境）费\t—\t27928.81\t-27928.81\n"
            "2.公务用车购置及运行维护费\t40213.55\t53129.45\t-12915.90\n（1）公务用车购置费\t—\t—\t—\n"
            "（2）公务用车运行维护费\t40213.55\t53129.45\t-12915.90\n3.公务接待费\t31221.48\t34457.19\t-3235.71\n")
    assert not _errors(_text(tmp_path, "s.txt", text))


def test_kuan_and_xiang_codes_under_a_class_printed_once(tmp_path: Path) -> None:
    # 220 | | | 524.08; | 01 | | 自然资源事务 524.08; | | 01 | 行政运行 187.93 …: 22001 = 187.93 + 48.57 + 171.69
    # + 115.89 = 524.08. Unread, the 款 and 项 rows had no code and no name.
    text = ("某某县自然资源局2022年部门预算\n一般公共预算支出表\n单位：万元\n类\t款\t项\t科目名称\t合计\n"
            "\t\t\t合计\t524.08\n220\t\t\t自然资源海洋气象等支出\t524.08\n\t01\t\t自然资源事务\t524.08\n"
            "\t\t01\t行政运行\t187.93\n\t\t04\t自然资源规划及管理\t48.57\n\t\t50\t事业运行\t171.69\n"
            "\t\t99\t其他自然资源事务支出\t115.89\n")
    wrong = _text(tmp_path, "w.txt", text.replace("自然资源事务\t524.08", "自然资源事务\t654.76"))
    assert ("table-hierarchy", "654.76") in [(f.rule, f.stated) for f in wrong.findings if f.severity == "error"]
    assert not _errors(_text(tmp_path, "r.txt", text))


def test_a_department_total_over_its_units(tmp_path: Path) -> None:
    # 部门合计 4,559,344.67 = 1,463,132.63 + 1,633,053.60 + 1,463,158.44.
    text = (_HEAD.replace("71435.03元", "4559344.67元") + "部门收入总表\n单位：元\n单位编码\t单位名称\t合计\t一般公共预算拨款收入\n"
            "\t部门合计\t4,559,344.67\t4,559,344.67\n305001\t某某县应急管理局（本级）\t1,463,132.63\t1,463,132.63\n"
            "305002\t某某县应急救援中心\t1,633,053.60\t1,633,053.60\n305003\t某某县地震监测站\t1,463,158.44\t1,463,158.44\n")
    assert _right_then_wrong(tmp_path, text, "\t1,463,132.63\t1,463,132.63", "\t1,753,832.63\t1,753,832.63") == \
        [("table-hierarchy", "4,850,044.67")]


def test_a_change_of_a_figure_stated_a_sentence_before(tmp_path: Path) -> None:
    # 基本支出 435.85 this year, 538.53 last year: 102.68 less (102.68 ÷ 538.53 = 19.07%).
    text = ("某某县农业农村局2025年部门预算\n三、支出预算情况说明\n本部门2025年本年支出合计506.84万元，其中：基本支出435.85万元，"
            "占85.99%；项目支出70.99万元，占14.01%。基本支出（上年538.53万元），较2024年预算减少102.68万元，下降19.07%。\n")
    assert _right_then_wrong(tmp_path, text, "减少102.68万元，下降", "增加102.68万元，增长") == [("change-direction", "减少")]


def test_a_project_performance_tables_total(tmp_path: Path) -> None:
    # 91.31 + 13.63 + 49.65 + 4.44 = 159.03; 资金总额 and 财政拨款 alike.
    text = ("某某县文化广电旅游局2023年部门预算\n项目支出绩效目标表\n单位：万元\n"
            "项目名称\t实施单位\t资金总额\t其中：财政拨款\t年度绩效目标\n"
            "旅游宣传推介经费\t本级\t91.31\t91.31\t按期完成年度工作任务\n公共文化服务体系建设经费\t图书馆\t13.63\t13.63\t服务对象满意度不低于90%\n"
            "送戏下乡惠民演出项目\t本级\t49.65\t49.65\t项目按计划实施\n因公出国（境）考察经费\t本级\t4.44\t4.44\t资金使用合规\n"
            "合计\t\t159.03\t159.03\t\n")
    assert _right_then_wrong(tmp_path, text, "合计\t\t159.03\t159.03", "合计\t\t159.03\t196.03") == \
        [("table-hierarchy", "159.03")]


def test_a_projects_score_and_a_completion_rate_in_their_tables(tmp_path: Path) -> None:
    # 得分 ≤ 分值 (10); 执行率 = B ÷ A: 1,152,180.58 ÷ 1,173,813.42 = 98.16%.
    evaluation = ("某某县农业农村局2024年度部门决算\n项目支出绩效自评表\n单位：元\n"
                  "项目名称\t全年预算数（A）\t全年执行数（B）\t执行率（B/A，%）\t分值\t得分\n"
                  "高标准农田建设工作经费\t1,173,813.42\t1,152,180.58\t98.16\t10\t9.82\n"
                  "农业技术推广补助项目\t514,871.10\t514,871.10\t100.00\t10\t10.00\n")
    assert _right_then_wrong(tmp_path, evaluation, "100.00\t10\t10.00", "100.00\t10\t15.00") == \
        [("performance-score", "≤10")]
    # 完成率 = 决算数 ÷ 预算数: 1.08 ÷ 1.37 = 78.83%, 4.66 ÷ 4.85 = 96.08%.
    sangong = ("某某县应急管理局2024年度部门决算\n财政拨款“三公”经费支出决算表\n单位：万元\n项目\t预算数\t决算数\t完成率（%）\n"
               "1.因公出国（境）费\t4.85\t4.66\t96.08\n2.公务用车购置及运行维护费\t1.37\t1.08\t78.83\n")
    assert _right_then_wrong(tmp_path, sangong, "1.08\t78.83", "1.08\t63.20") == [("performance-rate", "78.83%")]
