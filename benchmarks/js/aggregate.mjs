// Turns the raw results of one benchmarks/compare.sh run into the Markdown tables of BENCHMARKS.md.
// Usage: node aggregate.mjs <results-dir> [goals|tables]   (default: both, the goals first)
// Reads r<N>-node-*.jsonl (one JSON line per case, from kairo.mjs / cellx.mjs / dynamic.mjs),
// r<N>-jmh-*.json (JMH -rf json), memory.jsonl (MemoryFootprint), peer-counts.jsonl
// (PeerCounts) and durations.tsv (compare.sh's seconds per suite and round). Per round and side, a
// test's figure is the median of its samples (node) or of its raw JMH iteration scores; ratios
// are Statewire / alien-signals (or Statewire / peer, or one JMH benchmark / another of the same
// JMH run) per round (paired), then their median (BENCHMARKS.md, "Protocol"). mux, upstream's
// object mux and molBench are reported apart from the counted set. The goals table compares
// these figures with the limits of issue 10; nothing in it is typed in.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './harness.mjs';

const dir = process.argv[2];
const part = process.argv[3] ?? 'all';
if (!dir || !['all', 'goals', 'tables'].includes(part)) {
  console.error('usage: node aggregate.mjs <results-dir> [goals|tables]');
  process.exit(2);
}

/** The tables, printed after the goals table (which needs their figures). */
const lines = [];
const log = (line = '') => lines.push(line);

/**
 * figures[key][side][round] = the round's median; side is 'java', 'alien', 'baseline',
 * 'peer:<id>' (PeerKairoBench / PeerCellxBench, by Peer.id()) or 'classes' (GeneratedClassBench,
 * LockBench).
 */
const figures = {};
const units = {};
const labels = {};
let jmhInfo;
let classesInfo;

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
  if (method.startsWith('GeneratedClassBench.')) return { key: `generated/${method.split('.')[1]}`, side: 'classes' };
  if (method.startsWith('LockBench.')) {
    const variant = p.lockHoldReports ? `/${p.lockHoldReports}` : '';
    return { key: `lock/${entry.threads}/${method.split('.')[1]}${variant}`, side: 'classes' };
  }
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
      if (entry.mode === 'avgt' && side !== 'classes' && !side.startsWith('peer:')) jmhInfo ??= entry;
      if (side === 'classes') classesInfo ??= entry;
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

/** Typical (median) and best of the per-round figures; best is the highest for a throughput. */
function summary(byRound, higherIsBetter = false) {
  const v = values(byRound);
  if (v.length === 0) return {};
  const best = higherIsBetter ? Math.max(...v) : Math.min(...v);
  return { typical: median(v), best, min: Math.min(...v), max: Math.max(...v) };
}

/** The median of the paired per-round ratios a ÷ b, with their min and max; undefined if none. */
function ratioOf(a, b) {
  const r = pairedRatios(a, b);
  return r.length ? { median: median(r), min: Math.min(...r), max: Math.max(...r), rounds: r.length } : undefined;
}

const fmtRange = (r) => (r === undefined ? '–' : `${fmtRatio(r.median)} (${fmtRatio(r.min)}–${fmtRatio(r.max)})`);

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
  log('| test | unit | Statewire typical | Statewire best | alien typical | alien best | ratio (median) | ratio min–max | rounds ≥ 1 | verdict |');
  log('|---|---|---:|---:|---:|---:|---:|---:|---:|---|');
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
    log(`| ${name} | ${unit} | ${fmt(java.typical)} | ${fmt(java.best)} | ${fmt(alien.typical)} | ${fmt(alien.best)} | ${fmtRatio(ratio)} | ${ratios.length ? `${fmtRatio(Math.min(...ratios))}–${fmtRatio(Math.max(...ratios))}` : '–'} | ${ratios.length ? `${atLeastOne}/${ratios.length}` : '–'} | ${verdict} |`);
  }
  return beats;
}

const mainKeys = keys.filter((k) => (figures[k].java || figures[k].alien) && !apart.has(k));
const apartKeys = keys.filter((k) => (figures[k].java || figures[k].alien) && apart.has(k));
if (mainKeys.length) {
  log(`Rounds: ${roundCount}. "typical" = median of the per-round medians, "best" = lowest per-round median.`);
  log('Ratio = Statewire / alien-signals, paired per round; "beats" needs a median ratio < 1 with at most one round ≥ 1.');
  log();
  const beats = comparisonTable(mainKeys);
  log();
  log(`Counted set: Statewire beats alien-signals on ${beats} of ${mainKeys.length} tests.`);
}
if (apartKeys.length) {
  log();
  log('Reported apart, not counted: mux (both sides gather the 100 heads into an array), muxObject');
  log("(upstream's Object.fromEntries variant, alien-signals only) and molBench (mostly `fib(16)`):");
  log();
  comparisonTable(apartKeys);
}

const baselineKeys = Object.keys(figures).filter((k) => figures[k].baseline);
if (baselineKeys.length) {
  log();
  log('Hand-written Java baselines (BaselineBench, same JMH run), and Statewire cellx1000 steady divided by each, paired per round:');
  log();
  log('| baseline | µs per update, typical | best | Statewire cellx1000 steady ÷ baseline (median) | min–max |');
  log('|---|---:|---:|---:|---:|');
  const steady = figures['cellx1000/steady']?.java;
  for (const key of baselineKeys) {
    const b = figures[key].baseline;
    const s = summary(b);
    const ratios = pairedRatios(steady, b);
    log(`| ${key} | ${fmt(s.typical)} | ${fmt(s.best)} | ${ratios.length ? fmtRatio(median(ratios)) : '–'} | ${ratios.length ? `${fmtRatio(Math.min(...ratios))}–${fmtRatio(Math.max(...ratios))}` : '–'} |`);
  }
}

/** GeneratedClassBench's methods, the reference (the ReentrantLock class) last. */
const generatedMethods = ['generated', 'handWritten', 'plainJava', 'lockedJava'];
const lockThreads = [...new Set(Object.keys(figures).filter((k) => k.startsWith('lock/')).map((k) => Number(k.split('/')[1])))]
  .sort((a, b) => a - b);
const classesOf = (key) => figures[key]?.classes;
if (generatedMethods.some((m) => classesOf(`generated/${m}`)) || lockThreads.length) {
  log();
  log('### Generated class and lock blocks (issue 10, goals 3 and 4)');
  log();
  log('Each ratio pairs two benchmarks of the same JMH run, per round (median, min–max). GeneratedClassBench:');
  log('ns per op (an action, the effect it triggers, a derived read), ratio = time ÷ `lockedJava` (`LockedCart`:');
  log('the same class by hand under a `ReentrantLock`). LockBench: ops/µs of all threads together on one shared');
  log('object, ratio = throughput ÷ the bare `ReentrantLock` of the same run (`default`: default context');
  log('settings; `off`: lock-hold reports off).');
  log();
  log('| benchmark | unit | typical | best | ratio |');
  log('|---|---|---:|---:|---:|');
  for (const m of generatedMethods) {
    const f = classesOf(`generated/${m}`);
    if (!f) continue;
    const s = summary(f);
    const ratio = m === 'lockedJava' ? undefined : ratioOf(f, classesOf('generated/lockedJava'));
    log(`| GeneratedClassBench.${m} | ns/op | ${fmt(s.typical)} | ${fmt(s.best)} | ${m === 'lockedJava' ? 'reference' : fmtRange(ratio)} |`);
  }
  for (const t of lockThreads) {
    const bare = classesOf(`lock/${t}/reentrantLock`);
    for (const v of ['lockBlock/default', 'lockBlock/off', 'action/default', 'action/off', 'reentrantLock']) {
      const f = classesOf(`lock/${t}/${v}`);
      if (!f) continue;
      const s = summary(f, true);
      const ratio = v === 'reentrantLock' ? 'reference' : fmtRange(ratioOf(f, bare));
      log(`| LockBench.${v.replace('/', ' ')}, ${t} thread${t === 1 ? '' : 's'} | ops/µs | ${fmt(s.typical)} | ${fmt(s.best)} | ${ratio} |`);
    }
  }
  if (classesInfo) {
    log();
    log(`JMH settings of this suite: warm-up ${classesInfo.warmupIterations} × ${classesInfo.warmupTime}, measurement ` +
      `${classesInfo.measurementIterations} × ${classesInfo.measurementTime}, fork ${classesInfo.forks}, JVM args: ${classesInfo.jvmArgs.join(' ')}.`);
  }
}

const failuresFile = join(dir, 'failures.txt');
if (existsSync(failuresFile) && readFileSync(failuresFile, 'utf8').trim()) {
  log();
  log('Statewire benchmarks that failed their topology checks (no time is reported for them):');
  log();
  for (const line of readFileSync(failuresFile, 'utf8').trim().split('\n')) log(`- ${line}`);
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
  log();
  log('Memory (JOL GraphLayout, bytes per node, `MemoryFootprint`; compressed oops):');
  log();
  log(compact ? '| quantity | bytes | bytes with -XX:+UseCompactObjectHeaders |' : '| quantity | bytes |');
  log(compact ? '|---|---:|---:|' : '|---|---:|');
  for (const [name, value] of memory) {
    log(compact ? `| ${name} | ${value} | ${compact.get(name) ?? '–'} |` : `| ${name} | ${value} |`);
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
  log();
  log('### JVM peers');
  log();
  log('Same JMH run. "Statewire" is the direct port (KairoBench, CellxBench); "Statewire (adapter)" runs the');
  log("peers' code (PeerKairoBench, PeerCellxBench) on Statewire, so it pays the adapter the peers pay.");
  log('Typical figures (median of the per-round medians); ratio = Statewire (direct) ÷ peer, paired per round, median (min–max).');
  log();
  log(`| test | unit | Statewire | Statewire (adapter) | ${others.map((id) => peerNames[id]).join(' | ')} | ${others.map((id) => `Statewire ÷ ${peerNames[id]}`).join(' | ')} |`);
  log(`|---|---|---:|---:|${others.map(() => '---:').join('|')}|${others.map(() => '---:').join('|')}|`);
  for (const key of peerKeys) {
    const f = figures[key];
    const unit = (units[key] ?? '').replace('us/op', 'µs/op');
    const times = others.map((id) => fmt(summary(f[`peer:${id}`]).typical));
    const ratios = others.map((id) => {
      const r = pairedRatios(f.java, f[`peer:${id}`]);
      return r.length ? `${fmtRatio(median(r))} (${fmtRatio(Math.min(...r))}–${fmtRatio(Math.max(...r))})` : '–';
    });
    log(`| ${key} | ${unit} | ${fmt(summary(f.java).typical)} | ${fmt(summary(f['peer:statewire']).typical)} | ${times.join(' | ')} | ${ratios.join(' | ')} |`);
  }
  const counts = new Map(peerLines.filter((l) => l.suite === 'peer-counts').map((l) => [`${l.peer} ${l.case}`, l]));
  const countIds = peerOrder.filter((id) => peerLines.some((l) => l.peer === id));
  if (counts.size) {
    log();
    log(`Work per op (PeerCounts, the peers' code on each library; ${countIds.map((id) => peerNames[id]).join(' / ')}). The Statewire column is the spec's minimal`);
    log('work (benchmarks/TOPOLOGIES.md). A glitched effect run started while its batch was still writing, or is a second run of one effect in one batch.');
    log();
    log('| test | computed evaluations | effect runs | glitched effect runs |');
    log('|---|---:|---:|---:|');
    const countCases = [...new Set(peerLines.filter((l) => l.suite === 'peer-counts').map((l) => l.case))];
    for (const name of countCases) {
      const cell = (field) => countIds.map((id) => {
        const line = counts.get(`${id} ${name}`) ?? counts.get(`${id} ${name.split('/')[0]}`);
        return line === undefined ? '–' : line.error ? `fails: ${line.error}` : line[field];
      }).join(' / ');
      log(`| ${name} | ${cell('computeds')} | ${cell('effects')} | ${cell('glitches')} |`);
    }
  }
  const semantics = peerLines.filter((l) => l.suite === 'peer-semantics');
  if (semantics.length) {
    log();
    log('Semantic trade-offs (from `Peer`; glitched runs measured over every case above):');
    log();
    log('| library | thread safety | glitches | glitched effect runs measured | cut-off |');
    log('|---|---|---|---:|---|');
    for (const s of semantics) {
      const glitched = peerLines.filter((l) => l.suite === 'peer-counts' && l.peer === s.peer && !l.error)
        .reduce((sum, l) => sum + l.glitches, 0);
      log(`| ${peerNames[s.peer] ?? s.peer} | ${s.threadSafety} | ${s.glitches} | ${glitched} | ${s.cutOff} |`);
    }
  }
}

if (jmhInfo) {
  log();
  log(`JMH ${jmhInfo.jmhVersion}, ${jmhInfo.vmName} ${jmhInfo.vmVersion} (${jmhInfo.jdkVersion}), JVM args: ${jmhInfo.jvmArgs.join(' ')}; ` +
    `forks ${jmhInfo.forks}, AverageTime warm-up ${jmhInfo.warmupIterations} × ${jmhInfo.warmupTime}, measurement ${jmhInfo.measurementIterations} × ${jmhInfo.measurementTime}.`);
}

const durationsFile = join(dir, 'durations.tsv');
if (existsSync(durationsFile)) {
  /** seconds[suite][round], round 'once' for the steps after the rounds. */
  const seconds = {};
  for (const line of readFileSync(durationsFile, 'utf8').trim().split('\n')) {
    const [round, suite, s] = line.split('\t');
    seconds[suite] ??= {};
    seconds[suite][round] = Number(s);
  }
  const minutes = (s) => (s === undefined ? '–' : (s / 60).toFixed(1));
  const roundNames = [...new Set(Object.values(seconds).flatMap((r) => Object.keys(r)))].filter((r) => r !== 'once')
    .sort((a, b) => a - b);
  log();
  log('Duration of each suite (minutes, wall clock, measured by compare.sh):');
  log();
  log(`| suite | ${roundNames.map((r) => `round ${r}`).join(' | ')} | once |`);
  log(`|---|${roundNames.map(() => '---:').join('|')}|---:|`);
  let total = 0;
  for (const [suite, byRound] of Object.entries(seconds)) {
    total += Object.values(byRound).reduce((a, b) => a + b, 0);
    log(`| ${suite} | ${roundNames.map((r) => minutes(byRound[r])).join(' | ')} | ${minutes(byRound.once)} |`);
  }
  log(`| all | ${roundNames.map(() => '').join(' | ')} | ${minutes(total)} |`);
}

// The goals of issue 10 that have a number: each measured figure against its limit.
const goals = [];
function goal(name, figure, limit, met, note = '') {
  goals.push({ name, figure, limit, verdict: met === undefined ? 'not measured' : met ? 'met' : '**not met**', note });
}
{
  const counted = mainKeys
    .map((key) => ({ key, ratio: ratioOf(figures[key].java, figures[key].alien) }))
    .filter((r) => r.ratio)
    .sort((a, b) => b.ratio.median - a.ratio.median);
  const worst = counted.filter((r) => r.ratio.median > 1);
  const named = (worst.length ? worst : counted.slice(0, 1)).slice(0, 6)
    .map((r) => `${r.key} ${fmtRatio(r.ratio.median)}`).join(', ');
  const missing = mainKeys.length - counted.length;
  goal('2. Statewire ÷ alien-signals, worst counted topology (median paired ratio)',
    counted.length ? fmtRatio(counted[0].ratio.median) : '–', '≤ 1.00', counted.length ? worst.length === 0 : undefined,
    counted.length ? `${worst.length ? `above 1: ${worst.length} of ${counted.length}: ` : `all ${counted.length} ≤ 1; worst: `}${named}` +
      (missing ? `; ${missing} without both sides` : '') : '');
}
{
  const generated = classesOf('generated/generated');
  const r = ratioOf(generated, classesOf('generated/lockedJava'));
  const ns = (m) => fmt(summary(classesOf(`generated/${m}`)).typical);
  goal('3. generated action + effect + derived ÷ the same class under a `ReentrantLock`', fmtRange(r), '≤ 2.00',
    r && r.median <= 2, r ? `typical ns/op: generated ${ns('generated')}, lockedJava ${ns('lockedJava')}, handWritten ${ns('handWritten')}` : '');
  const moon = ratioOf(generated, classesOf('generated/plainJava'));
  goal('3, moonshot: generated ÷ the unlocked class (`plainJava`)', fmtRange(moon), '≤ 10.0', moon && moon.median <= 10,
    moon ? `plainJava ${ns('plainJava')} ns/op` : '');
}
for (const t of [...new Set([1, 4, 8, ...lockThreads])].sort((a, b) => a - b)) {
  const r = ratioOf(classesOf(`lock/${t}/lockBlock/default`), classesOf(`lock/${t}/reentrantLock`));
  const off = ratioOf(classesOf(`lock/${t}/lockBlock/off`), classesOf(`lock/${t}/reentrantLock`));
  goal(`4. lock block throughput ÷ bare \`ReentrantLock\`, default settings, ${t} thread${t === 1 ? '' : 's'}`, fmtRange(r), '≥ 0.50',
    r && r.median >= 0.5, r ? `typical ops/µs: lock block ${fmt(summary(classesOf(`lock/${t}/lockBlock/default`)).typical)}, ` +
      `bare lock ${fmt(summary(classesOf(`lock/${t}/reentrantLock`)).typical)}${off ? `; reports off: ${fmtRange(off)}` : ''}` : '');
}
{
  const steady = figures['cellx1000/steady'];
  const r = ratioOf(steady?.java, steady?.['peer:javafx']);
  goal('5. cellx1000 steady ÷ JavaFX bindings (deferred flush)', fmtRange(r), '≤ 1.00', r && r.median <= 1,
    r ? `typical µs/update: Statewire ${fmt(summary(steady.java).typical)}, JavaFX ${fmt(summary(steady['peer:javafx']).typical)}` : '');
  const moon = ratioOf(steady?.java, figures['cellx1000/cells']?.baseline);
  goal('5, moonshot: cellx1000 steady ÷ hand-written `cells`', fmtRange(moon), '≤ 10.0', moon && moon.median <= 10,
    moon ? `cells ${fmt(summary(figures['cellx1000/cells'].baseline).typical)} µs/update` : '');
}
{
  const compact = readMemory('memory-compact-headers.jsonl');
  for (const [quantity, limit] of [['computed.linked', 96], ['edge', 32], ['effect', 128], ['signal', 48]]) {
    const bytes = memory?.get(quantity);
    goal(`7. memory: ${quantity} (JOL, bytes)`, bytes === undefined ? '–' : String(bytes), `≤ ${limit}`,
      bytes === undefined ? undefined : bytes <= limit,
      compact?.get(quantity) === undefined ? '' : `${compact.get(quantity)} with -XX:+UseCompactObjectHeaders`);
  }
}

if (part !== 'tables') {
  console.log('## Issue 10 goals');
  console.log();
  console.log('Computed from the results below (ratios: median of the per-round paired ratios, min–max in brackets).');
  console.log();
  console.log('| goal | measured | limit | verdict | detail |');
  console.log('|---|---:|---:|---|---|');
  for (const g of goals) console.log(`| ${g.name} | ${g.figure} | ${g.limit} | ${g.verdict} | ${g.note} |`);
  console.log();
  console.log('Goals 1 (the fair harness) and 6 (the JVM peers in the harness) are the protocol itself: BENCHMARKS.md,');
  console.log('"Protocol" and "JVM peers".');
  if (part === 'all') console.log();
}
if (part !== 'goals') {
  for (const line of lines) console.log(line);
}
