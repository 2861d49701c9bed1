/* orgmodel interactive org chart — Mouse, trackpad and keyboard; the API for tests; the start.
 * One part of the page's script; _html.py joins the parts, in order, inside one function. */
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
