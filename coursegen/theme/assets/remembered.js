/* The program a reader opened, kept in sessionStorage for "Next in your program" (share.js writes it) and
   for keeping its lessons offline (offline.js): its one reader, which checks every value (CONTRACT.md). */
import { KEY, isMap, stored } from "./common.js";

// A link from storage is followed only as a path of this site: it starts with one "/" (not "//" or "/\"),
// and parsed, it stays on this origin; it is rebuilt from what the parser read. Anything else gives "".
export const sitePath = (path) => {
  const url = typeof path === "string" && /^\/(?![/\\])/.test(path) && new URL(path, location.origin);
  return url && url.origin === location.origin ? url.pathname + url.search + url.hash : "";
};

// The program a reader opened, for "Next in your program": {title, path, lessons: [{path, title}]}.
export const PROGRAM = KEY + ":program";
const place = (v) => isMap(v) && typeof v.title === "string" && sitePath(v.path) ? { title: v.title, path: sitePath(v.path) } : null;
export const openProgram = () => {
  const p = stored("sessionStorage", PROGRAM);
  return place(p) && Array.isArray(p.lessons) ? { ...place(p), lessons: p.lessons.map(place).filter(Boolean) } : null;
};
