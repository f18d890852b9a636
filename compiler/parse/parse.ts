// Parses Graphoid source into the AST of ast.ts, turning every failure of the generated parser into
// one of our diagnostics (GR0001 syntax error, GR0002 lexical error) with an exact position.
//
// The grammar (grammar.peggy) throws its own worded errors where it knows better (reserved words,
// unterminated strings, commit points with a specific rule); every other failure is Peggy's
// "furthest failure": the position no alternative could get past and the tokens that were tried
// there. This module words that as `unexpected X, expected Y`, never with Peggy's raw text.
import type { Loc, Position, Program } from "./ast.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticKind } from "../diagnostics/catalogue.js";
import { parse as parseGenerated, type PeggyError, type PeggyLocation } from "./generated/parser.js";

export interface ParseResult {
  program: Program | null;
  diagnostics: Diagnostic[];
}

export function parse(source: string, file: string): ParseResult {
  // What the parser expected where it failed is needed only to word an error, and recording it
  // costs a large part of the parse: a program is parsed without it, and parsed again with it
  // only when the first parse fails.
  try {
    return { program: parseGenerated(source, { grammarSource: file, recordExpectations: false }), diagnostics: [] };
  } catch {
    try {
      return { program: parseGenerated(source, { grammarSource: file }), diagnostics: [] };
    } catch (error) {
      return { program: null, diagnostics: [toDiagnostic(error, source, file)] };
    }
  }
}

// ---------------------------------------------------------------------------- error conversion

type Expectation = NonNullable<PeggyError["expected"]>[number];

function isPeggyError(error: unknown): error is PeggyError {
  return error instanceof Error && "location" in error && "expected" in error;
}

function toDiagnostic(error: unknown, source: string, file: string): Diagnostic {
  if (!isPeggyError(error)) {
    // A stack overflow on absurdly deep nesting is the only failure we expect here.
    const message = error instanceof RangeError ? "the program nests too deeply to parse" : `parser failure: ${String(error)}`;
    return diagnostic("InternalError", message, file, pointAt(source, 0));
  }
  if (error.gr) {
    const kind: DiagnosticKind = error.gr.kind === "LexicalError" ? "LexicalError" : "SyntaxError";
    return diagnostic(kind, error.gr.message, file, {
      start: toPosition(error.location.start),
      end: toPosition(error.location.end),
    });
  }
  const offset = error.location.start.offset;
  if (offset < source.length && !canStartToken(source, offset)) {
    const character = String.fromCodePoint(source.codePointAt(offset) ?? 0);
    return diagnostic("LexicalError", `unexpected character ${describeCharacter(character)}`, file, tokenLoc(source, offset, character.length));
  }
  const found = tokenAt(source, offset);
  const compound = compoundAssignmentAt(source, offset, found);
  if (compound) return diagnostic("SyntaxError", compound.message, file, tokenLoc(source, compound.offset, compound.length));
  return diagnostic("SyntaxError", syntaxMessage(found, error.expected ?? []), file, tokenLoc(source, offset, found.length));
}

function toPosition(position: PeggyLocation): Position {
  return { offset: position.offset, line: position.line, column: position.column };
}

// ---------------------------------------------------------------------------- the found token

interface FoundToken {
  /** How the message names it: `')'`, `'while'`, `end of file`, ... */
  description: string;
  length: number;
  word: string | null;
}

const IDENTIFIER_START = /[\p{Alphabetic}_]/u;
const IDENTIFIER_WORD = /^[\p{Alphabetic}_][\p{Alphabetic}\p{Nd}\p{Nl}\p{No}_]*/u;
const NUMBER = /^(?:0[xX][0-9a-fA-F_]*|0[bB][01_]*|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)/;
const SYMBOL = /^:[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}_]+/u;
/** Every operator and punctuation spelling of grammar.md §1.8, longest first. */
const PUNCTUATION = [
  ".//", ".**", ".==", ".!=", ".<=", ".>=", "...",
  "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "=~", "!~", "&&", "||", "=>",
  ".+", ".-", ".*", "./", ".%", ".^", ".<", ".>",
  "+", "-", "*", "/", "%", "^", "~", "&", "|", "<", ">", "=", "!", "(", ")", "[", "]", "{", "}",
  ",", ":", ".", ";",
];
/** Characters that can begin a token or spacing; anything else is a lexical error (§1.8). */
const TOKEN_START = /[ \t\r\n0-9"'#+\-*/%^~&|<>=!()[\]{},:.;]/;

function canStartToken(source: string, offset: number): boolean {
  const character = String.fromCodePoint(source.codePointAt(offset) ?? 0);
  return TOKEN_START.test(character) || IDENTIFIER_START.test(character);
}

function tokenAt(source: string, offset: number): FoundToken {
  if (offset >= source.length) return { description: "end of file", length: 0, word: null };
  const rest = source.slice(offset, offset + 200);
  const first = rest[0];
  if (first === "\n") return { description: "line break", length: 1, word: null };
  const word = IDENTIFIER_WORD.exec(rest);
  if (word) return { description: `'${word[0]}'`, length: word[0].length, word: word[0] };
  const number = NUMBER.exec(rest);
  if (number) return { description: `number ${number[0]}`, length: number[0].length, word: null };
  if (first === '"' || first === "'") {
    const end = rest.indexOf(first, 1);
    const text = end > 0 && end <= 40 ? rest.slice(0, end + 1) : "";
    return { description: text && !text.includes("\n") ? `string ${text}` : "string", length: end > 0 ? end + 1 : 1, word: null };
  }
  const symbol = SYMBOL.exec(rest);
  if (symbol) return { description: `symbol ${symbol[0]}`, length: symbol[0].length, word: null };
  const punctuation = PUNCTUATION.find((spelling) => rest.startsWith(spelling)) ?? first;
  return { description: `'${punctuation}'`, length: punctuation.length, word: null };
}

function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const hex = "U+" + code.toString(16).toUpperCase().padStart(4, "0");
  const names: Record<number, string> = {
    0x00a0: "no-break space",
    0xfeff: "byte-order mark",
    0x000c: "form feed",
    0x000b: "vertical tab",
  };
  if (names[code]) return `${hex} (${names[code]})`;
  if (code < 0x20 || /[\s\p{C}]/u.test(character)) return hex;
  return code < 0x80 ? `'${character}'` : `'${character}' (${hex})`;
}

// ---------------------------------------------------------------------------- the message

const RESERVED_WORDS = new Set([
  "fn", "set", "static", "priv", "if", "then", "else", "unless", "while", "for", "in",
  "return", "break", "continue", "try", "catch", "finally", "raise", "match", "when", "spawn",
  "import", "load", "module", "alias", "as", "from", "super", "rule", "configure", "precision",
  "and", "or", "not", "true", "false", "none",
  "num", "bignum", "string", "bool", "list", "map", "hash", "tree", "graph",
]);

/** Keywords that begin statements and never an expression. */
const STATEMENT_KEYWORDS = new Set([
  "fn", "set", "static", "priv", "while", "for", "return", "break", "continue", "try", "import",
  "load", "module", "configure", "precision", "then", "else", "catch", "finally", "in", "as",
  "alias", "when", "rule",
]);

/** Tokens the parser tries after every complete operand; they are noise in a message. */
const AFTER_OPERAND = new Set([
  "**", "*", "//", "/", "%", "+", "-", "<<", "<=", "<", ">>", ">=", ">", "==", "=~", "!=", "!~",
  "&&", "&", "||", "|", "^", ".**", ".*", ".//", "./", ".%", ".+", ".-", ".^", ".==", ".!=",
  ".<=", ".<", ".>=", ".>", "and", "or", "if", "unless", "!", "'.'", "(", "[",
]);

/** Closing tokens are the most useful thing to name, in this order. */
const CLOSERS = [",", ")", "]", "}"];

/** Named rules of the grammar and how a message names them. */
const DESCRIPTIONS: Record<string, string> = {
  name: "a name",
  number: "a number",
  string: "a string",
  symbol: "a symbol",
  "literal argument": "a literal argument",
  "type word": "a type word",
  "method or property name": "a method or property name",
  "end of input": "end of file",
};

function expectationText(expectation: Expectation): string | null {
  switch (expectation.type) {
    case "literal":
      return expectation.text ?? null;
    case "other":
      return expectation.description ?? null;
    case "end":
      return "end of input";
    default:
      return null;
  }
}

/** How a message names one expected token: quoted punctuation and keywords, or a phrase. */
function phrase(text: string): string {
  if (text === "\n") return "a line break";
  if (DESCRIPTIONS[text]) return DESCRIPTIONS[text];
  return text.startsWith("'") ? text : `'${text}'`;
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

function syntaxMessage(found: FoundToken, expected: Expectation[]): string {
  const wanted = new Set(expected.map(expectationText).filter((text): text is string => text !== null));
  // The grammar records these two where a statement / an operand could not start.
  const atStatementStart = wanted.has("statement");
  const wantsExpression = wanted.has("expression");

  if (found.word === "else" && atStatementStart) {
    return "unexpected 'else': an else cannot start a statement; keep it on the line of the '}' or expression it follows";
  }
  if (found.description === "';'") {
    return "unexpected ';': statements are separated by line breaks, not semicolons";
  }
  const startsAStatement = found.word !== null && STATEMENT_KEYWORDS.has(found.word);
  if (found.word !== null && RESERVED_WORDS.has(found.word) && wanted.has("name") && !atStatementStart && !(wantsExpression && startsAStatement)) {
    return `'${found.word}' is a reserved word and cannot be used as a name`;
  }

  // What could not start here (a statement, an operand, a name), then the closing tokens, then
  // (unless a statement or an operand was wanted, where they are noise) other specific tokens.
  const parts: string[] = [];
  if (atStatementStart) parts.push("a statement");
  else if (wantsExpression) parts.push("an expression");
  else if (wanted.has("name")) parts.push("a name");
  for (const closer of CLOSERS) if (wanted.has(closer)) parts.push(phrase(closer));
  if (!atStatementStart && !wantsExpression) {
    const candidates = [...wanted].filter((text) => text !== "end of input" && text !== "name" && !CLOSERS.includes(text));
    const specific = candidates.filter((text) => !AFTER_OPERAND.has(text));
    // Punctuation first, then keywords, then descriptions of token classes.
    const rank = (text: string) => (text in DESCRIPTIONS ? 2 : /^[a-z]/.test(text) ? 1 : 0);
    const ordered = (specific.length > 0 || parts.length > 0 ? specific : candidates).sort((a, b) => rank(a) - rank(b));
    parts.push(...ordered.slice(0, Math.max(0, 4 - parts.length)).map(phrase));
  }
  const head = `unexpected ${found.description}`;
  return parts.length === 0 ? head : `${head}, expected ${listOf(parts)}`;
}

/** `x += 1` fails at the `=`: point at `+=` and say that Graphoid has no compound assignment. */
function compoundAssignmentAt(source: string, offset: number, found: FoundToken): { message: string; offset: number; length: number } | null {
  if (found.description !== "'='") return null;
  const operator = /(\*\*|\/\/|[-+*/%])$/.exec(source.slice(Math.max(0, offset - 2), offset));
  if (!operator) return null;
  const spelling = operator[1];
  return {
    message: `there is no '${spelling}=' operator in Graphoid; write 'x = x ${spelling} value'`,
    offset: offset - spelling.length,
    length: spelling.length + 1,
  };
}

// ---------------------------------------------------------------------------- positions

function pointAt(source: string, offset: number): Loc {
  return tokenLoc(source, offset, 0);
}

function positionOf(source: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let index = source.indexOf("\n"); index !== -1 && index < offset; index = source.indexOf("\n", index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { offset, line, column: offset - lineStart + 1 };
}

function tokenLoc(source: string, offset: number, length: number): Loc {
  const start = positionOf(source, Math.min(offset, source.length));
  const end = positionOf(source, Math.min(offset + length, source.length));
  return { start, end };
}
