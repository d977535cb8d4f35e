// Audit rows as a file the user keeps: CSV (one row per entry; before/after as canonical
// JSON text) or JSON. Saved through the page's own download (a Blob link): the browser
// saves it to its downloads folder, the desktop app shows Electron's save dialog. The
// engine writes nothing for it.
import type { AuditEntry } from '../../../../../shared/usage-dto';
import type { Client } from '../../../client';

/** Rows per call; a longer log is read page by page, after the last id of the one before. */
export const AUDIT_PAGE = 10_000;

/** Every audit row (of one subject, or the whole log), oldest first, however many. */
export async function readAudit(
  client: Client,
  subject?: { kind: string; id: string },
): Promise<AuditEntry[]> {
  const rows: AuditEntry[] = [];
  let afterId = 0;
  for (;;) {
    const page = await client.call('auditEntries.list', {
      ...(subject === undefined ? {} : { subject }),
      afterId,
      limit: AUDIT_PAGE,
    });
    rows.push(...page);
    const last = page.at(-1);
    if (page.length < AUDIT_PAGE || last === undefined) return rows;
    afterId = last.id;
  }
}

const COLUMNS = [
  'id',
  'at',
  'who',
  'action',
  'subjectKind',
  'subjectId',
  'before',
  'after',
  'hash',
] as const;

function cell(value: unknown): string {
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  // Quoted always; a leading = + - @ is a formula to spreadsheet apps: kept as text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [COLUMNS.join(',')];
  for (const e of entries) lines.push(COLUMNS.map((c) => cell(e[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function auditJson(entries: readonly AuditEntry[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/** Today as 'YYYY-MM-DD' on the user's calendar (the engine's rights days are local too). */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Hands `text` to the browser as a download named `name`. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download by now; the URL is not needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
