// The kairo suite and molBench of benchmarks/TOPOLOGIES.md against alien-signals.
// Usage: node --expose-gc kairo.mjs [--quick] [--counts] [--list | --case NAME]
// Prints one JSON line per case: µs per op (an op = one call of the case's closure),
// median / min / max over samples of 500 ops (30 samples after 3 ops and 10 warm-up samples).
// mux gathers the 100 heads into an array, as the Java port does (an int[]); muxObject is
// upstream's variant with Object.fromEntries, reported apart and never paired with Java.
import { signal, computed, effect } from 'alien-signals';
import {
  batch, inScope, check, WorkCounter, NO_COUNT, report, collect, countsMode, quick, selectCases,
} from './harness.mjs';

/** About 100 iterations of pure CPU work, as upstream's busy(). */
function busy() {
  let a = 0;
  for (let i = 0; i < 100; i++) a++;
}

function avoidablePropagation(w) {
  const head = signal(0);
  const c1 = computed(() => (w.computed(), head()));
  const c2 = computed(() => (w.computed(), c1(), 0));
  const c3 = computed(() => (w.computed(), busy(), c2() + 1));
  const c4 = computed(() => (w.computed(), c3() + 2));
  const c5 = computed(() => (w.computed(), c4() + 3));
  let count = 0;
  effect(() => {
    w.effect();
    c5();
    busy();
    count++;
  });
  return () => {
    count = 0;
    batch(() => head(1));
    check(c5() === 6, 'avoidablePropagation: c5 == 6');
    for (let i = 0; i < 1000; i++) {
      batch(() => head(i));
      check(c5() === 6, 'avoidablePropagation: c5 == 6');
    }
    check(count === 0, 'avoidablePropagation: effect never re-runs');
  };
}

function broadPropagation(w) {
  const head = signal(0);
  let last = head;
  let count = 0;
  for (let i = 0; i < 50; i++) {
    const a = computed(() => (w.computed(), head() + i));
    const b = computed(() => (w.computed(), a() + 1));
    effect(() => {
      w.effect();
      b();
      count++;
    });
    last = b;
  }
  return () => {
    batch(() => head(1));
    count = 0;
    for (let i = 0; i < 50; i++) {
      batch(() => head(i));
      check(last() === i + 50, 'broadPropagation: last == i + 50');
    }
    check(count === 2500, 'broadPropagation: effect runs == 2500');
  };
}

function deepPropagation(w) {
  const head = signal(0);
  let current = head;
  for (let k = 0; k < 50; k++) {
    const prev = current;
    current = computed(() => (w.computed(), prev() + 1));
  }
  const tail = current;
  let count = 0;
  effect(() => {
    w.effect();
    tail();
    count++;
  });
  return () => {
    batch(() => head(1));
    count = 0;
    for (let i = 0; i < 50; i++) {
      batch(() => head(i));
      check(tail() === 50 + i, 'deepPropagation: n50 == 50 + i');
    }
    check(count === 50, 'deepPropagation: effect runs == 50');
  };
}

function diamond(w) {
  const head = signal(0);
  const middle = [];
  for (let k = 0; k < 5; k++) middle.push(computed(() => (w.computed(), head() + 1)));
  const sum = computed(() => {
    w.computed();
    let s = 0;
    for (const m of middle) s += m();
    return s;
  });
  let count = 0;
  effect(() => {
    w.effect();
    sum();
    count++;
  });
  return () => {
    batch(() => head(1));
    check(sum() === 10, 'diamond: sum == 10');
    count = 0;
    for (let i = 0; i < 500; i++) {
      batch(() => head(i));
      check(sum() === 5 * (i + 1), 'diamond: sum == 5(i + 1)');
    }
    check(count === 500, 'diamond: effect runs == 500');
  };
}

/** mux; `gather` builds the fresh 100-entry value the mux computed returns. */
function muxWith(w, gather) {
  const heads = Array.from({ length: 100 }, () => signal(0));
  const mux = computed(() => (w.computed(), gather(heads)));
  const splited = heads.map((_, k) => computed(() => (w.computed(), mux()[k])));
  const plusOne = splited.map((p) => computed(() => (w.computed(), p() + 1)));
  for (const q of plusOne) {
    effect(() => {
      w.effect();
      q();
    });
  }
  return () => {
    for (let i = 0; i < 10; i++) {
      batch(() => heads[i](i));
      check(plusOne[i]() === i + 1, 'mux: q_i == i + 1');
    }
    for (let i = 0; i < 10; i++) {
      batch(() => heads[i](i * 2));
      check(plusOne[i]() === i * 2 + 1, 'mux: q_i == 2i + 1');
    }
  };
}

/** mux as the Java port: a fresh array (compared by identity) of the 100 head values. */
function mux(w) {
  return muxWith(w, (heads) => heads.map((h) => h()));
}

/** mux as upstream: a fresh object with the keys 0..99, built by Object.fromEntries. */
function muxObject(w) {
  return muxWith(w, (heads) => Object.fromEntries(heads.map((h) => h()).entries()));
}

function repeatedObservers(w) {
  const head = signal(0);
  const c = computed(() => {
    w.computed();
    let s = 0;
    for (let i = 0; i < 30; i++) s += head();
    return s;
  });
  let count = 0;
  effect(() => {
    w.effect();
    c();
    count++;
  });
  return () => {
    batch(() => head(1));
    check(c() === 30, 'repeatedObservers: c == 30');
    count = 0;
    for (let i = 0; i < 100; i++) {
      batch(() => head(i));
      check(c() === i * 30, 'repeatedObservers: c == 30i');
    }
    check(count === 100, 'repeatedObservers: effect runs == 100');
  };
}

function triangle(w) {
  const head = signal(0);
  let current = head;
  const list = [];
  for (let k = 0; k < 10; k++) {
    const prev = current;
    list.push(prev);
    current = computed(() => (w.computed(), prev() + 1));
  }
  const sum = computed(() => {
    w.computed();
    let s = 0;
    for (const n of list) s += n();
    return s;
  });
  let count = 0;
  effect(() => {
    w.effect();
    sum();
    count++;
  });
  return () => {
    batch(() => head(1));
    check(sum() === 55, 'triangle: sum == 55');
    count = 0;
    for (let i = 0; i < 100; i++) {
      batch(() => head(i));
      check(sum() === 45 + i * 10, 'triangle: sum == 45 + 10i');
    }
    check(count === 100, 'triangle: effect runs == 100');
  };
}

function unstable(w) {
  const head = signal(0);
  const double = computed(() => (w.computed(), head() * 2));
  const inverse = computed(() => (w.computed(), -head()));
  const current = computed(() => {
    w.computed();
    let result = 0;
    for (let i = 0; i < 20; i++) result += head() % 2 ? double() : inverse();
    return result;
  });
  let count = 0;
  effect(() => {
    w.effect();
    current();
    count++;
  });
  return () => {
    batch(() => head(1));
    check(current() === 40, 'unstable: c == 40');
    count = 0;
    for (let i = 0; i < 100; i++) {
      batch(() => head(i));
      check(current() === (i % 2 ? i * 40 : i * -20), 'unstable: c == (i odd ? 40i : -20i)');
    }
    check(count === 100, 'unstable: effect runs == 100');
  };
}

function fib(n) {
  return n < 2 ? 1 : fib(n - 1) + fib(n - 2);
}

function hard(n) {
  return n + fib(16);
}

function molBench(w) {
  const res = [];
  const A = signal(0);
  const B = signal(0);
  const C = computed(() => (w.computed(), (A() % 2) + (B() % 2)));
  const D = computed(() => {
    w.computed();
    return [0, 1, 2, 3, 4].map((k) => ({ x: k + (A() % 2) - (B() % 2) }));
  });
  const E = computed(() => (w.computed(), hard(C() + A() + D()[0].x)));
  const F = computed(() => (w.computed(), hard(D()[2].x || B())));
  const G = computed(() => (w.computed(), C() + (C() || E() % 2) + D()[4].x + F()));
  effect(() => {
    w.effect();
    res.push(hard(G()));
  });
  effect(() => {
    w.effect();
    res.push(G());
  });
  effect(() => {
    w.effect();
    res.push(hard(F()));
  });
  let i = 1;
  return () => {
    res.length = 0;
    batch(() => {
      B(1);
      A(1 + i * 2);
    });
    batch(() => {
      A(2 + i * 2);
      B(2);
    });
    i++;
    check(res.length === 4, 'molBench: 4 effect results');
    check(res.reduce((a, b) => a + b, 0) === 9616, 'molBench: results sum to 9616');
  };
}

/** name -> [builder, computed evaluations per op, effect runs per op] (TOPOLOGIES.md, "kairo suite"). */
export const cases = {
  avoidablePropagation: [avoidablePropagation, 2002, 0],
  broadPropagation: [broadPropagation, 5100, 2550],
  deepPropagation: [deepPropagation, 2550, 51],
  diamond: [diamond, 3006, 501],
  mux: [mux, 1836, 18],
  muxObject: [muxObject, 1836, 18],
  repeatedObservers: [repeatedObservers, 101, 101],
  triangle: [triangle, 1010, 101],
  unstable: [unstable, 202, 101],
  molBench: [molBench, 9, 4],
};

function build(builder, w) {
  return inScope(() => ({ op: builder(w) }));
}

function checkCounts(name, [builder, evals, runs]) {
  const w = new WorkCounter();
  const { op, dispose } = build(builder, w);
  for (let i = 0; i < 3; i++) op();
  for (let i = 0; i < 3; i++) {
    w.computeds = 0;
    w.effects = 0;
    op();
    check(w.computeds === evals, `${name}: ${w.computeds} computed evaluations per op, expected ${evals}`);
    check(w.effects === runs, `${name}: ${w.effects} effect runs per op, expected ${runs}`);
  }
  dispose();
  console.log(JSON.stringify({ suite: 'kairo-counts', case: name, computeds: evals, effects: runs, ok: true }));
}

const OPS_PER_SAMPLE = 500;

function measure(name, [builder]) {
  const warmupSamples = quick ? 2 : 10;
  const samples = quick ? 5 : 30;
  const { op, dispose } = build(builder, NO_COUNT);
  for (let i = 0; i < 3; i++) op();
  const times = [];
  for (let s = 0; s < warmupSamples + samples; s++) {
    const t0 = performance.now();
    for (let i = 0; i < OPS_PER_SAMPLE; i++) op();
    const micros = ((performance.now() - t0) * 1000) / OPS_PER_SAMPLE;
    if (s >= warmupSamples) times.push(micros);
  }
  dispose();
  report('kairo', name, 'us/op', times);
}

for (const name of selectCases(Object.keys(cases))) {
  const spec = cases[name];
  if (countsMode) {
    checkCounts(name, spec);
  } else {
    collect();
    measure(name, spec);
  }
}
