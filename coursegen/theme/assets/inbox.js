/* The trainer's inbox (CONTRACT.md, "Sealed practice links"): opens the sealed links clients send, adds
   them to the client's record on this phone, and shows one line per client, then a client's timeline,
   effort and pain charts, quizzes and notes. CSV, print, backup and restore; all of it offline. */
import { words, el, when, today, course, onPage, onAddress, download } from "./kit.js";
import { canSeal, clientOf, open, OpenError } from "./seal.js";
import { loadClients, saveClients, addSent, backup, restored } from "./clients.js";
import { chart } from "./chart.js";

let t = (key) => key;
let box = null;
let lessons = {};
let levels = {};

const say = (text) => { box.querySelector("[data-cq-say]").textContent = text; };
const nameOf = (c) => c.name || t("inbox_unnamed", { id: c.id });
let painLimit = null; // the course's pain rule threshold (the course data's index): pain above it flags a client

// ---- Opening a link: refused with a clear message, and nothing changed, unless it opens and is new. ----

async function take(link) {
  const token = new URLSearchParams(String(link).split("#")[1] || "").get("r");
  const clients = loadClients();
  let id;
  try { id = clientOf(token); } catch (e) { return say(t("inbox_not_link")); }
  const record = clients[id];
  if (!record) return say(t("inbox_unknown"));
  let payload;
  try {
    payload = await open(token, record.secret);
  } catch (e) {
    const reason = e instanceof OpenError ? e.reason : "tampered";
    return say(t(reason === "unpack" ? "inbox_needs_unpack" : reason === "not-link" ? "inbox_not_link" : "inbox_tampered"));
  }
  const result = addSent(record, payload, new Date().toISOString());
  if (!result) return say(t("inbox_not_link"));
  if (result.replayed) return say(t("inbox_replayed", { date: today(result.replayed) }));
  clients[id] = result.record;
  saveClients(clients);
  say(result.added ? t("inbox_added", { count: result.sessions, name: nameOf(record) }, result.sessions) : t("inbox_nothing_new", { name: nameOf(record) }));
  history.replaceState(null, "", "#c=" + id); // a reload shows the client, it does not open the link again
  await learn(clients);
  return render();
}

// ---- One line per client. ----

function trend(sessions) {
  const pains = sessions.map((s) => s.pain).filter((p) => p !== null);
  if (pains.length < 2) return null;
  const last = pains[pains.length - 1];
  const before = pains.slice(-4, -1);
  const mean = before.reduce((a, b) => a + b, 0) / before.length;
  return last - mean >= 1 ? "up" : mean - last >= 1 ? "down" : "steady";
}

function weekStart() {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7)); // Monday
  return d;
}

function summary(c) {
  const last = c.sessions[c.sessions.length - 1];
  const week = c.sessions.filter((s) => new Date(s.at) >= weekStart()).length;
  const planned = c.program.d.length;
  const parts = [last ? t("inbox_last", { date: when(last.at) }) : t("inbox_never"),
    planned ? t("inbox_week", { count: week, planned }, week) : t("inbox_week_free", { count: week }, week)];
  const way = trend(c.sessions);
  if (way) parts.push(t({ up: "inbox_pain_up", down: "inbox_pain_down", steady: "inbox_pain_steady" }[way]));
  const pain = [...c.sessions].reverse().find((s) => s.pain !== null);
  const high = !!pain && painLimit !== null && pain.pain > painLimit;
  if (high) parts.push(t("inbox_pain_high", { pain: pain.pain, limit: painLimit }));
  return { text: parts.join(" · "), flag: high || way === "up" };
}

function list(clients) {
  const items = Object.values(clients).sort((a, b) => nameOf(a).localeCompare(nameOf(b))).map((c) => {
    const { text, flag } = summary(c);
    const item = el("li", { className: "cq-client-line" }, el("a", { href: "#c=" + c.id, textContent: nameOf(c) }));
    if (flag) item.append(" ", el("strong", { className: "cq-flag", textContent: t("inbox_flag") }));
    item.append(el("br"), el("span", { textContent: text }));
    item.dataset.cqClientLine = c.id;
    return item;
  });
  box.querySelector("[data-cq-clients]").replaceChildren(...items);
  box.querySelector("[data-cq-inbox-empty]").hidden = items.length > 0;
}

// ---- A client's page. ----

const where = (s) => (s.lesson ? (lessons[s.lesson] || s.lesson) : s.program || "");
const exercises = (s) => s.items.map((i) => t("send_sets", { item: i.id.split("/").pop(), sets: i.sets, of: i.of })).join("; ");
const value = (v) => (v === null ? t("send_not_noted") : String(v));
export const COLUMNS = ["inbox_date", "inbox_where", "inbox_exercises", "inbox_effort", "inbox_pain", "inbox_note"];
const row = (s) => [when(s.at), where(s), exercises(s), value(s.effort), value(s.pain), s.note];

function timeline(c) {
  if (!c.sessions.length) return [el("p", { textContent: t("inbox_no_sessions") })];
  const head = el("tr", {}, ...COLUMNS.map((k) => el("th", { scope: "col", textContent: t(k) })));
  const rows = c.sessions.map((s) => el("tr", {}, ...row(s).map((cell) => el("td", { textContent: cell }))));
  const table = el("table", { className: "cq-timeline" }, el("thead", {}, head), el("tbody", {}, ...rows));
  table.dataset.cqTimeline = c.id;
  return [el("div", { className: "cq-table-scroll", tabIndex: 0 }, table)];
}

function quizzes(c) {
  const titles = Object.entries(c.quizzes).map(([id, at]) => el("li", { textContent: `${lessons["quiz:" + id] || id} (${today(at)})` }));
  const parts = [titles.length ? el("ul", {}, ...titles) : el("p", { textContent: t("inbox_no_quizzes") })];
  if (c.level) {
    const level = levels[c.level.quiz + ":" + c.level.level] || c.level.level || "—";
    parts.push(el("p", { textContent: t("inbox_level", { level, date: today(c.level.at) }) }));
  }
  return parts;
}

function notes(c) {
  const said = c.sessions.filter((s) => s.note).map((s) => el("li", {}, el("strong", { textContent: when(s.at) }), " ", s.note));
  const parts = [said.length ? el("ul", {}, ...said) : el("p", { textContent: t("inbox_no_notes") })];
  if (c.program.m) parts.push(el("p", { textContent: t("inbox_your_note", { note: c.program.m }) }));
  return parts;
}

function deleting(c, section) {
  const ask = el("p", { className: "cq-send-row" });
  const start = el("button", { type: "button", className: "cq-button", textContent: t("inbox_delete") });
  start.addEventListener("click", () => {
    const yes = el("button", { type: "button", className: "cq-button", textContent: t("inbox_delete_yes") });
    const no = el("button", { type: "button", className: "cq-button cq-button--quiet", textContent: t("inbox_delete_no") });
    yes.addEventListener("click", () => {
      const clients = loadClients();
      delete clients[c.id];
      saveClients(clients);
      say(t("inbox_deleted", { name: nameOf(c) }));
      history.replaceState(null, "", location.pathname);
      render();
    });
    no.addEventListener("click", () => { ask.replaceChildren(start); start.focus(); });
    ask.replaceChildren(el("span", { textContent: t("inbox_delete_ask", { name: nameOf(c) }) }), " ", yes, " ", no);
    no.focus();
  });
  ask.append(start);
  section.append(ask);
}

function page(c) {
  const section = box.querySelector("[data-cq-inbox-client]");
  const heading = el("h2", { textContent: nameOf(c), tabIndex: -1 });
  const update = el("a", { className: "cq-button", href: "../prescribe/#client=" + c.id, textContent: t("inbox_update") });
  const h3 = (key) => el("h3", { textContent: t(key) });
  section.replaceChildren(
    el("p", {}, el("a", { href: "#", textContent: t("inbox_back") })), heading,
    el("p", { textContent: `${summary(c).text} · ${t("inbox_made", { date: today(c.made) })}` }),
    el("p", { className: "cq-send-row" }, update),
    h3("inbox_charts"), chart(c.sessions, t), h3("inbox_timeline"), ...timeline(c),
    h3("inbox_quizzes"), ...quizzes(c), h3("inbox_notes"), ...notes(c));
  deleting(c, section);
  section.hidden = false;
  return heading;
}

// ---- Records: CSV, print, backup, restore. ----

const csvCell = (v) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
function csv(clients) {
  const lines = [[t("inbox_client"), ...COLUMNS.map((k) => t(k))]];
  Object.values(clients).forEach((c) => c.sessions.forEach((s) => lines.push([nameOf(c), ...row(s)])));
  return "\ufeff" + lines.map((cells) => cells.map((v) => csvCell(String(v))).join(",")).join("\r\n") + "\r\n";
}

function tools() {
  const stamp = new Date().toISOString().slice(0, 10);
  box.querySelector("[data-cq-csv]").addEventListener("click", () => download(`practice-${stamp}.csv`, "text/csv;charset=utf-8", csv(loadClients())));
  box.querySelector("[data-cq-print]").addEventListener("click", () => window.print());
  box.querySelector("[data-cq-backup]").addEventListener("click", () => download(`inbox-${stamp}.json`, "application/json", backup(loadClients())));
  box.querySelector("[data-cq-restore]").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    const found = file ? restored(await file.text()) : null;
    if (!found) return say(t("inbox_bad_file"));
    const clients = loadClients();
    Object.values(found).forEach((c) => { clients[c.id] = merged(clients[c.id], c); });
    saveClients(clients);
    say(t("inbox_restored", { count: Object.keys(found).length }, Object.keys(found).length));
    await learn(clients);
    render();
  });
  box.querySelector("[data-cq-paste]").addEventListener("submit", (event) => {
    event.preventDefault();
    const field = event.target.elements.link;
    take(field.value.trim()).then(() => { field.value = ""; });
  });
}

// A restored record joins the one on this phone: sessions, quizzes and sends together, the newer program.
function merged(here, file) {
  if (!here) return file;
  const ids = new Set(here.sessions.map((s) => s.id));
  const newer = file.made > here.made ? file : here;
  return { ...newer, sessions: [...here.sessions, ...file.sessions.filter((s) => !ids.has(s.id))].sort((a, b) => a.at.localeCompare(b.at)),
    quizzes: { ...file.quizzes, ...here.quizzes }, sends: { ...file.sends, ...here.sends }, level: newer.level || here.level || file.level };
}

// The titles of the lessons, quizzes and levels the clients' records name, from the pieces that hold them
// only (the course data, CONTRACT.md), and the course's pain threshold from its index.
async function learn(clients) {
  const ids = Object.values(clients).flatMap((c) => [
    ...c.program.l, ...c.sessions.map((s) => s.lesson).filter(Boolean), ...Object.keys(c.quizzes), ...(c.level ? [c.level.quiz] : []),
  ]);
  const data = await course(ids);
  painLimit = data && Number.isInteger(data.pain_threshold) ? data.pain_threshold : null;
  (data ? data.lessons : []).forEach((l) => {
    lessons[l.id] = l.title;
    (Array.isArray(l.quizzes) ? l.quizzes : []).forEach((q) => {
      lessons["quiz:" + q.id] = q.title;
      (q.levels || []).forEach((lv) => { levels[q.id + ":" + lv.id] = lv.title; });
    });
  });
}

function render() {
  const clients = loadClients();
  list(clients);
  const id = new URLSearchParams(location.hash.slice(1)).get("c");
  const section = box.querySelector("[data-cq-inbox-client]");
  const listing = box.querySelector("[data-cq-inbox-list]");
  if (id && clients[id]) {
    listing.hidden = true;
    return page(clients[id]);
  }
  section.hidden = true;
  section.replaceChildren();
  listing.hidden = false;
  return null;
}

async function route() {
  if (!box) return;
  if (/^#r=/.test(location.hash)) return take(location.href);
  const heading = render();
  if (heading) heading.focus();
}

async function start() {
  const found = document.querySelector("[data-cq-inbox]:not([data-cq-ready])");
  if (!found) return;
  box = found;
  box.setAttribute("data-cq-ready", "");
  t = words(box);
  box.hidden = false;
  await learn(loadClients());
  tools();
  if (!canSeal()) {
    const warn = box.querySelector("[data-cq-inbox-warn]");
    warn.textContent = t("inbox_needs_secure");
    warn.hidden = false;
  }
  render();
  if (/^#r=/.test(location.hash)) await take(location.href);
}

onAddress(route);
onPage(start);
