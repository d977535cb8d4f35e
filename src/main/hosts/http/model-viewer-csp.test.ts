// The page's CSP lets model-viewer's one shadow-root <style> in by its hash, not by
// 'unsafe-inline'. Upgrading model-viewer changes the hash: this names the new one.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test-support/run-cli';
import { CSP, MODEL_VIEWER_STYLE } from './bridge-server';

function modelViewerStyleHashes(): string[] {
  const require = createRequire(import.meta.url);
  const dist = join(
    require.resolve('@google/model-viewer/package.json'),
    '..',
    'lib',
    'template.js',
  );
  const source = readFileSync(dist, 'utf8');
  return [...source.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
  );
}

describe("model-viewer's style under the CSP", () => {
  it('the bridge and the desktop page allow exactly its template style, and no inline style', () => {
    expect(modelViewerStyleHashes()).toEqual([MODEL_VIEWER_STYLE]);
    const page = readFileSync(join(repoRoot, 'src/renderer/index.html'), 'utf8');
    for (const csp of [CSP, page]) {
      expect(csp).toContain(`style-src 'self' ${MODEL_VIEWER_STYLE}`);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
    }
  });
});
