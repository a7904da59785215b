// The workbench pages, on the same REST API (/api). Document text, quotes and names are put in the
// page with textContent only (never innerHTML): a document can contain HTML.
(function () {
  "use strict";
  const $ = (sel, root) => (root || document).querySelector(sel);
  const SEV = {error: "错误", warning: "警告", info: "提示"};
  const KIND = {final: "决算", budget: "预算"};
  // The claim ledger (report/claims.py has the same words): what a numeric statement claims.
  const CLAIM_KIND = {amount: "金额", share: "占比", growth: "增长率", change: "增减额", completion: "完成率",
    percent: "百分比", total: "合计"};

  function ledgerLine(l) {
    return `数字表述 ${l.claims} 处：核对一致 ${l.verified}，不一致 ${l.contradicted}，无法核对 ${l.unverified}`;
  }
  let rulesCache = null;
  let health = null;

  function h(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = String(v);
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else if (k === "dataset") Object.assign(e.dataset, v);
      else e.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return e;
  }

  function showError(message) {
    const m = $("#msg");
    m.textContent = message;
    m.hidden = !message;
  }

  function headers() {
    const t = localStorage.getItem("budgetdoc_token");
    return t ? {"Authorization": "Bearer " + t} : {};
  }

  async function api(path, options) {
    const opts = Object.assign({}, options || {});
    opts.headers = Object.assign({}, headers(), opts.headers || {});
    const r = await fetch(path, opts);
    let body = null;
    const type = r.headers.get("content-type") || "";
    if (type.includes("json")) body = await r.json();
    if (r.status === 401) { $("#login").hidden = false; }
    if (!r.ok) {
      const msg = body && body.detail ? (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)) : r.statusText;
      throw new Error(msg);
    }
    return body;
  }

  async function rules() {
    if (!rulesCache) {
      const data = await api("/api/rules");
      rulesCache = Object.fromEntries(data.rules.map(r => [r.id, r]));
    }
    return rulesCache;
  }

  // ------------------------------------------------------------------------------- upload page
  const queue = [];
  let active = 0;
  const MAX_PARALLEL = 2;

  function addFiles(files) {
    for (const f of files) {
      const row = h("tr", {class: "job", dataset: {status: "waiting"}},
        h("td", {class: "name", text: f.webkitRelativePath || f.name}),
        h("td", {}, h("progress", {max: 100, value: 0})),
        h("td", {class: "status", text: "等待上传"}),
        h("td", {class: "result"}));
      $("#jobs tbody").appendChild(row);
      queue.push({file: f, row});
    }
    pump();
  }

  function pump() {
    while (active < MAX_PARALLEL && queue.length) {
      const item = queue.shift();
      active++;
      upload(item).finally(() => { active--; pump(); });
    }
  }

  function setStatus(row, status, text) {
    row.dataset.status = status;
    $(".status", row).textContent = text;
  }

  function upload({file, row}) {
    return new Promise(resolve => {
      const form = new FormData();
      form.append("files", file, file.name);
      form.append("paths", file.webkitRelativePath || file.name);
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "/api/uploads");
      for (const [k, v] of Object.entries(headers())) xhr.setRequestHeader(k, v);
      xhr.upload.onprogress = e => { if (e.lengthComputable) $("progress", row).value = 100 * e.loaded / e.total; };
      setStatus(row, "uploading", "上传中");
      xhr.onload = () => {
        let body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
        if (xhr.status === 202 && body) {
          $("progress", row).value = 100;
          const job = body.jobs[0];
          row.dataset.job = job.id;
          poll(job.id, row).then(resolve);
        } else {
          if (xhr.status === 401) $("#login").hidden = false;
          setStatus(row, "failed", "被拒绝：" + (body && body.detail ? body.detail : xhr.statusText));
          resolve();
        }
      };
      xhr.onerror = () => { setStatus(row, "failed", "网络错误"); resolve(); };
      xhr.send(form);
    });
  }

  async function poll(jobId, row) {
    for (;;) {
      let job;
      try { job = await api("/api/uploads/" + encodeURIComponent(jobId)); } catch (e) {
        setStatus(row, "failed", e.message); return null;
      }
      if (job.status === "queued") setStatus(row, "queued", "排队等待检查");
      else if (job.status === "checking") setStatus(row, "checking", "检查中…");
      else {
        const res = $(".result", row);
        res.textContent = "";
        if (job.status === "done") {
          setStatus(row, "done", job.outcome === "unchanged" ? "已检查（内容与已存的相同）" : "已检查");
          const c = job.counts || {};
          res.appendChild(h("a", {href: "#doc/" + job.document_id, class: "doc-link",
            text: `查看（错误 ${c.error || 0}，警告 ${c.warning || 0}，提示 ${c.info || 0}）`}));
        } else {
          setStatus(row, "failed", "失败：" + (job.error || ""));
          if (job.document_id) res.appendChild(h("a", {href: "#doc/" + job.document_id, text: "查看"}));
        }
        return job;
      }
      await new Promise(r => setTimeout(r, 600));
    }
  }

  function setupUpload() {
    const drop = $("#drop");
    drop.addEventListener("dragover", e => { e.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", async e => {
      e.preventDefault();
      drop.classList.remove("over");
      const items = [...(e.dataTransfer.items || [])].map(i => i.webkitGetAsEntry && i.webkitGetAsEntry()).filter(Boolean);
      if (items.length) addFiles(await entriesToFiles(items));
      else addFiles(e.dataTransfer.files);
    });
    $("#file-input").addEventListener("change", e => { addFiles(e.target.files); e.target.value = ""; });
    $("#dir-input").addEventListener("change", e => {
      const exts = new Set((health && health.extensions) || []);
      addFiles([...e.target.files].filter(f => !exts.size || exts.has("." + f.name.split(".").pop().toLowerCase())));
      e.target.value = "";
    });
  }

  // A dropped folder: walk it (FileSystemEntry API), keeping each file's relative path.
  async function entriesToFiles(entries) {
    const out = [];
    async function walk(entry, prefix) {
      if (entry.isFile) {
        const f = await new Promise((res, rej) => entry.file(res, rej));
        try { Object.defineProperty(f, "webkitRelativePath", {value: prefix + f.name}); } catch (e) { /* keep name */ }
        out.push(f);
      } else if (entry.isDirectory) {
        const reader = entry.createReader();
        for (;;) {
          const batch = await new Promise((res, rej) => reader.readEntries(res, rej));
          if (!batch.length) break;
          for (const c of batch) await walk(c, prefix + entry.name + "/");
        }
      }
    }
    for (const e of entries) await walk(e, "");
    return out;
  }

  // ------------------------------------------------------------------------------- documents list
  async function showDocs() {
    const data = await api("/api/documents");
    const body = $("#doc-list tbody");
    body.textContent = "";
    for (const d of data.documents) {
      body.appendChild(h("tr", {},
        h("td", {}, h("a", {href: "#doc/" + d.id, text: d.id})),
        h("td", {text: d.department || ""}), h("td", {text: d.year || ""}), h("td", {text: KIND[d.kind] || ""}),
        h("td", {text: d.files.map(f => f.name).join(" + ")}),
        h("td", {text: d.counts.error}), h("td", {text: d.counts.warning}), h("td", {text: d.counts.info}),
        h("td", {text: d.counts.dismissed}), h("td", {text: d.ledger ? d.ledger.unverified : "—"}),
        h("td", {text: d.status + (d.error ? "：" + d.error : "")})));
    }
  }

  // ------------------------------------------------------------------------------- document view
  let current = null;  // {doc, findings, page, blocks}

  // Views are drawn after awaits: a newer request (a second click, a hash change) wins, and an older one
  // that finishes late draws nothing, so the page never holds two documents' texts at once.
  let viewSeq = 0;

  async function showDoc(id) {
    const seq = ++viewSeq;
    const [doc, found, catalogue, todo] = await Promise.all([api("/api/documents/" + id),
      api("/api/findings?document_id=" + id), rules(), api(`/api/claims?document_id=${id}&status=unverified`)]);
    if (seq !== viewSeq) return;
    current = {doc, findings: found.findings, page: null, catalogue, unverified: todo.claims};
    const head = $("#doc-head");
    head.textContent = "";
    const c = doc.counts;
    head.appendChild(h("h2", {id: "doc-title",
      text: `${doc.department || "（未识别部门）"} ${doc.year || ""} ${KIND[doc.kind] || ""} — ${doc.files.map(f => f.name).join(" + ")}`}));
    head.appendChild(h("p", {id: "doc-counts",
      text: `版本 ${doc.version}${doc.latest ? "（最新）" : "（旧版本）"}；错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}；已驳回 ${c.dismissed}，已确认 ${c.confirmed}`}));
    head.appendChild(h("p", {id: "doc-ledger", text: doc.ledger ? ledgerLine(doc.ledger) :
      (doc.status === "ok" ? "数字表述：此版本检查时尚无逐处核对（“重新检查”可补上）" : "")}));
    if (doc.error) head.appendChild(h("p", {class: "error", text: "读取问题：" + doc.error}));
    const actions = h("p", {},
      h("a", {class: "button", href: `/api/documents/${id}/report.html`, download: "", text: "HTML 报告"}),
      h("a", {class: "button", href: `/api/documents/${id}/report.csv`, download: "", text: "CSV"}),
      h("a", {class: "button", href: `/api/documents/${id}/report.xlsx`, download: "", text: "XLSX"}));
    if (doc.annotatable) actions.appendChild(h("a", {id: "annotated", class: "button",
      href: `/api/documents/${id}/annotated`, download: "", text: "下载批注副本",
      title: "原件副本：问题处加高亮和批注（不含已驳回的问题）"}));
    if (doc.viewable) actions.appendChild(h("button", {id: "recheck", class: "button", text: "重新检查", onclick: recheck}));
    if (!doc.latest) {
      const newest = doc.history.find(x => x.latest);
      if (newest) actions.appendChild(h("a", {href: "#doc/" + newest.id, text: "  最新版本 →"}));
    }
    head.appendChild(actions);
    fillFilters();
    renderFindings();
    renderUnverified();
    await showViewer(seq);
    if (seq !== viewSeq) return;
    markFindings();
  }

  async function recheck() {
    const btn = $("#recheck");
    btn.disabled = true;
    btn.textContent = "重新检查中…";
    try {
      const job = await api(`/api/documents/${current.doc.id}/recheck`, {method: "POST"});
      const row = h("tr", {class: "job"}, h("td"), h("td"), h("td", {class: "status"}), h("td", {class: "result"}));
      const done = await poll(job.id, row);
      if (done && done.document_id) location.hash = "#doc/" + done.document_id;
      else showError("重新检查失败：" + ((done && done.error) || ""));
    } catch (e) { showError(e.message); }
  }

  function fillFilters() {
    const fill = (sel, values, label) => {
      const s = $(sel);
      const keep = s.value;
      s.textContent = "";
      s.appendChild(h("option", {value: "", text: label}));
      for (const v of values) s.appendChild(h("option", {value: v, text: v}));
      s.value = values.includes(keep) ? keep : "";
    };
    const fs = current.findings;
    fill("#f-rule", [...new Set(fs.map(f => f.rule))].sort(), "全部规则");
    fill("#f-section", [...new Set(fs.map(f => f.section).filter(Boolean))], "全部章节");
  }

  function visible(f) {
    const sev = $("#f-severity").value, rule = $("#f-rule").value, sec = $("#f-section").value, j = $("#f-judgement").value;
    if (sev && f.severity !== sev) return false;
    if (rule && f.rule !== rule) return false;
    if (sec && f.section !== sec) return false;
    const verdict = f.judgement ? f.judgement.verdict : "none";
    if (j && verdict !== j) return false;
    return true;
  }

  function renderFindings() {
    const box = $("#findings");
    box.textContent = "";
    const shown = current.findings.filter(visible);
    box.appendChild(h("p", {class: "hint", text: `显示 ${shown.length} / ${current.findings.length} 条`}));
    for (const f of shown) box.appendChild(findingCard(f));
    markFindings();
  }

  // What is left to check by hand: the statements no figure of the document could confirm or refute,
  // each with its place, its figure marked in the quote, and why. A click shows its place.
  function renderUnverified() {
    const box = $("#unverified-list");
    box.textContent = "";
    const todo = current.unverified || [];
    $("#unverified").hidden = !current.doc.ledger;
    $("#unverified-summary").textContent = `无法核对的数字表述（${todo.length} 处）：需人工核对`;
    for (const c of todo) {
      const q = h("div", {class: "quote", title: describeLoc(c)});
      appendMarked(q, c.quote || "", c.mark);
      q.addEventListener("click", () => focusClaim(c));
      box.appendChild(h("div", {class: "claim", dataset: {id: c.id, kind: c.kind}},
        h("div", {class: "hint", text: `${describeLoc(c)}　${CLAIM_KIND[c.kind] || c.kind}　${c.stated}`}), q,
        h("div", {class: "reason", text: c.reason || ""})));
    }
  }

  async function focusClaim(c) {
    document.querySelectorAll(".claim.focus, .blk.claim-at, td.claim-at").forEach(x => x.classList.remove("focus", "claim-at"));
    const card = document.querySelector(`.claim[data-id="${c.id}"]`);
    if (card) card.classList.add("focus");
    if (current.doc.format === "pdf") {
      if (c.page && current.page !== c.page) await showPage(c.page);
      return;
    }
    const el = [...document.querySelectorAll("#textdoc [data-loc]")].find(x => sameLoc(JSON.parse(x.dataset.loc), c));
    if (el) { el.classList.add("claim-at"); el.scrollIntoView({block: "center"}); }
  }

  function findingCard(f) {
    const rule = current.catalogue[f.rule];
    const verdict = f.judgement ? f.judgement.verdict : null;
    const card = h("div", {class: `finding ${f.severity}${verdict === "dismissed" ? " dismissed" : ""}${f.suppressed ? " suppressed" : ""}`,
      id: "finding-" + f.id, dataset: {id: f.id, rule: f.rule, verdict: verdict || "none"}},
      h("div", {class: "head"}, h("span", {class: "sev", text: SEV[f.severity] || f.severity}),
        h("span", {class: "rule", text: f.rule + (rule ? " " + rule.title : "")})),
      h("div", {class: "message", text: f.message}),
      (f.stated || f.expected) ? h("div", {class: "vals"},
        f.stated ? h("span", {class: "stated", text: "文中：" + f.stated}) : null,
        f.expected ? h("span", {class: "expected", text: "应为：" + f.expected}) : null) : null,
      f.suggestion ? h("div", {class: "suggestion", text: "建议：" + f.suggestion}) : null,
      f.section ? h("div", {class: "hint", text: "章节：" + f.section}) : null);
    for (const e of f.evidence.slice(0, 5)) {
      const q = h("div", {class: "quote", title: describeLoc(e)});
      appendMarked(q, e.quote || "", e.mark);
      q.addEventListener("click", () => focusFinding(f, e));
      card.appendChild(h("div", {class: "hint", text: describeLoc(e)}));
      card.appendChild(q);
    }
    if (f.evidence.length > 5) card.appendChild(h("div", {class: "hint", text: `另有 ${f.evidence.length - 5} 处`}));
    if (rule) card.appendChild(h("details", {}, h("summary", {text: "规则说明"}), h("p", {text: rule.explanation}),
      rule.rationale ? h("p", {text: rule.rationale}) : null));
    if (f.suppressed) card.appendChild(h("div", {class: "hint", text: "已被文中的 budgetdoc: ignore 指令屏蔽"}));
    const comment = h("input", {type: "text", class: "comment", placeholder: "审查意见", maxlength: 4000,
      value: f.judgement ? f.judgement.comment : ""});
    const judge = h("div", {class: "judge"},
      verdict ? h("span", {class: "verdict " + verdict, text: verdict === "dismissed" ? "已驳回 " : "已确认 "}) : null,
      comment,
      h("button", {class: "judge-confirm", text: "确认", onclick: () => setJudgement(f, "confirmed", comment.value)}),
      h("button", {class: "judge-dismiss", text: "驳回", onclick: () => setJudgement(f, "dismissed", comment.value)}),
      f.judgement ? h("button", {class: "judge-clear", text: "撤销", onclick: () => clearJudgement(f)}) : null);
    card.appendChild(judge);
    return card;
  }

  function appendMarked(el, text, mark) {
    if (mark && mark.length === 2 && mark[0] >= 0 && mark[1] <= text.length && mark[0] < mark[1]) {
      el.appendChild(document.createTextNode(text.slice(0, mark[0])));
      el.appendChild(h("mark", {class: "q", text: text.slice(mark[0], mark[1])}));
      el.appendChild(document.createTextNode(text.slice(mark[1])));
    } else el.appendChild(document.createTextNode(text));
  }

  function describeLoc(e) {
    const parts = [];
    if (e.file) parts.push(`《${e.file}》`);
    if (e.page) parts.push(`第${e.page}页`);
    if (e.sheet) parts.push(`工作表「${e.sheet}」${e.cell || ""}`);
    if (e.table) parts.push(`表${e.table}` + (e.row ? ` 第${e.row}行` : "") + (e.col ? ` 第${e.col}列` : ""));
    else if (e.paragraph) parts.push(`第${e.paragraph}段`);
    if (e.line && !e.table) parts.push(`第${e.line}行`);
    return parts.join(" ") || "位置未知";
  }

  async function setJudgement(f, verdict, comment) {
    try {
      const j = await api("/api/judgements", {method: "POST", headers: {"Content-Type": "application/json"},
        body: JSON.stringify({finding_id: f.id, verdict, comment})});
      f.judgement = j;
      await refreshCounts();
      renderFindings();
      showError("");
    } catch (e) { showError(e.message); }
  }

  async function clearJudgement(f) {
    try {
      await api("/api/judgements/" + f.judgement.id, {method: "DELETE"});
      const found = await api("/api/findings?document_id=" + current.doc.id);
      current.findings = found.findings;
      await refreshCounts();
      renderFindings();
    } catch (e) { showError(e.message); }
  }

  async function refreshCounts() {
    const doc = await api("/api/documents/" + current.doc.id);
    const c = doc.counts;
    $("#doc-counts").textContent = `版本 ${doc.version}${doc.latest ? "（最新）" : "（旧版本）"}；错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}；已驳回 ${c.dismissed}，已确认 ${c.confirmed}`;
  }

  async function showViewer(seq) {
    const v = $("#viewer");
    v.textContent = "";
    const doc = current.doc;
    if (!doc.viewable) { v.appendChild(h("p", {class: "hint", text: "原件不在服务器上，只能查看问题列表。"})); return; }
    if (doc.format === "pdf" && doc.pages) {
      const pagesWith = [...new Set(current.findings.flatMap(f => f.evidence.map(e => e.page)).filter(Boolean))].sort((a, b) => a - b);
      const sel = h("select", {id: "page-select"});
      for (let p = 1; p <= doc.pages; p++) sel.appendChild(h("option", {value: p, text: `第${p}页` + (pagesWith.includes(p) ? " ●" : "")}));
      sel.addEventListener("change", () => showPage(+sel.value));
      v.appendChild(h("div", {class: "pagebar"},
        h("button", {text: "◀", onclick: () => showPage(Math.max(1, current.page - 1))}), sel,
        h("button", {text: "▶", onclick: () => showPage(Math.min(doc.pages, current.page + 1))}),
        h("span", {class: "hint", text: `  共 ${doc.pages} 页；有问题的页：${pagesWith.join("、") || "无"}`})));
      v.appendChild(h("div", {class: "page-wrap", id: "page-wrap"}));
      await showPage(pagesWith[0] || 1);
    } else {
      try {
        const data = await api(`/api/documents/${doc.id}/text`);
        if (seq !== viewSeq) return;
        current.blocks = data.blocks;
        v.replaceChildren(renderText(data.blocks));
      } catch (e) { v.appendChild(h("p", {class: "hint", text: "无法显示原文：" + e.message})); }
    }
  }

  async function showPage(p) {
    current.page = p;
    $("#page-select").value = p;
    const wrap = $("#page-wrap");
    wrap.textContent = "";
    const img = h("img", {id: "page-img", alt: `第${p}页`, src: `/api/documents/${current.doc.id}/pages/${p}.png`});
    wrap.appendChild(img);
    await new Promise(res => { img.onload = res; img.onerror = res; });
    try {
      const data = await api(`/api/documents/${current.doc.id}/pages/${p}/boxes`);
      current.boxes = data.boxes;
    } catch (e) { current.boxes = []; showError(e.message); }
    drawBoxes();
  }

  function drawBoxes() {
    const wrap = $("#page-wrap");
    if (!wrap) return;
    wrap.querySelectorAll(".box").forEach(b => b.remove());
    for (const b of current.boxes || []) {
      const f = current.findings.find(x => x.id === b.finding_id);
      if (!f || !visible(f)) continue;
      const dismissed = f.judgement && f.judgement.verdict === "dismissed";
      const add = (r, cls) => {
        const d = h("div", {class: `box ${b.severity} ${cls}${dismissed ? " dismissed" : ""}`,
          dataset: {finding: b.finding_id, rule: b.rule}, title: `${b.rule}：${f.message}`});
        Object.assign(d.style, {left: r[0] * 100 + "%", top: r[1] * 100 + "%", width: r[2] * 100 + "%", height: r[3] * 100 + "%"});
        d.addEventListener("click", () => focusFinding(f, null));
        wrap.appendChild(d);
      };
      b.quote.forEach(r => add(r, "quote"));
      b.mark.forEach(r => add(r, "mark"));
    }
  }

  function renderText(blocks) {
    const root = h("div", {class: "textdoc", id: "textdoc"});
    blocks.forEach((b, i) => {
      if (b.kind === "table" && b.rows) {
        const t = h("table", {class: "blk", dataset: {i}});
        for (const row of b.rows) {
          const tr = h("tr");
          for (const c of row) tr.appendChild(h("td", {text: c.text, dataset: {loc: JSON.stringify(c.loc)},
            rowspan: c.rowspan > 1 ? c.rowspan : null, colspan: c.colspan > 1 ? c.colspan : null}));
          t.appendChild(tr);
        }
        root.appendChild(t);
      } else {
        const tag = b.kind === "heading" ? "h3" : "div";
        root.appendChild(h(tag, {class: "blk", dataset: {i, loc: JSON.stringify(b.loc)}},
          h("span", {class: "loc", text: describeLoc(b.loc)}), h("span", {class: "t", text: b.text})));
      }
    });
    return root;
  }

  const LOC_KEYS = ["line", "page", "paragraph", "table", "row", "col", "sheet", "cell", "file"];
  function sameLoc(a, b) { return LOC_KEYS.every(k => (a[k] ?? null) === (b[k] ?? null)); }

  // Mark each visible finding's quotes in the text: the block at the quote's location, the quote's
  // span in it and the stated number inside (DOM ranges of text nodes; no HTML is parsed).
  function markFindings() {
    if (current.doc.format === "pdf") { drawBoxes(); return; }
    const root = $("#textdoc");
    if (!root) return;
    root.querySelectorAll(".hit").forEach(e => e.classList.remove("hit"));
    root.querySelectorAll("mark.q").forEach(m => m.replaceWith(document.createTextNode(m.textContent)));
    root.querySelectorAll(".t").forEach(t => t.normalize());
    for (const f of current.findings.filter(visible)) {
      for (const e of f.evidence) {
        const el = [...root.querySelectorAll("[data-loc]")].find(x => sameLoc(JSON.parse(x.dataset.loc), e));
        if (!el) continue;
        el.classList.add("hit");
        el.dataset.finding = f.id;
        const t = $(".t", el) || el;
        const text = t.textContent;
        const at = text.indexOf(e.quote || "\u0000");
        if (at < 0 || t.childNodes.length !== 1) continue;
        const [s, en] = e.mark && e.mark.length === 2 ? [at + e.mark[0], at + e.mark[1]] : [at, at + e.quote.length];
        t.textContent = "";
        t.appendChild(document.createTextNode(text.slice(0, s)));
        t.appendChild(h("mark", {class: "q " + f.severity, text: text.slice(s, en), dataset: {finding: f.id}}));
        t.appendChild(document.createTextNode(text.slice(en)));
      }
    }
  }

  async function focusFinding(f, e) {
    document.querySelectorAll(".finding.focus, .box.focus").forEach(x => x.classList.remove("focus"));
    const card = document.getElementById("finding-" + f.id);
    if (card) card.classList.add("focus");
    const ev = e || f.evidence[0];
    if (current.doc.format === "pdf" && ev && ev.page) {
      if (current.page !== ev.page) await showPage(ev.page);
      document.querySelectorAll(`.box[data-finding="${f.id}"]`).forEach(x => x.classList.add("focus"));
      const first = document.querySelector(`.box[data-finding="${f.id}"]`);
      if (first) first.scrollIntoView({block: "center"});
    } else {
      const m = document.querySelector(`#textdoc [data-finding="${f.id}"]`);
      if (m) m.scrollIntoView({block: "center"});
    }
  }

  // ------------------------------------------------------------------------------- overview
  let overview = null;
  async function showOverview() {
    overview = await api("/api/overview");
    const t = overview.totals;
    $("#ov-summary").textContent = `文件 ${overview.documents} 份；错误 ${t.error || 0}，警告 ${t.warning || 0}，提示 ${t.info || 0}；已驳回 ${t.dismissed || 0}，已确认 ${t.confirmed || 0}` +
      (overview.ledger && overview.ledger.claims ? "；" + ledgerLine(overview.ledger) : "");
    const table = $("#ov-table");
    table.textContent = "";
    const years = overview.years;
    table.appendChild(h("tr", {}, h("th", {text: "部门"}), years.map(y => h("th", {text: y}))));
    for (const d of overview.departments) {
      table.appendChild(h("tr", {}, h("td", {text: d.department}), years.map(y => {
        const docs = d.years[String(y)] || [];
        return h("td", {}, docs.map(doc => h("div", {},
          h("a", {href: "#doc/" + doc.id, text: `${KIND[doc.kind] || doc.status} #${doc.id}`}),
          ` 错${doc.counts.error} 警${doc.counts.warning}` + (doc.counts.dismissed ? ` 驳${doc.counts.dismissed}` : ""))));
      })));
    }
    const miss = $("#ov-missing");
    miss.textContent = "";
    for (const f of overview.missing) miss.appendChild(h("li", {class: f.severity, text: f.message}));
    if (!overview.missing.length) miss.appendChild(h("li", {text: "无"}));
    drawChart();
  }

  function drawChart() {
    if (!overview) return;
    const key = $("#chart-key").value;
    const rows = overview.series[key] || [];
    const years = [...new Set(rows.map(r => r.year))].filter(y => y !== null).sort();
    const depts = [...new Set(rows.map(r => r.department || "（未识别部门）"))];
    const series = depts.map(d => ({name: d, values: years.map(y => {
      const r = rows.find(x => (x.department || "（未识别部门）") === d && x.year === y);
      return r ? r.value : null;
    })}));
    const box = $("#chart");
    if (!rows.length) { box.textContent = "没有这个数字的数据"; return; }
    window.BudgetChart.grouped(box, years.map(String), series, "万元");
  }

  // ------------------------------------------------------------------------------- routing
  async function route() {
    showError("");
    const hash = location.hash || "#upload";
    const [view, arg] = hash.slice(1).split("/");
    const name = view === "doc" ? "doc" : (["upload", "docs", "overview", "export"].includes(view) ? view : "upload");
    document.querySelectorAll(".view").forEach(v => { v.hidden = v.id !== "view-" + name; });
    document.querySelectorAll("nav a").forEach(a => a.classList.toggle("active", a.dataset.view === name));
    try {
      if (name === "docs") await showDocs();
      else if (name === "doc") await showDoc(parseInt(arg, 10));
      else if (name === "overview") await showOverview();
    } catch (e) { showError(e.message); }
  }

  document.addEventListener("DOMContentLoaded", async () => {
    setupUpload();
    ["#f-severity", "#f-rule", "#f-section", "#f-judgement"].forEach(s => $(s).addEventListener("change", renderFindings));
    $("#chart-key").addEventListener("change", drawChart);
    $("#login").addEventListener("submit", e => {
      e.preventDefault();
      const t = $("#token").value.trim();
      localStorage.setItem("budgetdoc_token", t);
      document.cookie = "budgetdoc_token=" + t + "; path=/; SameSite=Strict";
      $("#login").hidden = true;
      route();
    });
    try {
      health = await api("/api/health");
      $("#limits").textContent = `支持：${health.extensions.join(" ")}；每个文件最多 ${health.max_upload_mb} MB`;
      if (health.auth && !localStorage.getItem("budgetdoc_token")) $("#login").hidden = false;
    } catch (e) { showError(e.message); }
    window.addEventListener("hashchange", route);
    route();
  });
})();
