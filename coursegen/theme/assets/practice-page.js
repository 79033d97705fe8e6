/* "My practice": this week against the program's days, a gentle weekly goal, effort and pain over time
   (SVG drawn here), recent sessions, CSV export and clear. Reads the practice log (CONTRACT.md, "Practice
   log") and the course data for exercise names; sends nothing anywhere. */
import { clearLog, logCsv, logKey, readLog } from "./practice-log.js";
import { onPage, t } from "./common.js";
import { course, download, el, useStyles } from "./kit.js";

const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const CHART_SESSIONS = 14;
const RECENT = 10;
const SVG = "http://www.w3.org/2000/svg";
const lang = () => document.documentElement.lang || undefined;
const dayKey = (date) => `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;

// Monday to Sunday of the week holding `today`, in the reader's own time zone.
function weekOf(today) {
  const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7));
  return DAYS.map((code, i) => ({ code, date: new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i) }));
}

function weekSection(sessions, goalSetting) {
  const week = weekOf(new Date());
  const start = week[0].date.getTime();
  const thisWeek = sessions.filter((s) => Date.parse(s.at) >= start);
  const practised = new Set(thisWeek.map((s) => dayKey(new Date(s.at))));
  const planned = (sessions.length ? sessions[sessions.length - 1].days : []) || [];
  const name = new Intl.DateTimeFormat(lang(), { weekday: "short" });
  const days = week.map(({ code, date }) => {
    const item = el("li", { textContent: name.format(date) });
    const notes = [];
    if (planned.includes(code)) { item.classList.add("cq-day-planned"); notes.push(t("log_program_day")); }
    if (practised.has(dayKey(date))) { item.classList.add("cq-day-done"); notes.push(t("log_practised")); }
    if (notes.length) item.append(el("span", { className: "cq-sr", textContent: ` (${notes.join(", ")})` }));
    return item;
  });
  const goal = planned.length || goalSetting;
  const done = thisWeek.length;
  return [
    el("h2", { textContent: t("log_week") }),
    el("ul", { className: "cq-week" }, ...days),
    el("p", { className: "cq-goal", textContent: t("log_goal", { done, goal }, goal) }),
    el("p", { textContent: done >= goal ? t("log_goal_met") : t("log_goal_note") }),
  ];
}

const svg = (tag, attrs) => {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([name, value]) => node.setAttribute(name, String(value)));
  return node;
};

// A line of scores from 0 to 10, oldest on the left, drawn with DOM calls (no inline style: CSP holds).
function chart(values, label) {
  const width = 300;
  const height = 110;
  const x = (i) => 24 + (values.length < 2 ? 0 : (i * (width - 34)) / (values.length - 1));
  const y = (v) => 8 + ((10 - v) * (height - 24)) / 10;
  const box = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "cq-chart", role: "img", "aria-label": label });
  box.append(svg("line", { x1: 20, y1: y(0), x2: width - 4, y2: y(0), class: "cq-chart-axis" }));
  for (const v of [0, 5, 10]) {
    const text = svg("text", { x: 2, y: y(v) + 3, class: "cq-chart-label" });
    text.textContent = String(v);
    box.append(text);
  }
  box.append(svg("polyline", { points: values.map((v, i) => `${x(i)},${y(v)}`).join(" "), class: "cq-chart-line" }));
  values.forEach((v, i) => box.append(svg("circle", { cx: x(i), cy: y(v), r: 3, class: "cq-chart-dot" })));
  return box;
}

function chartsSection(sessions) {
  const parts = [];
  for (const [field, heading, label] of [["effort", "log_effort", "log_effort_chart"], ["pain", "log_pain", "log_pain_chart"]]) {
    const values = sessions.map((s) => s[field]).filter((v) => v !== null).slice(-CHART_SESSIONS);
    if (!values.length) continue;
    parts.push(el("h3", { textContent: t(heading) }), chart(values, t(label, { values: values.join(", ") })));
  }
  return parts;
}

function recentSection(sessions, names) {
  if (!sessions.length) return [el("p", { className: "cq-log-empty", textContent: t("log_empty") })];
  const when = new Intl.DateTimeFormat(lang(), { dateStyle: "medium", timeStyle: "short" });
  const items = sessions.slice(-RECENT).reverse().map((s) => {
    const exercises = s.items.map((item) => `${names[item.id] || item.id} (${item.sets}/${item.of})`).join(", ");
    const item = el("li", {}, el("strong", { textContent: when.format(new Date(s.at)) }), exercises ? ` ${exercises}` : "");
    if (s.effort !== null || s.pain !== null) {
      item.append(el("br"), t("log_feel", { effort: s.effort === null ? "–" : s.effort, pain: s.pain === null ? "–" : s.pain }));
    }
    if (s.note) item.append(el("br"), el("em", { textContent: s.note }));
    return item;
  });
  return [el("h2", { textContent: t("log_recent") }), el("ul", { className: "cq-log-sessions" }, ...items)];
}

function toolsSection(box, log) {
  const say = el("p", { className: "cq-say" });
  say.setAttribute("role", "status");
  if (!log.sessions.length) return [say];
  const exportButton = el("button", { type: "button", className: "cq-button", textContent: t("log_export") });
  exportButton.setAttribute("data-cq-log-export", "");
  exportButton.addEventListener("click", () => download("practice.csv", "text/csv;charset=utf-8", "\ufeff" + logCsv(readLog())));
  const clear = el("button", { type: "button", className: "cq-button cq-button--quiet", textContent: t("log_clear") });
  clear.setAttribute("data-cq-log-clear", "");
  const yes = el("button", { type: "button", className: "cq-button", textContent: t("log_clear_yes") });
  const no = el("button", { type: "button", className: "cq-button cq-button--quiet", textContent: t("log_clear_no") });
  const ask = el("p", { className: "cq-send-row", hidden: true }, t("log_clear_ask"), " ", yes, " ", no);
  clear.addEventListener("click", () => { ask.hidden = false; yes.focus(); });
  no.addEventListener("click", () => { ask.hidden = true; clear.focus(); });
  yes.addEventListener("click", async () => {
    clearLog();
    await draw(box);
    const status = box.querySelector(".cq-say");
    status.textContent = t("log_cleared");
    status.setAttribute("tabindex", "-1");
    status.focus();
  });
  return [el("p", { className: "cq-send-row" }, exportButton, " ", clear), ask, say];
}

// Exercise names from the course data, the pieces of the log's lessons only; the log keeps only ids.
async function exerciseNames(sessions) {
  const data = await course(sessions.flatMap((s) => s.items.map((i) => i.id.split("/")[0])));
  const names = {};
  for (const lesson of (data && Array.isArray(data.lessons) ? data.lessons : [])) {
    for (const p of (lesson && Array.isArray(lesson.practice) ? lesson.practice : [])) names[`${lesson.id}/${p.id}`] = String(p.name);
  }
  return names;
}

async function draw(box) {
  const log = readLog();
  const names = log.sessions.length ? await exerciseNames(log.sessions) : {};
  const goal = Math.min(7, Math.max(1, Number.parseInt(box.dataset.cqGoal, 10) || 3));
  box.replaceChildren(
    ...weekSection(log.sessions, goal), ...chartsSection(log.sessions), ...recentSection(log.sessions, names),
    ...toolsSection(box, log));
  box.hidden = false;
}

function start() {
  const box = document.querySelector("[data-cq-practice-log]:not([data-cq-ready])");
  if (!box) return;
  box.setAttribute("data-cq-ready", "");
  useStyles("practice.css");
  document.querySelectorAll("[data-cq-practice-needs-js]").forEach((p) => { p.hidden = true; });
  draw(box);
}

// A session logged in another tab shows here at once.
window.addEventListener("storage", (event) => {
  const box = document.querySelector("[data-cq-practice-log]");
  if (box && event.key === logKey()) draw(box);
});
onPage(start);
