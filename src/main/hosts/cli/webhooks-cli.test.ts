// `packshot webhooks …` as a user runs it, against a real receiver in this process (so the
// commands that send run without blocking it): add prints the secret once, list hides it,
// test sends webhook.test and prints the outcome, a one-shot `scan` still sends its
// asset.indexed before it exits, deliveries shows the log, remove forgets, hostile URLs exit 2.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookCreated, WebhookDelivery } from '../../../shared/webhook-dto';
import { verifySignature } from '../../engine/webhooks/sign-payload';
import { runPackshot, spawnPackshot } from '../../test-support/run-cli';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { startReceiver, type Receiver } from '../../test-support/webhook-receiver';

let dataDir: string;
let photos: string;
let r: Receiver;
let created: WebhookCreated;
const FILES = 4;

beforeAll(async () => {
  dataDir = await tempDir('hooks-cli');
  photos = await tempDir('hooks-cli-photos');
  for (let i = 0; i < FILES; i++)
    await writeFile(join(photos, `p${i}.jpg`), await makeImage(64, 48, 'jpeg', 40 + i));
  r = await startReceiver();
  runPackshot(dataDir, ['--version']); // the launcher builds a stale app here, not in a test
}, 240_000);

afterAll(async () => {
  await r.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(photos, { recursive: true, force: true });
});

describe('packshot webhooks', () => {
  it('adds a subscription and prints its secret once', () => {
    const text = runPackshot(dataDir, ['webhooks', 'add', r.url, '--events', 'webhook.test']);
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(/^webhook 1: http:\/\/127\.0\.0\.1:\d+\/hook \(webhook\.test\)\n/);
    expect(text.stdout).toMatch(/secret: whsec_[\w-]{43}\n/);
    const add = runPackshot(dataDir, [
      ...['webhooks', 'add', r.url, '--events', 'asset.indexed,webhook.test', '--json'],
    ]);
    expect(add.status).toBe(0);
    created = JSON.parse(add.stdout) as WebhookCreated;
    expect(created).toMatchObject({ id: 2, events: ['asset.indexed', 'webhook.test'] });
    const list = runPackshot(dataDir, ['webhooks', 'list']);
    expect(list.stdout).toContain(`2  active  ${r.url}  asset.indexed,webhook.test`);
    expect(list.stdout).not.toContain('whsec_');
  });

  it('refuses hostile URLs and unknown events with exit 2', () => {
    for (const url of ['ftp://example.com/x', 'javascript:alert(1)', 'http://u:p@example.com/']) {
      const run = runPackshot(dataDir, ['webhooks', 'add', url, '--events', 'webhook.test']);
      expect(run.status, url).toBe(2);
      expect(run.stderr).toMatch(/webhook URL/);
    }
    const run = runPackshot(dataDir, ['webhooks', 'add', r.url, '--events', 'asset.eaten']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown event asset\.eaten/);
  });

  it('test sends webhook.test now and prints the outcome', async () => {
    const run = await spawnPackshot(dataDir, ['webhooks', 'test', String(created.id)]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^whd_\w+ {2}webhook 2 {2}webhook\.test {2}delivered {2}attempts 1 {2}HTTP 200\n$/,
    );
    const got = r.received.at(-1);
    expect(got?.event).toBe('webhook.test');
    const now = Math.floor(Date.now() / 1000);
    expect(verifySignature(created.secret, got?.signature ?? '', got?.body ?? '', now)).toBe(true);
  });

  it('one-shot catalog add and scan send their asset.indexed before they exit', async () => {
    const before = r.received.length;
    expect((await spawnPackshot(dataDir, ['catalog', 'add', photos])).status).toBe(0);
    const scan = await spawnPackshot(dataDir, ['scan']);
    expect(scan.status).toBe(0);
    const told = r.received.slice(before).filter((x) => x.event === 'asset.indexed');
    expect(told.reduce((n, x) => n + Number(x.json.data.count), 0)).toBe(FILES);
    // Batched (a slow first file may split the burst in two, never one per file).
    expect(told.length).toBeLessThan(FILES);
  });

  it('leaves no live delivery job behind a one-shot command', () => {
    const jobs = runPackshot(dataDir, ['jobs', '--json']);
    const rows = JSON.parse(jobs.stdout) as { name: string; state: string }[];
    const deliveries = rows.filter((j) => j.name === 'webhooks.deliver');
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((j) => j.state === 'done')).toBe(true);
  });

  it('deliveries shows the log; remove forgets the subscription and its log', () => {
    const log = runPackshot(dataDir, ['webhooks', 'deliveries', '2', '--json']);
    const rows = JSON.parse(log.stdout) as WebhookDelivery[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((d) => d.state === 'delivered')).toBe(true);
    expect(rows[0]?.event).toBe('asset.indexed');
    expect(rows.at(-1)?.event).toBe('webhook.test');
    expect(runPackshot(dataDir, ['webhooks', 'deliveries']).stdout).toMatch(
      /asset\.indexed {2}delivered/,
    );
    expect(runPackshot(dataDir, ['webhooks', 'remove', '2']).stdout).toBe('removed webhook 2\n');
    expect(runPackshot(dataDir, ['webhooks', 'deliveries', '2']).stdout).toBe('No deliveries.\n');
    const again = runPackshot(dataDir, ['webhooks', 'remove', '2']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/No webhook 2/);
  });
});
