/* orgmodel interactive org chart — The data, the state and the page's elements.
 * One part of the page's script; _html.py joins the parts, in order, inside one function. */

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

