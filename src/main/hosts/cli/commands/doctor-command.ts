// `packshot doctor [--full] [--salvage] [--json]`: checks the library without opening an
// engine (which would migrate it, and fails on a damaged file), then says what to do.
// Exit 0: healthy (or salvaged into a healthy copy); 1: damaged.
import { dirname } from 'node:path';
import {
  diagnoseLibrary,
  salvageLibrary,
  type LibraryReport,
  type SalvageResult,
} from '../../../engine';
import { writeJson } from '../cli-context';

export interface DoctorOptions {
  dataDir: string;
  json: boolean;
  full: boolean;
  salvage: boolean;
  out: NodeJS.WritableStream;
}

export function doctorCommand(options: DoctorOptions): number {
  const report = diagnoseLibrary(options.dataDir, { full: options.full });
  if (options.salvage) return salvage(report, options);
  if (options.json) writeJson(options.out, report);
  else options.out.write(describe(report));
  return report.healthy ? 0 : 1;
}

const q = (path: string): string => `"${path}"`;

function describe(report: LibraryReport): string {
  const lines = [`Library: ${report.file}`];
  for (const f of report.findings) {
    lines.push(`  ${f.level === 'error' ? 'ERROR' : f.level.padEnd(5)}  ${f.check}: ${f.detail}`);
  }
  for (const b of report.backups) {
    const state = b.healthy ? 'healthy' : 'damaged';
    lines.push(`  backup ${b.file} (schema ${b.version ?? '?'}, ${state})`);
  }
  if (report.healthy) {
    lines.push('', 'The library is healthy.');
    return `${lines.join('\n')}\n`;
  }
  const file = report.file;
  const dir = dirname(file);
  const moveAway = `mv ${q(file)} ${q(`${file}.damaged`)} && rm -f ${q(`${file}-wal`)} ${q(`${file}-shm`)}`;
  const backup = report.backups.find((b) => b.healthy);
  lines.push('', 'The library is damaged. Close Packshot (the app and every command), then:');
  let step = 1;
  if (backup) {
    lines.push(
      `  ${step++}. Restore the newest healthy backup (edits made since it are lost; \`packshot scan\` re-reads the files):`,
      `       ${moveAway} && cp ${q(backup.file)} ${q(file)}`,
    );
  }
  if (report.readable) {
    lines.push(
      `  ${step++}. ${backup ? 'Or salvage' : 'Salvage'} what still reads into a fresh copy, then use it as it says:`,
      `       packshot --data ${q(dir)} doctor --salvage`,
    );
  }
  lines.push(
    `  ${step}. ${step > 1 ? 'Or start' : 'Start'} a new library: ${moveAway}`,
    '     then `packshot catalog add` your folders again (tags and ratings written to XMP come back).',
  );
  return `${lines.join('\n')}\n`;
}

function salvage(report: LibraryReport, options: DoctorOptions): number {
  if (!report.readable) {
    options.out.write(
      `${describe(report)}\nNothing of ${report.file} can be read, so nothing can be salvaged: restore a backup or start a new library as above.\n`,
    );
    return 1;
  }
  let result: SalvageResult;
  try {
    result = salvageLibrary(report.file);
  } catch (error) {
    options.out.write(
      `Salvage of ${report.file} failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  if (options.json) {
    writeJson(options.out, result);
    return result.healthy ? 0 : 1;
  }
  const file = report.file;
  const lines = [
    `Salvaged ${file} into ${result.file} (${result.method === 'whole' ? 'every page read' : 'table by table'}):`,
  ];
  for (const t of result.tables) {
    if (t.rows > 0 || t.lost)
      lines.push(`  ${t.name}: ${t.rows} rows${t.lost ? `; lost ${t.lost}` : ''}`);
  }
  lines.push(
    result.healthy ? 'The copy passes quick_check.' : 'The copy does NOT pass quick_check.',
    'To use it, close Packshot, then:',
    `  mv ${q(file)} ${q(`${file}.damaged`)} && rm -f ${q(`${file}-wal`)} ${q(`${file}-shm`)} && mv ${q(result.file)} ${q(file)}`,
  );
  options.out.write(`${lines.join('\n')}\n`);
  return result.healthy ? 0 : 1;
}
