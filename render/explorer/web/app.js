/* coauthor explorer: the browser front end.
 *
 * Two modes with one `api` object:
 *  - served: every call is a fetch of a relative URL ("api/graph", ...);
 *  - inline: when <script id="coauthor-data" type="application/json"> exists
 *    (coauthor render -o map.html), nothing is fetched and every call is
 *    answered locally from that BUNDLE.
 * Needs the globals `graphology` (graphology.umd.min.js) and `Sigma`
 * (sigma.min.js), loaded before this file.
 */
(function () {
  "use strict";

  const NS = (window.coauthor = window.coauthor || {});
  let readyResolve, readyReject;
  NS.ready = new Promise((res, rej) => { readyResolve = res; readyReject = rej; });
  NS.ready.catch(() => {});
  NS.firstFrameMs = null;
  NS.timings = {}; // ms of the first graph fetch, graph build and first render, for checks

  const DIM_NODE = "#ececec";
  const BACKGROUND = "#ffffff";
  // sigma 3 blends with gl.ONE, ONE_MINUS_SRC_ALPHA: a translucent colour must be
  // given premultiplied (r, g, b <= 255 * alpha), else it adds up to white.
  // The alpha goes down as links per author go up.
  function edgeColor(G) {
    const d = G.order ? G.size / G.order : 0;
    const a = d < 2 ? 0.45 : d < 8 ? 0.3 : 0.18;
    const g = Math.round(150 * a); // grey 150, premultiplied
    return `rgba(${g},${g},${g},${a})`;
  }
  const HL_EDGE = "rgba(40,40,40,0.55)";
  const PATH_EDGE = "#d62728";
  const NO_YEAR = "#bdbdbd";
  // viridis, 7 stops
  const RAMP = ["#440154", "#443983", "#31688e", "#21918c", "#35b779", "#90d743", "#fde725"];

  // ------------------------------------------------------------------
  // helpers

  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const k in attrs) {
        const v = attrs[k];
        if (v === undefined || v === null || v === false) continue;
        if (k === "class") e.className = v;
        else if (k === "text") e.textContent = v;
        else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
        else if (k === "dataset") Object.assign(e.dataset, v);
        else e.setAttribute(k, v === true ? "" : v);
      }
    }
    for (const kid of kids) {
      if (kid === undefined || kid === null || kid === false) continue;
      e.append(kid instanceof Node ? kid : String(kid));
    }
    return e;
  }

  function fold(s) {
    return String(s)
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[-.]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  }
  NS.fold = fold;

  function cmpStr(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  function num(v) {
    if (v === undefined || v === null || v === "") return null;
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }

  function idSet(v) {
    if (v === undefined || v === null) return null;
    const s = new Set();
    for (const x of String(v).split(",")) if (x.trim() !== "") s.add(Number(x));
    return s;
  }

  function hexToRgb(h) {
    const n = parseInt(h.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const RAMP_RGB = RAMP.map(hexToRgb);
  function rampColor(t) {
    t = Math.max(0, Math.min(1, t));
    const f = t * (RAMP_RGB.length - 1);
    const i = Math.min(Math.floor(f), RAMP_RGB.length - 2);
    const u = f - i, a = RAMP_RGB[i], b = RAMP_RGB[i + 1];
    const c = (k) => Math.round(a[k] + (b[k] - a[k]) * u).toString(16).padStart(2, "0");
    return "#" + c(0) + c(1) + c(2);
  }

  // WCAG 2 relative luminance and contrast ratio of two "#rrggbb" colours.
  function luminance(h) {
    const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    const [r, g, b] = hexToRgb(h);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  }
  function contrast(a, b) {
    const x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  NS.contrast = contrast;
  NS.dimColor = DIM_NODE;
  NS.labels = () => S.labelBoxes || [];
  NS.highlight = () => S.hl;

  // visible returns c, darkened until it stands out from the background and
  // from the dimmed nodes by a contrast of at least 3:1 (WCAG's minimum for
  // graphics): a highlighted node stays visible whatever its cluster colour.
  const visibleCache = new Map();
  function visible(c) {
    if (!/^#[0-9a-f]{6}$/i.test(c)) return c;
    let out = visibleCache.get(c);
    if (out) return out;
    let [r, g, b] = hexToRgb(c);
    const hex = () => "#" + [r, g, b].map((x) => Math.round(x).toString(16).padStart(2, "0")).join("");
    out = c;
    for (let k = 0; k < 40 && (contrast(out, BACKGROUND) < 3 || contrast(out, DIM_NODE) < 3); k++) {
      r *= 0.92; g *= 0.92; b *= 0.92;
      out = hex();
    }
    visibleCache.set(c, out);
    return out;
  }

  function fmtMeasure(v) {
    if (typeof v !== "number") return String(v);
    if (Number.isInteger(v)) return String(v);
    if (Math.abs(v) >= 100) return v.toFixed(1);
    return Number(v.toPrecision(4)).toString();
  }

  function debounce(fn, ms) {
    let t = null;
    return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); };
  }

  // ------------------------------------------------------------------
  // API: served mode

  function httpApi() {
    async function answer(r) {
      let body = null;
      try { body = await r.json(); } catch (e) { body = null; }
      if (!r.ok) throw new Error((body && body.error) || r.status + " " + r.statusText);
      return body;
    }
    async function get(path, params) {
      const qs = new URLSearchParams();
      if (params) {
        for (const k in params) {
          const v = params[k];
          if (v !== undefined && v !== null && v !== "") qs.set(k, String(v));
        }
      }
      const q = qs.toString();
      return answer(await fetch("api/" + path + (q ? "?" + q : ""), { headers: { Accept: "application/json" } }));
    }
    return {
      mode: "served",
      meta: () => get("meta"),
      status: () => get("status"),
      graph: (p) => get("graph", p),
      search: (q, limit) => get("search", { q, limit }),
      author: (id) => get("author", { id }),
      edge: (s, t) => get("edge", { source: s, target: t }),
      path: (from, to, all) => get("path", { from, to, all: all ? 1 : undefined }),
      match: async (text) =>
        answer(await fetch("api/match", {
          method: "POST",
          headers: { "Content-Type": "text/plain; charset=utf-8", Accept: "application/json" },
          body: text,
        })),
    };
  }

  // ------------------------------------------------------------------
  // API: inline mode, answered from the BUNDLE

  function localApi(B) {
    const nodes = B.nodes || [], edges = B.edges || [], plist = B.papers || [];
    const node = new Map();
    for (const n of nodes) node.set(n.id, n);
    const paper = new Map();
    for (const p of plist) paper.set(p.id, p);
    const adj = new Map();
    for (const n of nodes) adj.set(n.id, new Map());
    for (const e of edges) {
      const a = adj.get(e.source), b = adj.get(e.target);
      if (a && b) { a.set(e.target, e); b.set(e.source, e); }
    }
    const authorPapers = new Map();
    for (const n of nodes) authorPapers.set(n.id, []);
    for (const p of plist) for (const a of p.authors || []) { const l = authorPapers.get(a); if (l) l.push(p); }

    let foldedNames = null; // id -> [[folded, spelling]]
    function folded() {
      if (foldedNames) return foldedNames;
      foldedNames = new Map();
      for (const n of nodes) {
        const names = [n.name];
        for (const v of n.variants || []) if (v.name !== n.name) names.push(v.name);
        foldedNames.set(n.id, names.map((x) => [fold(x), x]));
      }
      return foldedNames;
    }

    function err(msg) { return Promise.reject(new Error(msg)); }
    function paperOut(p) { return { id: p.id, title: p.title, year: p.year, venue: p.venue || "", url: p.url || "", doi: p.doi || "" }; }
    function byYearTitle(a, b) { return (b.year || 0) - (a.year || 0) || cmpStr(a.title, b.title); }

    function graph(p) {
      p = p || {};
      const since = num(p.since), until = num(p.until);
      const minWeight = num(p.min_weight) || 0, minPapers = num(p.min_papers) || 0;
      const clusters = idSet(p.clusters), only = idSet(p.only);
      const ego = num(p.ego), depth = num(p.depth) || 1;
      const undated = String(p.undated) === "1";
      if (ego !== null && !node.has(ego)) return err("unknown author " + ego);
      const windowed = since !== null || until !== null;
      let papersIn = null;
      if (windowed) {
        const lo = since !== null ? since : -Infinity, hi = until !== null ? until : Infinity;
        papersIn = new Set();
        for (const q of plist) if (q.year ? q.year >= lo && q.year <= hi : undated) papersIn.add(q.id);
      }
      const npapers = new Map();
      for (const n of nodes) {
        let c = n.papers;
        if (windowed) { c = 0; for (const q of authorPapers.get(n.id)) if (papersIn.has(q.id)) c++; }
        npapers.set(n.id, c);
      }
      let keep = new Set();
      for (const n of nodes) {
        const c = npapers.get(n.id);
        if (windowed && c === 0) continue;
        if (c < minPapers) continue;
        if (clusters && !clusters.has(n.cluster)) continue;
        if (only && !only.has(n.id)) continue;
        keep.add(n.id);
      }
      let out = [];
      for (const e of edges) {
        if (!keep.has(e.source) || !keep.has(e.target)) continue;
        let w = e.weight, pc = e.papers;
        if (windowed) {
          pc = 0;
          for (const id of e.paper_ids || []) if (papersIn.has(id)) pc++;
          if (pc === 0) continue;
          w = pc;
        }
        if (w < minWeight) continue;
        out.push({ source: e.source, target: e.target, weight: w, papers: pc });
      }
      if (ego !== null) {
        const ad = new Map();
        for (const e of out) {
          if (!ad.has(e.source)) ad.set(e.source, []);
          if (!ad.has(e.target)) ad.set(e.target, []);
          ad.get(e.source).push(e.target);
          ad.get(e.target).push(e.source);
        }
        const seen = new Map();
        if (keep.has(ego)) seen.set(ego, 0);
        const queue = [...seen.keys()];
        for (let h = 0; h < queue.length; h++) {
          const v = queue[h], d = seen.get(v);
          if (d >= depth) continue;
          for (const w of ad.get(v) || []) if (!seen.has(w)) { seen.set(w, d + 1); queue.push(w); }
        }
        keep = new Set(seen.keys());
        out = out.filter((e) => keep.has(e.source) && keep.has(e.target));
      }
      const outNodes = [];
      for (const n of nodes) {
        if (!keep.has(n.id)) continue;
        outNodes.push({ id: n.id, name: n.name, x: n.x, y: n.y, size: n.size, cluster: n.cluster,
          papers: npapers.get(n.id), year: n.year || 0 });
      }
      let paperCount = B.meta && typeof B.meta.papers === "number" ? B.meta.papers : plist.length;
      if (windowed || keep.size !== nodes.length) {
        const ps = new Set();
        for (const id of keep) for (const q of authorPapers.get(id)) if (!papersIn || papersIn.has(q.id)) ps.add(q.id);
        paperCount = ps.size;
      }
      // the bundle holds the heaviest MaxEdges links only: say so when all are asked for
      const hidden = Object.keys(p).length === 0 ? B.hidden_edges || 0 : 0;
      return Promise.resolve({ nodes: outNodes, edges: out,
        counts: { papers: paperCount, authors: outNodes.length, edges: out.length, hidden_edges: hidden } });
    }

    function search(q, limit) {
      const text = fold(q || "");
      limit = num(limit) || 10;
      if (!text) return Promise.resolve({ results: [] });
      const F = folded();
      const res = [];
      for (const n of nodes) {
        let best = null;
        for (const [f, orig] of F.get(n.id)) {
          let r;
          if (f === text) r = 0;
          else if (f.startsWith(text) || (" " + f).includes(" " + text)) r = 1;
          else if (f.includes(text)) r = 2;
          else continue;
          if (!best || r < best[0]) best = [r, orig];
        }
        if (best) res.push({ r: best[0], n, matched: best[1] });
      }
      res.sort((a, b) => a.r - b.r || b.n.papers - a.n.papers || cmpStr(a.n.name, b.n.name));
      return Promise.resolve({
        results: res.slice(0, limit).map((x) => ({ id: x.n.id, name: x.n.name, matched: x.matched, papers: x.n.papers })),
      });
    }

    function author(id) {
      id = num(id);
      const n = node.get(id);
      if (!n) return err("unknown author");
      const ps = authorPapers.get(id).slice().sort(byYearTitle).map(paperOut);
      const co = [];
      for (const [j, e] of adj.get(id)) co.push({ id: j, name: node.get(j).name, shared: e.papers });
      co.sort((a, b) => b.shared - a.shared || cmpStr(a.name, b.name));
      return Promise.resolve({
        id, name: n.name, source_id: n.source_id || "", variants: n.variants || [], reasons: n.reasons || [],
        cluster: n.cluster, measures: n.measures || {}, papers: ps, coauthors: co,
      });
    }

    function edge(s, t) {
      s = num(s); t = num(t);
      const m = adj.get(s), e = m && m.get(t);
      if (!e) return err("no such edge");
      const ps = (e.paper_ids || []).map((id) => paper.get(id)).filter(Boolean).sort(byYearTitle).map(paperOut);
      return Promise.resolve({ source: s, target: t, weight: e.weight, papers: ps });
    }

    function linkPaper(a, b) {
      const e = adj.get(a).get(b);
      let best = null;
      for (const id of e.paper_ids || []) {
        const p = paper.get(id);
        if (p && (!best || (p.year || 0) > (best.year || 0) || ((p.year || 0) === (best.year || 0) && p.id < best.id))) best = p;
      }
      return best ? { id: best.id, title: best.title, year: best.year } : null;
    }

    function path(from, to, all) {
      const a = num(from), b = num(to);
      if (!node.has(a) || !node.has(b)) return err("unknown author");
      const dist = new Map([[a, 0]]), preds = new Map([[a, []]]);
      const queue = [a];
      for (let h = 0; h < queue.length; h++) {
        const v = queue[h];
        if (dist.has(b) && dist.get(v) >= dist.get(b)) break;
        const ns = [...adj.get(v).keys()].sort((x, y) => x - y);
        for (const w of ns) {
          if (!dist.has(w)) { dist.set(w, dist.get(v) + 1); preds.set(w, [v]); queue.push(w); }
          else if (dist.get(w) === dist.get(v) + 1) preds.get(w).push(v);
        }
      }
      if (!dist.has(b)) return Promise.resolve({ distance: null, paths: [] });
      const cap = all ? 20 : 1;
      const paths = [];
      (function walk(v, tail) {
        if (paths.length >= cap) return;
        if (v === a) { paths.push([v, ...tail]); return; }
        for (const p of preds.get(v)) walk(p, [v, ...tail]);
      })(b, []);
      return Promise.resolve({
        distance: dist.get(b),
        paths: paths.map((p) => p.map((v, k) => ({
          id: v, name: node.get(v).name, paper: k + 1 < p.length ? linkPaper(v, p[k + 1]) : null,
        }))),
      });
    }

    function match(text) {
      const F = folded();
      const idx = new Map();
      for (const n of nodes) for (const [f] of F.get(n.id)) if (!idx.has(f)) idx.set(f, n.id);
      const ids = [], unmatched = [];
      for (const line of String(text || "").split(/\r?\n|\r/)) {
        const name = line.trim();
        if (!name) continue;
        const id = idx.get(fold(name));
        if (id === undefined) unmatched.push(name);
        else if (!ids.includes(id)) ids.push(id);
      }
      return Promise.resolve({ ids, unmatched });
    }

    return {
      mode: "inline",
      meta: () => Promise.resolve(B.meta),
      // The page holds every measure: none comes later.
      status: () => Promise.resolve({ pending: [], done: 0, total: 0, percent: 100, ready: true }),
      graph, search, author, edge,
      path: (from, to, all) => path(from, to, all),
      match,
    };
  }

  // ------------------------------------------------------------------
  // state

  const S = {
    api: null,
    meta: null,
    sigma: null,
    graph: null,
    colorBy: "cluster",
    clusterColor: new Map(),
    yearLo: 0,
    yearHi: 0,
    hl: null, // {type: "author", id} | {type: "edge", s, t} | {type: "path", paths}
    egoId: null,
    onlyIds: null,
    onlyText: "",
    fetchSeq: 0,
    selSeq: 0,
    later: null, // api/status: the measures the server computes after the map
    author: null, // the author in the panel
  };

  function setStatus(msg, isError) {
    const s = $("status");
    s.textContent = msg || "";
    s.classList.toggle("error", !!isError);
  }

  function newGraph() {
    const G = graphology;
    if (G.UndirectedGraph) return new G.UndirectedGraph();
    return new (G.Graph || G)({ type: "undirected" });
  }

  function yearColor(y) {
    if (!y) return NO_YEAR;
    if (S.yearHi <= S.yearLo) return rampColor(0.5);
    return rampColor((y - S.yearLo) / (S.yearHi - S.yearLo));
  }

  function buildGraph(data) {
    const G = newGraph();
    for (const n of data.nodes) {
      const cc = S.clusterColor.get(n.cluster) || "#999999";
      const yc = yearColor(n.year);
      G.addNode(n.id, {
        x: n.x, y: n.y, size: n.size > 0 ? n.size : 2, label: n.name,
        color: S.colorBy === "year" ? yc : cc, cc, yc,
        cluster: n.cluster, papers: n.papers, year: n.year,
      });
    }
    // hot loop at 1M edges: no look-ups before addEdge (it throws on a
    // missing end or a repeated pair, which the server does not send), and
    // only the attribute sigma draws (the edge panel asks the API).
    // Own integer keys: graphology's generated edge keys cost ~25% more.
    const sizes = new Map();
    let bad = 0, key = 0;
    for (const e of data.edges) {
      const w = e.weight > 0 ? e.weight : 1;
      let size = sizes.get(w);
      if (size === undefined) { size = Math.min(1.2 + Math.log2(1 + w), 6); sizes.set(w, size); }
      try { G.addEdgeWithKey(key++, e.source, e.target, { size }); } catch (err) { bad++; }
    }
    if (bad) console.warn("coauthor: " + bad + " edges skipped (self-loop, repeated pair or unknown node)");
    return G;
  }

  // nodesNoun names the nodes in the plural: authors, or the units of a
  // unit network (meta.unit: "country", "institution").
  function nodesNoun() {
    const u = S.meta && S.meta.unit;
    return !u ? "authors" : u === "country" ? "countries" : u + "s";
  }

  function setCounts(c) {
    NS.lastCounts = c;
    const links = c.hidden_edges ? `showing ${c.edges} of ${c.edges + c.hidden_edges} links` : `${c.edges} links`;
    $("counts").textContent = `${c.authors} ${nodesNoun()} · ${links} · ${c.papers} papers`;
    $("counts").title = c.hidden_edges ? `the ${c.edges} heaviest links are drawn, ${c.hidden_edges} lighter ones left out` : "";
    $("node-count").textContent = String(S.graph ? S.graph.order : 0);
  }

  // ------------------------------------------------------------------
  // sigma

  function initSigma(empty, G) {
    const big = G.size > 200000 || G.order > 50000;
    const sigma = new Sigma(empty, $("map"), {
      enableEdgeEvents: true,
      defaultEdgeColor: edgeColor(G),
      stagePadding: 40,
      defaultNodeColor: "#999999",
      hideEdgesOnMove: big,
      // sizes in the unit of the positions (the server keeps nodes apart in
      // it): no overlap at the first view, whatever the window
      itemSizesReference: "positions",
      labelRenderedSizeThreshold: 5,
      labelDensity: 1,
      labelGridCellSize: 120,
      labelSize: 12,
      defaultDrawNodeLabel: drawLabel,
      zIndex: false,
      minCameraRatio: 0.002,
      maxCameraRatio: 10,
    });
    finePicking(sigma, G);
    sigma.on("beforeRender", () => { S.labelBoxes = []; });
    sigma.on("afterRender", () => { placeBasemap(); if (S.density) drawDensitySoon(); });
    sigma.on("clickNode", ({ node }) => { NS.selectAuthor(Number(node)); });
    sigma.on("clickEdge", ({ edge }) => {
      const g = sigma.getGraph();
      NS.selectEdge(Number(g.source(edge)), Number(g.target(edge)));
    });
    sigma.on("clickStage", () => { if (S.hl) { S.hl = null; applyHighlight(); } });
    const cur = (c) => () => { $("map").style.cursor = c; };
    sigma.on("enterNode", cur("pointer"));
    sigma.on("leaveNode", cur(""));
    sigma.on("enterEdge", cur("pointer"));
    sigma.on("leaveEdge", cur(""));
    return sigma;
  }

  // drawLabel draws a node's label beside it, right of it or, where it
  // would leave the map, left of it; a label that would overprint one drawn
  // before in the same frame (sigma draws the larger nodes' first) is left
  // out unless forced. The boxes drawn are in S.labelBoxes (for checks).
  function drawLabel(ctx, d, st) {
    if (!d.label) return;
    const size = st.labelSize;
    ctx.font = `${st.labelWeight} ${size}px ${st.labelFont}`;
    const w = ctx.measureText(d.label).width;
    const W = S.sigma ? S.sigma.getDimensions().width : ctx.canvas.width;
    let x = d.x + d.size + 3;
    if (x + w > W - 2 && d.x - d.size - 3 - w >= 2) x = d.x - d.size - 3 - w;
    const box = { x0: x - 1, y0: d.y - size / 2 - 1, x1: x + w + 1, y1: d.y + size / 2 + 1, label: d.label };
    const boxes = S.labelBoxes || (S.labelBoxes = []);
    if (!d.forceLabel && boxes.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) return;
    boxes.push(box);
    ctx.fillStyle = st.labelColor.attribute ? d[st.labelColor.attribute] || st.labelColor.color || "#000" : st.labelColor.color;
    // a white halo keeps the label readable over the nodes of a dense cluster
    ctx.lineJoin = "round";
    ctx.lineWidth = 3;
    ctx.strokeStyle = "rgba(255,255,255,0.85)";
    ctx.strokeText(d.label, x, d.y + size / 3);
    ctx.fillText(d.label, x, d.y + size / 3);
  }

  // sigma 3 picks nodes and edges in a framebuffer at half the CSS resolution
  // (pickingDownSizingRatio = 2 * pixelRatio), where 2 px wide edges are often
  // missed by a click. Below 300k edges pick at full CSS resolution instead;
  // above, keep sigma's default (less GPU fill per frame).
  function finePicking(sigma, G) {
    if (typeof sigma.pickingDownSizingRatio !== "number") return;
    const want = G.size <= 300000 ? (sigma.pixelRatio || 1) : 2 * (sigma.pixelRatio || 1);
    if (sigma.pickingDownSizingRatio !== want) {
      sigma.pickingDownSizingRatio = want;
      sigma.resize(true);
    }
  }

  function drawGraph(data) {
    const tBuild = performance.now();
    const G = buildGraph(data);
    NS.timings.buildMs = Math.round(performance.now() - tBuild);
    S.graph = G;
    if (!S.sigma) {
      // sigma starts on an empty graph (its constructor renders at once), so
      // that the listener is there before the one full process and render.
      S.sigma = initSigma(newGraph(), G);
      NS.sigma = S.sigma;
      S.sigma.once("afterRender", () => {
        NS.firstFrameMs = performance.now();
        requestAnimationFrame(() => {
          document.body.dataset.ready = "1";
          readyResolve(NS);
        });
      });
      S.bbox = S.basemap ? { x: [0, S.basemap.w], y: [-S.basemap.h, 0] } : bboxOf(data.nodes);
      if (S.bbox) S.sigma.setCustomBBox(S.bbox);
      const tSigma = performance.now();
      S.sigma.setGraph(G);
      fitLabels(S.sigma, G);
      NS.timings.firstRenderMs = Math.round(performance.now() - tSigma);
    } else {
      // settings and reducers first: setGraph then processes and renders once
      S.sigma.setSettings({ hideEdgesOnMove: G.size > 200000 || G.order > 50000, defaultEdgeColor: edgeColor(G) });
      finePicking(S.sigma, G);
      applyHighlight();
      S.sigma.setGraph(G);
    }
    setCounts(data.counts || { authors: data.nodes.length, edges: data.edges.length, papers: 0 });
  }

  // fitLabels lowers the drawn size below which a node gets no label (5 px)
  // to the size of the 60th largest node at the first view, but not below
  // 2.5 px: a map whose nodes are all drawn small still names the largest
  // author of each part, whatever the layout's extent (sigma's label grid
  // then picks the largest node of each cell, and drawLabel drops a label
  // that would overprint another).
  function fitLabels(sigma, G) {
    const sizes = [];
    G.forEachNode((n, a) => { sizes.push(a.size || 0); });
    if (!sizes.length) return;
    sizes.sort((a, b) => b - a);
    const r = sigma.scaleSize(sizes[Math.min(59, sizes.length - 1)]);
    const thr = Math.max(2.5, Math.min(5, r));
    if (thr < 5) sigma.setSetting("labelRenderedSizeThreshold", thr);
  }

  // bboxOf returns the extent of the nodes as sigma's custom bounding box:
  // the first map's, kept for every filter after, so that a part of the map
  // is drawn where and as large as it is in the whole.
  function bboxOf(nodes) {
    if (!nodes.length) return null;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const n of nodes) {
      x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x);
      y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y);
    }
    return { x: [x0, x1], y: [y0, y1] };
  }

  // highlight: one description in S.hl, turned into sets for the current graph
  function applyHighlight(moveCamera) {
    const sigma = S.sigma, G = S.graph;
    if (!sigma) return;
    let nodes = null, edges = null, focus = null, strong = null, forced = null;
    const hl = S.hl;
    if (hl && hl.type === "author" && G.hasNode(hl.id)) {
      focus = String(hl.id);
      nodes = new Set([focus]);
      edges = new Set();
      G.forEachEdge(focus, (e, a, s, t) => { edges.add(e); nodes.add(s); nodes.add(t); });
      forced = new Set([focus]);
    } else if (hl && hl.type === "edge" && G.hasNode(hl.s) && G.hasNode(hl.t)) {
      nodes = new Set([String(hl.s), String(hl.t)]);
      edges = new Set();
      const e = G.edge(hl.s, hl.t);
      if (e) edges.add(e);
      forced = nodes;
      strong = edges;
    } else if (hl && hl.type === "path") {
      nodes = new Set();
      edges = new Set();
      for (const p of hl.paths) {
        for (let k = 0; k < p.length; k++) {
          if (G.hasNode(p[k].id)) nodes.add(String(p[k].id));
          if (k + 1 < p.length && G.hasNode(p[k].id) && G.hasNode(p[k + 1].id)) {
            const e = G.edge(p[k].id, p[k + 1].id);
            if (e) edges.add(e);
          }
        }
      }
      forced = nodes;
      strong = edges;
    }
    if (!nodes) {
      if (sigma.getSetting("nodeReducer") || sigma.getSetting("edgeReducer")) sigma.setSettings({ nodeReducer: null, edgeReducer: null });
      writeHash();
      return;
    }
    // sigma hands the reducers a fresh shallow copy of the attributes: change it
    // in place (no second object per node and per edge at 1M edges).
    const nodeReducer = (n, d) => {
      if (nodes.has(n)) {
        d.zIndex = 1;
        d.color = visible(d.color);
        if (forced && forced.has(n)) d.forceLabel = true;
        if (n === focus) d.highlighted = true;
      } else {
        d.color = DIM_NODE;
        d.label = null;
      }
      return d;
    };
    const edgeReducer = (e, d) => {
      if (!edges.has(e)) d.hidden = true;
      else if (strong) { d.color = PATH_EDGE; d.size = Math.max(d.size || 1, 3); d.zIndex = 1; }
      else { d.color = HL_EDGE; d.size = Math.max(d.size || 1, 2.5); }
      return d;
    };
    sigma.setSettings({ nodeReducer, edgeReducer });
    writeHash();
    if (moveCamera && nodes.size) fitCamera(nodes, focus);
  }

  // camera ("framed graph") coordinates of a node, from its graph attributes:
  // the display data cache may be stale right after a reducer change.
  function framed(n) {
    const sigma = S.sigma, G = S.graph;
    if (!G.hasNode(n)) return null;
    const a = G.getNodeAttributes(n);
    return sigma.viewportToFramedGraph(sigma.graphToViewport({ x: a.x, y: a.y }));
  }

  function fitCamera(nodes, focus) {
    const sigma = S.sigma, cam = sigma.getCamera();
    if (focus) {
      const d = framed(focus);
      if (d) cam.animate({ x: d.x, y: d.y, ratio: Math.min(cam.ratio, 0.4) }, { duration: 450 });
      return;
    }
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const n of nodes) {
      const d = framed(n);
      if (!d) continue;
      x0 = Math.min(x0, d.x); x1 = Math.max(x1, d.x);
      y0 = Math.min(y0, d.y); y1 = Math.max(y1, d.y);
    }
    if (!Number.isFinite(x0)) return;
    const ratio = Math.max(0.08, Math.min(1.1, Math.max(x1 - x0, y1 - y0) * 1.3));
    cam.animate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio }, { duration: 450 });
  }

  // ------------------------------------------------------------------
  // graph fetching with the filters

  function intInput(id) {
    const v = $(id).value.trim();
    if (v === "") return null;
    const n = Math.round(Number(v));
    return Number.isFinite(n) ? n : null;
  }

  function currentParams() {
    const p = {};
    const [y0, y1] = S.meta.years || [0, 0];
    const since = intInput("year-from"), until = intInput("year-to");
    if (since !== null && !(y0 && since <= y0)) p.since = since;
    if (until !== null && !(y1 && until >= y1)) p.until = until;
    if ((p.since !== undefined || p.until !== undefined) && $("keep-undated").checked && S.meta.undated) p.undated = 1;
    const mw = Number($("min-weight").value);
    if (Number.isFinite(mw) && mw > 1) p.min_weight = mw;
    const mp = intInput("min-papers");
    if (mp !== null && mp > 1) p.min_papers = mp;
    const boxes = [...document.querySelectorAll('#clusters input[type=checkbox]')];
    const on = boxes.filter((b) => b.checked).map((b) => b.dataset.cluster);
    if (boxes.length && on.length === 0) return null; // nothing to show
    if (on.length < boxes.length) p.clusters = on.join(",");
    if (S.egoId !== null) { p.ego = S.egoId; p.depth = Number($("depth").value) || 1; }
    if (S.onlyIds) {
      if (!S.onlyIds.length) return null;
      p.only = S.onlyIds.join(",");
    }
    return p;
  }

  async function refetch() {
    const seq = ++S.fetchSeq;
    const p = currentParams();
    NS.lastParams = p;
    writeHash();
    let data;
    if (p === null) {
      data = { nodes: [], edges: [], counts: { papers: 0, authors: 0, edges: 0 } };
    } else {
      setStatus("loading…");
      try {
        data = await S.api.graph(p);
      } catch (e) {
        if (seq === S.fetchSeq) setStatus("graph: " + e.message, true);
        return;
      }
    }
    if (seq !== S.fetchSeq) return;
    drawGraph(data);
    if (S.sigma && !S.hl) {
      if (S.graph.order && p && (p.ego !== undefined || p.only !== undefined || p.clusters !== undefined)) fitCamera(new Set(S.graph.nodes()), null);
      else S.sigma.getCamera().animatedReset({ duration: 300 });
    }
    setStatus(data.nodes.length ? "" : "no author matches these filters");
  }
  const refetchSoon = debounce(() => { NS.loading = refetch(); }, 250);
  function refetchNow() { NS.loading = refetch(); return NS.loading; }
  NS.refetch = refetchNow;

  // ------------------------------------------------------------------
  // completion (search, path ends, ego)

  function completion(input, list, onChoose) {
    let items = [], itemsFor = null, active = -1, seq = 0;
    function hide() { list.hidden = true; }
    function render() {
      list.textContent = "";
      items.forEach((it, i) => {
        const li = el("li", {
          class: "search-result" + (i === active ? " active" : ""), role: "option",
          dataset: { id: String(it.id) },
          onmousedown: (e) => e.preventDefault(),
          onclick: () => choose(it),
        },
        el("span", null, it.name,
          it.matched && it.matched !== it.name ? el("span", { class: "matched", text: " (" + it.matched + ")" }) : null),
        el("span", { class: "np", text: it.papers + (it.papers === 1 ? " paper" : " papers") }));
        list.append(li);
      });
      list.hidden = items.length === 0;
    }
    async function update() {
      const q = input.value.trim();
      const my = ++seq;
      if (!q) { items = []; itemsFor = q; hide(); return; }
      let r;
      try { r = await S.api.search(q, 12); } catch (e) { setStatus("search: " + e.message, true); return; }
      if (my !== seq) return;
      items = r.results || [];
      itemsFor = q;
      active = items.length ? 0 : -1;
      if (document.activeElement === input) render(); // not after the user left the field
    }
    const updateSoon = debounce(update, 120);
    function choose(it) {
      input.value = it.name;
      input.dataset.id = String(it.id);
      seq++;
      hide();
      onChoose(it);
    }
    async function resolve() {
      if (input.dataset.id) return Number(input.dataset.id);
      const q = input.value.trim();
      if (!q) return null;
      const r = await S.api.search(q, 1);
      const it = r.results && r.results[0];
      if (!it) return null;
      input.value = it.name;
      input.dataset.id = String(it.id);
      return it.id;
    }
    input.addEventListener("input", () => { delete input.dataset.id; updateSoon(); });
    input.addEventListener("focus", () => { if (items.length && itemsFor === input.value.trim() && !input.dataset.id) render(); });
    input.addEventListener("blur", () => setTimeout(hide, 150));
    input.addEventListener("keydown", async (e) => {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!items.length) return;
        e.preventDefault();
        active = (active + (e.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
        render();
        const a = list.children[active];
        if (a && a.scrollIntoView) a.scrollIntoView({ block: "nearest" });
      } else if (e.key === "Escape") {
        hide();
      } else if (e.key === "Enter") {
        e.preventDefault();
        if (!list.hidden && itemsFor === input.value.trim() && items[active]) { choose(items[active]); return; }
        seq++;
        hide();
        const q = input.value.trim();
        if (!q) { onChoose(null); return; }
        try {
          const r = await S.api.search(q, 1);
          if (r.results && r.results[0]) choose(r.results[0]);
          else setStatus("no author matches “" + q + "”", true);
        } catch (err) { setStatus("search: " + err.message, true); }
      }
    });
    return { resolve, clear() { input.value = ""; delete input.dataset.id; items = []; hide(); } };
  }

  // ------------------------------------------------------------------
  // panels

  function paperItem(p) {
    // Only http(s) addresses become links (the server gives no other;
    // a hand-made bundle might).
    const link = typeof p.url === "string" && /^https?:\/\//i.test(p.url) ? p.url : "";
    const title = link ? el("a", { class: "title", href: link, target: "_blank", rel: "noopener noreferrer", text: p.title, title: p.doi ? "doi:" + p.doi : link }) : el("span", { class: "title", text: p.title });
    const meta = [p.year || null, p.venue || null].filter(Boolean).join(" · ");
    return el("li", { class: "paper", dataset: { id: String(p.id) } }, title, meta ? el("div", { class: "meta", text: meta }) : null);
  }

  function clusterInfo(id) {
    return (S.meta.clusters || []).find((c) => c.id === id);
  }

  function renderAuthor(a) {
    $("edge-panel").hidden = true;
    $("panel").hidden = false;
    $("panel-name").textContent = a.name;
    const c = clusterInfo(a.cluster);
    const pc = $("panel-cluster");
    pc.textContent = "";
    if (a.cluster) {
      pc.append(el("span", { class: "sw", style: "background:" + (c ? c.color : "#999") }), " cluster " + a.cluster + (c && c.label ? " · " + c.label : ""));
    }
    const pv = $("panel-variants");
    pv.textContent = "";
    const variants = a.variants || [];
    if (variants.length > 1 || (a.reasons && a.reasons.length)) {
      pv.append(el("h3", { text: "Merged spellings" }));
      pv.append(el("ul", null, ...variants.map((v) => el("li", { class: "variant" }, v.name, el("span", { class: "muted", text: " ×" + v.count })))));
      if (a.reasons && a.reasons.length) pv.append(el("ul", null, ...a.reasons.map((r) => el("li", { class: "reason", text: r }))));
    }
    if (a.source_id) pv.append(el("div", { class: "muted", text: "id: " + a.source_id }));
    const mt = $("panel-measures");
    mt.textContent = "";
    const order = S.meta.measures && S.meta.measures.length ? S.meta.measures : Object.keys(a.measures || {});
    const later = S.later && !S.later.ready ? S.later : null;
    for (const k of order) {
      if (later && (later.pending || []).includes(k)) {
        const what = k === later.computing ? "computing… " + later.percent + "%" : later.error ? "not computed" : "waiting";
        mt.append(el("tr", { class: "pending" }, el("td", { text: k }), el("td", { class: "muted", text: what })));
        continue;
      }
      if (!a.measures || !(k in a.measures)) continue;
      mt.append(el("tr", null, el("td", { text: k }), el("td", { text: fmtMeasure(a.measures[k]) })));
    }
    S.author = a;
    renderLater();
    const pp = $("panel-papers");
    pp.textContent = "";
    for (const p of a.papers || []) pp.append(paperItem(p));
    const pcos = $("panel-coauthors");
    pcos.textContent = "";
    for (const co of a.coauthors || []) {
      pcos.append(el("li", { class: "coauthor", dataset: { id: String(co.id) }, onclick: () => NS.selectAuthor(co.id) },
        co.name, el("span", { class: "shared", text: " · " + co.shared })));
    }
    $("panel").scrollIntoView && $("side").scrollTo(0, 0);
  }

  // The measures the server computes after the map (api/status): the
  // panel says which one is under way and how far the work has got, and
  // shows each once it has arrived.
  function renderLater() {
    const box = $("panel-later");
    const st = S.later;
    box.hidden = !st || st.ready;
    if (box.hidden) return;
    box.textContent = st.error
      ? "measures stopped: " + st.error
      : "computing " + (st.computing || "measures") + "… " + st.percent + "% (" + st.done + " of " + st.total + " measures)";
  }

  async function watchLater() {
    let st;
    try { st = await S.api.status(); } catch (e) { return; }
    const before = S.later;
    S.later = NS.later = st;
    renderLater();
    const a = S.author;
    if (a && !$("panel").hidden && S.hl && S.hl.type === "author" && S.hl.id === a.id && (!before || before.done !== st.done || before.computing !== st.computing)) {
      const seq = S.selSeq;
      let fresh = a;
      if (!before || before.done !== st.done) {
        try { fresh = await S.api.author(a.id); } catch (e) { fresh = a; }
      }
      if (seq === S.selSeq) renderAuthor(fresh);
    }
    if (!st.ready && !st.error) setTimeout(watchLater, 1000);
  }

  function nameOf(id) {
    const G = S.graph;
    if (G && G.hasNode(id)) return G.getNodeAttribute(id, "label");
    return "#" + id;
  }

  NS.selectAuthor = async function (id) {
    id = Number(id);
    const box = $("search");
    if (box.dataset.id !== String(id)) { box.value = ""; delete box.dataset.id; }
    const seq = ++S.selSeq;
    S.hl = { type: "author", id };
    applyHighlight(true);
    let a;
    try {
      a = await S.api.author(id);
    } catch (e) {
      setStatus("author: " + e.message, true);
      throw e;
    }
    if (seq === S.selSeq) renderAuthor(a);
    return a;
  };

  NS.selectEdge = async function (s, t) {
    s = Number(s); t = Number(t);
    const seq = ++S.selSeq;
    S.hl = { type: "edge", s, t };
    applyHighlight(false);
    let r;
    try {
      r = await S.api.edge(s, t);
    } catch (e) {
      setStatus("link: " + e.message, true);
      throw e;
    }
    if (seq !== S.selSeq) return r;
    $("panel").hidden = true;
    $("edge-panel").hidden = false;
    const n = (r.papers || []).length;
    $("edge-title").textContent = `${nameOf(s)} — ${nameOf(t)}: ${n} shared paper${n === 1 ? "" : "s"}`;
    const ul = $("edge-papers");
    ul.textContent = "";
    for (const p of r.papers || []) ul.append(paperItem(p));
    return r;
  };

  function renderPath(r, fromId, toId) {
    const box = $("path-result");
    box.textContent = "";
    if (r.distance === null || r.distance === undefined) {
      box.append(el("div", { class: "not-connected", text: `${nameOf(fromId)} and ${nameOf(toId)} are not connected` }));
      return;
    }
    const n = (r.paths || []).length;
    box.append(el("div", { class: "muted", text: `distance ${r.distance} · ${n} shortest path${n === 1 ? "" : "s"}${n >= 20 ? " (first 20)" : ""}` }));
    for (const p of r.paths || []) {
      const ol = el("ol", { class: "path" });
      for (const st of p) {
        ol.append(el("li", { class: "path-step", dataset: { id: String(st.id) } },
          el("span", { class: "name", text: st.name, onclick: () => NS.selectAuthor(st.id) }),
          st.paper ? el("span", { class: "via", text: "↓ " + st.paper.title + (st.paper.year ? " (" + st.paper.year + ")" : "") }) : null));
      }
      box.append(ol);
    }
  }

  NS.path = async function (fromId, toId) {
    fromId = Number(fromId); toId = Number(toId);
    const seq = ++S.selSeq;
    const r = await S.api.path(fromId, toId, true);
    if (seq === S.selSeq) {
      renderPath(r, fromId, toId);
      S.hl = r.distance === null || r.distance === undefined ? null : { type: "path", paths: r.paths || [] };
      applyHighlight(true);
    }
    return r;
  };

  // ------------------------------------------------------------------
  // controls

  function buildClusters() {
    const box = $("clusters");
    box.textContent = "";
    for (const c of S.meta.clusters || []) {
      box.append(el("label", { title: c.label || "" },
        el("input", { type: "checkbox", checked: true, dataset: { cluster: String(c.id) }, onchange: refetchSoon }),
        el("span", { class: "sw", style: "background:" + c.color }),
        el("span", { class: "lab", text: c.id + (c.label ? " · " + c.label : "") }),
        el("span", { class: "n", text: String(c.size) })));
    }
    const all = (v) => () => {
      for (const b of box.querySelectorAll("input[type=checkbox]")) b.checked = v;
      refetchSoon();
    };
    $("clusters-all").addEventListener("click", all(true));
    $("clusters-none").addEventListener("click", all(false));
  }

  // clearPath forgets a path drawn on the map (when the view changes).
  function clearPath() {
    if (S.hl && S.hl.type === "path") {
      S.hl = null;
      $("path-result").textContent = "";
      applyHighlight();
    }
  }

  const drawDensitySoon = debounce(drawDensity, 60);

  function setColorBy(v) {
    S.colorBy = v === "year" ? "year" : "cluster";
    clearPath();
    writeHash();
    $("year-legend").hidden = S.colorBy !== "year";
    if (!S.graph) return;
    const key = S.colorBy === "year" ? "yc" : "cc";
    S.graph.updateEachNodeAttributes((n, a) => { a.color = a[key]; return a; }, { attributes: ["color"] });
  }

  async function applyOnly(force) {
    const text = $("only").value;
    if (!force && text === S.onlyText) return;
    S.onlyText = text;
    const ul = $("only-unmatched");
    ul.textContent = "";
    if (!text.trim()) {
      S.onlyIds = null;
      return refetchNow();
    }
    let r;
    try { r = await S.api.match(text); } catch (e) { setStatus("match: " + e.message, true); return; }
    if (text !== S.onlyText) return;
    S.onlyIds = r.ids || [];
    for (const u of r.unmatched || []) ul.append(el("li", { text: u }));
    return refetchNow();
  }

  function wireControls() {
    $("color-by").addEventListener("change", (e) => setColorBy(e.target.value));
    for (const id of ["year-from", "year-to", "min-weight", "min-papers"]) {
      $(id).addEventListener("input", refetchSoon);
      $(id).addEventListener("change", refetchSoon);
    }
    $("depth").addEventListener("change", () => { if (S.egoId !== null) refetchSoon(); });

    completion($("search"), $("search-results"), (it) => { if (it) NS.selectAuthor(it.id); });

    const ego = completion($("ego"), $("ego-results"), (it) => {
      S.egoId = it ? it.id : null;
      clearPath();
      refetchSoon();
    });
    $("ego").addEventListener("input", () => {
      if ($("ego").value.trim() === "" && S.egoId !== null) { S.egoId = null; refetchSoon(); }
    });
    $("ego-clear").addEventListener("click", () => { ego.clear(); S.egoId = null; clearPath(); refetchSoon(); });
    $("keep-undated").addEventListener("change", refetchSoon);
    $("density").addEventListener("change", (e) => NS.setDensity(e.target.checked));
    $("download-svg").addEventListener("click", () => download(new Blob([viewSVG()], { type: "image/svg+xml" }), fileName("svg")));
    $("download-png").addEventListener("click", () => viewPNG().then((b) => download(b, fileName("png")), (e) => setStatus("PNG: " + e.message, true)));
    // the search box starts afresh: its text selected on focus, so typing
    // replaces the name chosen before
    $("search").addEventListener("focus", () => $("search").select());

    const from = completion($("path-from"), $("path-from-results"), () => {});
    const to = completion($("path-to"), $("path-to-results"), () => {});
    $("path-go").addEventListener("click", async () => {
      let a, b;
      try { [a, b] = await Promise.all([from.resolve(), to.resolve()]); } catch (e) { setStatus("search: " + e.message, true); return; }
      if (a === null || b === null) {
        $("path-result").textContent = "Choose two authors (" + (a === null ? "from" : "to") + " has no match).";
        return;
      }
      try { await NS.path(a, b); } catch (e) { $("path-result").textContent = "path: " + e.message; }
    });
    $("path-clear").addEventListener("click", () => {
      from.clear(); to.clear();
      $("path-result").textContent = "";
      if (S.hl && S.hl.type === "path") { S.hl = null; applyHighlight(); }
    });

    const onlySoon = debounce(() => applyOnly(false), 700);
    $("only").addEventListener("input", onlySoon);
    $("only").addEventListener("change", () => applyOnly(false));
    $("only-apply").addEventListener("click", () => applyOnly(true));
    $("only-clear").addEventListener("click", () => { $("only").value = ""; $("only-file").value = ""; applyOnly(true); });
    $("only-file").addEventListener("change", async (e) => {
      const f = e.target.files && e.target.files[0];
      if (!f) return;
      $("only").value = await f.text();
      applyOnly(true);
    });

    for (const b of document.querySelectorAll("#side .close")) {
      b.addEventListener("click", () => {
        $(b.dataset.close).hidden = true;
        if (S.hl && ((b.dataset.close === "panel" && S.hl.type === "author") || (b.dataset.close === "edge-panel" && S.hl.type === "edge"))) {
          S.hl = null;
          applyHighlight();
        }
      });
    }
  }

  // ------------------------------------------------------------------
  // the view as SVG and PNG, with its legend

  function xmlEscape(t) {
    return String(t).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
  }

  // viewSVG returns the current view as an SVG document: the links, nodes
  // and labels sigma shows, from its display data (in the view's pixels),
  // and the legend of the colours.
  function viewSVG() {
    const s = S.sigma, G = S.graph, { width: W, height: H } = s.getDimensions();
    const f = (x) => Math.round(x * 10) / 10;
    const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Arial, Helvetica, sans-serif">`,
      `<rect width="${W}" height="${H}" fill="#ffffff"/>`];
    if (S.basemap) out.push(S.basemap.svg.innerHTML);
    if (S.density) out.push(`<image width="${W}" height="${H}" href="${$("density-layer").toDataURL("image/png")}"/>`);
    const pt = (n) => {
      const d = s.getNodeDisplayData(n);
      if (!d || d.hidden) return null;
      const p = s.framedGraphToViewport(d);
      return { x: p.x, y: p.y, r: s.scaleSize(d.size), d };
    };
    const on = (p) => p.x + p.r >= 0 && p.x - p.r <= W && p.y + p.r >= 0 && p.y - p.r <= H;
    const pts = new Map();
    G.forEachNode((n) => { const p = pt(n); if (p) pts.set(n, p); });
    out.push(`<g class="links" stroke-linecap="round">`);
    G.forEachEdge((e, a, src, dst) => {
      const d = s.getEdgeDisplayData(e), p = pts.get(src), q = pts.get(dst);
      if (!d || d.hidden || !p || !q || (!on(p) && !on(q))) return;
      const m = /^rgba\((\d+),(\d+),(\d+),([\d.]+)\)$/.exec(String(d.color || s.getSetting("defaultEdgeColor")).replace(/\s/g, ""));
      // sigma's edge colour is premultiplied: un-premultiply for SVG
      const col = m ? `rgb(${[1, 2, 3].map((k) => Math.min(255, Math.round(m[k] / m[4]))).join(",")})" stroke-opacity="${m[4]}` : d.color;
      out.push(`<line x1="${f(p.x)}" y1="${f(p.y)}" x2="${f(q.x)}" y2="${f(q.y)}" stroke="${col}" stroke-width="${f(Math.max(0.5, s.scaleSize(d.size) / 2))}"/>`);
    });
    out.push(`</g><g class="nodes">`);
    const order = [...pts.entries()].filter(([, p]) => on(p)).sort((a, b) => (a[1].d.zIndex || 0) - (b[1].d.zIndex || 0));
    for (const [n, p] of order) out.push(`<circle cx="${f(p.x)}" cy="${f(p.y)}" r="${f(p.r)}" fill="${p.d.color}" data-id="${xmlEscape(n)}"/>`);
    out.push(`</g><g class="labels" font-size="${s.getSetting("labelSize")}" fill="#000" stroke="#ffffff" stroke-opacity="0.85" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`);
    for (const b of S.labelBoxes || []) out.push(`<text x="${f(b.x0 + 1)}" y="${f((b.y0 + b.y1) / 2 + s.getSetting("labelSize") / 3)}">${xmlEscape(b.label)}</text>`);
    out.push(`</g>`);
    out.push(legendSVG());
    out.push(`</svg>`);
    return out.join("\n");
  }

  // legendSVG is the legend of the colours drawn, top left: the clusters
  // on the map (the first twelve), or the years' ramp.
  function legendSVG() {
    const out = [`<g class="legend" font-size="11">`];
    const title = S.meta.title || "";
    let y = 14;
    if (title) { out.push(`<text x="8" y="${y}" font-weight="bold" font-size="13">${xmlEscape(title)}</text>`); y += 16; }
    out.push(`<text x="8" y="${y}" fill="#444">${xmlEscape($("counts").textContent)}</text>`);
    y += 16;
    if (S.colorBy === "year") {
      const stops = RAMP.map((c, i) => `<stop offset="${i / (RAMP.length - 1)}" stop-color="${c}"/>`).join("");
      out.push(`<defs><linearGradient id="ramp">${stops}</linearGradient></defs>`);
      out.push(`<text x="8" y="${y + 9}">${S.yearLo || ""}</text><rect x="40" y="${y}" width="120" height="10" fill="url(#ramp)"/><text x="166" y="${y + 9}">${S.yearHi || ""}</text>`);
      out.push(`<text x="8" y="${y + 24}" fill="#444">average year of publication; grey: none known</text>`);
    } else {
      const shown = new Set();
      S.graph.forEachNode((n, a) => shown.add(a.cluster));
      const cs = (S.meta.clusters || []).filter((c) => shown.has(c.id));
      for (const c of cs.slice(0, 12)) {
        out.push(`<circle cx="13" cy="${y + 4}" r="5" fill="${c.color}"/><text x="23" y="${y + 8}">${xmlEscape(c.id + (c.label ? " · " + c.label : ""))} (${c.size})</text>`);
        y += 15;
      }
      if (cs.length > 12) out.push(`<text x="8" y="${y + 8}" fill="#444">and ${cs.length - 12} more clusters</text>`);
    }
    out.push(`</g>`);
    return out.join("");
  }

  // viewPNG returns the SVG of the view drawn at the screen's pixel ratio,
  // as a PNG blob: the same picture as the SVG.
  function viewPNG() {
    const svg = viewSVG(), { width: W, height: H } = S.sigma.getDimensions();
    const k = window.devicePixelRatio || 1;
    return new Promise((ok, fail) => {
      const img = new Image();
      const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
      img.onload = () => {
        const c = document.createElement("canvas");
        c.width = Math.round(W * k); c.height = Math.round(H * k);
        const ctx = c.getContext("2d");
        ctx.scale(k, k);
        ctx.drawImage(img, 0, 0, W, H);
        URL.revokeObjectURL(url);
        c.toBlob((b) => (b ? ok(b) : fail(new Error("no PNG"))), "image/png");
      };
      img.onerror = () => { URL.revokeObjectURL(url); fail(new Error("the SVG of the view does not load")); };
      img.src = url;
    });
  }
  NS.viewSVG = viewSVG;
  NS.viewPNG = viewPNG;

  function download(blob, name) {
    const a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }
  function fileName(ext) {
    return (S.meta.title || "coauthor").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").toLowerCase() + "-map." + ext;
  }

  // ------------------------------------------------------------------
  // basemap: the world's countries under a network of countries, in the
  // coordinates of the nodes' positions (y down on the map, up in sigma's
  // graph), moved and zoomed with the camera after each frame

  function initBasemap(b) {
    if (!b || !b.shapes || !(b.width > 0) || !(b.height > 0)) return;
    const SVG = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(SVG, "svg");
    svg.id = "basemap-layer";
    svg.setAttribute("aria-hidden", "true");
    const g = document.createElementNS(SVG, "g");
    g.setAttribute("stroke", "#ffffff");
    g.setAttribute("stroke-linejoin", "round");
    for (const c of b.shapes) {
      const on = c.node >= 0;
      let e;
      if (c.path) {
        e = document.createElementNS(SVG, "path");
        e.setAttribute("d", c.path);
      } else if (on) { // a country too small for the boundaries: a dot
        e = document.createElementNS(SVG, "circle");
        e.setAttribute("cx", c.x); e.setAttribute("cy", c.y); e.setAttribute("r", 2);
      } else continue;
      e.setAttribute("class", on ? "country on" : "country");
      e.setAttribute("fill", on ? "#cfdcec" : "#e8e8e8");
      e.dataset.code = c.code || "";
      if (on) e.dataset.node = String(c.node);
      const t = document.createElementNS(SVG, "title");
      t.textContent = c.name;
      e.appendChild(t);
      g.appendChild(e);
    }
    svg.appendChild(g);
    $("map-wrap").insertBefore(svg, $("map-wrap").firstChild); // under the density view and the network
    S.basemap = { svg, g, w: b.width, h: b.height };
    NS.basemap = S.basemap;
  }

  // placeBasemap lays the map's canvas onto the view: its corners where
  // sigma draws graph points (0, 0) and (width, -height).
  function placeBasemap() {
    const B = S.basemap;
    if (!B || !S.sigma) return;
    const a = S.sigma.graphToViewport({ x: 0, y: 0 }), b = S.sigma.graphToViewport({ x: B.w, y: -B.h });
    const sx = (b.x - a.x) / B.w, sy = (b.y - a.y) / B.h;
    B.g.setAttribute("transform", `translate(${a.x} ${a.y}) scale(${sx} ${sy})`);
    B.g.setAttribute("stroke-width", String(0.6 / Math.max(sx, 1e-9)));
  }

  // ------------------------------------------------------------------
  // density view: a kernel density of the authors' positions on the
  // screen, each weighted by its papers (VOSviewer's density view)

  const DENSITY_RAMP = ["#ffffff", "#c6dbef", "#6baed6", "#41ab5d", "#fee391", "#fe9929", "#d7301f"].map(hexToRgb);

  function drawDensity() {
    const c = $("density-layer");
    c.hidden = !S.density;
    if (!S.density || !S.sigma) return;
    const s = S.sigma, G = S.graph, { width: W, height: H } = s.getDimensions();
    const cell = 4, gw = Math.ceil(W / cell), gh = Math.ceil(H / cell);
    const grid = new Float32Array(gw * gh);
    const bw = Math.max(6, Math.min(W, H) / 40) / cell; // kernel's sd, in cells
    const R = Math.ceil(3 * bw), ker = [];
    for (let d = 0; d <= R; d++) ker.push(Math.exp(-(d * d) / (2 * bw * bw)));
    G.forEachNode((n, a) => {
      const d = s.getNodeDisplayData(n);
      if (!d || d.hidden) return;
      const p = s.framedGraphToViewport(d), x = Math.round(p.x / cell), y = Math.round(p.y / cell);
      if (x < -R || y < -R || x > gw + R || y > gh + R) return;
      const w = a.papers || 1;
      for (let j = Math.max(0, y - R); j <= Math.min(gh - 1, y + R); j++) {
        const ky = ker[Math.abs(j - y)] * w;
        for (let i = Math.max(0, x - R); i <= Math.min(gw - 1, x + R); i++) grid[j * gw + i] += ky * ker[Math.abs(i - x)];
      }
    });
    let top = 0;
    for (const v of grid) top = Math.max(top, v);
    c.width = gw; c.height = gh;
    const ctx = c.getContext("2d"), img = ctx.createImageData(gw, gh);
    for (let i = 0; i < grid.length; i++) {
      const t = top > 0 ? Math.sqrt(grid[i] / top) : 0, f = t * (DENSITY_RAMP.length - 1);
      const k = Math.min(Math.floor(f), DENSITY_RAMP.length - 2), u = f - k, a = DENSITY_RAMP[k], b = DENSITY_RAMP[k + 1];
      for (let q = 0; q < 3; q++) img.data[4 * i + q] = a[q] + (b[q] - a[q]) * u;
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
    NS.densityTop = top;
  }
  NS.setDensity = (on) => { $("density").checked = !!on; S.density = !!on; drawDensity(); writeHash(); };

  // ------------------------------------------------------------------
  // the state in the URL's hash: selection, filters, colour mode

  function writeHash() {
    if (!S.meta || S.restoring) return;
    const h = new URLSearchParams();
    if (S.colorBy === "year") h.set("colour", "year");
    if (S.density) h.set("density", "1");
    const p = NS.lastParams || {};
    for (const k of ["since", "until", "min_weight", "min_papers", "clusters", "ego", "depth", "only"]) if (p[k] !== undefined) h.set(k, String(p[k]));
    if (!$("keep-undated").checked) h.set("undated", "0");
    if (S.hl && S.hl.type === "author") h.set("author", String(S.hl.id));
    else if (S.hl && S.hl.type === "edge") h.set("link", S.hl.s + "-" + S.hl.t);
    const text = h.toString();
    if (text !== location.hash.slice(1)) history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
  }
  NS.writeHash = writeHash;

  // readHash sets the controls from the URL's hash and returns what is
  // to be selected once the map is drawn.
  function readHash() {
    const h = new URLSearchParams(location.hash.slice(1));
    if (h.get("colour") === "year") { $("color-by").value = "year"; setColorBy("year"); }
    if (h.get("density") === "1") { $("density").checked = true; S.density = true; }
    if (h.has("since")) $("year-from").value = h.get("since");
    if (h.has("until")) $("year-to").value = h.get("until");
    if (h.get("undated") === "0") $("keep-undated").checked = false;
    if (h.has("min_weight")) $("min-weight").value = h.get("min_weight");
    if (h.has("min_papers")) $("min-papers").value = h.get("min_papers");
    if (h.has("clusters")) {
      const on = new Set(h.get("clusters").split(","));
      for (const b of document.querySelectorAll("#clusters input[type=checkbox]")) b.checked = on.has(b.dataset.cluster);
    }
    if (h.has("ego")) { S.egoId = Number(h.get("ego")); if (h.has("depth")) $("depth").value = h.get("depth"); }
    if (h.has("only")) S.onlyIds = h.get("only").split(",").filter(Boolean).map(Number);
    const filtered = ["since", "until", "min_weight", "min_papers", "clusters", "ego", "only"].some((k) => h.has(k));
    let select = null;
    if (h.has("author")) select = { type: "author", id: Number(h.get("author")) };
    else if (/^\d+-\d+$/.test(h.get("link") || "")) { const [a, b] = h.get("link").split("-").map(Number); select = { type: "edge", s: a, t: b }; }
    return { filtered, select };
  }

  async function restore(state) {
    try {
      if (state.filtered) await refetchNow();
      if (S.egoId !== null && S.graph.hasNode(S.egoId)) $("ego").value = S.graph.getNodeAttribute(S.egoId, "label");
      if (state.select && state.select.type === "author") await NS.selectAuthor(state.select.id);
      else if (state.select && state.select.type === "edge") await NS.selectEdge(state.select.s, state.select.t);
      drawDensity();
    } catch (e) {
      setStatus("could not restore the view from the address: " + e.message, true);
    }
  }

  // ------------------------------------------------------------------
  // start

  async function start() {
    S.restoring = true; // the address is read, not written, until the map is drawn
    const dataEl = document.getElementById("coauthor-data");
    if (dataEl) {
      let bundle;
      try { bundle = JSON.parse(dataEl.textContent); } catch (e) { throw new Error("bad embedded data: " + e.message); }
      S.api = localApi(bundle);
    } else {
      S.api = httpApi();
    }
    NS.api = S.api;
    NS.mode = S.api.mode;

    const meta = (S.meta = await S.api.meta());
    NS.meta = meta;
    if (meta.title) { $("title").textContent = meta.title; document.title = meta.title + " · coauthor explorer"; }
    for (const c of meta.clusters || []) S.clusterColor.set(c.id, c.color);
    const [y0, y1] = meta.years || [0, 0];
    if (y0 && y1) {
      S.yearLo = y0; S.yearHi = y1;
      for (const id of ["year-from", "year-to"]) { $(id).min = y0; $(id).max = y1; }
      $("year-from").value = y0;
      $("year-to").value = y1;
    }
    $("undated-count").textContent = String(meta.undated || 0);
    $("undated-row").hidden = !meta.undated;
    $("year-legend-min").textContent = y0 || "";
    $("year-legend-max").textContent = y1 || "";
    document.querySelector("#year-legend .ramp").style.background = "linear-gradient(to right," + RAMP.join(",") + ")";
    initBasemap(meta.basemap);
    if (meta.unit) {
      const a = /^[aeiou]/.test(meta.unit) ? "an " : "a ";
      $("search").placeholder = "Search " + a + meta.unit + "…";
      $("search").setAttribute("aria-label", "Search " + a + meta.unit);
      $("side-hint").textContent = "Click a node or a link on the map, or search " + a + meta.unit + ".";
      const unit = meta.unit.charAt(0).toUpperCase() + meta.unit.slice(1);
      $("ego").placeholder = unit + "…";
      $("ego").setAttribute("aria-label", "Ego network " + meta.unit);
      $("only-title").textContent = "Only these " + nodesNoun();
    }
    setColorBy($("color-by").value);
    buildClusters();
    wireControls();
    const state = readHash();

    setStatus("loading…");
    const tFetch = performance.now();
    const data = await S.api.graph({});
    NS.timings.graphFetchMs = Math.round(performance.now() - tFetch);
    if (!S.yearLo) {
      // unknown range in meta: take it from the nodes for the colour scale
      let lo = Infinity, hi = -Infinity;
      for (const n of data.nodes) if (n.year) { lo = Math.min(lo, n.year); hi = Math.max(hi, n.year); }
      if (Number.isFinite(lo)) { S.yearLo = Math.floor(lo); S.yearHi = Math.ceil(hi); }
    }
    drawGraph(data);
    setStatus("");
    watchLater();
    S.restoring = false;
    NS.restored = restore(state);
  }

  function boot() {
    start().catch((e) => {
      setStatus("could not start: " + e.message, true);
      document.body.dataset.ready = "error";
      readyReject(e);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
