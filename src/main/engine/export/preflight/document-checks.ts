// Pre-flight for a manual linked to a product (role 'document') against a preset's document
// rules, from the facts indexing read (pages, encryption, in media_facts). A manual is copied
// as it is, so a rule it breaks fails: export cannot shorten or unlock a PDF. Pure.
import type { CheckResult, DocumentRules } from '../../../../shared/export-dto';
import type { PackImage } from '../pack-source';

const CHECK = 'document';
const fail = (check: string, reason: string): CheckResult => ({ check, level: 'fail', reason });
const mb = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The file's extension, lower-case: what a channel takes a document by. */
export function documentFormat(image: PackImage): string {
  const format = image.format?.toLowerCase();
  if (format) return format;
  const dot = image.name.lastIndexOf('.');
  return dot > 0 ? image.name.slice(dot + 1).toLowerCase() : '';
}

/** What stops a manual going out, or [] when it meets every rule. */
export function documentChecks(rules: DocumentRules, image: PackImage): CheckResult[] {
  if (image.kind !== 'document')
    return [fail('source', `not a document (its kind is ${image.kind})`)];
  if (image.state === 'missing') return [fail('source', 'the file is missing')];
  const format = documentFormat(image);
  if (!(rules.formats as readonly string[]).includes(format))
    return [
      fail(
        'format',
        `${format.toUpperCase() || 'a file with no extension'} is not taken (${rules.formats.join(', ').toUpperCase()})`,
      ),
    ];
  if (image.state === 'error')
    return [
      fail(
        'source',
        'the PDF could not be read when indexed (damaged or cut short); replace it and rescan',
      ),
    ];
  const f = image.facts;
  if (!image.hash || !f)
    return [fail('source', 'its document facts are not read yet (run a scan)')];
  const out: CheckResult[] = [];
  if (rules.maxBytes !== null && image.bytes > rules.maxBytes)
    out.push(fail(CHECK, `${mb(image.bytes)} is over the limit of ${mb(rules.maxBytes)}`));
  const locked = f.detail.password === true;
  if (!rules.allowEncrypted && locked)
    out.push(fail(CHECK, 'password-protected: a customer could not open it without the password'));
  // An owner password only restricts printing or copying: it opens for everyone.
  else if (!rules.allowEncrypted && f.detail.encrypted === true)
    out.push({
      check: CHECK,
      level: 'warn',
      reason:
        'encrypted with an owner password: it opens without one, but printing or copying may be restricted',
    });
  if (rules.maxPages !== null && f.pages !== null && f.pages > rules.maxPages)
    out.push(fail(CHECK, `${f.pages} pages is over the limit of ${rules.maxPages}`));
  else if (rules.maxPages !== null && f.pages === null)
    out.push({
      check: CHECK,
      level: 'warn',
      reason: `its page count is not known (${locked ? 'the password hides it' : 'not read'}); the limit of ${rules.maxPages} is not checked`,
    });
  return out;
}
