/* Effort and pain over a client's sessions, as an SVG line chart drawn in the page (no library): effort a
   solid line, pain a dashed one, so they differ without colour; the numbers are in the timeline beside it. */
import { el } from "./kit.js";

const NS = "http://www.w3.org/2000/svg";
const W = 320;
const H = 150;
const PAD = 24;

function svgEl(tag, attrs) {
  const node = document.createElementNS(NS, tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, String(v)));
  return node;
}

function line(points, kind) {
  if (!points.length) return [];
  const path = svgEl("polyline", { points: points.map((p) => p.join(",")).join(" "), class: `cq-chart-${kind}`, fill: "none" });
  return [path, ...points.map(([x, y]) => svgEl("circle", { cx: x, cy: y, r: 3, class: `cq-chart-${kind}` }))];
}

export function chart(sessions, t) {
  const shown = sessions.slice(-60);
  const x = (i) => PAD + (shown.length < 2 ? (W - 2 * PAD) / 2 : (i * (W - 2 * PAD)) / (shown.length - 1));
  const y = (v) => H - PAD - (v * (H - 2 * PAD)) / 10;
  const series = (key) => shown.map((s, i) => (s[key] === null ? null : [x(i), y(s[key])])).filter(Boolean);
  const svg = svgEl("svg", { viewBox: `0 0 ${W} ${H}`, class: "cq-chart", role: "img" });
  const first = (key) => shown.map((s) => s[key]).filter((v) => v !== null);
  const span = (key) => { const v = first(key); return v.length ? `${v[0]} → ${v[v.length - 1]}` : "—"; };
  svg.setAttribute("aria-label", t("inbox_chart_label", { count: shown.length, effort: span("effort"), pain: span("pain") }));
  [0, 5, 10].forEach((v) => {
    svg.append(svgEl("line", { x1: PAD, x2: W - PAD, y1: y(v), y2: y(v), class: "cq-chart-grid" }));
    const label = svgEl("text", { x: 4, y: y(v) + 4, class: "cq-chart-axis" });
    label.textContent = String(v);
    svg.append(label);
  });
  svg.append(...line(series("effort"), "effort"), ...line(series("pain"), "pain"));
  const key = el("p", { className: "cq-chart-key" },
    el("span", { className: "cq-key-effort", textContent: t("inbox_effort") }), " ",
    el("span", { className: "cq-key-pain", textContent: t("inbox_pain") }));
  return el("figure", { className: "cq-chart-box" }, svg, key);
}
