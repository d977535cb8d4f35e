// PDF manuals (issue 15): page-1 thumbnails per second in the app (`serve` running, then
// catalogs.add → jobs.wait, fresh data dir), against poppler's `pdftoppm -r 72 -f 1 -l 1
// -png` over the same files with the same parallelism, in the same run. Packshot does more
// per file than the baseline (facts, the text of every page for search, a 320 px WebP
// thumbnail, placeholder and analysis): the ratio is what a user waits for against the
// bare painter. Corpus: generated manuals of 8 pages of text (the tests' PDF writer) and
// Debian's forensics sample PDFs (LibreOffice, embedded fonts), each copy made distinct by
// a trailing comment so no thumbnail is shared.
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import {
  BenchError,
  cores,
  hasCommand,
  listAll,
  log,
  median,
  now,
  ratio,
  RUNS,
  s,
  startServe,
  timed,
  tmpName,
} from './lib.mjs';

const GENERATED = Number(process.env.BENCH_PDFS ?? 80);
const FORENSIC = ['text1/a-text.pdf', 'text2/d-text.pdf'].map(
  (p) => `/usr/share/forensics-samples/original-files/${p}`,
);
const hasPdftoppm = hasCommand('pdftoppm', ['-v']);
const hasGnuTime = existsSync('/usr/bin/time');

/** CPU seconds (user + system, every thread) a process has used so far. */
function cpuOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime, fields 14 and 15 (11 and 12 after the name); ticks of 1/100 s on Linux.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The tests' hand-written PDF maker (src/main/test-support/sample-pdfs.ts), transpiled. */
async function loadMakePdf() {
  const source = readFileSync(
    new URL('../../src/main/test-support/sample-pdfs.ts', import.meta.url),
    'utf8',
  );
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const url = `data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`;
  return (await import(url)).makePdf;
}

async function makeCorpus(dir) {
  mkdirSync(dir, { recursive: true });
  const makePdf = await loadMakePdf();
  const files = [];
  for (let i = 0; i < GENERATED; i++) {
    const pages = Array.from({ length: 8 }, (_, p) =>
      Array.from(
        { length: 20 },
        (_, line) => `Manual ${i} page ${p + 1} line ${line + 1}: fit, care and warranty.`,
      ),
    );
    const file = join(dir, `manual-${i}.pdf`);
    writeFileSync(file, makePdf({ title: `Manual ${i}`, author: 'Bench', pages }));
    files.push(file);
  }
  const forensic = FORENSIC.filter((f) => existsSync(f));
  for (let i = 0; i < GENERATED / 2 && forensic.length > 0; i++) {
    const file = join(dir, `forensic-${i}.pdf`);
    copyFileSync(forensic[i % forensic.length], file);
    appendFileSync(file, `%bench copy ${i}\n`);
    files.push(file);
  }
  return { files, forensic: forensic.length };
}

async function packshotRun(work, dir, count) {
  const data = join(work, `pdf-data-${tmpName()}`);
  const serve = await startServe(data);
  try {
    const start = now();
    const cpu0 = cpuOf(serve.pid);
    await serve.call('catalogs.add', { path: dir });
    await serve.call('jobs.wait', {});
    const seconds = now() - start;
    const cpuSeconds = cpuOf(serve.pid) - cpu0;
    const { items } = await listAll(serve);
    const ready = items.filter((a) => a.kind === 'document' && a.thumb === 'ready').length;
    if (ready !== count)
      throw new BenchError(`pdf: ${ready} of ${count} page-1 thumbnails ready in the app`);
    return { seconds, cpuSeconds };
  } finally {
    await serve.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

function pdftoppmRun(work, files) {
  const out = join(work, `pdftoppm-${tmpName()}`);
  mkdirSync(out);
  // One process per file, `cores` at a time; -singlefile names the output <prefix>.png.
  const script = `exec pdftoppm -r 72 -f 1 -l 1 -png -singlefile "$1" "${out}/$(basename "$1" .pdf)"`;
  const xargs = ['xargs', '-0', '-P', String(cores), '-n', '1', 'sh', '-c', script, 'sh'];
  // GNU time counts the CPU of every process xargs waited for.
  const report = join(work, `time-${tmpName()}.txt`);
  const { seconds } = hasGnuTime
    ? timed('/usr/bin/time', ['-f', '%U %S', '-o', report, ...xargs], {
        input: files.join('\0'),
      })
    : timed(xargs[0], xargs.slice(1), { input: files.join('\0') });
  const cpuSeconds = hasGnuTime
    ? readFileSync(report, 'utf8')
        .trim()
        .split(/\s+/)
        .reduce((t, v) => t + Number(v), 0)
    : null;
  rmSync(report, { force: true });
  const made = timed('ls', [out]).stdout.split('\n').filter(Boolean).length;
  rmSync(out, { recursive: true, force: true });
  if (made !== files.length) throw new BenchError(`pdftoppm made ${made} of ${files.length}`);
  return { seconds, cpuSeconds };
}

export default {
  key: 'pdf',
  title: 'PDF page-1 thumbnails vs pdftoppm',
  async run(ctx) {
    const dir = join(ctx.work, 'pdfs');
    const corpus = await makeCorpus(dir);
    const count = corpus.files.length;
    const app = [];
    const poppler = [];
    for (let run = 0; run < RUNS; run++) {
      app.push(await packshotRun(ctx.work, dir, count));
      if (hasPdftoppm) poppler.push(pdftoppmRun(ctx.work, corpus.files));
      log(
        `pdf run ${run + 1}: app ${s(app.at(-1).seconds)}${hasPdftoppm ? `, pdftoppm ${s(poppler.at(-1).seconds)}` : ''}`,
      );
    }
    const appRate = count / median(app.map((r) => r.seconds));
    const popplerRate = hasPdftoppm ? count / median(poppler.map((r) => r.seconds)) : null;
    const msPerFile = (runs) => {
      const cpu = runs.map((r) => r.cpuSeconds).filter((c) => c !== null);
      return cpu.length > 0 ? (median(cpu) * 1000) / count : null;
    };
    const appCpu = msPerFile(app);
    const popplerCpu = hasPdftoppm ? msPerFile(poppler) : null;
    return {
      rows: [
        {
          figure: 'PDF page-1 thumbnails/s (app, index + text)',
          value: `${appRate.toFixed(1)}/s`,
          baseline: popplerRate ? `${popplerRate.toFixed(1)}/s pdftoppm` : 'n/a',
          ratio: popplerRate ? ratio(popplerRate, appRate) : 'n/a',
          target: '—',
          met: 'n/a',
        },
        {
          figure: 'PDF CPU per file (app, index + text)',
          value: appCpu ? `${appCpu.toFixed(0)} ms` : 'n/a',
          baseline: popplerCpu ? `${popplerCpu.toFixed(0)} ms pdftoppm` : 'n/a',
          ratio: appCpu && popplerCpu ? ratio(appCpu, popplerCpu) : 'n/a',
          target: '—',
          met: 'n/a',
        },
      ],
      notes: [
        `${count} distinct PDFs: ${GENERATED} generated manuals of 8 pages, ${count - GENERATED} copies of ${corpus.forensic} forensics-samples-files PDFs; parallelism ${cores}; ${RUNS} runs, median shown`,
        `app: fresh data dir, \`serve\` started before (not counted), catalogs.add → jobs.wait: facts, every page's text, page 1 painted by pdfjs on worker threads into a 320 px WebP`,
        hasPdftoppm
          ? `baseline: pdftoppm -r 72 -f 1 -l 1 -png -singlefile per file, ${cores} at a time (xargs -P); the rate ratio is pdftoppm's rate ÷ the app's (below 1: the app is faster); CPU: the serve process's every thread, and every pdftoppm process (GNU time)`
          : 'baseline skipped: pdftoppm not found (apt-get install poppler-utils)',
        'pdftoppm paints page 1 at 72 dpi (612 × 792 for Letter) and starts a process per file (fontconfig included); the app paints 247 × 320 in a warm worker',
      ],
    };
  },
};
