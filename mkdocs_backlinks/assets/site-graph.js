/* mkdocs-backlinks-plugin: the site graph (every page and content link) on a <canvas>.
   No library and nothing fetched: the data is the page's own <script type="application/json">,
   read as text (no eval), so the page works from file:// and under a strict CSP.
   Layout: a force simulation (springs on links, Barnes-Hut repulsion on a quadtree kept in
   typed arrays, a pull to the centre) run a fixed number of ticks from positions set by section,
   so the same site always settles to the same picture.
   Other sites linking here (`outside`, when the build draws them) become nodes P.. after the P
   pages: diamonds in their own colour, joined by dashed lines, opening nothing. */
(function () {
  "use strict";
  var started = performance.now();
  var body = document.body;
  var source = document.getElementById("sg-data");
  var canvas = document.getElementById("sg-canvas");
  if (!source || !canvas || !canvas.getContext) return;
  var data = JSON.parse(source.textContent);
  var ctx = canvas.getContext("2d");
  var nodes = data.nodes, links = data.links, sections = data.sections;
  var P = nodes.length, EP = links.length / 2, outside = data.outside || [], M = outside.length;
  if (M) {
    // The sites join the pages as nodes of their own, their links after the pages' links.
    // Flag 4 (no page has it) marks them; they have no href and no section.
    nodes = nodes.concat(outside.map(function (site) { return [site[0], "", -1, 0, 4]; }));
    links = links.concat(data.outside_links.map(function (v, q) { return q % 2 ? v : P + v; }));
  }
  var N = nodes.length, E = links.length / 2, S = sections.length;
  body.dataset.graphState = "laying-out";
  body.dataset.nodes = String(P);
  body.dataset.links = String(EP);
  if (M) body.dataset.outside = String(M);

  // ---- nodes and adjacency, in typed arrays (10,000 objects would cost more than the layout)
  var X = new Float64Array(N), Y = new Float64Array(N), VX = new Float64Array(N), VY = new Float64Array(N);
  var R = new Float32Array(N), SEC = new Int32Array(N), FLAG = new Uint8Array(N), DEG = new Int32Array(N);
  var OUT = new Int32Array(N), IN = new Int32Array(N), SITES = new Int32Array(N);
  var i, j, s, t;
  for (i = 0; i < P; i++) {
    SEC[i] = nodes[i][2];
    FLAG[i] = nodes[i][4];
    R[i] = 2.5 + 5.5 * Math.sqrt(Math.max(0, Math.min(100, nodes[i][3])) / 100);
  }
  // A site's size: its links, against the site with the most.
  var most = 1;
  for (i = 0; i < M; i++) most = Math.max(most, outside[i][1]);
  for (i = P; i < N; i++) {
    SEC[i] = -1;
    FLAG[i] = 4;
    R[i] = 4 + 6 * Math.sqrt(Math.max(0, Math.min(1, outside[i - P][1] / most)));
  }
  for (j = 0; j < E; j++) {
    s = links[2 * j]; t = links[2 * j + 1];
    DEG[s]++; DEG[t]++;
    if (j < EP) { OUT[s]++; IN[t]++; } else SITES[t]++;
  }
  var ADJ0 = new Int32Array(N + 1), ADJ = new Int32Array(2 * E), fill = new Int32Array(N);
  for (i = 0; i < N; i++) ADJ0[i + 1] = ADJ0[i] + DEG[i];
  for (j = 0; j < E; j++) {
    s = links[2 * j]; t = links[2 * j + 1];
    ADJ[ADJ0[s] + fill[s]++] = t;
    ADJ[ADJ0[t] + fill[t]++] = s;
  }

  // ---- starting positions: each section its own patch on a circle, pages in a sunflower
  // spiral inside it. Pages of a section link among themselves most, so little has to move.
  var bySection = [];
  for (s = 0; s < S; s++) bySection.push([]);
  for (i = 0; i < P; i++) bySection[SEC[i]].push(i);
  var spread = 12 * Math.sqrt(N + 1);
  var golden = Math.PI * (3 - Math.sqrt(5));
  for (s = 0; s < S; s++) {
    var members = bySection[s], share = members.length / Math.max(1, N);
    var angle = 2 * Math.PI * s / Math.max(1, S), far = S > 1 ? spread * (1 - share) : 0;
    for (j = 0; j < members.length; j++) {
      var rad = 10 * Math.sqrt(j + 0.5), a = j * golden;
      X[members[j]] = far * Math.cos(angle) + rad * Math.cos(a);
      Y[members[j]] = far * Math.sin(angle) + rad * Math.sin(a);
    }
  }
  // Each site starts beyond the pages it links to, out from the middle: the springs bring it in.
  for (i = P; i < N; i++) {
    var cx = 0, cy = 0, count = ADJ0[i + 1] - ADJ0[i];
    for (j = ADJ0[i]; j < ADJ0[i + 1]; j++) { cx += X[ADJ[j]]; cy += Y[ADJ[j]]; }
    cx /= Math.max(1, count); cy /= Math.max(1, count);
    var away = Math.sqrt(cx * cx + cy * cy), turn = 2 * Math.PI * (i - P) / M;
    var ux = away > 1 ? cx / away : Math.cos(turn), uy = away > 1 ? cy / away : Math.sin(turn);
    X[i] = cx + ux * (spread / 2 + 20) + 5 * Math.cos(turn);
    Y[i] = cy + uy * (spread / 2 + 20) + 5 * Math.sin(turn);
  }

  // ---- the force simulation
  var TICKS = 200, alpha = 1, alphaMin = 0.002, alphaDecay = 1 - Math.pow(alphaMin, 1 / TICKS);
  var LINK_DISTANCE = 30, CHARGE = -30, COLLIDE = 1, THETA2 = 1.44, GRAVITY = 0.04, FRICTION = 0.6;
  var STRENGTH = new Float64Array(E), BIAS = new Float64Array(E);
  for (j = 0; j < E; j++) {
    s = links[2 * j]; t = links[2 * j + 1];
    STRENGTH[j] = 1 / Math.min(DEG[s], DEG[t]);
    BIAS[j] = DEG[s] / (DEG[s] + DEG[t]);
  }

  // The quadtree: cell c has four children (-1: none), a first point (-1: inner cell) with a
  // chain of points at the same spot, its count and the sum of its points' positions.
  var cap = 4 * N + 64;
  var KID = new Int32Array(4 * cap), PT = new Int32Array(cap), CNT = new Float64Array(cap);
  var SX = new Float64Array(cap), SY = new Float64Array(cap), SIZE = new Float64Array(cap);
  var NEXT = new Int32Array(N), cells = 0, stack = new Int32Array(4096);
  // Repulsion per page (before alpha). It changes slowly, so it is computed every second tick
  // and reused in between: that halves the layout's cost for no visible difference.
  var FX = new Float64Array(N), FY = new Float64Array(N), ticks = 0;

  function cell(size) {
    if (cells === cap) {
      cap *= 2;
      var k = new Int32Array(4 * cap); k.set(KID); KID = k;
      var p = new Int32Array(cap); p.set(PT); PT = p;
      var c = new Float64Array(cap); c.set(CNT); CNT = c;
      var sx = new Float64Array(cap); sx.set(SX); SX = sx;
      var sy = new Float64Array(cap); sy.set(SY); SY = sy;
      var sz = new Float64Array(cap); sz.set(SIZE); SIZE = sz;
    }
    KID[4 * cells] = KID[4 * cells + 1] = KID[4 * cells + 2] = KID[4 * cells + 3] = -1;
    PT[cells] = -1; CNT[cells] = 0; SX[cells] = 0; SY[cells] = 0; SIZE[cells] = size;
    return cells++;
  }

  function buildTree() {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, k;
    for (k = 0; k < N; k++) {
      if (X[k] < x0) x0 = X[k]; if (X[k] > x1) x1 = X[k];
      if (Y[k] < y0) y0 = Y[k]; if (Y[k] > y1) y1 = Y[k];
    }
    var size = Math.max(x1 - x0, y1 - y0, 1) * 1.0001;
    cells = 0;
    var root = cell(size);
    for (k = 0; k < N; k++) {
      var c = root, cx = x0, cy = y0, w = size, px = X[k], py = Y[k];
      NEXT[k] = -1;
      for (;;) {
        CNT[c] += 1; SX[c] += px; SY[c] += py;
        if (CNT[c] === 1) { PT[c] = k; break; }
        var p = PT[c];
        if (p >= 0) {
          if ((X[p] === px && Y[p] === py) || w < 1e-6) { NEXT[k] = NEXT[p]; NEXT[p] = k; break; }
          // Split a leaf: its points move one level down, then this point carries on.
          var half = w / 2, q = (X[p] >= cx + half ? 1 : 0) + (Y[p] >= cy + half ? 2 : 0);
          var child = cell(half), n = CNT[c] - 1;
          KID[4 * c + q] = child; PT[c] = -1;
          PT[child] = p; CNT[child] = n; SX[child] = X[p] * n; SY[child] = Y[p] * n;
        }
        w /= 2;
        var right = px >= cx + w, down = py >= cy + w, slot = 4 * c + (right ? 1 : 0) + (down ? 2 : 0);
        if (right) cx += w;
        if (down) cy += w;
        if (KID[slot] < 0) {
          var leaf = cell(w);
          KID[slot] = leaf; PT[leaf] = k; CNT[leaf] = 1; SX[leaf] = px; SY[leaf] = py;
          break;
        }
        c = KID[slot];
      }
    }
  }

  function repel(k) {
    var top = 0, px = X[k], py = Y[k], fx = 0, fy = 0, strength = CHARGE;
    stack[top++] = 0;
    while (top > 0) {
      var c = stack[--top], dx = SX[c] / CNT[c] - px, dy = SY[c] / CNT[c] - py, l = dx * dx + dy * dy;
      var p = PT[c];
      if (p < 0 && SIZE[c] * SIZE[c] < THETA2 * l) {
        // Far enough: the whole cell acts as one charge at its centre of mass.
        if (l < 1) l = Math.sqrt(l);
        fx += dx * strength * CNT[c] / l; fy += dy * strength * CNT[c] / l;
        continue;
      }
      if (p >= 0) {
        for (; p >= 0; p = NEXT[p]) {
          if (p === k) continue;
          dx = X[p] - px; dy = Y[p] - py; l = dx * dx + dy * dy;
          // Two pages on the same spot: push apart along a fixed, page-dependent direction.
          if (l === 0) { dx = ((k * 7919 + p) % 13 - 6) * 1e-3 || 1e-3; dy = ((p * 104729 + k) % 11 - 5) * 1e-3; l = dx * dx + dy * dy; }
          // Dots that overlap push apart harder, so big dots on a small, dense site stay apart.
          var room = R[k] + R[p] + 2;
          if (l < room * room) { var d = Math.sqrt(l); fx -= dx * COLLIDE * (room - d) / d; fy -= dy * COLLIDE * (room - d) / d; }
          if (l < 1) l = Math.sqrt(l);
          fx += dx * strength / l; fy += dy * strength / l;
        }
        continue;
      }
      for (var q = 0; q < 4; q++) if (KID[4 * c + q] >= 0) stack[top++] = KID[4 * c + q];
    }
    FX[k] = fx; FY[k] = fy;
  }

  function tick() {
    var k;
    for (j = 0; j < E; j++) {
      s = links[2 * j]; t = links[2 * j + 1];
      var dx = X[t] + VX[t] - X[s] - VX[s], dy = Y[t] + VY[t] - Y[s] - VY[s];
      var l = Math.sqrt(dx * dx + dy * dy) || 1e-6;
      l = (l - LINK_DISTANCE) / l * alpha * STRENGTH[j];
      dx *= l; dy *= l;
      VX[t] -= dx * BIAS[j]; VY[t] -= dy * BIAS[j];
      VX[s] += dx * (1 - BIAS[j]); VY[s] += dy * (1 - BIAS[j]);
    }
    if (ticks++ % 2 === 0) {
      buildTree();
      for (k = 0; k < N; k++) repel(k);
    }
    for (k = 0; k < N; k++) {
      VX[k] += (FX[k] - X[k] * GRAVITY) * alpha; VY[k] += (FY[k] - Y[k] * GRAVITY) * alpha;
      if (k === dragged) { VX[k] = VY[k] = 0; continue; }
      VX[k] *= FRICTION; VY[k] *= FRICTION;
      X[k] += VX[k]; Y[k] += VY[k];
    }
    alpha += (0 - alpha) * alphaDecay;
  }

  // ---- view state
  var dpr = 1, width = 0, height = 0, view = { x: 0, y: 0, k: 1 }, fitted = false;
  var hover = -1, selected = -1, dragged = -1, shown = new Uint8Array(N), colours = [], theme = {};
  var filterSection = -1, onlyProblems = false, showOutside = true;

  function colourOf(k) { return k < P ? colours[SEC[k]] : theme.outside; }
  // The outline of node k: a page's dot, or a site's diamond (as wide as a dot of its size).
  function shape(k) {
    var r = R[k];
    if (k < P) { ctx.moveTo(X[k] + r, Y[k]); ctx.arc(X[k], Y[k], r, 0, 2 * Math.PI); return; }
    r *= 1.25;
    ctx.moveTo(X[k], Y[k] - r); ctx.lineTo(X[k] + r, Y[k]); ctx.lineTo(X[k], Y[k] + r); ctx.lineTo(X[k] - r, Y[k]);
    ctx.closePath();
  }

  function readTheme() {
    var style = getComputedStyle(document.documentElement);
    function v(name) { return style.getPropertyValue(name).trim(); }
    theme = { bg: v("--sg-bg"), fg: v("--sg-fg"), edge: v("--sg-edge"), orphan: v("--sg-orphan"),
              unreachable: v("--sg-unreachable"), focus: v("--sg-focus"), none: v("--sg-no-section"),
              outside: v("--sg-outside"), light: v("--sg-section-lightness") || "45%" };
    colours = [];
    for (s = 0; s < S; s++) {
      colours.push(sections[s] === "" ? theme.none : "hsl(" + ((210 + s * 137.508) % 360).toFixed(1) + ",62%," + theme.light + ")");
    }
    var swatches = document.querySelectorAll("[data-sg-swatch]");
    for (var k = 0; k < swatches.length; k++) swatches[k].style.backgroundColor = colours[+swatches[k].dataset.sgSwatch];
  }

  function applyFilter() {
    var k, q;
    for (k = 0; k < P; k++) {
      shown[k] = (filterSection < 0 || SEC[k] === filterSection) && (!onlyProblems || FLAG[k] !== 0) ? 1 : 0;
    }
    // A site shows with any page it links to.
    for (k = P; k < N; k++) {
      shown[k] = 0;
      if (showOutside) for (q = ADJ0[k]; q < ADJ0[k + 1]; q++) if (shown[ADJ[q]]) { shown[k] = 1; break; }
    }
    if (hover >= 0 && !shown[hover]) hover = -1;
    if (selected >= 0 && !shown[selected]) select(-1);
    redraw();
  }

  function resize() {
    dpr = window.devicePixelRatio || 1;
    width = canvas.clientWidth; height = canvas.clientHeight;
    canvas.width = Math.max(1, Math.round(width * dpr)); canvas.height = Math.max(1, Math.round(height * dpr));
    if (!fitted) fit();
    redraw();
  }

  function fit() {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, any = false;
    for (var k = 0; k < N; k++) {
      if (!shown[k]) continue;
      any = true;
      x0 = Math.min(x0, X[k] - R[k]); x1 = Math.max(x1, X[k] + R[k]);
      y0 = Math.min(y0, Y[k] - R[k]); y1 = Math.max(y1, Y[k] + R[k]);
    }
    if (!any || !width) return;
    view.k = Math.min(4, 0.92 * Math.min(width / Math.max(1, x1 - x0), height / Math.max(1, y1 - y0)));
    view.x = width / 2 - view.k * (x0 + x1) / 2;
    view.y = height / 2 - view.k * (y0 + y1) / 2;
  }

  // ---- drawing
  var pending = false;
  function redraw() {
    if (!pending) { pending = true; requestAnimationFrame(function () { pending = false; draw(); }); }
  }

  function focusNode() { return hover >= 0 ? hover : selected; }

  function draw() {
    var k, q, focus = focusNode(), scale = view.k;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = theme.bg;
    ctx.fillRect(0, 0, width, height);
    ctx.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * view.x, dpr * view.y);
    // The visible part of the world, to skip what is off screen.
    var wx0 = -view.x / scale, wy0 = -view.y / scale, wx1 = wx0 + width / scale, wy1 = wy0 + height / scale;
    ctx.lineWidth = 1 / scale;
    ctx.strokeStyle = theme.edge;
    ctx.globalAlpha = focus >= 0 ? 0.08 : 0.3;
    edges(0, EP);
    if (M) {
      ctx.strokeStyle = theme.outside;
      ctx.setLineDash([4 / scale, 3 / scale]);
      edges(EP, E);
      ctx.setLineDash([]);
    }
    ctx.globalAlpha = focus >= 0 ? 0.25 : 1;
    // Dots under ~5 px across are drawn as squares: the eye cannot tell, and squares fill far faster.
    var tiny = 2.5 / scale;
    for (s = 0; s < S; s++) {
      var members = bySection[s];
      ctx.fillStyle = colours[s];
      ctx.beginPath();
      for (q = 0; q < members.length; q++) {
        k = members[q];
        if (!shown[k] || X[k] + R[k] < wx0 || X[k] - R[k] > wx1 || Y[k] + R[k] < wy0 || Y[k] - R[k] > wy1) continue;
        if (R[k] < tiny) { ctx.fillRect(X[k] - R[k], Y[k] - R[k], 2 * R[k], 2 * R[k]); continue; }
        ctx.moveTo(X[k] + R[k], Y[k]); ctx.arc(X[k], Y[k], R[k], 0, 2 * Math.PI);
      }
      ctx.fill();
    }
    // Orphans get a solid ring, unreachable pages a dashed one: visible in every section colour.
    ctx.lineWidth = 2 / scale;
    ring(1, theme.orphan, null);
    ring(2, theme.unreachable, [3 / scale, 2 / scale]);
    if (M) {
      ctx.fillStyle = theme.outside;
      ctx.beginPath();
      for (k = P; k < N; k++) if (shown[k]) shape(k);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
    if (focus >= 0) drawFocus(focus);
    else if (scale > 1.2 || M) drawLabels(wx0, wy0, wx1, wy1, scale > 1.2);
  }

  function edges(from, to) {
    var wx0 = -view.x / view.k, wy0 = -view.y / view.k, wx1 = wx0 + width / view.k, wy1 = wy0 + height / view.k;
    ctx.beginPath();
    for (j = from; j < to; j++) {
      s = links[2 * j]; t = links[2 * j + 1];
      if (!shown[s] || !shown[t]) continue;
      var xs = X[s], ys = Y[s], xt = X[t], yt = Y[t];
      if ((xs < wx0 && xt < wx0) || (xs > wx1 && xt > wx1) || (ys < wy0 && yt < wy0) || (ys > wy1 && yt > wy1)) continue;
      ctx.moveTo(xs, ys); ctx.lineTo(xt, yt);
    }
    ctx.stroke();
  }

  function ring(flag, colour, dash) {
    ctx.strokeStyle = colour;
    ctx.setLineDash(dash || []);
    ctx.beginPath();
    for (var k = 0; k < N; k++) {
      if (!(FLAG[k] & flag) || !shown[k]) continue;
      ctx.moveTo(X[k] + R[k] + 1.5 / view.k, Y[k]); ctx.arc(X[k], Y[k], R[k] + 1.5 / view.k, 0, 2 * Math.PI);
    }
    ctx.stroke();
    ctx.setLineDash([]);
  }

  function drawFocus(f) {
    var q, k;
    ctx.strokeStyle = theme.focus;
    ctx.lineWidth = 1.5 / view.k;
    ctx.beginPath();
    for (q = ADJ0[f]; q < ADJ0[f + 1]; q++) {
      k = ADJ[q];
      if (shown[k]) { ctx.moveTo(X[f], Y[f]); ctx.lineTo(X[k], Y[k]); }
    }
    ctx.stroke();
    var named = [];
    for (q = ADJ0[f]; q < ADJ0[f + 1]; q++) if (shown[ADJ[q]] && ADJ[q] !== f) named.push(ADJ[q]);
    // The page itself first, then its neighbours biggest first: who gets a label when they crowd.
    named.sort(function (a, b) { return R[b] - R[a] || a - b; });
    named.unshift(f);
    for (q = 0; q < named.length; q++) {
      k = named[q];
      ctx.fillStyle = colourOf(k);
      ctx.beginPath(); shape(k); ctx.fill();
    }
    ctx.strokeStyle = theme.focus; ctx.lineWidth = 3 / view.k;
    ctx.beginPath(); ctx.arc(X[f], Y[f], R[f] * (f < P ? 1 : 1.25) + 3 / view.k, 0, 2 * Math.PI); ctx.stroke();
    labels(named.slice(0, 80), f);
  }

  function drawLabels(wx0, wy0, wx1, wy1, zoomed) {
    // Other sites are few and named at every zoom, first. Zoomed in: the biggest pages on
    // screen too, at most 150.
    // Their labels keep off every page dot big enough to see (2 px and up), not only those of
    // the pages that may be named: the sites are named at zooms where no page is.
    var list = [], sites = [], seen = [], k;
    for (k = P; k < N; k++) if (shown[k] && X[k] > wx0 && X[k] < wx1 && Y[k] > wy0 && Y[k] < wy1) sites.push(k);
    for (k = 0; k < P; k++) {
      if (!shown[k] || X[k] < wx0 || X[k] > wx1 || Y[k] < wy0 || Y[k] > wy1) continue;
      if (zoomed && R[k] * view.k > 4) list.push(k);
      if (M && R[k] * view.k >= 2) seen.push(k);
    }
    list.sort(function (a, b) { return R[b] - R[a] || a - b; });
    list = sites.concat(list.slice(0, 150));
    labels(list, -1, M ? list.concat(seen) : list);
  }

  // The labels drawn last, in canvas pixels: [x0, y0, x1, y1, page, text], halo included.
  var placed = [];
  function collides(x0, y0, x1, y1) {
    for (var q = 0; q < placed.length; q++) {
      var b = placed[q];
      if (x0 < b[2] && b[0] < x1 && y0 < b[3] && b[1] < y1) return true;
    }
    return false;
  }

  // Whether the box meets the dot of a page in `list` other than `own` (nearest point test).
  function coversDot(list, x0, y0, x1, y1, own) {
    for (var q = 0; q < list.length; q++) {
      var k = list[q];
      if (k === own) continue;
      var cx = X[k] * view.k + view.x, cy = Y[k] * view.k + view.y, r = R[k] * view.k;
      var dx = Math.max(x0 - cx, 0, cx - x1), dy = Math.max(y0 - cy, 0, cy - y1);
      if (dx * dx + dy * dy < r * r) return true;
    }
    return false;
  }

  // Labels in `list`'s order (the most important first), each only where no label drawn before
  // it and no other page's dot stands: a label that would collide waits until its page is hovered or chosen (`strong`,
  // drawn first) or the view is zoomed in far enough to part them.
  function labels(list, strong, obstacles) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    placed = [];
    var q, k, at;
    for (q = 0; q < list.length; q++) {
      k = list[q];
      ctx.font = (k === strong ? "600 " : "") + "13px system-ui, sans-serif";
      var w = ctx.measureText(nodes[k][0]).width;
      var cx = X[k] * view.k + view.x, cy = Y[k] * view.k + view.y, r = R[k] * view.k * (k < P ? 1 : 1.25);
      var sx, sy, x0, y0, x1, y1;
      // A page's label goes on its right; another site's, being named at any zoom, also tries
      // its left, above and below before it waits.
      for (at = 0; at < (k < P ? 1 : 4); at++) {
        sx = at === 0 ? cx + r + 4 : at === 1 ? cx - r - 4 - w : cx - w / 2;
        sy = at === 2 ? cy - r - 10 : at === 3 ? cy + r + 10 : cy;
        x0 = sx - 1.5; y0 = sy - 8; x1 = sx + w + 1.5; y1 = sy + 8;
        // Nor over the dots of the pages that may be named (the others are too small to matter).
        if (k === strong || !(collides(x0, y0, x1, y1) || coversDot(obstacles || list, x0, y0, x1, y1, k))) break;
      }
      if (at === (k < P ? 1 : 4)) continue;
      placed.push([x0, y0, x1, y1, k, nodes[k][0]]);
      ctx.lineWidth = 3; ctx.strokeStyle = theme.bg; ctx.strokeText(nodes[k][0], sx, sy);
      ctx.fillStyle = theme.fg; ctx.fillText(nodes[k][0], sx, sy);
    }
  }

  // ---- finding the page under the pointer
  function pick(cx, cy) {
    var wx = (cx - view.x) / view.k, wy = (cy - view.y) / view.k, best = -1, bestD = Infinity;
    var slack = 4 / view.k;
    for (var k = 0; k < N; k++) {
      if (!shown[k]) continue;
      var dx = X[k] - wx, dy = Y[k] - wy, d = dx * dx + dy * dy, reach = R[k] + slack;
      if (d < reach * reach && d < bestD) { best = k; bestD = d; }
    }
    return best;
  }

  var status = document.getElementById("sg-status");
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function describe(k) {
    if (k < 0) { status.textContent = ""; return; }
    if (k >= P) {
      var site = outside[k - P];
      status.textContent = [site[0], "other site", plural(site[1], "link") + " from " + plural(site[2], "page") +
        ", to " + plural(DEG[k], "page") + " here"].join(" · ");
      return;
    }
    var words = [nodes[k][0]];
    if (sections[SEC[k]]) words.push(sections[SEC[k]]);
    words.push(IN[k] + " in, " + OUT[k] + " out");
    if (SITES[k]) words.push("linked from " + plural(SITES[k], "other site") + " drawn");
    if (FLAG[k] & 1) words.push(data.labels.orphan);
    if (FLAG[k] & 2) words.push(data.labels.unreachable);
    status.textContent = words.join(" · ");
  }

  function select(k) {
    selected = k;
    describe(k >= 0 ? k : hover);
    redraw();
  }

  function centreOn(k) {
    view.k = Math.max(view.k, 1.5);
    view.x = width / 2 - X[k] * view.k; view.y = height / 2 - Y[k] * view.k;
  }

  function open(k, newTab) {
    if (k >= P) { select(k); return; }  // another site's node links nowhere: it is described instead
    var href = nodes[k][1];
    if (newTab) window.open(href, "_blank", "noopener");
    else window.location.href = href;
  }

  // ---- pointer: drag a page, pan the background, wheel to zoom, click to open
  var down = null;
  canvas.addEventListener("pointerdown", function (event) {
    var box = canvas.getBoundingClientRect(), cx = event.clientX - box.left, cy = event.clientY - box.top;
    var k = pick(cx, cy);
    down = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y, node: k, moved: false };
    if (k >= 0) dragged = k;
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener("pointermove", function (event) {
    var box = canvas.getBoundingClientRect(), cx = event.clientX - box.left, cy = event.clientY - box.top;
    if (down) {
      if (Math.abs(event.clientX - down.x) + Math.abs(event.clientY - down.y) > 4) down.moved = true;
      if (!down.moved) return;
      if (down.node >= 0) {
        X[down.node] = (cx - view.x) / view.k; Y[down.node] = (cy - view.y) / view.k;
      } else {
        view.x = down.vx + event.clientX - down.x; view.y = down.vy + event.clientY - down.y;
      }
      redraw();
      return;
    }
    var k = pick(cx, cy);
    if (k !== hover) {
      hover = k;
      canvas.style.cursor = k >= 0 ? "pointer" : "";
      describe(k >= 0 ? k : selected);
      redraw();
    }
  });
  function release(event) {
    if (!down) return;
    var was = down;
    down = null; dragged = -1;
    if (!was.moved && was.node >= 0 && event.type === "pointerup" && event.button <= 1) {
      open(was.node, event.ctrlKey || event.metaKey || event.button === 1);
    }
  }
  canvas.addEventListener("pointerup", release);
  canvas.addEventListener("pointercancel", release);
  canvas.addEventListener("pointerleave", function () {
    if (!down && hover >= 0) { hover = -1; describe(selected); redraw(); }
  });
  function zoom(factor, cx, cy) {
    var k = Math.max(0.02, Math.min(40, view.k * factor));
    view.x = cx - (cx - view.x) * k / view.k; view.y = cy - (cy - view.y) * k / view.k; view.k = k;
    redraw();
  }
  canvas.addEventListener("wheel", function (event) {
    event.preventDefault();
    var box = canvas.getBoundingClientRect();
    zoom(Math.exp(-event.deltaY * (event.deltaMode ? 0.05 : 0.002)), event.clientX - box.left, event.clientY - box.top);
  }, { passive: false });

  // ---- keyboard: arrows pan, + and - zoom, 0 fits, Enter opens the chosen page, / searches,
  // ] and [ step through the neighbours of the page found last, . walks on from the one shown,
  // Escape lets go.
  var search = document.getElementById("sg-search"), results = document.getElementById("sg-results");
  var anchor = -1, stepIndex = -1;
  function choose(k) { anchor = k; stepIndex = -1; select(k); if (k >= 0) centreOn(k); }
  canvas.addEventListener("keydown", function (event) {
    var key = event.key, step = 60, handled = true;
    if (key === "ArrowLeft") view.x += step;
    else if (key === "ArrowRight") view.x -= step;
    else if (key === "ArrowUp") view.y += step;
    else if (key === "ArrowDown") view.y -= step;
    else if (key === "+" || key === "=") zoom(1.25, width / 2, height / 2);
    else if (key === "-" || key === "_") zoom(0.8, width / 2, height / 2);
    else if (key === "0") fit();
    else if (key === "Enter" && selected >= 0) open(selected, event.ctrlKey || event.metaKey);
    else if (key === "Escape") choose(-1);
    else if (key === "/") search.focus();
    else if (key === "." && selected >= 0) choose(selected);
    else if ((key === "]" || key === "[") && anchor >= 0 && ADJ0[anchor + 1] > ADJ0[anchor]) {
      var around = ADJ0[anchor + 1] - ADJ0[anchor];
      var forward = key === "]";
      stepIndex = stepIndex < 0 ? (forward ? 0 : around - 1) : (stepIndex + (forward ? 1 : around - 1)) % around;
      select(ADJ[ADJ0[anchor] + stepIndex]); centreOn(selected);
    } else handled = false;
    if (handled) { event.preventDefault(); redraw(); }
  });

  // ---- search: the first matching pages as real links (keyboard and screen readers reach them)
  var folded = nodes.map(function (n) { return n[0].toLowerCase(); });
  function find(text) {
    var needle = text.trim().toLowerCase(), hits = [];
    if (!needle) return hits;
    for (var k = 0; k < P; k++) if (shown[k] && folded[k].indexOf(needle) >= 0) hits.push(k);
    hits.sort(function (a, b) {
      return (folded[b].indexOf(needle) === 0) - (folded[a].indexOf(needle) === 0) || nodes[b][3] - nodes[a][3] || a - b;
    });
    return hits.slice(0, 12);
  }
  function showResults() {
    var hits = find(search.value);
    results.textContent = "";
    hits.forEach(function (k) {
      var item = document.createElement("li"), link = document.createElement("a");
      link.href = nodes[k][1];
      link.textContent = nodes[k][0];
      link.addEventListener("focus", function () { choose(k); });
      link.addEventListener("mouseenter", function () { choose(k); });
      item.appendChild(link);
      if (sections[SEC[k]]) {
        var where = document.createElement("span");
        where.textContent = " " + sections[SEC[k]];
        item.appendChild(where);
      }
      results.appendChild(item);
    });
    results.hidden = hits.length === 0;
    return hits;
  }
  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      var hits = showResults();
      if (hits.length) { choose(hits[0]); canvas.focus(); }
    } else if (event.key === "ArrowDown" && results.firstChild) {
      event.preventDefault();
      results.firstChild.firstChild.focus();
    }
  });
  results.addEventListener("keydown", function (event) {
    var item = document.activeElement && document.activeElement.parentNode;
    if (!item || item.parentNode !== results) return;
    var to = event.key === "ArrowDown" ? item.nextSibling : event.key === "ArrowUp" ? item.previousSibling : null;
    if (event.key === "ArrowUp" && !to) { event.preventDefault(); search.focus(); }
    if (to) { event.preventDefault(); to.firstChild.focus(); }
  });

  var sectionFilter = document.getElementById("sg-section"), problems = document.getElementById("sg-problems");
  sectionFilter.addEventListener("change", function () {
    filterSection = sectionFilter.value === "" ? -1 : +sectionFilter.value;
    applyFilter(); fit();
  });
  problems.addEventListener("change", function () { onlyProblems = problems.checked; applyFilter(); });
  var sitesBox = document.getElementById("sg-outside");
  if (sitesBox) sitesBox.addEventListener("change", function () { showOutside = sitesBox.checked; applyFilter(); });
  document.getElementById("sg-fit").addEventListener("click", function () { fit(); redraw(); });

  // ---- run: the controls appear (without JavaScript the page shows its table instead), then
  // the layout runs in slices of ~50 ms so the page stays responsive, drawn as it goes.
  document.getElementById("sg-app").hidden = false;
  readTheme();
  if (window.matchMedia) {
    var scheme = window.matchMedia("(prefers-color-scheme: dark)");
    if (scheme.addEventListener) scheme.addEventListener("change", function () { readTheme(); redraw(); });
  }
  for (i = 0; i < N; i++) shown[i] = 1;
  if (window.ResizeObserver) new ResizeObserver(resize).observe(canvas);
  window.addEventListener("resize", resize);
  resize();

  var api = window.backlinksSiteGraph = {
    nodes: P, links: EP, outside: M, ticks: 0, settleMs: null,
    /* A full redraw, finished (pixels read back so the browser cannot defer it); its time in ms. */
    redraw: function () {
      var t0 = performance.now();
      draw();
      ctx.getImageData(0, 0, 1, 1);
      return performance.now() - t0;
    },
    /* Where page `k` (or other site `k - nodes`) is drawn, in viewport coordinates. */
    position: function (k) {
      var box = canvas.getBoundingClientRect();
      return [box.left + view.x + X[k] * view.k, box.top + view.y + Y[k] * view.k];
    },
    /* The labels of the view as it is now, drawn at once (see `placed`). */
    labelBoxes: function () { draw(); return placed.slice(); },
    pick: function (x, y) { var box = canvas.getBoundingClientRect(); return pick(x - box.left, y - box.top); },
    select: function (k) { choose(k); draw(); }
  };

  // The next slice is posted as a message: setTimeout would wait at least 4 ms each time.
  var channel = new MessageChannel();
  channel.port1.onmessage = run;
  var lastShown = -Infinity;
  function run() {
    var t0 = performance.now();
    do { tick(); api.ticks++; } while (alpha >= alphaMin && performance.now() - t0 < 50);
    if (!fitted) fit();
    // Shown as it goes, but only a few times a second: each picture costs the browser a paint.
    if (t0 - lastShown > 250) { lastShown = t0; redraw(); }
    if (alpha >= alphaMin) { channel.port2.postMessage(0); return; }
    fitted = true; fit(); redraw();
    api.settleMs = performance.now() - started;
    body.dataset.settleMs = api.settleMs.toFixed(0);
    body.dataset.graphState = "settled";
  }
  if (N) channel.port2.postMessage(0);
  else { api.settleMs = 0; body.dataset.graphState = "settled"; }
})();
