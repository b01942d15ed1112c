// Layout probe: measures every visible text on the page (HTML text and plotly chart text) and
// returns the breaches of the presentation rules. Evaluated by scripts/layout_audit.py in a real
// browser; pure reading, it changes nothing on the page.
//
//   overlap   two texts whose glyph boxes intersect (by more than TOLERANCE px each way)
//   clipped   a chart text outside its chart, or an HTML text cut by an overflow-hidden box or
//             outside the viewport's width (not inside a box that scrolls sideways by design)
//   small     a text under minFont px (only checked when minFont is given: projected modes)
//   sideways  the page scrolls sideways
//   tall      the page scrolls down although it must fit one screen (presenter slides)
(options) => {
  const TOLERANCE = 2;
  const minFont = options.minFont || 0;
  const oneScreen = !!options.oneScreen;
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  const breaches = [];

  function hiddenByStyle(el) {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const cs = getComputedStyle(node);
      if (cs.display === "none" || cs.visibility === "hidden" || parseFloat(cs.opacity) === 0) return true;
      if (node.hidden) return true;
      // The .visually-hidden pattern: 1px clipped box for screen readers only.
      if (cs.position === "absolute" && (cs.clip === "rect(0px, 0px, 0px, 0px)" || cs.clipPath === "inset(50%)")) return true;
      if (node.tagName === "DETAILS" && !node.open && node !== el && !(el.closest("summary"))) return true;
    }
    return false;
  }

  function label(el, text) {
    const id = el.closest("[id]");
    const cls = (el.getAttribute("class") || "").split(" ")[0];
    return `${el.tagName.toLowerCase()}${cls ? "." + cls : ""}${id ? " in #" + id.id : ""} "${text.slice(0, 60)}"`;
  }

  // The part of rect that is not clipped away by an ancestor whose overflow is not visible
  // (a scrolled-away row of a scrolling sidebar is not on screen; a cut text is reported apart).
  function visiblePart(el, r) {
    let left = r.left, top = r.top, right = r.right, bottom = r.bottom;
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      const cs = getComputedStyle(node);
      if (cs.overflowX === "visible" && cs.overflowY === "visible") continue;
      const c = node.getBoundingClientRect();
      left = Math.max(left, c.left); top = Math.max(top, c.top);
      right = Math.min(right, c.right); bottom = Math.min(bottom, c.bottom);
    }
    return right - left >= 1 && bottom - top >= 1 ? {left, top, right, bottom} : null;
  }

  // Moved off screen on purpose (the skip link until it is focused).
  function parkedOffscreen(el, r) {
    return r.right < 0 || r.bottom < 0;
  }

  function scrollsSideways(el) {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      const ox = getComputedStyle(node).overflowX;
      if ((ox === "auto" || ox === "scroll") && node.scrollWidth > node.clientWidth + 1) return node;
    }
    return null;
  }

  // The screen rectangle a cartesian trace text is clipped to, or null when it is not clipped.
  function plotArea(plot, t) {
    const clipped = t.closest("[clip-path]");
    const subplot = t.closest(".cartesianlayer .subplot");
    if (!clipped || !subplot || !plot._fullLayout || !subplot.contains(clipped)) return null;
    const m = /(?:^| )x(\d*)y(\d*)(?: |$)/.exec(subplot.getAttribute("class"));
    if (!m) return null;
    const xa = plot._fullLayout["xaxis" + m[1]], ya = plot._fullLayout["yaxis" + m[2]];
    if (!xa || !ya) return null;
    const frame = plot.querySelector(".main-svg").getBoundingClientRect();
    return {left: frame.left + xa._offset, right: frame.left + xa._offset + xa._length,
            top: frame.top + ya._offset, bottom: frame.top + ya._offset + ya._length};
  }

  const boxes = [];  // {rect, label, node}

  // --- chart text (SVG) -------------------------------------------------------------------
  const charts = Array.from(document.querySelectorAll(".js-plotly-plot"));
  charts.forEach((plot, chartIndex) => {
    if (hiddenByStyle(plot)) return;
    // The drawing's own box (the plot div may be laid out shorter than the SVG it holds).
    const svg = plot.querySelector(".main-svg");
    const frame = (svg || plot).getBoundingClientRect();
    plot.querySelectorAll(".main-svg text, .infolayer text").forEach((t) => {
      if (t.closest(".hoverlayer") || t.closest(".modebar")) return;
      const text = (t.textContent || "").trim();
      if (!text || hiddenByStyle(t)) return;
      const r = t.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) return;
      const name = label(t, text);
      if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1) {
        breaches.push({kind: "clipped", what: `chart text ${name} outside its chart`,
                       rect: [r.left, r.top, r.right, r.bottom].map(Math.round)});
      }
      // A trace's text (a value label) is clipped by its plot area unless cliponaxis is off:
      // measure it against that area, where plotly cuts it.
      const area = plotArea(plot, t);
      if (area && (r.left < area.left - 1 || r.right > area.right + 1 || r.top < area.top - 1 || r.bottom > area.bottom + 1)) {
        breaches.push({kind: "clipped", what: `chart text ${name} is cut by its plot area`,
                       rect: [r.left, r.top, r.right, r.bottom].map(Math.round)});
      }
      const size = parseFloat(getComputedStyle(t).fontSize);
      if (minFont && size < minFont - 0.5) breaches.push({kind: "small", what: `chart text ${name} is ${size}px`});
      boxes.push({rect: r, label: "chart text " + name, node: t});
    });
  });

  // --- HTML text --------------------------------------------------------------------------
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (!node.nodeValue.trim()) return NodeFilter.FILTER_REJECT;
      const el = node.parentElement;
      if (!el || el.closest("svg, script, style, noscript, option, .js-plotly-plot, [aria-hidden='true'] svg")) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const checkedBoxes = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (hiddenByStyle(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = Array.from(range.getClientRects()).filter((r) => r.width >= 1 && r.height >= 1);
    if (!rects.length) continue;
    const text = node.nodeValue.trim();
    const name = label(el, text);
    if (rects.every((r) => parkedOffscreen(el, r))) continue;
    const scroller = scrollsSideways(el);
    // What is on screen of the text: a part scrolled away inside its own box (a grid, a sidebar)
    // is not shown, so it can neither overlap nor run off the page.
    const seen = rects.map((r) => visiblePart(el, r)).filter(Boolean);
    if (!seen.length) continue;
    for (const r of seen) {
      if (!scroller && (r.right > vw + 1 || r.left < -1)) {
        breaches.push({kind: "clipped", what: `text ${name} runs outside the page width`,
                       rect: [r.left, r.top, r.right, r.bottom].map(Math.round)});
        break;
      }
    }
    // Cut by its own (or an ancestor's) hidden overflow: the box is narrower than its text.
    for (let box = el; box && box !== document.body; box = box.parentElement) {
      const cs = getComputedStyle(box);
      if (cs.overflowX === "hidden" || cs.overflowX === "clip" || cs.textOverflow === "ellipsis") {
        if (!checkedBoxes.has(box) && box.scrollWidth > box.clientWidth + 1 && box.clientWidth > 0) {
          checkedBoxes.add(box);
          breaches.push({kind: "clipped", what: `text ${name} is cut by ${label(box, "")} (${box.scrollWidth}px of text in ${box.clientWidth}px)`});
        }
        break;
      }
    }
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (minFont && size < minFont - 0.5) breaches.push({kind: "small", what: `text ${name} is ${size}px`});
    seen.forEach((r) => boxes.push({rect: r, label: "text " + name, node}));
  }

  // --- overlaps (sweep on top edges) ------------------------------------------------------
  boxes.sort((a, b) => a.rect.top - b.rect.top);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i].rect;
    for (let j = i + 1; j < boxes.length && boxes[j].rect.top < a.bottom - TOLERANCE; j++) {
      if (boxes[j].node === boxes[i].node) continue;  // the lines of one wrapped text
      const b = boxes[j].rect;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > TOLERANCE && h > TOLERANCE) {
        breaches.push({kind: "overlap", what: `${boxes[i].label} overlaps ${boxes[j].label}`,
                       rect: [Math.max(a.left, b.left), Math.max(a.top, b.top), Math.min(a.right, b.right),
                              Math.min(a.bottom, b.bottom)].map(Math.round)});
      }
    }
  }

  const root = document.scrollingElement || document.documentElement;
  if (root.scrollWidth > vw + 1) breaches.push({kind: "sideways", what: `page is ${root.scrollWidth}px wide in a ${vw}px window`});
  if (oneScreen && root.scrollHeight > vh + 1) breaches.push({kind: "tall", what: `page is ${root.scrollHeight}px tall in a ${vh}px window`});
  return {breaches, texts: boxes.length, charts: charts.length};
}
