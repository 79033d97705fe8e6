/* The practice log kept on the reader's device: read defensively, item by item, and written whole.
   Its format is in CONTRACT.md ("Practice log"); the player (practice.js) writes it, and sending it to a
   trainer reads it. Nothing here sends anything anywhere. */
import { ROOT } from "./common.js";

export const LOG_VERSION = 1;
export const NOTE_MAX = 280; // characters of a session's note
export const MAX_SESSIONS = 2000; // about five years of daily practice; the oldest go first beyond it
export const MAX_ITEMS = 50; // exercises in one session
const ID = /^[a-z0-9]{6,12}$/;
const ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;

export const SITE_ROOT = ROOT.pathname; // the site root's path, as every module reads it from common.js

/** Return the storage key of a site's practice log: `cq:` + its root path + `:practice`. */
export const logKey = (root = SITE_ROOT) => "cq:" + root + ":practice";

const isWhole = (value, low, high) => Number.isInteger(value) && value >= low && value <= high;
const score = (value) => (isWhole(value, 0, 10) ? value : null);

/** Return one exercise of a session as the log keeps it, or null when it is not that shape. */
export function cleanItem(value) {
  if (!value || typeof value !== "object") return null;
  const { id, sets, of } = value;
  if (typeof id !== "string" || !ITEM_ID.test(id) || id.length > 120) return null;
  if (!isWhole(of, 1, 99) || !isWhole(sets, 0, of)) return null;
  return { id, sets, of };
}

/** Return a session as the log keeps it, or null when its id or time is not that shape. */
export function cleanSession(value) {
  if (!value || typeof value !== "object") return null;
  const { id, at, lesson, program, items, note } = value;
  if (typeof id !== "string" || !ID.test(id)) return null;
  if (typeof at !== "string" || !ISO_UTC.test(at) || Number.isNaN(Date.parse(at))) return null;
  return {
    id,
    at,
    lesson: typeof lesson === "string" && SLUG.test(lesson) ? lesson : null,
    program: typeof program === "string" && program.startsWith("/") && program.length <= 300 ? program : null,
    items: (Array.isArray(items) ? items.slice(0, MAX_ITEMS) : []).map(cleanItem).filter(Boolean),
    effort: score(value.effort),
    pain: score(value.pain),
    note: typeof note === "string" ? note.slice(0, NOTE_MAX) : "",
    days: Array.isArray(value.days) ? WEEKDAYS.filter((day) => value.days.includes(day)) : [],
  };
}

/** Return a log holding only well-formed sessions, oldest first, each id once, from any parsed value. */
export function cleanLog(value) {
  const found = value && typeof value === "object" && Array.isArray(value.sessions) ? value.sessions : [];
  const seen = new Set();
  const sessions = [];
  for (const raw of found) {
    const session = cleanSession(raw);
    if (!session || seen.has(session.id)) continue;
    seen.add(session.id);
    sessions.push(session);
  }
  sessions.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { v: LOG_VERSION, sessions: sessions.slice(-MAX_SESSIONS) };
}

const storage = () => {
  try { return window.localStorage; } catch (e) { return null; } // blocked: a log that is never kept
};

/** Return the site's practice log from storage; a missing, foreign or corrupted entry gives an empty log. */
export function readLog(key = logKey()) {
  let parsed = null;
  try { parsed = JSON.parse(storage()?.getItem(key) || "null"); } catch (e) { parsed = null; }
  return cleanLog(parsed);
}

/** Write a whole log; return false when storage is blocked or full. */
export function writeLog(log, key = logKey()) {
  try {
    storage().setItem(key, JSON.stringify(cleanLog(log)));
    return true;
  } catch (e) {
    return false;
  }
}

/** Return a new random session id, unique in `sessions`. */
export function newSessionId(sessions = []) {
  const taken = new Set(sessions.map((s) => s.id));
  let id = "";
  while (!id || taken.has(id)) {
    const bytes = window.crypto.getRandomValues(new Uint8Array(10));
    id = Array.from(bytes, (b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).join("");
  }
  return id;
}

/** Add a session (an id is made when it has none) and return it as kept, or null if it could not be kept. */
export function addSession(session, key = logKey()) {
  const log = readLog(key);
  const kept = cleanSession({ ...session, id: session.id || newSessionId(log.sessions) });
  if (!kept || log.sessions.some((s) => s.id === kept.id)) return null;
  log.sessions.push(kept);
  return writeLog(log, key) ? kept : null;
}

/** Replace the session with the same id (its feeling added later, say); return false if it is gone or not kept. */
export function updateSession(session, key = logKey()) {
  const log = readLog(key);
  const kept = cleanSession(session);
  const at = kept ? log.sessions.findIndex((s) => s.id === kept.id) : -1;
  if (at < 0) return false;
  log.sessions[at] = kept;
  return writeLog(log, key);
}

/** Remove the whole log from this device. */
export function clearLog(key = logKey()) {
  try { storage().removeItem(key); return true; } catch (e) { return false; }
}

export const CSV_COLUMNS = ["session", "at", "lesson", "program", "exercise", "sets", "of", "effort", "pain", "note"];

// A cell a spreadsheet would take for a formula starts with a quote mark, so opening the file runs nothing.
const cell = (value) => {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Return the log as CSV (RFC 4180, CRLF): one row per exercise, or one row for a session with none. */
export function logCsv(log) {
  const rows = [CSV_COLUMNS];
  for (const s of cleanLog(log).sessions) {
    const items = s.items.length ? s.items : [{ id: "", sets: "", of: "" }];
    for (const item of items) {
      rows.push([s.id, s.at, s.lesson, s.program, item.id, item.sets, item.of, s.effort, s.pain, s.note]);
    }
  }
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
