from budgetdoc.normalize import normalize


def test_markup_and_letter_o() -> None:
    n = normalize("使用非财政拨款结余<u>O.OO</u>万元,增长 **O%**")
    assert n.text == "使用非财政拨款结余0.00万元,增长 0%"


def test_spaces_and_thousands() -> None:
    assert normalize("支出决算为5. 37万元").text == "支出决算为5.37万元"
    assert normalize("收入决算总计_1,724.62 万元").text == "收入决算总计1724.62 万元"


def test_fullwidth_bookmarks_latex_traditional() -> None:
    assert normalize("[bookmark: _Toc1]收入总计５１７．２３万元，其中").text == "收入总计517.23万元,其中"
    assert normalize("\\geq 98").text == "≥ 98"
    assert normalize("與上年相比增加").text == "与上年相比增加"


def test_quote_maps_back_to_original() -> None:
    original = "收入总计<u>1,724.62</u>万元。"
    n = normalize(original)
    start = n.text.index("1724.62")
    assert n.quote(start, start + len("1724.62万元")) == "1,724.62</u>万元"


def test_letter_spaced_line() -> None:
    # A justified PDF line with a space after every character (重庆市气象局 p2): the figures and words join,
    # the quote still gives the line as printed; two marks keep their space (no "，，" made of "， ，").
    original = "(二)支出预算:2 0 2 6 年 年 初 预 算 数 1 4 , 7 7 0. 6 2 万 元 , 其 中 : 自 然 资 源 支 出"
    n = normalize(original)
    assert n.text == "(二)支出预算:2026 年年初预算数 14770.62 万元,其中:自然资源支出"
    start = n.text.index("14770.62")
    assert n.quote(start, start + len("14770.62")) == "1 4 , 7 7 0. 6 2"
    assert normalize("训 开 项 ， ， 要").text == "训开项, ,要"
    assert normalize("单位名称 单位 万元").text == "单位名称 单位 万元"  # words set apart, not letter-spaced
