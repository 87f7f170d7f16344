// Turns the raw results of one benchmarks/compare.sh run into the Markdown tables of BENCHMARKS.md.
// Usage: node aggregate.mjs <results-dir>
// Reads r<N>-node-*.jsonl (one JSON line per case, from kairo.mjs / cellx.mjs / dynamic.mjs),
// r<N>-jmh-*.json (JMH -rf json), memory.jsonl (MemoryFootprint) and peer-counts.jsonl
// (PeerCounts). Per round and side, a test's figure is the median of its samples (node) or of its
// raw JMH iteration scores; ratios are Statewire / alien-signals (or Statewire / peer) per round
// (paired), then their median (BENCHMARKS.md, "Protocol"). mux, upstream's object mux and molBench are
// reported apart from the counted set.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './harness.mjs';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node aggregate.mjs <results-dir>');
  process.exit(2);
}

/**
 * figures[key][side][round] = the round's median; side is 'java', 'alien', 'baseline' or
 * 'peer:<id>' (PeerKairoBench / PeerCellxBench, by Peer.id()).
 */
const figures = {};
const units = {};
const labels = {};
let jmhInfo;

function put(key, side, round, value, unit) {
  figures[key] ??= {};
  figures[key][side] ??= {};
  figures[key][side][round] = value;
  units[key] = unit;
}

function jmhKey(entry) {
  const method = entry.benchmark.split('.').slice(-2).join('.');
  const p = entry.params ?? {};
  if (method === 'PeerKairoBench.op') return { key: p.topology, side: `peer:${p.peer}` };
  if (method.startsWith('PeerCellxBench.')) {
    return { key: `cellx${p.layers}/${method.split('.')[1]}`, side: `peer:${p.peer}` };
  }
  if (method === 'KairoBench.op') return { key: p.topology, side: 'java' };
  if (method.startsWith('CellxBench.')) {
    return { key: `cellx${p.layers}/${method.split('.')[1]}`, side: 'java' };
  }
  if (method === 'BaselineBench.update') return { key: `cellx${p.layers}/${p.variant}`, side: 'baseline' };
  if (method === 'DynamicBench.run') return { key: `dynamic/${p.config}`, side: 'java' };
  throw new Error(`unknown JMH benchmark ${entry.benchmark}`);
}

for (const file of readdirSync(dir).sort()) {
  const m = /^r(\d+)-(node|jmh)-.*\.(jsonl|json)$/.exec(file);
  if (!m) continue;
  const round = Number(m[1]);
  const text = readFileSync(join(dir, file), 'utf8');
  if (m[2] === 'node') {
    for (const line of text.split('\n')) {
      if (!line.startsWith('{')) continue;
      const r = JSON.parse(line);
      put(r.case, 'alien', round, r.median, r.unit);
      if (r.label) labels[r.case] = r.label;
    }
  } else {
    let entries;
    try {
      entries = JSON.parse(text);
    } catch (e) {
      console.error(`skipping ${file}: not complete JMH JSON (${e.message})`);
      continue;
    }
    for (const entry of entries) {
      const { key, side } = jmhKey(entry);
      const scores = entry.primaryMetric.rawData.flat();
      put(key, side, round, median(scores), entry.primaryMetric.scoreUnit);
      if (entry.mode === 'avgt' && !side.startsWith('peer:')) jmhInfo ??= entry;
    }
  }
}

const fmt = (x) => (x === undefined ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmtRatio = (x) => (x === undefined ? '–' : x.toFixed(2));
const values = (byRound) => Object.values(byRound ?? {});
const rounds = (byRound) => Object.keys(byRound ?? {}).map(Number);

function pairedRatios(a, b) {
  return rounds(a).filter((r) => b?.[r] !== undefined).map((r) => a[r] / b[r]);
}

function summary(byRound) {
  const v = values(byRound);
  if (v.length === 0) return {};
  return { typical: median(v), best: Math.min(...v), min: Math.min(...v), max: Math.max(...v) };
}

const order = [
  'avoidablePropagation', 'broadPropagation', 'deepPropagation', 'diamond', 'mux', 'muxObject',
  'repeatedObservers', 'triangle', 'unstable', 'molBench',
  ...[1000, 2500, 5000].flatMap((l) => ['steady', 'fresh', 'build'].map((v) => `cellx${l}/${v}`)),
];
const keys = Object.keys(figures);
keys.sort((a, b) => {
  const ia = order.indexOf(a);
  const ib = order.indexOf(b);
  return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib) || a.localeCompare(b);
});

const roundCount = Math.max(0, ...keys.flatMap((k) => [...rounds(figures[k].java), ...rounds(figures[k].alien)]));

/** Not counted: mux depends on the data structure it gathers into, molBench mostly times fib(16). */
const apart = new Set(['mux', 'muxObject', 'molBench']);

function comparisonTable(tableKeys) {
  console.log('| test | unit | Statewire typical | Statewire best | alien typical | alien best | ratio (median) | ratio min–max | rounds ≥ 1 | verdict |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---|');
  let beats = 0;
  for (const key of tableKeys) {
    const f = figures[key];
    const java = summary(f.java);
    const alien = summary(f.alien);
    const ratios = pairedRatios(f.java, f.alien);
    const ratio = ratios.length ? median(ratios) : undefined;
    const atLeastOne = ratios.filter((r) => r >= 1).length;
    const verdict = ratio === undefined ? '–' : ratio < 1 && atLeastOne <= 1 ? 'beats alien' : 'slower';
    if (verdict === 'beats alien') beats++;
    const unit = (units[key] ?? '').replace('us/op', 'µs/op');
    const name = labels[key] ? `${key} (${labels[key]})` : key;
    console.log(`| ${name} | ${unit} | ${fmt(java.typical)} | ${fmt(java.best)} | ${fmt(alien.typical)} | ${fmt(alien.best)} | ${fmtRatio(ratio)} | ${ratios.length ? `${fmtRatio(Math.min(...ratios))}–${fmtRatio(Math.max(...ratios))}` : '–'} | ${ratios.length ? `${atLeastOne}/${ratios.length}` : '–'} | ${verdict} |`);
  }
  return beats;
}

const mainKeys = keys.filter((k) => (figures[k].java || figures[k].alien) && !apart.has(k));
const apartKeys = keys.filter((k) => (figures[k].java || figures[k].alien) && apart.has(k));
console.log(`Rounds: ${roundCount}. "typical" = median of the per-round medians, "best" = lowest per-round median.`);
console.log('Ratio = Statewire / alien-signals, paired per round; "beats" needs a median ratio < 1 with at most one round ≥ 1.');
console.log();
const beats = comparisonTable(mainKeys);
console.log();
console.log(`Counted set: Statewire beats alien-signals on ${beats} of ${mainKeys.length} tests.`);
if (apartKeys.length) {
  console.log();
  console.log('Reported apart, not counted: mux (both sides gather the 100 heads into an array), muxObject');
  console.log("(upstream's Object.fromEntries variant, alien-signals only) and molBench (mostly `fib(16)`):");
  console.log();
  comparisonTable(apartKeys);
}

const baselineKeys = Object.keys(figures).filter((k) => figures[k].baseline);
if (baselineKeys.length) {
  console.log();
  console.log('Hand-written Java baselines (BaselineBench, same JMH run), and Statewire cellx1000 steady divided by each, paired per round:');
  console.log();
  console.log('| baseline | µs per update, typical | best | Statewire cellx1000 steady ÷ baseline (median) | min–max |');
  console.log('|---|---:|---:|---:|---:|');
  const steady = figures['cellx1000/steady']?.java;
  for (const key of baselineKeys) {
    const b = figures[key].baseline;
    const s = summary(b);
    const ratios = pairedRatios(steady, b);
    console.log(`| ${key} | ${fmt(s.typical)} | ${fmt(s.best)} | ${ratios.length ? fmtRatio(median(ratios)) : '–'} | ${ratios.length ? `${fmtRatio(Math.min(...ratios))}–${fmtRatio(Math.max(...ratios))}` : '–'} |`);
  }
}

const failuresFile = join(dir, 'failures.txt');
if (existsSync(failuresFile) && readFileSync(failuresFile, 'utf8').trim()) {
  console.log();
  console.log('Statewire benchmarks that failed their topology checks (no time is reported for them):');
  console.log();
  for (const line of readFileSync(failuresFile, 'utf8').trim().split('\n')) console.log(`- ${line}`);
}

function readMemory(name) {
  const file = join(dir, name);
  if (!existsSync(file)) return undefined;
  const bytes = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('{')) bytes.set(JSON.parse(line).case, JSON.parse(line).value);
  }
  return bytes;
}

const memory = readMemory('memory.jsonl');
if (memory) {
  const compact = readMemory('memory-compact-headers.jsonl');
  console.log();
  console.log('Memory (JOL GraphLayout, bytes per node, `MemoryFootprint`; compressed oops):');
  console.log();
  console.log(compact ? '| quantity | bytes | bytes with -XX:+UseCompactObjectHeaders |' : '| quantity | bytes |');
  console.log(compact ? '|---|---:|---:|' : '|---|---:|');
  for (const [name, value] of memory) {
    console.log(compact ? `| ${name} | ${value} | ${compact.get(name) ?? '–'} |` : `| ${name} | ${value} |`);
  }
}

const peerOrder = ['statewire', 'arez', 'javafx'];
const peerNames = { statewire: 'Statewire', arez: 'Arez', javafx: 'JavaFX' };
const peerIds = peerOrder.filter((id) => keys.some((k) => figures[k][`peer:${id}`]));
const peerKeys = keys.filter((k) => peerIds.some((id) => figures[k][`peer:${id}`]));
const countsFile = join(dir, 'peer-counts.jsonl');
const peerLines = existsSync(countsFile)
  ? readFileSync(countsFile, 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l))
  : [];
if (peerKeys.length || peerLines.length) {
  const others = peerIds.filter((id) => id !== 'statewire');
  console.log();
  console.log('### JVM peers');
  console.log();
  console.log('Same JMH run. "Statewire" is the direct port (KairoBench, CellxBench); "Statewire (adapter)" runs the');
  console.log("peers' code (PeerKairoBench, PeerCellxBench) on Statewire, so it pays the adapter the peers pay.");
  console.log('Typical figures (median of the per-round medians); ratio = Statewire (direct) ÷ peer, paired per round, median (min–max).');
  console.log();
  console.log(`| test | unit | Statewire | Statewire (adapter) | ${others.map((id) => peerNames[id]).join(' | ')} | ${others.map((id) => `Statewire ÷ ${peerNames[id]}`).join(' | ')} |`);
  console.log(`|---|---|---:|---:|${others.map(() => '---:').join('|')}|${others.map(() => '---:').join('|')}|`);
  for (const key of peerKeys) {
    const f = figures[key];
    const unit = (units[key] ?? '').replace('us/op', 'µs/op');
    const times = others.map((id) => fmt(summary(f[`peer:${id}`]).typical));
    const ratios = others.map((id) => {
      const r = pairedRatios(f.java, f[`peer:${id}`]);
      return r.length ? `${fmtRatio(median(r))} (${fmtRatio(Math.min(...r))}–${fmtRatio(Math.max(...r))})` : '–';
    });
    console.log(`| ${key} | ${unit} | ${fmt(summary(f.java).typical)} | ${fmt(summary(f['peer:statewire']).typical)} | ${times.join(' | ')} | ${ratios.join(' | ')} |`);
  }
  const counts = new Map(peerLines.filter((l) => l.suite === 'peer-counts').map((l) => [`${l.peer} ${l.case}`, l]));
  const countIds = peerOrder.filter((id) => peerLines.some((l) => l.peer === id));
  if (counts.size) {
    console.log();
    console.log(`Work per op (PeerCounts, the peers' code on each library; ${countIds.map((id) => peerNames[id]).join(' / ')}). The Statewire column is the spec's minimal`);
    console.log('work (benchmarks/TOPOLOGIES.md). A glitched effect run started while its batch was still writing, or is a second run of one effect in one batch.');
    console.log();
    console.log('| test | computed evaluations | effect runs | glitched effect runs |');
    console.log('|---|---:|---:|---:|');
    const countCases = [...new Set(peerLines.filter((l) => l.suite === 'peer-counts').map((l) => l.case))];
    for (const name of countCases) {
      const cell = (field) => countIds.map((id) => {
        const line = counts.get(`${id} ${name}`) ?? counts.get(`${id} ${name.split('/')[0]}`);
        return line === undefined ? '–' : line.error ? `fails: ${line.error}` : line[field];
      }).join(' / ');
      console.log(`| ${name} | ${cell('computeds')} | ${cell('effects')} | ${cell('glitches')} |`);
    }
  }
  const semantics = peerLines.filter((l) => l.suite === 'peer-semantics');
  if (semantics.length) {
    console.log();
    console.log('Semantic trade-offs (from `Peer`; glitched runs measured over every case above):');
    console.log();
    console.log('| library | thread safety | glitches | glitched effect runs measured | cut-off |');
    console.log('|---|---|---|---:|---|');
    for (const s of semantics) {
      const glitched = peerLines.filter((l) => l.suite === 'peer-counts' && l.peer === s.peer && !l.error)
        .reduce((sum, l) => sum + l.glitches, 0);
      console.log(`| ${peerNames[s.peer] ?? s.peer} | ${s.threadSafety} | ${s.glitches} | ${glitched} | ${s.cutOff} |`);
    }
  }
}

if (jmhInfo) {
  console.log();
  console.log(`JMH ${jmhInfo.jmhVersion}, ${jmhInfo.vmName} ${jmhInfo.vmVersion} (${jmhInfo.jdkVersion}), JVM args: ${jmhInfo.jvmArgs.join(' ')}; ` +
    `forks ${jmhInfo.forks}, AverageTime warm-up ${jmhInfo.warmupIterations} × ${jmhInfo.warmupTime}, measurement ${jmhInfo.measurementIterations} × ${jmhInfo.measurementTime}.`);
}
