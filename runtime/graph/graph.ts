// The graph value: data nodes and edges, rules, and the class-like layer (properties, methods,
// template, parent). Lists and hashes are separate classes but share the copy-on-write model of
// GrCollection (collections.md §1.1).
import { GrCollection } from "../values/collection.js";
import type { GrFunction } from "../values/function.js";
import type { Value } from "../values/value.js";
import type { GrObject } from "../values/value.js";
import { equals } from "../values/truth.js";

export interface GEdge {
  from: string;
  to: string;
  type: string;
  weight: number | null;
}

export interface GNode {
  id: string;
  value: Value;
  type: string | null;
  /** Out-edges by target id, in insertion order. */
  out: Map<string, GEdge>;
  /** In-edges by source id, in insertion order. */
  in: Map<string, GEdge>;
}

/** A class's methods by name, each with its variants in declaration order. */
export type MethodTable = Map<string, MethodVariant[]>;

/** A method constraint: a built-in one (`fn` null) or `add_method_constraint(fn, name)`. */
export interface MethodConstraint {
  name: string;
  fn: GrFunction | null;
}

/** One variant of a method: `fn m() when guard { }` (guard null: the fallback). */
export interface MethodVariant {
  name: string;
  fn: GrFunction; // impl receives (self, ...args)
  guard: GrFunction | null; // receives (self)
  /** The class whose body (or `fn Class.m`) declared it, for `super` resolution. */
  owner: GrGraph;
  isStatic: boolean;
}

/** A structural rule attached to a graph (collections.md §6). */
export interface GraphRule {
  name: string; // as attached, e.g. "no_dups"
  param: Value; // max_degree N, else null
}

export class GrGraph extends GrCollection implements GrObject {
  directed = true;
  nodes = new Map<string, GNode>();
  /** Ad-hoc rules (`add_rule`), in attach order. */
  rules: GraphRule[] = [];
  /** Rulesets (`with_ruleset`, `type: :dag`), in attach order. */
  rulesets: string[] = [];
  /** Behaviors attached with add_rule: stored, never applied to graphs (collections.md §7.1). */
  behaviorRules: { name: string; args: Value[] }[] = [];
  /**
   * Edges added before their target node exists, by target id. The reference keeps such an edge
   * in its source's adjacency and it becomes visible once the target is added; we hold it aside
   * so that every edge in `out`/`in` joins two existing nodes.
   */
  pendingEdges = new Map<string, GEdge[]>();
  /** Counters that keep node_count()/edge_count() O(1); maintained by the data-layer methods. */
  private internalNodes = 0;
  /** Directed edges stored in the out maps (an undirected edge is two). */
  private storedEdges = 0;
  /** Stored edges with an internal endpoint. */
  private internalEdges = 0;

  // ---- class-like layer (core.md §10)
  /** `graph Name {}`: the declared name; null for plain graphs. */
  className: string | null = null;
  /** Class-like properties (the `__properties__` layer), insertion ordered. */
  props: PropTable = newProps();
  private methodTable: MethodTable = new Map();
  private constraintList: readonly MethodConstraint[] = [];
  /**
   * What call-site method caches compare (runtime/method-cache.ts): the method table while there
   * are no method constraints to check after a call, else undefined (never cached).
   */
  callKey: MethodTable | undefined = this.methodTable;
  /** The class this class was declared `from`. */
  parent: GrGraph | null = null;
  /** The class an instance was created from (`template()`). */
  template: GrGraph | null = null;

  /**
   * Methods by name. Shared by reference between a class and the instances made from it, so
   * methods attached later are visible; `include` replaces the map, cutting older instances off.
   */
  get methods(): MethodTable {
    return this.methodTable;
  }

  set methods(table: MethodTable) {
    this.methodTable = table;
    this.callKey = this.constraintList.length === 0 ? table : undefined;
  }

  /**
   * Method constraints (`:read_only`, custom functions), collections.md §8.8. Replaced, never
   * changed in place, so that `callKey` follows.
   */
  get constraints(): readonly MethodConstraint[] {
    return this.constraintList;
  }

  set constraints(list: readonly MethodConstraint[]) {
    this.constraintList = list;
    this.callKey = list.length === 0 ? this.methodTable : undefined;
  }

  grType(): string {
    return "graph";
  }

  grDisplay(): string {
    return `<graph: ${this.dataNodeCount()} nodes, ${this.dataEdgeCount()} edges>`;
  }

  grTruthy(): boolean {
    return this.dataNodeCount() > 0;
  }

  dataNodeCount(): number {
    return this.nodes.size - this.internalNodes;
  }

  dataEdgeCount(): number {
    return this.storedEdges - this.internalEdges;
  }

  grEquals(other: unknown): boolean {
    return other instanceof GrGraph && this.directed === other.directed && this.sameDataLayer(other);
  }

  // ---- data layer. `nodes` and the adjacency maps must change only through these methods, which
  // keep the counters and the pending edges consistent.

  /** Adds a node or replaces its value (type and edges kept). */
  putNode(id: string, value: Value): GNode {
    const existing = this.nodes.get(id);
    if (existing !== undefined) {
      existing.value = value;
      return existing;
    }
    const node: GNode = { id, value, type: null, out: new Map(), in: new Map() };
    this.nodes.set(id, node);
    if (isInternalId(id)) this.internalNodes++;
    const waiting = this.pendingEdges.size === 0 ? undefined : this.pendingEdges.get(id);
    if (waiting !== undefined) {
      this.pendingEdges.delete(id);
      for (const e of waiting) this.putEdge(e.from, e.to, e.type, e.weight);
    }
    return node;
  }

  /** Removes a node and every edge touching it; a missing id is a no-op. */
  deleteNode(id: string): void {
    const node = this.nodes.get(id);
    if (node === undefined) return;
    for (const to of [...node.out.keys()]) this.deleteEdge(id, to);
    for (const from of [...node.in.keys()]) this.deleteEdge(from, id);
    this.nodes.delete(id);
    if (isInternalId(id)) this.internalNodes--;
    for (const [target, list] of this.pendingEdges) {
      const kept = list.filter((e) => e.from !== id);
      if (kept.length === 0) this.pendingEdges.delete(target);
      else if (kept.length !== list.length) this.pendingEdges.set(target, kept);
    }
  }

  /**
   * Stores one directed edge, replacing the type and weight of an existing one in place (its
   * position is kept). A missing source drops the edge; a missing target parks it as pending.
   */
  putEdge(from: string, to: string, type: string, weight: number | null): void {
    const source = this.nodes.get(from);
    if (source === undefined) return;
    const existing = source.out.get(to);
    if (existing !== undefined) {
      existing.type = type;
      existing.weight = weight;
      return;
    }
    const target = this.nodes.get(to);
    const edge: GEdge = { from, to, type, weight };
    if (target === undefined) {
      const list = this.pendingEdges.get(to) ?? [];
      const at = list.findIndex((e) => e.from === from);
      if (at >= 0) list[at] = edge;
      else list.push(edge);
      this.pendingEdges.set(to, list);
      return;
    }
    source.out.set(to, edge);
    target.in.set(from, edge);
    this.storedEdges++;
    if (isInternalId(from) || isInternalId(to)) this.internalEdges++;
  }

  /** Removes one directed edge (stored or pending); a missing edge is a no-op. */
  deleteEdge(from: string, to: string): void {
    const source = this.nodes.get(from);
    if (source === undefined) return;
    if (source.out.delete(to)) {
      this.nodes.get(to)?.in.delete(from);
      this.storedEdges--;
      if (isInternalId(from) || isInternalId(to)) this.internalEdges--;
      return;
    }
    const list = this.pendingEdges.get(to);
    if (list === undefined) return;
    const kept = list.filter((e) => e.from !== from);
    if (kept.length === 0) this.pendingEdges.delete(to);
    else this.pendingEdges.set(to, kept);
  }

  /** `add_edge`: one direction, or both on an undirected graph. */
  link(from: string, to: string, type: string, weight: number | null): void {
    this.putEdge(from, to, type, weight);
    if (!this.directed && from !== to) this.putEdge(to, from, type, weight);
  }

  /** `remove_edge`: one direction, or both on an undirected graph. */
  unlink(from: string, to: string): void {
    this.deleteEdge(from, to);
    if (!this.directed) this.deleteEdge(to, from);
  }

  /** Data nodes in insertion order. */
  *dataNodes(): IterableIterator<GNode> {
    for (const node of this.nodes.values()) if (this.internalNodes === 0 || !isInternalId(node.id)) yield node;
  }

  /** Data edges: by source in node order, then by target in insertion order. */
  *dataEdges(): IterableIterator<GEdge> {
    const noInternal = this.internalNodes === 0;
    for (const node of this.nodes.values()) {
      if (!noInternal && isInternalId(node.id)) continue;
      for (const e of node.out.values()) if (noInternal || !isInternalId(e.to)) yield e;
    }
  }

  /** Takes over `source`'s nodes and edges (which must not be used afterwards). */
  adoptDataLayer(source: GrGraph): void {
    this.nodes = source.nodes;
    this.pendingEdges = source.pendingEdges;
    this.internalNodes = source.internalNodes;
    this.storedEdges = source.storedEdges;
    this.internalEdges = source.internalEdges;
  }

  /** Same data nodes (ids, values, types) and data edges (with types); see collections.md §5.10. */
  sameDataLayer(other: GrGraph): boolean {
    if (this.dataNodeCount() !== other.dataNodeCount() || this.dataEdgeCount() !== other.dataEdgeCount()) return false;
    for (const node of this.dataNodes()) {
      const twin = other.nodes.get(node.id);
      if (twin === undefined || twin.type !== node.type || !equals(node.value, twin.value)) return false;
      for (const e of node.out.values()) {
        if (isInternalId(e.to)) continue;
        const twinEdge = twin.out.get(e.to);
        if (twinEdge === undefined || twinEdge.type !== e.type) return false;
      }
    }
    return true;
  }

  /**
   * A copy to mutate (methods clone-and-rebind). Node values that are collections become shared.
   * Methods stay shared by reference; properties are copied.
   */
  clone(): GrGraph {
    const g = new GrGraph();
    g.directed = this.directed;
    for (const [id, n] of this.nodes) {
      const v = n.value;
      if (v instanceof GrCollection) v.shared = true;
      g.nodes.set(id, { id, value: v, type: n.type, out: new Map(), in: new Map() });
    }
    for (const n of this.nodes.values()) {
      for (const e of n.out.values()) {
        const copy = { ...e };
        g.nodes.get(e.from)?.out.set(e.to, copy);
        g.nodes.get(e.to)?.in.set(e.from, copy);
      }
    }
    for (const [target, list] of this.pendingEdges) g.pendingEdges.set(target, list.map((e) => ({ ...e })));
    g.internalNodes = this.internalNodes;
    g.storedEdges = this.storedEdges;
    g.internalEdges = this.internalEdges;
    g.rules = this.rules.slice();
    g.rulesets = this.rulesets.slice();
    g.behaviorRules = this.behaviorRules.slice();
    g.className = this.className;
    for (const k in this.props) {
      const v = this.props[k]!;
      if (v instanceof GrCollection) v.shared = true;
      g.props[k] = v;
    }
    g.methods = this.methods;
    g.parent = this.parent;
    g.template = this.template;
    g.constraints = this.constraints.slice();
    g.frozen = this.frozen;
    return g;
  }
}

/**
 * Class-like properties, in insertion order. A plain object with no prototype (not a Map): instances
 * of one class get the same hidden class in V8, so `self.props.balance` in a method is a field load.
 * Property names are identifiers, never integer-like, so iteration keeps insertion order.
 */
export type PropTable = Record<string, Value>;

const PropTablePrototype = Object.create(null) as object;
function PropTableObject(this: object): void {}
PropTableObject.prototype = PropTablePrototype;

export function newProps(): PropTable {
  return new (PropTableObject as unknown as new () => PropTable)();
}

export function propCount(props: PropTable): number {
  let n = 0;
  for (const _ in props) n++;
  return n;
}

/** Ids of the internal layers (collections.md §8.7). */
export function isInternalId(id: string): boolean {
  // Every traversal asks this per edge: reject ids not starting with "__" (code 95) first.
  if (id.charCodeAt(0) !== 95 || id.charCodeAt(1) !== 95) return false;
  return id.startsWith("__methods__") || id.startsWith("__properties__") || id === "__parent__" || id === "__self__";
}
