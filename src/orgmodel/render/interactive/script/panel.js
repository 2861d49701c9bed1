/* orgmodel interactive org chart — The person panel, the legend, hit testing and downloads.
 * One part of the page's script; _html.py joins the parts, in order, inside one function. */
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

