/* orgmodel interactive org chart — Drawing: a painter for the canvas and one for SVG, and the scene.
 * One part of the page's script; _html.py joins the parts, in order, inside one function. */
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

