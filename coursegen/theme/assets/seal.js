/* Sealed practice links (CONTRACT.md, "Sealed practice links"): a client's secret, made on the trainer's
   phone, seals what the client sends with AES-GCM through the browser's Web Crypto; nothing hand-made.
   A token reads `1.CLIENT.DATA`: the format, the client's id (random, names nobody) and, in base64url,
   a 12-byte IV then the ciphertext and its tag. The client's id is bound as additional data, so a token
   moved to another client fails to open. Inside, the first byte says how the JSON is packed. */

const VERSION = "1";
const PACKED = { json: 1, deflate: 2 };
const ID = /^[a-z0-9]{8}$/;
const SECRET = /^[A-Za-z0-9_-]{22}$/; // 16 random bytes

export const isClientId = (value) => typeof value === "string" && ID.test(value);
export const isSecret = (value) => typeof value === "string" && SECRET.test(value);

// crypto.subtle exists only in secure contexts (https, or localhost): the pages say so where it is missing.
export const canSeal = () => Boolean(window.isSecureContext && window.crypto && window.crypto.subtle);

// CompressionStream came to Safari in 16.4 (and "deflate-raw" to Chrome in 103): each is feature-detected by
// name, and without it a link is sealed unpacked, so it holds fewer sessions (CONTRACT.md gives the figures).
const stream = (kind) => window[kind];
function canStream(kind) {
  try { return typeof stream(kind) === "function" && Boolean(new (stream(kind))("deflate-raw")); } catch (e) { return false; }
}
export const canCompress = () => canStream("CompressionStream");
export const canDecompress = () => canStream("DecompressionStream");

export function toBase64url(bytes) {
  let text = "";
  bytes.forEach((b) => { text += String.fromCharCode(b); });
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const raw = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

export const newSecret = () => toBase64url(crypto.getRandomValues(new Uint8Array(16)));

export function newId(length = 8) {
  const digits = "abcdefghijklmnopqrstuvwxyz0123456789";
  return [...crypto.getRandomValues(new Uint8Array(length))].map((b) => digits[b % 36]).join("");
}

async function through(bytes, stream) {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

const additional = (client) => new TextEncoder().encode(`cq-practice-${VERSION}:${client}`);
const keyOf = (secret, use) => crypto.subtle.importKey("raw", fromBase64url(secret), "AES-GCM", false, [use]);

export async function seal(value, { client, secret, compress }) {
  let body = new TextEncoder().encode(JSON.stringify(value));
  let packed = PACKED.json;
  if (compress && canCompress()) {
    const smaller = await through(body, new (stream("CompressionStream"))("deflate-raw"));
    if (smaller.length < body.length) [body, packed] = [smaller, PACKED.deflate];
  }
  const plain = new Uint8Array(body.length + 1);
  plain.set([packed]);
  plain.set(body, 1);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await keyOf(secret, "encrypt");
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: additional(client) }, key, plain));
  const all = new Uint8Array(12 + sealed.length);
  all.set(iv);
  all.set(sealed, 12);
  return `${VERSION}.${client}.${toBase64url(all)}`;
}

export class OpenError extends Error {
  constructor(reason) { super(reason); this.reason = reason; } // not-link, unknown, tampered, unpack
}

// Tell which client a token is for, without opening it; throws OpenError("not-link") on anything else.
export function clientOf(token) {
  const parts = String(token).split(".");
  if (parts.length !== 3 || parts[0] !== VERSION || !isClientId(parts[1]) || parts[2].length < 30) throw new OpenError("not-link");
  return parts[1];
}

export async function open(token, secret) {
  const client = clientOf(token);
  let bytes;
  try { bytes = fromBase64url(token.split(".")[2]); } catch (e) { throw new OpenError("tampered"); }
  let plain;
  try {
    const key = await keyOf(secret, "decrypt");
    plain = new Uint8Array(await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: bytes.slice(0, 12), additionalData: additional(client) }, key, bytes.slice(12)));
  } catch (e) {
    throw new OpenError("tampered"); // the tag did not match: changed, cut short, or another key
  }
  let body = plain.slice(1);
  if (plain[0] === PACKED.deflate) {
    if (!canDecompress()) throw new OpenError("unpack");
    body = await through(body, new (stream("DecompressionStream"))("deflate-raw"));
  } else if (plain[0] !== PACKED.json) {
    throw new OpenError("tampered");
  }
  try { return JSON.parse(new TextDecoder().decode(body)); } catch (e) { throw new OpenError("tampered"); }
}
