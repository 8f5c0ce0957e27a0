/**
 * An exact min-cost flow by successive shortest paths with node potentials (Dijkstra on reduced costs), for the
 * matching network (source → sending unit → cadre → need → sink). Costs must be integers so optimality is decided
 * exactly. The caller adds a zero-cost bypass arc source → sink, so the flow amount is free: augmenting stops when
 * the cheapest path costs 0, which is the max-weight (min-cost) flow, and the final potentials prove it.
 */
export class FlowNetwork {
  readonly n: number;
  // arcs in pairs: arc e and its reverse e ^ 1, in typed arrays sized up front (the network is built once)
  private head: Int32Array;
  private to: Int32Array;
  private next: Int32Array;
  private cap: Float64Array;
  private cost: Float64Array;
  private first: Int32Array;
  private arcs = 0;

  constructor(nodes: number, maxArcs: number) {
    this.n = nodes;
    this.first = new Int32Array(nodes).fill(-1);
    this.head = new Int32Array(2 * maxArcs);
    this.to = new Int32Array(2 * maxArcs);
    this.next = new Int32Array(2 * maxArcs);
    this.cap = new Float64Array(2 * maxArcs);
    this.cost = new Float64Array(2 * maxArcs);
  }

  /** Adds an arc with its capacity and integer cost; returns its index (the flow on it is `flowOn(index)`). */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (!Number.isInteger(cost)) throw new Error(`cost ${cost} is not an integer`);
    if (this.arcs + 2 > this.to.length) throw new Error('more arcs than the network was sized for');
    const e = this.arcs;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return e;
  }

  private push(from: number, to: number, capacity: number, cost: number) {
    const e = this.arcs++;
    this.head[e] = from;
    this.to[e] = to;
    this.cap[e] = capacity;
    this.cost[e] = cost;
    this.next[e] = this.first[from]!;
    this.first[from] = e;
  }

  /** The flow on arc `e` (an index returned by addArc). */
  flowOn(e: number): number {
    return this.cap[e + 1]!;
  }

  /**
   * Min-cost flow from `s` to `t` starting from `initial` potentials that make every residual reduced cost ≥ 0.
   * Each phase runs one Dijkstra, then augments along every zero-reduced-cost path a depth-first search finds.
   * Returns the total cost, the number of augmentations and the final potentials, which keep every residual reduced
   * cost `cost(u,v) + p(u) − p(v)` ≥ 0 and give p(t) = p(s) (the stopping path cost 0).
   */
  solve(s: number, t: number, initial: Float64Array): { cost: number; augmentations: number; phases: number; potentials: Float64Array } {
    const n = this.n;
    const p = Float64Array.from(initial);
    const dist = new Float64Array(n);
    const done = new Uint8Array(n);
    const prevArc = new Int32Array(n);
    const heap = new MinHeap(n);
    let total = 0;
    let augmentations = 0;
    let phases = 0;
    for (;;) {
      dist.fill(Infinity);
      done.fill(0);
      prevArc.fill(-1);
      heap.clear();
      dist[s] = 0;
      heap.push(s, 0);
      while (heap.size > 0) {
        const u = heap.pop();
        if (done[u]) continue;
        done[u] = 1;
        if (u === t) break;
        const du = dist[u]!;
        const pu = p[u]!;
        for (let e = this.first[u]!; e !== -1; e = this.next[e]!) {
          if (this.cap[e]! <= 0) continue;
          const v = this.to[e]!;
          if (done[v]) continue;
          const nd = du + this.cost[e]! + pu - p[v]!;
          if (nd < dist[v]!) {
            dist[v] = nd;
            prevArc[v] = e;
            heap.push(v, nd);
          }
        }
      }
      const reach = dist[t]!;
      if (reach === Infinity) throw new Error('sink unreachable: the bypass arc is missing');
      // keeps every residual reduced cost ≥ 0 (nodes not settled move by the sink's distance)
      for (let v = 0; v < n; v++) p[v] = p[v]! + (done[v] && dist[v]! < reach ? dist[v]! : reach);
      const pathCost = p[t]! - p[s]!;
      if (pathCost >= 0) break;
      // every path of zero reduced cost is a shortest path: augment along as many as a depth-first search finds
      // before the next Dijkstra (a node found to lead nowhere is skipped for the rest of the phase)
      const pushed = this.augmentAdmissible(s, t, p, pathCost);
      total += pushed.cost;
      augmentations += pushed.paths;
      phases++;
    }
    return { cost: total, augmentations, phases, potentials: p };
  }
  /** Augments along paths of arcs with residual capacity and zero reduced cost under `p`; returns the paths and their cost. */
  private augmentAdmissible(s: number, t: number, p: Float64Array, pathCost: number): { paths: number; cost: number } {
    const n = this.n;
    const dead = new Uint8Array(n);
    const onPath = new Uint8Array(n);
    const cursor = Int32Array.from(this.first);
    const nodes: number[] = [s];
    const arcs: number[] = [];
    onPath[s] = 1;
    let paths = 0;
    let cost = 0;
    const admissible = (e: number, v: number) => {
      if (this.cap[e]! <= 0) return false;
      const w = this.to[e]!;
      return !dead[w] && !onPath[w] && this.cost[e]! + p[v]! - p[w]! === 0;
    };
    while (nodes.length > 0) {
      const v = nodes[nodes.length - 1]!;
      if (v === t) {
        let bottleneck = Infinity;
        for (const e of arcs) bottleneck = Math.min(bottleneck, this.cap[e]!);
        for (const e of arcs) {
          this.cap[e] = this.cap[e]! - bottleneck;
          this.cap[e ^ 1] = this.cap[e ^ 1]! + bottleneck;
        }
        paths++;
        cost += bottleneck * pathCost;
        for (const x of nodes) onPath[x] = 0;
        nodes.length = 1;
        arcs.length = 0;
        onPath[s] = 1;
        continue;
      }
      let e = cursor[v]!;
      while (e !== -1 && !admissible(e, v)) e = this.next[e]!;
      cursor[v] = e;
      if (e !== -1) {
        const w = this.to[e]!;
        nodes.push(w);
        arcs.push(e);
        onPath[w] = 1;
      } else {
        dead[v] = 1;
        onPath[v] = 0;
        nodes.pop();
        const back = arcs.pop();
        if (back !== undefined) cursor[nodes[nodes.length - 1]!] = this.next[back]!;
      }
    }
    return { paths, cost };
  }
}

/** A binary heap of (node, key) with lazy deletion. */
class MinHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(16, capacity));
    this.keys = new Float64Array(Math.max(16, capacity));
  }
  clear() {
    this.size = 0;
  }
  push(node: number, key: number) {
    if (this.size === this.nodes.length) {
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.nodes = nodes;
      this.keys = keys;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.nodes[i] = this.nodes[parent]!;
      this.keys[i] = this.keys[parent]!;
      i = parent;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
  }
  pop(): number {
    const top = this.nodes[0]!;
    const lastNode = this.nodes[--this.size]!;
    const lastKey = this.keys[this.size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.keys[c + 1]! < this.keys[c]!) c++;
      if (this.keys[c]! >= lastKey) break;
      this.nodes[i] = this.nodes[c]!;
      this.keys[i] = this.keys[c]!;
      i = c;
    }
    this.nodes[i] = lastNode;
    this.keys[i] = lastKey;
    return top;
  }
}
