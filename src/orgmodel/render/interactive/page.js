/* orgmodel interactive org chart: the page's script (inlined into every page).
 *
 * Positions come from orgmodel's tidy layout, computed in Python; this script only
 * draws what is in view on a canvas, and handles pan and zoom, expand and collapse,
 * search, the person panel, dotted lines and downloads. Text from the data is only
 * ever drawn on the canvas, set as textContent, or escaped into SVG: never parsed
 * as markup.
 */
(function () {
  "use strict";

  var VERSION = 1;
  var HIGHLIGHT = "#E69F00";
  var SELECTED = "#1F1F1F";
  var LINE = "#5A5A5A";
  var FONT = '"Helvetica Neue", Helvetica, Arial, "DejaVu Sans", sans-serif';
  var MIN_SCALE = 0.002;
  var MAX_SCALE = 6;

  var source = document.getElementById("om-data");
  var D;
  try {
    D = JSON.parse(source.textContent);
  } catch (err) {
    fail("The chart's data could not be read: " + err.message);
    return;
  }
  if (!D || D.version !== VERSION) {
    fail("This page's data has format version " + (D && D.version) + "; the script reads " + VERSION + ".");
    return;
  }

  // ---------------------------------------------------------------- the data
  var S = D.strings;
  var n = D.count;
  var L = D.levelHeight;
  var LN = D.lines;
  var X = Float64Array.from(D.x);
  var Y = new Float64Array(n);
  var W = Float64Array.from(D.w);
  var H = Float64Array.from(D.h);
  var LEVEL = Int32Array.from(D.level);
  var PARENT = Int32Array.from(D.parent);
  var SIZE = Int32Array.from(D.size);
  var KIND = Uint8Array.from(D.kind); // 0 top, 1 row, 2 column, 3 assistant
  var SPINE = new Float64Array(n).fill(NaN);
  var maxH = 0;
  var maxLevel = 0;
  for (var i = 0; i < n; i++) {
    Y[i] = LEVEL[i] * L;
    if (H[i] > maxH) maxH = H[i];
    if (LEVEL[i] > maxLevel) maxLevel = LEVEL[i];
  }
  D.spines.forEach(function (pair) { SPINE[pair[0]] = pair[1]; });

  // Children in chart order (compressed rows: kids of i are KIDS[START[i] .. START[i+1])).
  var START = new Int32Array(n + 1);
  var KIDS = new Int32Array(n);
  (function () {
    var counts = new Int32Array(n + 1);
    for (var i = 0; i < n; i++) if (PARENT[i] >= 0) counts[PARENT[i] + 1]++;
    for (var k = 0; k < n; k++) START[k + 1] = START[k] + counts[k + 1];
    var fill = START.slice(0, n);
    for (var j = 0; j < n; j++) if (PARENT[j] >= 0) KIDS[fill[PARENT[j]]++] = j;
  })();

  // Boxes by level, sorted by left edge, with the running maximum of right edges, so
  // that the boxes in a horizontal range are found by binary search.
  function buildIndex(left, right, members) {
    var rows = [];
    for (var lv = 0; lv <= maxLevel + 1; lv++) rows.push([]);
    members.forEach(function (i) { rows[LEVEL[i]].push(i); });
    return rows.map(function (row) {
      row.sort(function (a, b) { return left(a) - left(b); });
      var ids = Int32Array.from(row);
      var lefts = new Float64Array(ids.length);
      var reach = new Float64Array(ids.length);
      var most = -Infinity;
      for (var k = 0; k < ids.length; k++) {
        lefts[k] = left(ids[k]);
        most = Math.max(most, right(ids[k]));
        reach[k] = most;
      }
      return { ids: ids, lefts: lefts, reach: reach };
    });
  }
  function query(row, x0, x1, visit) {
    if (!row) return;
    var lo = 0, hi = row.ids.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (row.reach[mid] < x0) lo = mid + 1; else hi = mid; }
    for (var k = lo; k < row.ids.length && row.lefts[k] <= x1; k++) visit(row.ids[k]);
  }
  var all = [];
  for (var a = 0; a < n; a++) all.push(a);
  var BOXES = buildIndex(function (i) { return boxLeft(i); }, function (i) { return X[i] + W[i] / 2; }, all);
  // The bus under each manager with reports in a row or a stacked column.
  var BUS_L = new Float64Array(n).fill(Infinity);
  var BUS_R = new Float64Array(n).fill(-Infinity);
  var managers = [];
  for (var m = 0; m < n; m++) {
    for (var k = START[m]; k < START[m + 1]; k++) {
      var kid = KIDS[k];
      var at = KIND[kid] === 1 ? X[kid] : KIND[kid] === 2 && LEVEL[kid] === LEVEL[m] + 1 ? SPINE[kid] : NaN;
      if (isNaN(at)) continue;
      BUS_L[m] = Math.min(BUS_L[m], at, X[m]);
      BUS_R[m] = Math.max(BUS_R[m], at, X[m]);
    }
    if (BUS_L[m] <= BUS_R[m]) managers.push(m);
  }
  var BUSES = buildIndex(function (i) { return BUS_L[i]; }, function (i) { return BUS_R[i]; }, managers);
  function boxLeft(i) { return KIND[i] === 2 ? SPINE[i] : X[i] - W[i] / 2; }

  var legend = D.legend;
  var swatchOf = function (i) {
    if (D.vacant[i]) return D.vacantSwatch;
    var c = D.colour[i];
    return c >= 0 ? legend[c] : D.plainSwatch;
  };

  // ---------------------------------------------------------------- the state
  var collapsed = new Uint8Array(n);
  var hidden = new Uint8Array(n);
  var matched = new Uint8Array(n);
  var chain = new Uint8Array(n);
  var matches = [];
  var current = -1;
  var selected = -1;
  var showDotted = !!D.showDotted;
  var view = { s: 1, tx: 0, ty: 0 };
  var haystack = null;

  // ---------------------------------------------------------------- the page
  var canvas = document.getElementById("om-canvas");
  var ctx = canvas.getContext("2d");
  var stage = document.getElementById("om-stage");
  var panel = document.getElementById("om-panel");
  var input = document.getElementById("om-q");
  var hits = document.getElementById("om-hits");
  var dpr = 1, cw = 0, ch = 0;
  document.getElementById("om-title").textContent = D.heading;
  var stats = { paints: 0, lastPaintMs: 0, drawn: 0, firstPaint: 0 };

  function fail(message) {
    var box = document.createElement("p");
    box.className = "om-error";
    box.textContent = message;
    document.body.textContent = "";
    document.body.appendChild(box);
  }

  function resize() {
    var rect = stage.getBoundingClientRect();
    var wasHidden = cw < 20 || ch < 20;
    dpr = window.devicePixelRatio || 1;
    cw = Math.max(1, rect.width);
    ch = Math.max(1, rect.height);
    canvas.width = Math.round(cw * dpr);
    canvas.height = Math.round(ch * dpr);
    // A frame that started hidden (a closed notebook tab) has no size to fit to yet.
    if (wasHidden && cw >= 20 && ch >= 20) home();
    paint();
  }

  // ---------------------------------------------------------------- drawing
  // A painter draws in chart coordinates; the canvas one and the SVG one share the code.
  function CanvasPainter(context) { this.c = context; }
  CanvasPainter.prototype = {
    lines: function (points, colour, width, dash) {
      var c = this.c;
      c.beginPath();
      c.moveTo(points[0], points[1]);
      for (var k = 2; k < points.length; k += 2) c.lineTo(points[k], points[k + 1]);
      this.stroke(colour, width, dash);
    },
    curve: function (p, colour, width, dash) {
      var c = this.c;
      c.beginPath();
      c.moveTo(p[0], p[1]);
      for (var k = 2; k + 5 < p.length; k += 6) c.bezierCurveTo(p[k], p[k + 1], p[k + 2], p[k + 3], p[k + 4], p[k + 5]);
      this.stroke(colour, width, dash);
    },
    stroke: function (colour, width, dash) {
      var c = this.c;
      c.strokeStyle = colour;
      c.lineWidth = width;
      c.setLineDash(dash || []);
      c.stroke();
    },
    box: function (x, y, w, h, r, fill, border, width, dash) {
      var c = this.c;
      c.beginPath();
      if (c.roundRect) c.roundRect(x, y, w, h, r); else c.rect(x, y, w, h);
      if (fill) { c.fillStyle = fill; c.fill(); }
      if (border) this.stroke(border, width, dash);
    },
    text: function (t, x, y, size, bold, colour, italic) {
      var c = this.c;
      c.font = (italic ? "italic " : "") + (bold ? "bold " : "") + size + "px " + FONT;
      c.fillStyle = colour;
      c.fillText(t, x, y);
    }
  };

  function SvgPainter() { this.out = []; }
  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
    }).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "\uFFFD");
  }
  function num(v) { return Math.round(v * 100) / 100; }
  function strokeAttrs(colour, width, dash) {
    return ' fill="none" stroke="' + esc(colour) + '" stroke-width="' + num(width) + '"' +
      (dash && dash.length ? ' stroke-dasharray="' + dash.join(" ") + '"' : "");
  }
  SvgPainter.prototype = {
    lines: function (p, colour, width, dash) {
      var pts = [];
      for (var k = 0; k < p.length; k += 2) pts.push(num(p[k]) + "," + num(p[k + 1]));
      this.out.push('<polyline points="' + pts.join(" ") + '"' + strokeAttrs(colour, width, dash) + "/>");
    },
    curve: function (p, colour, width, dash) {
      var d = "M" + num(p[0]) + " " + num(p[1]);
      for (var k = 2; k + 5 < p.length; k += 6) {
        d += " C" + [p[k], p[k + 1], p[k + 2], p[k + 3], p[k + 4], p[k + 5]].map(num).join(" ");
      }
      this.out.push('<path d="' + d + '"' + strokeAttrs(colour, width, dash) + "/>");
    },
    box: function (x, y, w, h, r, fill, border, width, dash) {
      this.out.push('<rect x="' + num(x) + '" y="' + num(y) + '" width="' + num(w) + '" height="' + num(h) +
        '" rx="' + num(r) + '" fill="' + esc(fill || "none") + '"' +
        (border ? ' stroke="' + esc(border) + '" stroke-width="' + num(width) + '"' +
          (dash && dash.length ? ' stroke-dasharray="' + dash.join(" ") + '"' : "") : "") + "/>");
    },
    text: function (t, x, y, size, bold, colour, italic) {
      this.out.push('<text x="' + num(x) + '" y="' + num(y) + '" font-size="' + size + '"' +
        (bold ? ' font-weight="bold"' : "") + (italic ? ' font-style="italic"' : "") +
        ' fill="' + esc(colour) + '" text-anchor="middle">' + esc(t) + "</text>");
    }
  };

  function fitText(t, size, bold, width) {
    ctx.font = (bold ? "bold " : "") + size + "px " + FONT;
    if (ctx.measureText(t).width <= width) return t;
    var lo = 0, hi = t.length;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (ctx.measureText(t.slice(0, mid) + "…").width <= width) lo = mid; else hi = mid - 1;
    }
    return t.slice(0, lo) + "…";
  }

  function countLine(i) {
    var parts = [];
    if (D.direct[i] || D.total[i]) parts.push(D.direct[i] + " direct · " + D.total[i] + " total");
    if (D.open[i]) parts.push(D.open[i] + " vacant");
    return parts.join(" · ");
  }

  function visibleNodes(x0, y0, x1, y1) {
    var out = [];
    var first = Math.max(0, Math.floor((y0 - maxH / 2) / L));
    var last = Math.min(maxLevel, Math.ceil((y1 + maxH / 2) / L));
    for (var lv = first; lv <= last; lv++) {
      query(BOXES[lv], x0, x1, function (i) {
        if (!hidden[i] && X[i] + W[i] / 2 >= x0) out.push(i);
      });
    }
    return out;
  }

  function drawScene(p, x0, y0, x1, y1, scale) {
    var margin = L;
    var nodes = visibleNodes(x0 - margin, y0 - margin, x1 + margin, y1 + margin);
    var lw = Math.max(1.2, 0.8 / scale);
    // Buses: the horizontal line under each expanded manager.
    var firstBus = Math.max(0, Math.floor((y0 - L) / L));
    var lastBus = Math.min(maxLevel, Math.ceil(y1 / L));
    for (var lv = firstBus; lv <= lastBus; lv++) {
      var busY = lv * L + L / 2;
      query(BUSES[lv], x0, x1, function (m) {
        if (hidden[m] || collapsed[m]) return;
        p.lines([BUS_L[m], busY, BUS_R[m], busY], LINE, lw);
        p.lines([X[m], Y[m] + H[m] / 2, X[m], busY], LINE, lw);
        if (chain[m]) {
          for (var k = START[m]; k < START[m + 1]; k++) {
            var kid = KIDS[k];
            if (!chain[kid] || KIND[kid] === 3) continue;
            var to = KIND[kid] === 2 ? SPINE[kid] : X[kid];
            p.lines([X[m], Y[m] + H[m] / 2, X[m], busY, to, busY], HIGHLIGHT, lw * 2.5);
          }
        }
      });
    }
    nodes.forEach(function (i) {
      var up = PARENT[i];
      if (up < 0) return;
      var on = chain[i] && chain[up];
      var colour = on ? HIGHLIGHT : LINE;
      var width = on ? lw * 2.5 : lw;
      var top = Y[i] - H[i] / 2;
      if (KIND[i] === 1) {
        p.lines([X[i], top, X[i], Y[up] + L / 2], colour, width);
      } else if (KIND[i] === 2) {
        var from = LEVEL[i] === LEVEL[up] + 1 ? Y[up] + L / 2 : Y[i] - L;
        p.lines([SPINE[i], from, SPINE[i], Y[i], X[i] - W[i] / 2, Y[i]], colour, width);
      } else if (KIND[i] === 3) {
        p.lines([X[up] + W[up] / 2, Y[up], X[i] - W[i] / 2, Y[i]], colour, width);
      }
    });
    var withText = scale * 11 >= 4;
    nodes.forEach(function (i) { drawBox(p, i, withText, scale); });
    if (showDotted) {
      D.dotted.forEach(function (line) {
        var m = line[0], r = line[1], pts = line[2];
        if (hidden[m] || hidden[r]) return;
        var bx0 = Infinity, bx1 = -Infinity, by0 = Infinity, by1 = -Infinity;
        for (var k = 0; k < pts.length; k += 2) {
          bx0 = Math.min(bx0, pts[k]); bx1 = Math.max(bx1, pts[k]);
          by0 = Math.min(by0, pts[k + 1]); by1 = Math.max(by1, pts[k + 1]);
        }
        if (bx1 < x0 || bx0 > x1 || by1 < y0 || by0 > y1) return;
        p.curve(pts, D.dottedColour, Math.max(1.6, 1.2 / scale), [6, 4]);
      });
    }
    return nodes.length;
  }

  function drawBox(p, i, withText, scale) {
    var sw = swatchOf(i);
    var w = W[i], h = H[i], x = X[i] - w / 2, y = Y[i] - h / 2;
    var vacant = D.vacant[i] === 1;
    var border = matched[i] ? HIGHLIGHT : sw.border;
    var width = matched[i] ? 4 : chain[i] ? 2.5 : 1.3;
    if (chain[i] && !matched[i]) border = HIGHLIGHT;
    if (!withText && w * scale < 3) {
      p.box(x, y, w, h, 0, matched[i] || chain[i] ? HIGHLIGHT : sw.border);
      return;
    }
    p.box(x, y, w, h, 6, sw.fill, border, width, vacant ? [5, 3] : null);
    if (i === selected) p.box(x - 4, y - 4, w + 8, h + 8, 9, null, SELECTED, 1.5, [3, 2]);
    var hasKids = SIZE[i] > 1;
    if (withText) {
      var cx = X[i], room = w - 14, line = y + LN.pad;
      line += LN.name - 3;
      p.text(fitText(vacant ? "Vacant" : S[D.name[i]], 11, true, room), cx, line, 11, true, "#1F1F1F", vacant);
      if (D.title[i]) { line += LN.title; p.text(fitText(S[D.title[i]], 10, false, room), cx, line, 10, false, "#1F1F1F"); }
      if (D.unit[i]) { line += LN.unit; p.text(fitText(S[D.unit[i]], 9, false, room), cx, line, 9, false, "#4D4D4D"); }
      var counts = countLine(i);
      if (counts) { line += LN.count; p.text(fitText(counts, 9, false, room), cx, line, 9, false, "#333333"); }
      if (D.stake[i]) {
        var label = "stake " + S[D.stake[i]];
        var bw = Math.min(room, fitWidth(label) + 14);
        p.box(cx - bw / 2, line + 4, bw, 13, 6, D.stakeSwatch.fill, D.stakeSwatch.border, 1);
        p.text(label, cx, line + 14, 9, false, "#1F1F1F");
      }
    }
    if (hasKids && withText) {
      var bx = X[i], by = Y[i] + h / 2;
      var tag = collapsed[i] ? "+" + (SIZE[i] - 1) : "−";
      var tw = collapsed[i] ? Math.max(20, fitWidth(tag) + 12) : 16;
      p.box(bx - tw / 2, by - 7, tw, 14, 7, collapsed[i] ? "#1F1F1F" : "#FFFFFF", "#1F1F1F", 1);
      p.text(tag, bx, by + 3.5, 10, true, collapsed[i] ? "#FFFFFF" : "#1F1F1F");
    }
  }
  function fitWidth(t) { ctx.font = "9px " + FONT; return ctx.measureText(t).width; }

  function paint() {
    var t0 = performance.now();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = "#FFFFFF";
    ctx.fillRect(0, 0, cw, ch);
    ctx.setTransform(dpr * view.s, 0, 0, dpr * view.s, dpr * view.tx, dpr * view.ty);
    ctx.textAlign = "center";
    ctx.lineJoin = "round";
    var r = viewRect();
    stats.drawn = drawScene(new CanvasPainter(ctx), r[0], r[1], r[2], r[3], view.s);
    stats.paints++;
    stats.lastPaintMs = performance.now() - t0;
    if (!stats.firstPaint) stats.firstPaint = performance.now();
  }
  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; paint(); });
  }
  function viewRect() {
    return [-view.tx / view.s, -view.ty / view.s, (cw - view.tx) / view.s, (ch - view.ty) / view.s];
  }

  // ---------------------------------------------------------------- view changes
  function zoomAt(factor, sx, sy) {
    var s = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.s * factor));
    view.tx = sx - (sx - view.tx) * (s / view.s);
    view.ty = sy - (sy - view.ty) * (s / view.s);
    view.s = s;
    schedule();
  }
  function centreOn(i, scale) {
    if (scale) view.s = scale;
    view.tx = cw / 2 - X[i] * view.s;
    view.ty = ch / 2 - Y[i] * view.s;
  }
  function extent() {
    var x0 = Infinity, x1 = -Infinity, y1 = 0;
    for (var i = 0; i < n; i++) {
      if (hidden[i]) continue;
      x0 = Math.min(x0, boxLeft(i)); x1 = Math.max(x1, X[i] + W[i] / 2); y1 = Math.max(y1, Y[i] + H[i] / 2);
    }
    return [x0, -maxH / 2, x1, y1];
  }
  function fit() {
    if (!n) return;
    var e = extent();
    var s = Math.min((cw - 40) / (e[2] - e[0]), (ch - 40) / (e[3] - e[1]), 1.5);
    view.s = Math.max(MIN_SCALE, s);
    view.tx = (cw - (e[2] - e[0]) * view.s) / 2 - e[0] * view.s;
    view.ty = 20 - e[1] * view.s;
    schedule();
  }
  function home() {
    if (!n) return;
    var e = extent();
    var s = Math.min((cw - 40) / (e[2] - e[0]), (ch - 40) / (e[3] - e[1]));
    if (s >= 0.55) { fit(); return; }
    // Too big to read whole: start at the top, readable, and let the reader move.
    view.s = Math.min(1, Math.max(0.55, s));
    view.tx = cw / 2 - X[0] * view.s;
    view.ty = 24 - e[1] * view.s;
    schedule();
  }

  // ---------------------------------------------------------------- expand and collapse
  function setHidden(i) {
    // Recompute the hidden flags inside i's subtree (a contiguous range).
    var end = i + SIZE[i];
    var k = i + 1;
    if (collapsed[i] || hidden[i]) { for (; k < end; k++) hidden[k] = 1; return; }
    while (k < end) {
      hidden[k] = 0;
      if (collapsed[k]) { for (var j = k + 1; j < k + SIZE[k]; j++) hidden[j] = 1; k += SIZE[k]; } else k++;
    }
  }
  function toggle(i, open) {
    if (i < 0 || i >= n || SIZE[i] < 2) return false;
    var want = open === undefined ? !collapsed[i] : !open;
    if (!!collapsed[i] === want) return false;
    collapsed[i] = want ? 1 : 0;
    setHidden(i);
    if (selected >= 0 && hidden[selected]) closePanel();
    paint();
    return true;
  }
  function setAll(closed) {
    for (var i = 0; i < n; i++) collapsed[i] = closed && SIZE[i] > 1 && PARENT[i] >= 0 ? 1 : 0;
    for (var t = 0; t < n; t += SIZE[t]) setHidden(t);
    if (selected >= 0 && hidden[selected]) closePanel();
    home();
  }
  function reveal(i) {
    var opened = [];
    for (var up = PARENT[i]; up >= 0; up = PARENT[up]) if (collapsed[up]) { collapsed[up] = 0; opened.push(up); }
    if (opened.length) setHidden(opened[opened.length - 1]);
  }

  // ---------------------------------------------------------------- search
  function search(text) {
    var q = text.trim().toLowerCase();
    matched.fill(0);
    chain.fill(0);
    matches = [];
    current = -1;
    if (q) {
      if (!haystack) {
        haystack = new Array(n);
        for (var i = 0; i < n; i++) {
          haystack[i] = (S[D.name[i]] + "\u0000" + S[D.title[i]] + "\u0000" + S[D.id[i]]).toLowerCase();
        }
      }
      for (var j = 0; j < n; j++) {
        if (haystack[j].indexOf(q) < 0) continue;
        matches.push(j);
        matched[j] = 1;
        for (var up = j; up >= 0 && !chain[up]; up = PARENT[up]) chain[up] = 1;
      }
    }
    if (matches.length) { go(0); } else { showHits(q); paint(); }
    return matches.length;
  }
  function go(k) {
    if (!matches.length) return;
    current = (k + matches.length) % matches.length;
    var i = matches[current];
    reveal(i);
    centreOn(i, view.s < 0.6 ? 1 : view.s);
    showHits("x");
    paint();
  }
  function showHits(q) {
    hits.textContent = !q ? "" : matches.length ? (current + 1) + " of " + matches.length : "no match";
  }

  // ---------------------------------------------------------------- the panel
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    node.dir = "auto";
    return node;
  }
  function closePanel() { selected = -1; panel.hidden = true; panel.textContent = ""; }
  function person(i) {
    return {
      id: S[D.id[i]], name: S[D.name[i]], title: S[D.title[i]], unit: S[D.unit[i]],
      stake: S[D.stake[i]], label: S[D.label[i]], reason: S[D.reason[i]], vacant: !!D.vacant[i],
      direct: D.direct[i], total: D.total[i], open: D.open[i],
      evidence: D.evidenceSets[D.evidence[i]].map(function (k) { return JSON.parse(S[k]); }),
      collapsed: !!collapsed[i], hidden: !!hidden[i], matched: !!matched[i], chain: !!chain[i]
    };
  }
  function openPanel(i) {
    selected = i;
    var who = person(i);
    panel.textContent = "";
    var close = el("button", "×", "om-close");
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", function () { closePanel(); paint(); canvas.focus(); });
    panel.appendChild(close);
    panel.appendChild(el("p", who.vacant ? "Vacant post" + (who.name ? " — " + who.name : "") : who.name, "om-name"));
    var facts = el("dl");
    function fact(name, value) {
      if (value === "" || value === null || value === undefined) return;
      facts.appendChild(el("dt", name));
      var dd = el("dd");
      if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
      facts.appendChild(dd);
    }
    fact("Title", who.title);
    fact("Unit", who.unit);
    fact("Id", who.id);
    fact("Stake", who.stake ? who.stake + (D.stakeOf ? " of " + D.stakeOf : "") : "none");
    if (who.label) {
      var sw = legendFor(who.label);
      var chip = el("span", who.label, "om-label");
      if (sw) { chip.style.background = sw.fill; chip.style.borderColor = sw.border; }
      fact("Label", chip);
    }
    fact("Reason", who.reason);
    var up = PARENT[i];
    if (up >= 0) fact("Manager", link(up));
    if (who.direct || who.total || who.open) {
      fact("Team", who.direct + " direct, " + who.total + " in all" + (who.open ? ", " + who.open + " vacant posts" : ""));
    }
    var dots = D.dotted.filter(function (line) { return line[1] === i; });
    if (dots.length) {
      var span = el("span");
      dots.forEach(function (line, k) { if (k) span.appendChild(document.createTextNode(", ")); span.appendChild(link(line[0])); });
      fact("Dotted line to", span);
    }
    panel.appendChild(facts);
    if (who.evidence.length) {
      panel.appendChild(el("h2", "Evidence (" + who.evidence.length + ")"));
      var list = el("ol");
      who.evidence.forEach(function (item) {
        var li = el("li");
        li.appendChild(el("span", item.text));
        var meta = [];
        Object.keys(item).sort().forEach(function (key) {
          if (key !== "text" && item[key] !== null && item[key] !== "") meta.push(key + ": " + item[key]);
        });
        var side = item.points === "partner" ? " om-for" : item.points === "coo" ? " om-against" : "";
        li.appendChild(el("div", meta.join(" · "), "om-meta" + side));
        list.appendChild(li);
      });
      panel.appendChild(list);
    }
    panel.hidden = false;
    paint();
  }
  function legendFor(label) { return D.roleSwatches[label] || null; }
  function link(i) {
    var b = el("button", S[D.name[i]], "om-link");
    b.addEventListener("click", function () { reveal(i); centreOn(i); openPanel(i); });
    return b;
  }

  // ---------------------------------------------------------------- the legend
  function buildLegend() {
    var box = document.getElementById("om-legend");
    box.textContent = "";
    box.appendChild(el("h2", "Legend"));
    function key(sw, text, extra) {
      var row = el("div", null, "om-key");
      var chip = el("span", null, "om-chip" + (extra || ""));
      chip.style.background = sw.fill;
      chip.style.borderColor = sw.border;
      row.appendChild(chip);
      row.appendChild(el("span", text));
      box.appendChild(row);
    }
    legend.forEach(function (sw) { key(sw, sw.label + " (" + sw.count + ")"); });
    var open = 0;
    for (var i = 0; i < n; i++) open += D.vacant[i];
    if (open) key(D.vacantSwatch, D.vacantSwatch.label + " (" + open + ")", " om-vacant");
    if (D.stake.some(function (s) { return s; })) key(D.stakeSwatch, "stake: share of " + D.stakeOf);
    if (D.dotted.length) {
      var row = el("div", null, "om-key");
      var chip = el("span", null, "om-chip om-line");
      chip.style.borderTopColor = D.dottedColour;
      row.appendChild(chip);
      row.appendChild(el("span", "dotted-line manager (" + D.dotted.length + ")"));
      box.appendChild(row);
    }
    if (!box.children.length || (legend.length === 0 && !open && !D.dotted.length)) box.hidden = true;
  }

  // ---------------------------------------------------------------- hit testing
  function hitTest(sx, sy) {
    var x = (sx - view.tx) / view.s, y = (sy - view.ty) / view.s;
    var lv = Math.round(y / L), found = -1, part = "box";
    [lv - 1, lv, lv + 1].forEach(function (level) {
      if (level < 0 || level > maxLevel) return;
      query(BOXES[level], x - 30, x + 30, function (i) {
        if (hidden[i]) return;
        var inBox = Math.abs(x - X[i]) <= W[i] / 2 && Math.abs(y - Y[i]) <= H[i] / 2;
        var onTag = SIZE[i] > 1 && Math.abs(x - X[i]) <= 16 && Math.abs(y - (Y[i] + H[i] / 2)) <= 8;
        if (onTag) { found = i; part = "toggle"; } else if (inBox && part !== "toggle") found = i;
      });
    });
    return found < 0 ? null : { index: found, part: part };
  }

  // ---------------------------------------------------------------- downloads
  function toSVG() {
    var p = new SvgPainter();
    var r = viewRect();
    drawScene(p, r[0], r[1], r[2], r[3], view.s);
    return '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="' +
      num(cw) + '" height="' + num(ch) + '" viewBox="0 0 ' + num(cw) + " " + num(ch) +
      '" font-family="Helvetica, Arial, sans-serif"><title>' + esc(D.heading) +
      '</title><rect width="100%" height="100%" fill="#FFFFFF"/><g transform="matrix(' +
      [view.s, 0, 0, view.s, view.tx, view.ty].map(num).join(" ") + ')">' + p.out.join("") + "</g></svg>\n";
  }
  function toPNG(callback) {
    var scale = 2;
    var off = document.createElement("canvas");
    off.width = Math.round(cw * scale);
    off.height = Math.round(ch * scale);
    var c = off.getContext("2d");
    c.fillStyle = "#FFFFFF";
    c.fillRect(0, 0, off.width, off.height);
    c.setTransform(scale * view.s, 0, 0, scale * view.s, scale * view.tx, scale * view.ty);
    c.textAlign = "center";
    c.lineJoin = "round";
    var r = viewRect();
    drawScene(new CanvasPainter(c), r[0], r[1], r[2], r[3], view.s);
    off.toBlob(callback, "image/png");
  }
  function fileName(ext) {
    var base = (D.heading || "org-chart").replace(/[^\w\-]+/g, "-").replace(/^-+|-+$/g, "") || "org-chart";
    return base + "." + ext;
  }
  function download(blob, ext) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = fileName(ext);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    api.lastDownload = { name: a.download, size: blob.size, type: blob.type };
  }

  // ---------------------------------------------------------------- input
  var drag = null;
  canvas.addEventListener("pointerdown", function (e) {
    canvas.focus();
    drag = { x: e.clientX, y: e.clientY, tx: view.tx, ty: view.ty, moved: false, id: e.pointerId };
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener("pointermove", function (e) {
    if (!drag || drag.id !== e.pointerId) return;
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    drag.moved = true;
    canvas.classList.add("om-dragging");
    view.tx = drag.tx + dx;
    view.ty = drag.ty + dy;
    schedule();
  });
  canvas.addEventListener("pointerup", function (e) {
    if (!drag || drag.id !== e.pointerId) return;
    var was = drag;
    drag = null;
    canvas.classList.remove("om-dragging");
    if (was.moved) return;
    var rect = canvas.getBoundingClientRect();
    var hit = hitTest(e.clientX - rect.left, e.clientY - rect.top);
    if (!hit) { if (selected >= 0) { closePanel(); paint(); } return; }
    if (hit.part === "toggle") toggle(hit.index); else openPanel(hit.index);
  });
  canvas.addEventListener("pointercancel", function () { drag = null; canvas.classList.remove("om-dragging"); });
  canvas.addEventListener("dblclick", function (e) {
    var rect = canvas.getBoundingClientRect();
    var hit = hitTest(e.clientX - rect.left, e.clientY - rect.top);
    if (hit) toggle(hit.index);
  });
  canvas.addEventListener("wheel", function (e) {
    e.preventDefault();
    var rect = canvas.getBoundingClientRect();
    var sx = e.clientX - rect.left, sy = e.clientY - rect.top;
    var unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? ch : 1;
    var dx = e.deltaX * unit, dy = e.deltaY * unit;
    // Pinch (or ctrl + wheel) and mouse wheels zoom; a trackpad's two-finger scroll pans.
    var trackpad = !e.ctrlKey && e.deltaMode === 0 && (dx !== 0 || Math.abs(dy) < 40 && dy % 1 !== 0);
    if (trackpad && !e.shiftKey) { view.tx -= dx; view.ty -= dy; schedule(); return; }
    if (e.shiftKey && !e.ctrlKey) { view.tx -= dy || dx; schedule(); return; }
    zoomAt(Math.exp(-dy * (e.ctrlKey ? 0.01 : 0.0015)), sx, sy);
  }, { passive: false });
  canvas.addEventListener("keydown", function (e) {
    var step = 60;
    var keys = {
      ArrowLeft: function () { view.tx += step; schedule(); },
      ArrowRight: function () { view.tx -= step; schedule(); },
      ArrowUp: function () { view.ty += step; schedule(); },
      ArrowDown: function () { view.ty -= step; schedule(); },
      "+": function () { zoomAt(1.25, cw / 2, ch / 2); },
      "=": function () { zoomAt(1.25, cw / 2, ch / 2); },
      "-": function () { zoomAt(0.8, cw / 2, ch / 2); },
      "0": fit,
      "/": function () { input.focus(); },
      Escape: function () { closePanel(); paint(); },
      Enter: function () { if (selected >= 0) toggle(selected); }
    };
    var act = keys[e.key];
    if (act && !e.altKey && !e.metaKey && !(e.ctrlKey && e.key.length === 1)) { e.preventDefault(); act(); }
  });
  var typing = 0;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { search(input.value); }, 120);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter") {
      e.preventDefault();
      clearTimeout(typing);
      if (haystack && matches.length && input.value.trim().toLowerCase() === lastQuery) go(current + (e.shiftKey ? -1 : 1));
      else search(input.value);
      lastQuery = input.value.trim().toLowerCase();
    } else if (e.key === "Escape") { input.value = ""; search(""); canvas.focus(); }
  });
  var lastQuery = null;
  function on(id, handler) { document.getElementById(id).addEventListener("click", handler); }
  on("om-next", function () { go(current + 1); });
  on("om-prev", function () { go(current - 1); });
  on("om-zoom-in", function () { zoomAt(1.25, cw / 2, ch / 2); });
  on("om-zoom-out", function () { zoomAt(0.8, cw / 2, ch / 2); });
  on("om-fit", fit);
  on("om-expand", function () { setAll(false); });
  on("om-collapse", function () { setAll(true); });
  on("om-svg", function () { download(new Blob([toSVG()], { type: "image/svg+xml" }), "svg"); });
  on("om-png", function () { toPNG(function (blob) { if (blob) download(blob, "png"); }); });
  var dottedBox = document.getElementById("om-dotted");
  if (D.dotted.length) {
    dottedBox.checked = showDotted;
    dottedBox.addEventListener("change", function () { showDotted = dottedBox.checked; paint(); });
  } else {
    dottedBox.parentNode.hidden = true;
  }
  if (typeof ResizeObserver === "function") new ResizeObserver(resize).observe(stage);
  else window.addEventListener("resize", resize);

  // ---------------------------------------------------------------- for tests and benchmarks
  function indexOf(id) {
    for (var i = 0; i < n; i++) if (S[D.id[i]] === id) return i;
    return -1;
  }
  var api = {
    stats: stats,
    count: n,
    search: function (q) { input.value = q; lastQuery = q.trim().toLowerCase(); return search(q); },
    matches: function () { return matches.map(function (i) { return S[D.id[i]]; }); },
    current: function () { return current < 0 ? null : S[D.id[matches[current]]]; },
    toggle: function (id, open) { return toggle(indexOf(id), open); },
    select: function (id) { var i = indexOf(id); if (i < 0) return false; reveal(i); openPanel(i); return true; },
    person: function (id) { var i = indexOf(id); return i < 0 ? null : person(i); },
    visible: function () { var r = viewRect(); return visibleNodes(r[0], r[1], r[2], r[3]).map(function (i) { return S[D.id[i]]; }); },
    screenBox: function (id) {
      var i = indexOf(id);
      if (i < 0) return null;
      var rect = canvas.getBoundingClientRect();
      return {
        x: rect.left + view.tx + (X[i] - W[i] / 2) * view.s, y: rect.top + view.ty + (Y[i] - H[i] / 2) * view.s,
        width: W[i] * view.s, height: H[i] * view.s, toggleX: rect.left + view.tx + X[i] * view.s,
        toggleY: rect.top + view.ty + (Y[i] + H[i] / 2) * view.s, hidden: !!hidden[i]
      };
    },
    view: function () { return { s: view.s, tx: view.tx, ty: view.ty }; },
    setView: function (s, tx, ty) { view.s = s; view.tx = tx; view.ty = ty; paint(); },
    centre: function (id, scale) { centreOn(indexOf(id), scale); paint(); },
    fit: function () { fit(); paint(); },
    dotted: function (show) { dottedBox.checked = !!show; showDotted = !!show; paint(); },
    toSVG: toSVG,
    paint: paint,
    lastDownload: null
  };
  window.orgmodelChart = api;

  buildLegend();
  var rect0 = stage.getBoundingClientRect();
  cw = Math.max(1, rect0.width);
  ch = Math.max(1, rect0.height);
  home();
  resize();
  document.documentElement.setAttribute("data-ready", "1");
})();
