// Graph pattern matching (collections.md §8.3): the pattern objects built by `node(...)`,
// `edge(...)` and `path(...)`, `g.match(...)` with the reference's semantics, and the results
// object with where/return.
import { callFunction } from "../call.js";
import { share } from "../values/collection.js";
import { rtError } from "../values/error.js";
import { display, formatNumber, typeName } from "../values/format.js";
import { GrList } from "../values/list.js";
import { GrMap } from "../values/map.js";
import { GrSymbol, sym } from "../values/symbol.js";
import { truthy } from "../values/truth.js";
import type { MethodTable } from "../methods/table.js";
import { isInternalId, type GNode, type GrGraph } from "./graph.js";
import type { GrObject, Value } from "../values/value.js";

// ---- pattern objects

export class PatternNode implements GrObject {
  constructor(
    readonly variable: string | null,
    /** Node-type constraint (`type:`), compared with the type set by set_node_type. */
    readonly nodeType: string | null,
  ) {}

  grType(): string {
    return "pattern_node";
  }

  /** The variable is quoted when alone and bare beside a type, as the reference prints it. */
  grDisplay(): string {
    const typePart = this.nodeType === null ? null : `type: "${this.nodeType}"`;
    if (this.variable === null) return `<pattern node(${typePart ?? ""})>`;
    if (typePart === null) return `<pattern node("${this.variable}")>`;
    return `<pattern node(${this.variable}, ${typePart})>`;
  }

  grTruthy(): boolean {
    return true;
  }

  grEquals(other: unknown): boolean {
    return other instanceof PatternNode && other.variable === this.variable && other.nodeType === this.nodeType;
  }
}

export class PatternEdge implements GrObject {
  constructor(
    readonly edgeType: string | null,
    readonly direction: GrSymbol,
  ) {}

  grType(): string {
    return "pattern_edge";
  }

  grDisplay(): string {
    const typePart = this.edgeType === null ? "" : `type: "${this.edgeType}", `;
    return `<pattern edge(${typePart}direction: :${this.direction.name})>`;
  }

  grTruthy(): boolean {
    return true;
  }

  grEquals(other: unknown): boolean {
    return other instanceof PatternEdge && other.edgeType === this.edgeType && other.direction === this.direction;
  }
}

export class PatternPath implements GrObject {
  constructor(
    /** `""` when omitted; such a path only follows edges typed `""` (reference behavior). */
    readonly edgeType: string,
    readonly min: number,
    readonly max: number,
    readonly direction: GrSymbol,
  ) {}

  grType(): string {
    return "pattern_path";
  }

  grDisplay(): string {
    return (
      `<pattern path(edge_type: "${this.edgeType}", min: ${formatNumber(this.min)}, ` +
      `max: ${formatNumber(this.max)}, direction: :${this.direction.name})>`
    );
  }

  grTruthy(): boolean {
    return true;
  }

  grEquals(other: unknown): boolean {
    return (
      other instanceof PatternPath &&
      other.edgeType === this.edgeType &&
      other.min === this.min &&
      other.max === this.max &&
      other.direction === this.direction
    );
  }
}

/** One match: variable name → the bound node's value at match time, in binding order. */
type MatchRow = ReadonlyMap<string, Value>;

export class MatchResults implements GrObject {
  constructor(readonly rows: readonly MatchRow[]) {}

  grType(): string {
    return "pattern_match_results";
  }

  grDisplay(): string {
    return `<pattern match results: ${this.rows.length} matches>`;
  }

  grTruthy(): boolean {
    return this.rows.length > 0;
  }
}

// ---- constructors: `node(...)`, `edge(...)`, `path(...)` take named arguments

type Names = readonly (string | null)[] | null;

function splitArgs(args: readonly Value[], names: Names): { positional: Value[]; named: [string, Value][] } {
  const positional: Value[] = [];
  const named: [string, Value][] = [];
  for (let i = 0; i < args.length; i++) {
    const name = names?.[i] ?? null;
    if (name === null) positional.push(args[i]!);
    else named.push([name, args[i]!]);
  }
  return { positional, named };
}

/** `type:` values are converted with their display form (`type: :User` is `":User"`); none means no constraint. */
function typeConstraint(v: Value): string | null {
  return v === null ? null : display(v);
}

const DIRECTIONS = new Set(["outgoing", "incoming", "both"]);

function direction(builder: string, v: Value): GrSymbol {
  if (!(v instanceof GrSymbol)) {
    throw rtError(`${builder}() direction must be a symbol (:outgoing, :incoming, or :both), got ${typeName(v)}`);
  }
  if (!DIRECTIONS.has(v.name)) throw rtError(`${builder}() direction must be :outgoing, :incoming, or :both, got :${v.name}`);
  return v;
}

/** `node()`, `node("v")`, `node("v", type: "T")`, `node(type: "T")`. */
export function makeNodePattern(args: readonly Value[], names: Names): PatternNode {
  const { positional, named } = splitArgs(args, names);
  if (positional.length > 1) throw rtError("node() accepts at most one positional argument (variable)");
  let nodeType: string | null = null;
  for (const [name, value] of named) {
    if (name !== "type") throw rtError(`node() does not accept parameter '${name}'`);
    nodeType = typeConstraint(value);
  }
  const variable = positional[0] ?? null;
  if (variable !== null && typeof variable !== "string") {
    throw rtError(`node() variable must be a string, got ${typeName(variable)}`);
  }
  return new PatternNode(variable, nodeType);
}

/** `edge(type: "T", direction: :outgoing)`, both optional. */
export function makeEdgePattern(args: readonly Value[], names: Names): PatternEdge {
  const { positional, named } = splitArgs(args, names);
  if (positional.length > 0) {
    throw rtError("edge() does not accept positional arguments, use named parameters: type, direction");
  }
  let edgeType: string | null = null;
  let dir = sym("outgoing");
  for (const [name, value] of named) {
    if (name === "type") edgeType = typeConstraint(value);
    else if (name === "direction") dir = direction("edge", value);
    else throw rtError(`edge() does not accept parameter '${name}'`);
  }
  return new PatternEdge(edgeType, dir);
}

/** `path(type: "T", min: 1, max: 3, direction: :outgoing)`; `edge_type:` is `type:`; max defaults to min. */
export function makePathPattern(args: readonly Value[], names: Names): PatternPath {
  const { positional, named } = splitArgs(args, names);
  if (positional.length > 0) {
    throw rtError("path() does not accept positional arguments, use named parameters: edge_type, min, max, direction");
  }
  let edgeType = "";
  let min = 1;
  let max: number | null = null;
  let dir = sym("outgoing");
  for (const [name, value] of named) {
    if (name === "type" || name === "edge_type") edgeType = typeConstraint(value) ?? "";
    else if (name === "min") min = pathBound("min", value);
    else if (name === "max") max = pathBound("max", value);
    else if (name === "direction") dir = direction("path", value);
    else throw rtError(`path() does not accept parameter '${name}'`);
  }
  max ??= min;
  if (min > max) throw rtError("path() min cannot be greater than max");
  return new PatternPath(edgeType, min, max, dir);
}

function pathBound(name: string, v: Value): number {
  if (typeof v === "number") return v;
  throw rtError(`path() ${name} must be a number, got ${typeName(v)}`);
}

// ---- properties and methods of pattern objects

/** `p.name` on a pattern object (the same names also work as zero-argument methods). */
export function patternProperty(p: PatternNode | PatternEdge | PatternPath, name: string): Value {
  if (p instanceof PatternNode) {
    if (name === "variable") return p.variable;
    if (name === "type") return p.nodeType;
    if (name === "pattern_type") return sym("node");
  } else if (p instanceof PatternEdge) {
    if (name === "edge_type") return p.edgeType;
    if (name === "direction") return p.direction;
    if (name === "pattern_type") return sym("edge");
  } else {
    if (name === "edge_type") return p.edgeType;
    if (name === "min") return p.min;
    if (name === "max") return p.max;
    if (name === "direction") return p.direction;
    if (name === "pattern_type") return sym("path");
  }
  throw rtError(`Cannot access property '${name}' on type '${p.grType()}'`);
}

function propertyMethods(props: readonly string[]): MethodTable {
  const table: MethodTable = Object.create(null);
  for (const prop of props) {
    table[prop] = (recv: PatternNode | PatternEdge | PatternPath, args) => {
      if (args.length > 0) throw rtError(`Method '${prop}' takes no arguments, but got ${args.length}`);
      return patternProperty(recv, prop);
    };
  }
  return table;
}

/**
 * Methods of pattern nodes. `type` is here because `type()` on a pattern node returns its type
 * constraint, not "pattern_node": dispatch must consult this table before the universal `type`.
 */
export const patternNodeMethods: MethodTable<PatternNode> = propertyMethods(["variable", "type", "pattern_type"]);
patternNodeMethods.bind = (recv, args) => {
  const name = args[0];
  if (args.length !== 1 || typeof name !== "string") {
    throw rtError(`bind() expects a variable name (string), got ${typeName(name ?? null)}`);
  }
  return new PatternNode(name, recv.nodeType);
};

export const patternEdgeMethods: MethodTable<PatternEdge> = propertyMethods(["edge_type", "direction", "pattern_type"]);
export const patternPathMethods: MethodTable<PatternPath> = propertyMethods([
  "edge_type",
  "min",
  "max",
  "direction",
  "pattern_type",
]);

export const matchResultsMethods: MethodTable<MatchResults> = Object.create(null);
const countRows = (recv: MatchResults): Value => recv.rows.length;
matchResultsMethods.len = countRows;
matchResultsMethods.size = countRows;
matchResultsMethods.count = countRows;
matchResultsMethods.where = (recv, args) => {
  const predicate = args[0] ?? null;
  return new MatchResults(recv.rows.filter((row) => truthy(callFunction(predicate, [rowHash(row)]))));
};
matchResultsMethods.return = (recv, args) => project(recv, args[0] ?? null);
matchResultsMethods.select = matchResultsMethods.return;

/** The table for a query object, or null when `v` is not one. */
export function queryMethodTable(v: Value): MethodTable | null {
  if (v instanceof PatternNode) return patternNodeMethods;
  if (v instanceof PatternEdge) return patternEdgeMethods;
  if (v instanceof PatternPath) return patternPathMethods;
  if (v instanceof MatchResults) return matchResultsMethods;
  return null;
}

/** The hash `where` passes: variable → bound node's value. */
function rowHash(row: MatchRow): GrMap {
  const entries = new Map<string, Value>();
  for (const [name, value] of row) entries.set(name, share(value));
  return new GrMap(entries);
}

/**
 * `return(["a", "b.city"])`: one hash per match. `"var"` gives the node's value (omitted when
 * unbound); `"var.field"` gives the field of a hash value, else none (node properties have no API).
 */
function project(results: MatchResults, specs: Value): GrList {
  const fields = specs instanceof GrList ? specs.items : typeof specs === "string" ? [specs] : null;
  if (fields === null) throw rtError(`return() expects a list of strings, got ${typeName(specs)}`);
  const rows: Value[] = [];
  for (const row of results.rows) {
    const entries = new Map<string, Value>();
    for (const spec of fields) {
      if (typeof spec !== "string") throw rtError(`return() expects a list of strings, got ${typeName(spec)} in the list`);
      const dot = spec.indexOf(".");
      if (dot < 0) {
        if (row.has(spec)) entries.set(spec, share(row.get(spec)!));
        continue;
      }
      const value = row.get(spec.slice(0, dot));
      const field = value instanceof GrMap ? value.entries.get(spec.slice(dot + 1)) : undefined;
      entries.set(spec, field === undefined ? null : share(field));
    }
    rows.push(new GrMap(entries));
  }
  return new GrList(rows);
}

// ---- matching

/** Every `node()` without a variable binds this one hidden variable (reference behavior). */
const ANONYMOUS = "\u0000anonymous";

type Connector = PatternEdge | PatternPath;

/** `g.match(n0, e1, n1, ...)`. */
export function matchPattern(g: GrGraph, args: readonly Value[]): MatchResults {
  if (args.length === 0) throw rtError("match() requires at least one pattern node");
  for (let i = 0; i < args.length; i++) {
    const part = args[i]!;
    if (i % 2 === 0 && !(part instanceof PatternNode)) {
      throw rtError(`match() argument ${i} should be a pattern node, got ${typeName(part)}`);
    }
    if (i % 2 === 1 && !(part instanceof PatternEdge || part instanceof PatternPath)) {
      throw rtError(`match() argument ${i} should be a pattern edge or path, got ${typeName(part)}`);
    }
  }
  if (args.length % 2 === 0) throw rtError("match() pattern must end with a pattern node");
  const nodePatterns = args.filter((_, i) => i % 2 === 0) as PatternNode[];
  const connectors = args.filter((_, i) => i % 2 === 1) as Connector[];

  const rows: MatchRow[] = [];
  const binding = new Map<string, GNode>();
  const emit = (): void => {
    const row = new Map<string, Value>();
    for (const [name, node] of binding) if (name !== ANONYMOUS) row.set(name, node.value);
    rows.push(row);
  };
  // Binds node pattern `step` to `node` if it fits, continues with the next step, then unbinds.
  const visit = (step: number, node: GNode): void => {
    const pattern = nodePatterns[step]!;
    if (pattern.nodeType !== null && node.type !== pattern.nodeType) return;
    const variable = pattern.variable ?? ANONYMOUS;
    const bound = binding.get(variable);
    if (bound !== undefined && bound !== node) return;
    if (bound === undefined) binding.set(variable, node);
    if (step === connectors.length) emit();
    else for (const next of connectorTargets(g, node, connectors[step]!)) visit(step + 1, next);
    if (bound === undefined) binding.delete(variable);
  };
  for (const node of g.dataNodes()) visit(0, node);
  return new MatchResults(rows);
}

/** Nodes one connector leads to from `node`, with the reference's duplicates. */
function connectorTargets(g: GrGraph, node: GNode, connector: Connector): GNode[] {
  return connector instanceof PatternEdge ? edgeTargets(g, node, connector) : pathTargets(g, node, connector);
}

/** `:outgoing` and `:incoming` follow out-edges (reference behavior); `:both` adds in-edges after. */
function edgeTargets(g: GrGraph, node: GNode, edge: PatternEdge): GNode[] {
  const found: GNode[] = [];
  for (const e of node.out.values()) {
    if ((edge.edgeType === null || e.type === edge.edgeType) && !isInternalId(e.to)) found.push(g.nodes.get(e.to)!);
  }
  if (edge.direction.name === "both") {
    for (const e of node.in.values()) {
      if ((edge.edgeType === null || e.type === edge.edgeType) && !isInternalId(e.from)) found.push(g.nodes.get(e.from)!);
    }
  }
  return found;
}

/**
 * Breadth-first over out-edges of the path's type (direction ignored). A node is yielded every
 * time it is reached at a depth within [min, max]; each (node, depth) state is expanded once, so
 * two routes of equal length yield a node twice. Depth 0 is yielded only for `min: 0, max: 0`.
 */
function pathTargets(g: GrGraph, start: GNode, path: PatternPath): GNode[] {
  const found: GNode[] = [];
  if (path.min <= 0 && path.max === 0) found.push(start);
  const expanded = new Set<string>();
  const queue: [GNode, number][] = [[start, 0]];
  for (let head = 0; head < queue.length; head++) {
    const [node, depth] = queue[head]!;
    const state = `${depth}\u0000${node.id}`;
    if (expanded.has(state) || depth >= path.max) continue;
    expanded.add(state);
    for (const e of node.out.values()) {
      if (e.type !== path.edgeType || isInternalId(e.to)) continue;
      const next = g.nodes.get(e.to)!;
      if (depth + 1 >= path.min) found.push(next);
      queue.push([next, depth + 1]);
    }
  }
  return found;
}
