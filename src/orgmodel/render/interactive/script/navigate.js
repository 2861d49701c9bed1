/* orgmodel interactive org chart — Moving the view, expanding and collapsing, searching.
 * One part of the page's script; _html.py joins the parts, in order, inside one function. */
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

