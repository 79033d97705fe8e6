/* Reading the practice log that the practice player writes (CONTRACT.md, "Practice log"), defensively:
   anything not of the agreed shape is dropped item by item, never a broken page. */
import { KEY, read, isObject } from "./kit.js";

export const PRACTICE = KEY + ":practice";
const SESSION_ID = /^[a-z0-9]{6,12}$/;
const NOTE_MAX = 280;

const score = (value) => (Number.isInteger(value) && value >= 0 && value <= 10 ? value : null);
const count = (value) => (Number.isInteger(value) && value >= 0 && value <= 99 ? value : null);

function item(value) {
  if (!isObject(value) || typeof value.id !== "string" || !value.id || value.id.length > 120) return null;
  const sets = count(value.sets);
  const of = count(value.of);
  return sets === null || of === null ? null : { id: value.id, sets, of };
}

export function session(value) {
  if (!isObject(value) || typeof value.id !== "string" || !SESSION_ID.test(value.id)) return null;
  const at = typeof value.at === "string" ? Date.parse(value.at) : NaN;
  if (Number.isNaN(at)) return null;
  const text = (v) => (typeof v === "string" && v.length <= 200 ? v : null);
  return {
    id: value.id,
    at: new Date(at).toISOString(),
    lesson: text(value.lesson),
    program: text(value.program),
    items: (Array.isArray(value.items) ? value.items : []).map(item).filter(Boolean).slice(0, 50),
    effort: score(value.effort),
    pain: score(value.pain),
    note: typeof value.note === "string" ? value.note.slice(0, NOTE_MAX) : "",
  };
}

export function readPractice() {
  const log = read(PRACTICE, null);
  if (!isObject(log) || !Array.isArray(log.sessions)) return [];
  const seen = new Set();
  return log.sessions.map(session).filter((s) => s && !seen.has(s.id) && seen.add(s.id))
    .sort((a, b) => a.at.localeCompare(b.at));
}
