// The cellx topology of benchmarks/TOPOLOGIES.md ("cellx") against alien-signals, L = 1000, 2500, 5000.
// Usage: node --expose-gc cellx.mjs [--quick] [--list | --case cellx1000/steady]
// Prints one JSON line per (L, variant), in µs:
//   steady: µs per update on one graph, alternating the (4,3,2,1) and (1,2,3,4) writes
//   fresh:  µs for the first update of a newly built graph (upstream's method), one per graph
//   build:  µs to build the graph, including the first run of its 4L effects
// fresh and build take 300 warm-up and 300 measured single shots each (20 + 20 with --quick).
import { signal, computed, effect } from 'alien-signals';
import { batch, inScope, check, NO_COUNT, report, collect, quick, selectCases } from './harness.mjs';

/** End values for the start (1,2,3,4) and for the start (4,3,2,1), from the cellx table of TOPOLOGIES.md. */
export const expected = {
  1000: { forward: [-3, -6, -2, 2], reversed: [-2, -4, 2, 3] },
  2500: { forward: [-3, -6, -2, 2], reversed: [-2, -4, 2, 3] },
  5000: { forward: [2, 4, -1, -6], reversed: [-2, 1, -4, -4] },
};

/** Builds L layers of 4 computeds and 4 effects on 4 start signals. */
export function buildCellx(layers, w = NO_COUNT) {
  return inScope(() => {
    const start = { p1: signal(1), p2: signal(2), p3: signal(3), p4: signal(4) };
    let layer = start;
    for (let i = 0; i < layers; i++) {
      const m = layer;
      const s = {
        p1: computed(() => (w.computed(), m.p2())),
        p2: computed(() => (w.computed(), m.p1() - m.p3())),
        p3: computed(() => (w.computed(), m.p2() + m.p4())),
        p4: computed(() => (w.computed(), m.p3())),
      };
      effect(() => {
        w.effect();
        s.p1();
      });
      effect(() => {
        w.effect();
        s.p2();
      });
      effect(() => {
        w.effect();
        s.p3();
      });
      effect(() => {
        w.effect();
        s.p4();
      });
      layer = s;
    }
    return { start, end: layer };
  });
}

function ends(end) {
  return [end.p1(), end.p2(), end.p3(), end.p4()];
}

function checkEnds(actual, wanted, what) {
  check(actual.every((v, i) => v === wanted[i]), `${what}: ends ${actual}, expected ${wanted}`);
}

/** The timed op: read the ends, write the 4 start signals in one batch, read the ends. */
function update(graph, layers, toReversed) {
  const want = expected[layers];
  checkEnds(ends(graph.end), toReversed ? want.forward : want.reversed, `cellx${layers} before`);
  const { start } = graph;
  batch(() => {
    if (toReversed) {
      start.p1(4);
      start.p2(3);
      start.p3(2);
      start.p4(1);
    } else {
      start.p1(1);
      start.p2(2);
      start.p3(3);
      start.p4(4);
    }
  });
  checkEnds(ends(graph.end), toReversed ? want.reversed : want.forward, `cellx${layers} after`);
}

const OPS_PER_SAMPLE = 10;

function steady(layers) {
  const graph = buildCellx(layers);
  let toReversed = true;
  const times = [];
  const warmup = quick ? 5 : 50;
  const samples = quick ? 10 : 100;
  for (let s = 0; s < warmup + samples; s++) {
    const t0 = performance.now();
    for (let i = 0; i < OPS_PER_SAMPLE; i++) {
      update(graph, layers, toReversed);
      toReversed = !toReversed;
    }
    const micros = ((performance.now() - t0) * 1000) / OPS_PER_SAMPLE;
    if (s >= warmup) times.push(micros);
  }
  graph.dispose();
  report('cellx', `cellx${layers}/steady`, 'us/op', times);
}

/** Single shots of fresh and build: 300 warm-up and 300 measured, as CellxBench's SingleShotTime. */
const SHOTS = quick ? { warmup: 20, measured: 20 } : { warmup: 300, measured: 300 };

/** fresh: the first update of a newly built graph (upstream's method), one graph per shot. */
function fresh(layers) {
  const updates = [];
  for (let r = 0; r < SHOTS.warmup + SHOTS.measured; r++) {
    const graph = buildCellx(layers);
    const t0 = performance.now();
    update(graph, layers, true);
    const micros = (performance.now() - t0) * 1000;
    graph.dispose();
    if (r >= SHOTS.warmup) updates.push(micros);
  }
  report('cellx', `cellx${layers}/fresh`, 'us/op', updates);
}

/** build: building a graph, including the first run of its 4L effects, one graph per shot. */
function build(layers) {
  const builds = [];
  for (let r = 0; r < SHOTS.warmup + SHOTS.measured; r++) {
    const t0 = performance.now();
    const graph = buildCellx(layers);
    const micros = (performance.now() - t0) * 1000;
    graph.dispose();
    if (r >= SHOTS.warmup) builds.push(micros);
  }
  report('cellx', `cellx${layers}/build`, 'us/op', builds);
}

const variants = { steady, fresh, build };
const names = [1000, 2500, 5000].flatMap((l) => Object.keys(variants).map((v) => `cellx${l}/${v}`));
for (const name of selectCases(names)) {
  const [, layers, variant] = /^cellx(\d+)\/(\w+)$/.exec(name);
  collect();
  variants[variant](Number(layers));
}
