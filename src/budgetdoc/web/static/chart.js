// A small grouped-bar chart drawn as inline SVG (no library, no network). Labels are set with
// textContent only: department names come from documents and may hold any text.
(function () {
  "use strict";
  const NS = "http://www.w3.org/2000/svg";
  const COLORS = ["#3b6ea8", "#e07b39", "#4a9b5e", "#b84a62", "#7d5ba6", "#c2a034", "#3fa0a8", "#8a6d4b",
    "#d06aa8", "#6d7f8f"];

  function el(name, attrs, text) {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = String(text);
    return e;
  }

  function niceMax(v) {
    if (v <= 0) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }

  // categories: x labels (years); series: [{name, values: [number|null per category]}]
  function grouped(container, categories, series, unit) {
    container.textContent = "";
    const width = Math.max(680, 80 + categories.length * Math.max(60, series.length * 18 + 20));
    const height = 300 + Math.ceil(series.length / 3) * 18;
    const left = 70, right = 20, top = 20, plotH = 220;
    const svg = el("svg", {width, height, viewBox: `0 0 ${width} ${height}`, role: "img", class: "bar-chart"});
    const max = niceMax(Math.max(0, ...series.flatMap(s => s.values.filter(v => v !== null))));
    const plotW = width - left - right;
    for (let i = 0; i <= 4; i++) {
      const y = top + plotH - plotH * i / 4;
      svg.appendChild(el("line", {x1: left, x2: width - right, y1: y, y2: y, stroke: "#e3e6ea"}));
      svg.appendChild(el("text", {x: left - 6, y: y + 4, "text-anchor": "end", "font-size": 11, fill: "#556"},
        (max * i / 4).toLocaleString("zh-CN", {maximumFractionDigits: 2})));
    }
    svg.appendChild(el("text", {x: 6, y: 12, "font-size": 11, fill: "#556"}, unit || ""));
    const groupW = plotW / Math.max(1, categories.length);
    const barW = Math.max(4, Math.min(26, (groupW - 16) / Math.max(1, series.length)));
    categories.forEach((cat, ci) => {
      const gx = left + ci * groupW + (groupW - barW * series.length) / 2;
      series.forEach((s, si) => {
        const v = s.values[ci];
        if (v === null || v === undefined) return;
        const h = plotH * v / max;
        const r = el("rect", {x: gx + si * barW, y: top + plotH - h, width: barW - 2, height: Math.max(h, 0.5),
          fill: COLORS[si % COLORS.length], class: "bar"});
        r.appendChild(el("title", {}, `${s.name} ${cat}：${v.toLocaleString("zh-CN", {maximumFractionDigits: 2})} ${unit || ""}`));
        svg.appendChild(r);
      });
      svg.appendChild(el("text", {x: left + ci * groupW + groupW / 2, y: top + plotH + 16, "text-anchor": "middle",
        "font-size": 12}, cat));
    });
    series.forEach((s, si) => {
      const x = left + (si % 3) * 200, y = top + plotH + 40 + Math.floor(si / 3) * 18;
      svg.appendChild(el("rect", {x, y: y - 10, width: 12, height: 12, fill: COLORS[si % COLORS.length]}));
      const label = s.name.length > 14 ? s.name.slice(0, 14) + "…" : s.name;
      const t = el("text", {x: x + 16, y, "font-size": 12}, label);
      t.appendChild(el("title", {}, s.name));
      svg.appendChild(t);
    });
    container.appendChild(svg);
    return svg;
  }

  window.BudgetChart = {grouped};
})();
