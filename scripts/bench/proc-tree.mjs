// CPU by process over a stretch of time (Linux /proc): a process and its descendants, each
// named by what it is (Chromium's --type=, node's script), so a figure can say who held the
// cores while it ran. Processes that start mid-way count from zero; those that exit are lost.
import { readFileSync, readdirSync } from 'node:fs';

const TICK = 100; // clock ticks a second (USER_HZ)

function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(') ') + 2).split(' ');
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICK };
  } catch {
    return null;
  }
}

function label(pid) {
  try {
    // Chromium's children rewrite their command line as one string: split on spaces too.
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/).filter(Boolean);
    const type = argv.find((a) => a.startsWith('--type='));
    if (type) {
      const sub = argv.find((a) => a.startsWith('--utility-sub-type='));
      return `chromium ${type.slice(7)}${sub ? ` (${sub.split('=')[1].split('.').pop()})` : ''}`;
    }
    const exe = argv[0]?.split('/').pop() ?? '?';
    if (/chrom/.test(exe)) return 'chromium browser';
    const script = argv.slice(1).find((a) => !a.startsWith('-'));
    return script ? `${exe} ${script.split('/').slice(-2).join('/')}` : exe;
  } catch {
    return '?';
  }
}

/** Every descendant of the roots (and the roots): pid → { label, cpu }. */
export function sampleTree(roots) {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(name);
    if (s) parents.set(Number(name), s);
  }
  const out = new Map();
  const take = (pid) => {
    const s = parents.get(pid);
    if (!s || out.has(pid)) return;
    out.set(pid, { label: label(pid), cpu: s.cpu });
    for (const [child, c] of parents) if (c.ppid === pid) take(child);
  };
  for (const root of roots) if (root) take(root);
  return out;
}

/** CPU seconds each label used between two samples, largest first. */
export function cpuBetween(before, after) {
  const byLabel = new Map();
  for (const [pid, { label: name, cpu }] of after) {
    const used = cpu - (before.get(pid)?.cpu ?? 0);
    byLabel.set(name, (byLabel.get(name) ?? 0) + used);
  }
  return [...byLabel].sort((a, b) => b[1] - a[1]).map(([name, seconds]) => ({ name, seconds }));
}
