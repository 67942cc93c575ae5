// The report: bench/RESULTS.md (tables, goals, method, machine, date, then the hand-written
// analysis in bench/analysis.md) and one plot per workload (p99 latency vs rate, one line per
// arm) as SVG and PNG. The PNG is rendered by @resvg/resvg-js from bench/peers (no browser); when
// it is not installed, only the SVG is written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { ARM_LABELS, type ArmName, PEERS_DIR, ROOT } from './arms.ts';
import { evaluateGoals, type GoalResult, type Verdict } from './goals.ts';
import type { BenchResults, FrontierResult, WorkloadResult } from './results.ts';

const COLORS: Record<ArmName, string> = {
  direct: '#7f7f7f',
  floor: '#2ca02c',
  'aimesh-off': '#1f77b4',
  'aimesh-full': '#9467bd',
  portkey: '#ff7f0e',
  litellm: '#d62728',
};

const f = (v: number | undefined, digits = 3): string =>
  v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits);
function plotSvg(w: WorkloadResult): string {
  const W = 760;
  const H = 440;
  const m = { l: 70, r: 200, t: 40, b: 50 };
  const series = Object.entries(w.frontier) as [ArmName, FrontierResult][];
  const y = (s: FrontierResult['steps'][number]) => (w.name === 'chat-stream' ? (s.ttfcP99 ?? s.p99) : s.p99);
  const pts = series.flatMap(([, r]) => r.steps.map((s) => [s.achieved, y(s)] as const));
  const xmax = Math.max(1, ...pts.map((p) => p[0])) * 1.05;
  const ys = pts.map((p) => p[1]).filter((v) => v > 0 && Number.isFinite(v));
  const ymin = 10 ** Math.floor(Math.log10(Math.max(0.01, Math.min(...ys, 1))));
  const ymax = 10 ** Math.ceil(Math.log10(Math.max(...ys, 10)));
  const px = (x: number) => m.l + (x / xmax) * (W - m.l - m.r);
  const py = (v: number) =>
    m.t +
    (1 - (Math.log10(Math.max(v, ymin)) - Math.log10(ymin)) / (Math.log10(ymax) - Math.log10(ymin))) *
      (H - m.t - m.b);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="DejaVu Sans, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${m.l}" y="22" font-size="15" font-weight="bold">${w.label}</text>`,
  ];
  for (let d = ymin; d <= ymax * 1.0001; d *= 10) {
    out.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${py(d)}" y2="${py(d)}" stroke="#ddd"/>`);
    out.push(`<text x="${m.l - 6}" y="${py(d) + 4}" text-anchor="end">${d >= 1 ? d : d.toFixed(2)}</text>`);
  }
  const step =
    10 ** Math.floor(Math.log10(xmax / 2)) * (xmax / 10 ** Math.floor(Math.log10(xmax)) > 5 ? 2 : 1);
  for (let x = 0; x <= xmax; x += step) {
    out.push(`<line x1="${px(x)}" x2="${px(x)}" y1="${m.t}" y2="${H - m.b}" stroke="#eee"/>`);
    out.push(`<text x="${px(x)}" y="${H - m.b + 16}" text-anchor="middle">${Math.round(x)}</text>`);
  }
  out.push(
    `<rect x="${m.l}" y="${m.t}" width="${W - m.l - m.r}" height="${H - m.t - m.b}" fill="none" stroke="#333"/>`,
    `<text x="${(m.l + W - m.r) / 2}" y="${H - 12}" text-anchor="middle">${w.name === 'chat-stream' ? 'streams started per second (achieved)' : 'requests per second (achieved)'}</text>`,
    `<text transform="translate(18 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle">${w.name === 'chat-stream' ? 'TTFC p99 (ms, log)' : 'p99 latency (ms, log)'}</text>`,
  );
  series.forEach(([name, r], i) => {
    const pts = r.steps.map((s) => `${px(s.achieved).toFixed(1)},${py(y(s)).toFixed(1)}`);
    if (pts.length > 0) {
      out.push(
        `<polyline points="${pts.join(' ')}" fill="none" stroke="${COLORS[name]}" stroke-width="2"/>`,
        ...r.steps.map(
          (s) =>
            `<circle cx="${px(s.achieved).toFixed(1)}" cy="${py(y(s)).toFixed(1)}" r="3" fill="${s.errors ? 'white' : COLORS[name]}" stroke="${COLORS[name]}"/>`,
        ),
      );
    }
    const ly = m.t + 10 + i * 20;
    out.push(
      `<line x1="${W - m.r + 12}" x2="${W - m.r + 32}" y1="${ly}" y2="${ly}" stroke="${COLORS[name]}" stroke-width="3"/>`,
      `<text x="${W - m.r + 38}" y="${ly + 4}">${name}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}

async function toPng(svg: string): Promise<Buffer | undefined> {
  const entry = join(PEERS_DIR, 'node_modules/@resvg/resvg-js/package.json');
  if (!existsSync(entry)) return undefined;
  const require = createRequire(entry);
  const { Resvg } = require('@resvg/resvg-js') as {
    Resvg: new (svg: string, opts: object) => { render(): { asPng(): Buffer } };
  };
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } })
    .render()
    .asPng();
}

function latencyTable(r: BenchResults, w: WorkloadResult): string[] {
  const lines = [
    '| arm | total p50 | total p99 | total p99.9 | **added p50** | **added p99** | **added p99.9** | n | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [name, l] of Object.entries(w.latency ?? {})) {
    lines.push(
      `| ${name} | ${f(l.total.p50)} | ${f(l.total.p99)} | ${f(l.total.p999)} | ${name === 'direct' ? '–' : f(l.added.p50)} | ${name === 'direct' ? '–' : f(l.added.p99)} | ${name === 'direct' ? '–' : f(l.added.p999)} | ${l.total.n} | ${l.errors} |`,
    );
  }
  void r;
  return lines;
}

function streamTable(w: WorkloadResult): string[] {
  const lines = [
    '| arm | TTFC p50 | TTFC p99 | **added TTFC p50** | **added TTFC p99** | gap p50 | gap p99 | gap max | n | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [name, l] of Object.entries(w.streamLatency ?? {})) {
    const d = name === 'direct';
    lines.push(
      `| ${name} | ${f(l.ttfc.p50)} | ${f(l.ttfc.p99)} | ${d ? '–' : f(l.added.ttfcP50)} | ${d ? '–' : f(l.added.ttfcP99)} | ${f(l.gap.p50)} | ${f(l.gap.p99)} | ${f(l.gap.max)} | ${l.ttfc.n} | ${l.errors} |`,
    );
  }
  if (w.concurrentStreams) {
    lines.push(
      '',
      '| arm | streams at once | rounds | errors | stalled streams (gap > 120 ms), per round | TTFC p50 | TTFC p99 | gap p99 | gap max |',
    );
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, c] of Object.entries(w.concurrentStreams)) {
      lines.push(
        `| ${name} | ${c.streams} | ${c.rounds?.length ?? 1} | ${c.errors} | ${c.rounds ? c.rounds.map((x) => x.stalls).join(' / ') : c.stalls} | ${f(c.ttfc.p50, 1)} | ${f(c.ttfc.p99, 1)} | ${f(c.gap.p99, 1)} | ${f(c.gap.max, 1)} |`,
      );
    }
  }
  const kinds = Object.entries(w.concurrentStreams ?? {}).flatMap(([name, c]) =>
    Object.entries(c.errorKinds ?? {}).map(([kind, n]) => `- ${name}: ${n} x \`${kind}\``),
  );
  if (kinds.length > 0) lines.push('', 'Errors by kind:', '', ...kinds);
  return lines;
}

function frontierTable(w: WorkloadResult): string[] {
  const lines = [
    `| arm | max rps, p99 <= 1 ms | <= 5 ms | <= 10 ms | <= 50 ms | CPU µs/request (@~1000/s${w.name === 'chat-stream' ? ', per stream' : ''}) |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [name, fr] of Object.entries(w.frontier)) {
    const cpu = w.cpuUsPerRequest[name as ArmName];
    lines.push(
      `| ${name} | ${fr.max['1ms']} | ${fr.max['5ms']} | ${fr.max['10ms']} | ${fr.max['50ms']} | ${cpu ?? '–'} |`,
    );
  }
  return lines;
}

const fmtGoal = (g: GoalResult, v: number | undefined): string =>
  v === undefined
    ? '–'
    : g.unit === 'x'
      ? `${v.toFixed(2)}x`
      : g.unit === 'ms'
        ? `${v.toFixed(2)} ms`
        : String(v);
const VERDICT: Record<Verdict, string> = {
  met: 'met',
  'met only within noise': 'met only within noise',
  'not met': '**not met**',
  'not measured': 'not measured',
};

/** Issue 20's goals: each with its per-round spread and verdict (bench/lib/goals.ts). */
function goalsTable(goals: GoalResult[]): string[] {
  return [
    '| goal | whole run | per round: min / median / max (n) | verdict | note |',
    '| --- | ---: | --- | --- | --- |',
    ...goals.map(
      (g) =>
        `| ${g.goal} | ${fmtGoal(g, g.whole)} | ${
          g.rounds.length
            ? `${fmtGoal(g, g.min)} / ${fmtGoal(g, g.median)} / ${fmtGoal(g, g.max)} (${g.rounds.length})`
            : '–'
        } | ${VERDICT[g.verdict]} | ${(g.note ?? '').replace(/[|\n]/g, ' ')} |`,
    ),
  ];
}

/** The earlier round's goals (throughput frontier, RSS), still reported for comparison. */
function earlierGoals(r: BenchResults): string[] {
  const lines = ['| check | workload | measured | met |', '| --- | --- | --- | :---: |'];
  const add = (goal: string, wl: string, measured: string, ok: boolean) =>
    lines.push(`| ${goal} | ${wl} | ${measured} | ${ok ? 'yes' : '**no**'} |`);
  for (const w of r.workloads) {
    const fmax = (a: ArmName) => w.frontier[a]?.max['50ms'];
    if (w.name.includes('stream')) continue;
    for (const a of ['aimesh-off', 'aimesh-full'] as ArmName[]) {
      if (fmax(a) === undefined) continue;
      if (fmax('floor') !== undefined)
        add(
          `${a} frontier >= 90% of floor (p99 <= 50 ms)`,
          w.name,
          `${fmax(a)} vs ${fmax('floor')} rps`,
          fmax(a)! >= 0.9 * fmax('floor')!,
        );
      if (fmax('portkey') !== undefined)
        add(
          `${a} frontier >= 4x Portkey`,
          w.name,
          `${fmax(a)} vs ${fmax('portkey')} rps`,
          fmax(a)! >= 4 * fmax('portkey')!,
        );
      if (fmax('litellm') !== undefined)
        add(
          `${a} frontier >= 10x LiteLLM`,
          w.name,
          `${fmax(a)} vs ${fmax('litellm')} rps`,
          fmax(a)! >= 10 * fmax('litellm')!,
        );
    }
  }
  for (const a of ['aimesh-off', 'aimesh-full'] as ArmName[]) {
    const m = r.rss[a];
    if (!m) continue;
    add(`${a} RSS idle <= 64 MB`, '–', `${m.idleMB} MB`, m.idleMB <= 64);
    if (m.loadMB !== undefined)
      add(
        `${a} RSS at ~1,000 rps <= 128 MB`,
        'chat-small',
        `${m.loadMB} MB @${m.loadRate}/s`,
        m.loadMB <= 128,
      );
  }
  return lines;
}

/** One run's goals as bench/results/ratios.json keeps them. */
export interface RatioRun {
  date: string;
  git?: string;
  goals: Pick<GoalResult, 'id' | 'goal' | 'unit' | 'limit' | 'min' | 'median' | 'max' | 'verdict'>[];
}

/**
 * The goals of the last three full runs side by side (bench/results/ratios.json keeps them, in
 * date order; a re-rendered run replaces its own entry), so one lucky or unlucky run does not
 * decide a goal: issue 20 asks for each to be met in the median in 2 of 3 runs.
 */
function history(r: BenchResults, goals: GoalResult[], resultsDir: string): string[] {
  const file = join(resultsDir, 'ratios.json');
  let runs: RatioRun[] = [];
  try {
    runs = JSON.parse(readFileSync(file, 'utf8'));
  } catch {}
  runs = runs.filter((x) => x.date !== r.date && Array.isArray(x.goals));
  if (!r.quick)
    runs.push({
      date: r.date,
      git: r.git,
      goals: goals.map(({ id, goal, unit, limit, min, median, max, verdict }) => ({
        id,
        goal,
        unit,
        limit,
        min,
        median,
        max,
        verdict,
      })),
    });
  runs = runs.sort((a, b) => a.date.localeCompare(b.date)).slice(-3);
  writeFileSync(file, `${JSON.stringify(runs, null, 2)}\n`);
  if (runs.length === 0) return [];
  const ids = [...new Set([...goals.map((g) => g.id), ...runs.flatMap((x) => x.goals.map((g) => g.id))])];
  const label = (id: string) =>
    goals.find((g) => g.id === id)?.goal ?? runs.flatMap((x) => x.goals).find((g) => g.id === id)?.goal ?? id;
  const cell = (run: RatioRun, id: string) => {
    const g = run.goals.find((x) => x.id === id);
    if (!g || g.median === undefined) return '–';
    const spread =
      g.min === undefined || g.max === undefined || g.min === g.max
        ? ''
        : ` (${g.unit === 'streams' ? `${g.min}–${g.max}` : `${g.min.toFixed(2)}–${g.max.toFixed(2)}`})`;
    return `${fmtGoal(g as GoalResult, g.median)}${spread} ${VERDICT[g.verdict]}`;
  };
  const metIn = (id: string) => {
    const judged = runs
      .map((x) => x.goals.find((g) => g.id === id)?.verdict)
      .filter((v) => v && v !== 'not measured');
    return `${judged.filter((v) => v === 'met' || v === 'met only within noise').length} of ${judged.length}`;
  };
  return [
    '### The last three full runs (per-round median (min–max), verdict)',
    '',
    `| goal | ${runs.map((x) => `${x.date.slice(0, 16).replace('T', ' ')} (${x.git ?? '?'})`).join(' | ')} | median met in |`,
    `| --- |${runs.map(() => ' --- |').join('')} ---: |`,
    ...ids.map((id) => `| ${label(id)} | ${runs.map((x) => cell(x, id)).join(' | ')} | ${metIn(id)} |`),
    '',
  ];
}

export async function writeReport(
  r: BenchResults,
  opts: { report: string; resultsDir: string; plots: boolean },
): Promise<void> {
  const dir = dirname(opts.report);
  const goals = evaluateGoals(r);
  const md: string[] = [
    '# AIMesh benchmark results',
    '',
    `Generated by \`node bench/run.ts${r.quick ? ' --quick' : ''}\` on ${r.date} (git ${r.git ?? '?'}), ${r.durationS} s.`,
    r.quick ? '\n**Quick (smoke) run: too few samples to quote.**' : '',
    '',
    '## Machine',
    '',
    `${r.machine.cpus} x ${r.machine.cpuModel}, ${r.machine.memGB} GB, Linux ${r.machine.kernel}, Node ${r.machine.node}. ` +
      `Load average at start ${JSON.stringify(r.machine.loadavg)} (the box is shared with other builds and tests; per-workload load averages below). ` +
      (r.pinning
        ? `Proxy under test pinned to CPU ${r.pinning.proxyCpu}; load generator and test upstream on CPU ${r.pinning.clientCpu}.`
        : 'Not pinned.'),
    '',
    '## Arms',
    '',
    '| arm | what | version / status |',
    '| --- | --- | --- |',
    ...r.arms.map(
      (a) =>
        `| ${a.name} | ${a.label} | ${a.available ? (a.version ?? 'this checkout') : `unavailable: ${a.reason}`} |`,
    ),
    '',
    '## Goals (issue 20: each judged on its spread across rounds)',
    '',
    'Met: the median round meets the goal and so does every round; met only within noise: the median',
    'meets it, some round does not; not met: the median does not. Ratios are per round (same round,',
    'same arms); CPU per request is per trial at the load step.',
    '',
    ...goalsTable(goals),
    '',
    ...history(r, goals, opts.resultsDir),
    '### Earlier goals (round 1)',
    '',
    ...earlierGoals(r),
    '',
    "## Memory (RSS of the arm's process tree)",
    '',
    '| arm | idle (after warm-up) | under load |',
    '| --- | ---: | ---: |',
    ...Object.entries(r.rss).map(
      ([a, m]) =>
        `| ${a} | ${m.idleMB} MB | ${m.loadMB === undefined ? '–' : `${m.loadMB} MB @${m.loadRate}/s`} |`,
    ),
    '',
  ];
  for (const w of r.workloads) {
    md.push(`## ${w.name}: ${w.label}`, '');
    md.push(
      `Load average before / after: ${JSON.stringify(w.loadavg.before)} / ${JSON.stringify(w.loadavg.after)}.`,
      '',
    );
    for (const [a, why] of Object.entries(w.failing ?? {}))
      md.push(`- **${a} cannot serve this workload** (skipped): \`${why.replace(/[`|\n]/g, ' ')}\``, '');
    if (w.latency)
      md.push(
        'Latency at concurrency 1 (ms; added = arm minus direct, per percentile):',
        '',
        ...latencyTable(r, w),
        '',
      );
    if (w.streamLatency)
      md.push(
        'Streams at low load (ms; TTFC = first content token; gaps between content chunks):',
        '',
        ...streamTable(w),
        '',
      );
    if (Object.keys(w.frontier).length === 0) continue; // latency only (no throughput ladder)
    md.push(
      `Throughput frontier (open-loop fixed rate${w.name === 'chat-stream' ? ', streams started per second, bound on TTFC p99, no stalls' : ''}; highest rate tried that held the bound with no errors):`,
      '',
      ...frontierTable(w),
      '',
    );
    if (opts.plots) {
      const svg = plotSvg(w);
      const base = join(opts.resultsDir, `${w.name}${r.quick ? '-quick' : ''}`);
      writeFileSync(`${base}.svg`, svg);
      let png: Buffer | undefined;
      try {
        png = await toPng(svg);
      } catch {}
      if (png) {
        writeFileSync(`${base}.png`, png);
        md.push(`![${w.name}](${relative(dir, `${base}.png`)})`, '');
      } else md.push(`![${w.name}](${relative(dir, `${base}.svg`)})`, '');
    }
    md.push('<details><summary>all frontier steps</summary>', '');
    md.push(
      '| arm | rate | achieved | p50 | p99 | p99.9 | errors | CPU µs/req | RSS MB |' +
        (w.name === 'chat-stream' ? ' TTFC p99 | gap max | stalls |' : ''),
    );
    md.push(
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |' +
        (w.name === 'chat-stream' ? ' ---: | ---: | ---: |' : ''),
    );
    for (const [a, fr] of Object.entries(w.frontier))
      for (const s of fr.steps)
        md.push(
          `| ${a} | ${s.rate} | ${s.achieved} | ${f(s.p50)} | ${f(s.p99)} | ${f(s.p999)} | ${s.errors} | ${s.cpuUsPerRequest ?? '–'} | ${s.rssMB ?? '–'} |` +
            (w.name === 'chat-stream' ? ` ${f(s.ttfcP99)} | ${f(s.gapMax, 1)} | ${s.stalls} |` : ''),
        );
    md.push('', '</details>', '');
  }
  const method = join(ROOT, 'bench/method.md');
  if (existsSync(method)) md.push(readFileSync(method, 'utf8'));
  const analysis = join(ROOT, 'bench/analysis.md');
  if (existsSync(analysis) && !r.quick) md.push(readFileSync(analysis, 'utf8'));
  writeFileSync(
    opts.report,
    `${md
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd()}\n`,
  );
  void ARM_LABELS;
}
