// Source positions of compiled code, read from its source map only when an error's frames are
// first asked for. Node's own source-map support (`--enable-source-maps`) would give the same
// positions, but it parses every loaded module's map at load time, which costs a run tens of
// milliseconds whether or not anything fails. Lookups follow Node's rules, so positions are the
// same either way: the last mapping at or before the position, lines and columns 0-based.
import { host } from "../host.js";

export interface OriginalPosition {
  /** A path for `file:` sources, else the source's URL. */
  source: string;
  /** 1-based, as stack traces count. */
  line: number;
  column: number;
}

/** One decoded map: its mappings sorted by generated position, five numbers per mapping. */
interface DecodedMap {
  sources: string[];
  /** generated line, generated column, source index, original line, original column, ... */
  mappings: Int32Array;
}

const maps = new Map<string, DecodedMap | null>();

/** The original position of a 1-based line and column of a loaded script, or null if unknown. */
export function originalPosition(script: string, line: number, column: number): OriginalPosition | null {
  let map = maps.get(script);
  if (map === undefined) {
    map = readMap(script);
    maps.set(script, map);
  }
  if (map === null) return null;
  const at = lastMappingAtOrBefore(map.mappings, line - 1, column - 1);
  if (at < 0) return null;
  const source = map.sources[map.mappings[at + 2]!];
  if (source === undefined) return null;
  return { source, line: map.mappings[at + 3]! + 1, column: map.mappings[at + 4]! + 1 };
}

function readMap(script: string): DecodedMap | null {
  let found: { json: string; url: string } | null = null;
  try {
    found = host.sourceMap?.(script) ?? null;
  } catch {
    return null;
  }
  if (found === null) return null;
  try {
    const raw = JSON.parse(found.json) as { sources?: unknown; sourceRoot?: unknown; mappings?: unknown };
    if (!Array.isArray(raw.sources) || typeof raw.mappings !== "string") return null;
    const root = typeof raw.sourceRoot === "string" && raw.sourceRoot !== "" ? raw.sourceRoot.replace(/\/?$/, "/") : "";
    const sources = raw.sources.map((s) => resolveSource(root + String(s), found.url));
    // Only Graphoid positions are wanted: the runtime's own map is never decoded.
    if (!sources.some((s) => s.endsWith(".gr"))) return null;
    return { sources, mappings: decodeMappings(raw.mappings) };
  } catch {
    return null;
  }
}

function resolveSource(source: string, base: string): string {
  let url: URL;
  try {
    url = new URL(source, base);
  } catch {
    return source;
  }
  if (url.protocol !== "file:") return url.href;
  const path = decodeURIComponent(url.pathname);
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path; // file:///C:/x → C:/x
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;

/**
 * Decodes the `mappings` string (base64 VLQ, source map v3). Like Node, a segment without a
 * source keeps the source fields of the one before it.
 */
export function decodeMappings(text: string): Int32Array {
  const out: number[] = [];
  let line = 0;
  let column = 0;
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  let i = 0;
  // One VLQ number from text[i...].
  const next = (): number => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const digit = i < text.length ? DIGIT[text.charCodeAt(i++)] ?? -1 : -1;
      if (digit < 0) throw new Error("bad source map mappings");
      value += (digit & 31) * 2 ** shift;
      shift += 5;
      if ((digit & 32) === 0) break;
    }
    return value % 2 === 1 ? -(value - 1) / 2 : value / 2;
  };
  const atSegmentEnd = () => i >= text.length || text[i] === "," || text[i] === ";";
  while (i < text.length) {
    const c = text[i];
    if (c === ";") {
      line++;
      column = 0;
      i++;
      continue;
    }
    if (c === ",") {
      i++;
      continue;
    }
    column += next();
    if (!atSegmentEnd()) {
      source += next();
      originalLine += next();
      originalColumn += next();
      if (!atSegmentEnd()) next(); // the name index: not used
    }
    out.push(line, column, source, originalLine, originalColumn);
  }
  // Generators (SourceNode, esbuild) emit segments in generated order; like Node, trust that.
  return Int32Array.from(out);
}

/** Offset in `mappings` of the last mapping at or before (line, column), or -1. */
function lastMappingAtOrBefore(mappings: Int32Array, line: number, column: number): number {
  let low = 0;
  let high = mappings.length / 5 - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const l = mappings[middle * 5]!;
    if (l < line || (l === line && mappings[middle * 5 + 1]! <= column)) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found < 0 ? -1 : found * 5;
}
