// The dynamic graphs of benchmarks/TOPOLOGIES.md (from reactively) against alien-signals.
// Usage: node --expose-gc dynamic.mjs [--quick] [--list | --case dynamic/N]
// Per config: build once (with one effect reading the read leaves), 3 warm-up runs, then 10
// timed runs. Every run checks the expected sum; every run but the first checks the expected
// computed-evaluation count (the first run after the build evaluates a little less, because the
// graph's dynamic dependencies are not yet in their steady state). Prints one JSON line per
// config, in ms per run.
import { signal, computed, effect } from 'alien-signals';
import { batch, inScope, check, report, collect, quick, selectCases } from './harness.mjs';

/** The six configs of TOPOLOGIES.md, "dynamic graphs", with the sum and evaluation count every warmed run must produce. */
export const configs = [
  { name: '2-10x5 - lazy80%', width: 10, layers: 5, staticFraction: 1, nSources: 2, readFraction: 0.2, iterations: 600000, sum: 19199968, count: 3480000 },
  { name: '6-10x10 - dyn25% - lazy80%', width: 10, layers: 10, staticFraction: 0.75, nSources: 6, readFraction: 0.2, iterations: 15000, sum: 302310782860, count: 1155000 },
  { name: '4-1000x12 - dyn5%', width: 1000, layers: 12, staticFraction: 0.95, nSources: 4, readFraction: 1, iterations: 7000, sum: 29355933696000, count: 1463000 },
  { name: '25-1000x5', width: 1000, layers: 5, staticFraction: 1, nSources: 25, readFraction: 1, iterations: 3000, sum: 1171484375000, count: 732000 },
  { name: '3-5x500', width: 5, layers: 500, staticFraction: 1, nSources: 3, readFraction: 1, iterations: 500, sum: 3.0239642676898464e241, count: 1246500 },
  { name: '6-100x15 - dyn50%', width: 100, layers: 15, staticFraction: 0.5, nSources: 6, readFraction: 1, iterations: 2000, sum: 15664996402790400, count: 1078000 },
];

/** xmur3a string hash: a generator of 32-bit seeds. */
function xmur3a(str) {
  let h = 2166136261 >>> 0;
  for (let i = 0; i < str.length; i++) {
    let k = Math.imul(str.charCodeAt(i), 3432918353);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 461845907);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 3864292196) | 0;
  }
  h ^= str.length;
  return () => {
    h ^= h >>> 16;
    h = Math.imul(h, 2246822507);
    h ^= h >>> 13;
    h = Math.imul(h, 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

/** sfc32 seeded by 4 outputs of xmur3a("seed"): uniform doubles in [0, 1). */
export function pseudoRandom() {
  const seed = xmur3a('seed');
  let a = seed();
  let b = seed();
  let c = seed();
  let d = seed();
  return () => {
    const t0 = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const t = (t0 + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export function buildDynamic(config) {
  const counter = { count: 0 };
  const built = inScope(() => {
    const { width, layers, staticFraction, nSources, readFraction } = config;
    const sources = Array.from({ length: width }, (_, i) => signal(i));
    const rnd = pseudoRandom();
    let prev = sources;
    for (let row = 1; row < layers; row++) {
      const above = prev;
      prev = above.map((_, me) => {
        const srcs = [];
        for (let k = 0; k < nSources; k++) srcs.push(above[(me + k) % width]);
        if (rnd() < staticFraction) {
          return computed(() => {
            counter.count++;
            let sum = 0;
            for (const src of srcs) sum += src();
            return sum;
          });
        }
        const first = srcs[0];
        const tail = srcs.slice(1);
        return computed(() => {
          counter.count++;
          let sum = first();
          const shouldDrop = sum & 0x1;
          const dropDex = sum % tail.length;
          for (let i = 0; i < tail.length; i++) {
            if (shouldDrop && i == dropDex) continue;
            sum += tail[i]();
          }
          return sum;
        });
      });
    }
    const readLeaves = prev.slice();
    const rnd2 = pseudoRandom();
    const remove = Math.round(width * (1 - readFraction));
    for (let i = 0; i < remove; i++) readLeaves.splice(Math.floor(rnd2() * readLeaves.length), 1);
    effect(() => {
      for (const leaf of readLeaves) leaf();
    });
    return { sources, readLeaves };
  });
  return { ...built, counter };
}

/**
 * One run: `iterations` writes, each in its own batch and followed by reading every read leaf.
 * Checks the sum, and the evaluation count when `warmed` (any run after the first).
 */
export function runDynamic(graph, config, warmed = true) {
  const { sources, readLeaves, counter } = graph;
  const width = sources.length;
  counter.count = 0;
  for (let i = 0; i < config.iterations; i++) {
    const dex = i % width;
    batch(() => sources[dex](i + dex));
    for (const leaf of readLeaves) leaf();
  }
  const sum = readLeaves.reduce((total, leaf) => leaf() + total, 0);
  check(sum === config.sum, `${config.name}: sum ${sum}, expected ${config.sum}`);
  check(!warmed || counter.count === config.count, `${config.name}: count ${counter.count}, expected ${config.count}`);
  return sum;
}

const prngCheck = pseudoRandom();
const firstOutputs = [0.8370377509854734, 0.35816134908236563, 0.12195610790513456, 0.486986321862787, 0.28508814005181193];
for (const expected of firstOutputs) check(prngCheck() === expected, `sfc32 output ${expected}`);

for (const name of selectCases(configs.map((_, index) => `dynamic/${index}`))) {
  const index = Number(name.split('/')[1]);
  const config = configs[index];
  collect();
  const graph = buildDynamic(config);
  const warmups = 3;
  const runs = quick ? 3 : 10;
  for (let i = 0; i < warmups; i++) runDynamic(graph, config, i > 0);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    runDynamic(graph, config);
    times.push(performance.now() - t0);
  }
  graph.dispose();
  report('dynamic', `dynamic/${index}`, 'ms/op', times, { label: config.name });
}
