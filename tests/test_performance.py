"""Performance self-evaluation tables in flattened text (one row per line, cells separated by tabs)."""

from __future__ import annotations

from pathlib import Path

from budgetdoc import check

HEADER = "绩效指标\t一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t年度指标值\t实际完成值\t计量单位\t分值\t得分\t偏差原因"


def _doc(tmp_path: Path, rows: list[str]) -> Path:
    p = tmp_path / "perf.txt"
    p.write_text("某局2023年度部门决算\n项目支出绩效自评表\n" + "\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return p


def test_missed_target_with_full_marks(tmp_path: Path) -> None:
    rows = ["\t产出指标\t数量指标\t窗口机顶盒\t正向\t大于等于\t123\t105\t台\t0.29\t0.29\t",  # missed, full marks
            "\t\t\t一体式电脑\t正向\t大于等于\t26\t25\t台\t0.29\t0.28\t",  # missed, marked down: fine
            "服务器\t反向\t小于等于\t3.80\t5.37\t万元\t0.25\t0.25\t",  # a row shifted left: cap exceeded
            "\t\t\t查询机\t反向\t小于等于\t11.97\t11.59\t万元\t0.25\t0.25\t"]  # under the cap: fine
    r = check(_doc(tmp_path, rows))
    hits = [(f.evidence[0].loc.line, f.stated) for f in r.findings if f.rule == "performance-full-marks"]
    assert hits == [(4, "0.29"), (6, "0.25")]


def test_score_above_weight(tmp_path: Path) -> None:
    rows = ["\t产出指标\t数量指标\t装修费\t正向\t大于等于\t176\t176\t万元\t15\t30\t",
            "\t\t质量指标\t验收合格率\t正向\t等于\t100\t100\t%\t15\t15\t"]
    r = check(_doc(tmp_path, rows))
    hits = [(f.evidence[0].loc.line, f.stated, f.expected) for f in r.findings if f.rule == "performance-score"]
    assert hits == [(4, "30", "≤15")]
