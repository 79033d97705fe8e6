/* The trainer's records, kept on the trainer's phone only (CONTRACT.md, "The trainer's records"):
   each client made on the prescribe page, with their secret, program and everything they sent. */
import { KEY, read, write, isObject } from "./kit.js";
import { isClientId, isSecret } from "./seal.js";
import { cleanSession as session } from "./practice-log.js";

export const CLIENTS = KEY + ":clients";
const BACKUP_KIND = "coursegen-inbox";
const text = (value, max) => (typeof value === "string" ? value.slice(0, max) : "");
const strings = (value, max) => (Array.isArray(value) ? value.filter((x) => typeof x === "string").slice(0, max) : []);
const stamp = (value) => (typeof value === "string" && !Number.isNaN(Date.parse(value)) ? value : null);

function program(value) {
  const p = isObject(value) ? value : {};
  return { l: strings(p.l, 100), q: p.q !== false, m: text(p.m, 280), d: strings(p.d, 7), x: text(p.x, 4000) };
}

function stamps(value) {
  const out = {};
  if (isObject(value)) Object.entries(value).forEach(([k, v]) => { if (stamp(v)) out[k] = v; });
  return out;
}

// One client record, checked field by field: a damaged entry loses what is damaged, never the page.
export function client(value, id) {
  if (!isObject(value) || !isClientId(id) || !isSecret(value.secret)) return null;
  const sessions = (Array.isArray(value.sessions) ? value.sessions : []).map((s) => {
    const checked = session(s);
    return checked && { ...checked, got: stamp(s.got) || checked.at };
  }).filter(Boolean);
  const level = isObject(value.level) && typeof value.level.quiz === "string"
    ? { quiz: value.level.quiz, level: text(value.level.level, 100), at: stamp(value.level.at) || "" } : null;
  return {
    id, name: text(value.name, 40), secret: value.secret, made: stamp(value.made) || new Date().toISOString(),
    program: program(value.program), sessions, quizzes: stamps(value.quizzes), level, sends: stamps(value.sends),
  };
}

export function loadClients() {
  const kept = read(CLIENTS, null);
  const found = {};
  if (isObject(kept) && isObject(kept.clients)) {
    Object.entries(kept.clients).forEach(([id, value]) => { const c = client(value, id); if (c) found[id] = c; });
  }
  return found;
}

export const saveClients = (clients) => write(CLIENTS, { v: 1, clients });

// A client made or updated on the prescribe page: the secret stays, what they sent stays.
export function recordClient({ id, secret, name, program: made }) {
  const clients = loadClients();
  const before = clients[id] || { sessions: [], quizzes: {}, level: null, sends: {} };
  clients[id] = { ...before, id, secret, name, program: program(made), made: new Date().toISOString() };
  saveClients(clients);
  return clients[id];
}

// What one opened link adds to a client: sessions by id, quizzes, the self-check level; the send is remembered.
export function addSent(record, payload, now) {
  if (!isObject(payload) || typeof payload.i !== "string") return null;
  if (record.sends[payload.i]) return { replayed: record.sends[payload.i] };
  const known = new Set(record.sessions.map((s) => s.id));
  const names = strings(payload.n, 5000);
  const first = Number.isInteger(payload.f) ? payload.f : NaN;
  const fresh = (Array.isArray(payload.s) ? payload.s : []).map((row) => unpack(row, names, first)).filter((s) => s && !known.has(s.id) && known.add(s.id));
  const sessions = [...record.sessions, ...fresh.map((s) => ({ ...s, got: now }))].sort((a, b) => a.at.localeCompare(b.at));
  const quizzes = { ...record.quizzes };
  strings(payload.q, 500).forEach((id) => { quizzes[id] = quizzes[id] || now; });
  const level = Array.isArray(payload.c) && typeof payload.c[0] === "string"
    ? { quiz: payload.c[0], level: text(payload.c[1], 100), at: now } : record.level;
  const added = fresh.length + Object.keys(quizzes).length - Object.keys(record.quizzes).length + (level !== record.level ? 1 : 0);
  return { added, sessions: fresh.length, record: { ...record, sessions, quizzes, level, sends: { ...record.sends, [payload.i]: now } } };
}

// One session of a payload, back in the practice log's shape, then checked as the log checks its own.
function unpack(row, names, first) {
  if (!Array.isArray(row) || row.length < 7) return null;
  const [id, offset, place, items, effort, pain, note] = row;
  const where = names[place] || "";
  const fromProgram = where.startsWith("/");
  return session({
    id, at: Number.isInteger(offset) ? new Date((first + offset) * 60000).toISOString() : "", note,
    lesson: fromProgram ? null : where || null, program: fromProgram ? where : null,
    items: (Array.isArray(items) ? items : []).map((i) => (Array.isArray(i) ? { id: names[i[0]], sets: i[1], of: i[2] } : null)),
    effort, pain,
  });
}

export const backup = (clients) => JSON.stringify({ kind: BACKUP_KIND, v: 1, clients }, null, 1);

// A backup file's clients, checked like stored ones; null when the file is not a backup of this inbox.
export function restored(textOfFile) {
  let value;
  try { value = JSON.parse(textOfFile); } catch (e) { return null; }
  if (!isObject(value) || value.kind !== BACKUP_KIND || !isObject(value.clients)) return null;
  const found = {};
  Object.entries(value.clients).forEach(([id, v]) => { const c = client(v, id); if (c) found[id] = c; });
  return found;
}
