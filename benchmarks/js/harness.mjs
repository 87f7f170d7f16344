// Shared by kairo.mjs, cellx.mjs and dynamic.mjs: the alien-signals adapter, work counters,
// checks, timing and JSON reporting. Every case prints one JSON line, in the units of the
// matching JMH benchmark (see BENCHMARKS.md, "Protocol").
import { startBatch, endBatch, effectScope } from 'alien-signals';

/** QUICK=1 or --quick: a few samples only, for development. */
export const quick = process.env.QUICK === '1' || process.argv.includes('--quick');

/** --counts: run each case with a counting WorkCounter and check the per-op work of TOPOLOGIES.md, "kairo suite". */
export const countsMode = process.argv.includes('--counts');

const caseFlag = process.argv.indexOf('--case');

/**
 * The cases to run of those a script has, in its order. `--list` prints the names, one a line,
 * and selects none; `--case NAME` selects that one. compare.sh runs every case in its own node
 * process (`--list`, then one `--case` each), as JMH runs every case in its own JVM.
 */
export function selectCases(names) {
  if (process.argv.includes('--list')) {
    for (const name of names) console.log(name);
    return [];
  }
  if (caseFlag < 0) return names;
  const wanted = process.argv[caseFlag + 1];
  if (!names.includes(wanted)) {
    throw new Error(`no case named '${wanted}'; run with --list for the names, e.g. ${names[0]}`);
  }
  return [wanted];
}

/** `batch(fn)` of the spec: the writes in fn propagate once, effects run before it returns. */
export function batch(fn) {
  startBatch();
  try {
    fn();
  } finally {
    endBatch();
  }
}

/** Builds a graph inside an effect scope; returns what build returned plus a dispose function. */
export function inScope(build) {
  let built;
  const dispose = effectScope(() => {
    built = build();
  });
  return { ...built, dispose };
}

/** Throws when a topology's value is not what upstream asserts: a wrong graph must not look fast. */
export function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`);
}

/**
 * Counts computed evaluations and effect runs from inside the user functions, like the Java
 * WorkCounter. Timed runs use NO_COUNT, whose calls V8 inlines away.
 */
export class WorkCounter {
  constructor() {
    this.computeds = 0;
    this.effects = 0;
  }
  computed() {
    this.computeds++;
  }
  effect() {
    this.effects++;
  }
}
export const NO_COUNT = { computed() {}, effect() {} };

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Prints one result line: median, min and max of the samples, all in `unit`. */
export function report(suite, name, unit, samples, extra = {}) {
  const line = {
    suite,
    case: name,
    unit,
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    n: samples.length,
    ...extra,
  };
  console.log(JSON.stringify(line));
}

/** Microseconds taken by fn(), from performance.now(). */
export function timeMicros(fn) {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) * 1000;
}

/** Runs a full GC when node was started with --expose-gc (between cases only, never timed). */
export function collect() {
  if (typeof globalThis.gc === 'function') {
    for (let i = 0; i < 4; i++) globalThis.gc();
  }
}

/** Whether this module is the script node was asked to run. */
export function isMain(importMetaUrl) {
  return importMetaUrl === new URL(`file://${process.argv[1]}`).href;
}
