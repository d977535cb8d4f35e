// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, expect, it } from 'vitest';
import type { JobInfo } from '../../../../shared/job-dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { press } from '../../test-support/interact';
import { byTestId, flush } from '../../test-support/render';
import { StatusBar } from '../StatusBar';
import { JobsPanel } from './JobsPanel';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

function job(id: number, overrides: Partial<JobInfo> = {}): JobInfo {
  return {
    id,
    name: 'export',
    label: `Export ${id}`,
    state: 'queued',
    progress: { done: 0, total: 0, rate: 0, etaSeconds: null },
    error: null,
    attempts: 0,
    cancelRequested: false,
    createdAt: '2026-01-01T00:00:00Z',
    startedAt: null,
    finishedAt: null,
    owner: 'this',
    ownerPid: 100,
    ...overrides,
  };
}

const running = job(1, {
  state: 'running',
  progress: { done: 30, total: 120, rate: 12.5, etaSeconds: 90 },
  owner: 'other',
  ownerPid: 4242,
});
const waiting = job(2);
const failed = job(3, { state: 'failed', error: 'disk full' });

async function start(jobs: JobInfo[]) {
  const transport = fakeEngine();
  let listed = jobs;
  transport
    .handle('jobs.list', () => listed)
    .handle('jobs.cancel', () => ({ cancelled: true }))
    .handle('jobs.retry', ({ id }) => job(id, { state: 'queued', attempts: 2 }));
  harness = await startUi(
    <>
      <JobsPanel />
      <StatusBar />
    </>,
    transport,
  );
  const root = harness.root;
  const button = (name: string): HTMLButtonElement => {
    const found = [...root.querySelectorAll('button')].find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
    );
    if (!found) throw new Error(`no button named "${name}"`);
    return found;
  };
  const setListed = (next: JobInfo[]) => (listed = next);
  return { transport, root, button, setListed };
}

it('opens from the status bar: what runs, what waits, what failed and why', async () => {
  const { root, button } = await start([running, waiting, failed]);
  expect(root.querySelector('[aria-label="Jobs"]')).toBeNull();
  const toggle = button('Jobs (2) · failed');
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  await press(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');

  const group = (name: string) => root.querySelector(`section[aria-label="${name}"]`);
  expect(group('Running')?.textContent).toContain('Export 1');
  expect(group('Waiting')?.textContent).toContain('Export 2');
  expect(group('Failed')?.textContent).toContain('disk full');
  const bar = root.querySelector('progress[aria-label="Export 1: progress"]');
  expect(bar?.getAttribute('value')).toBe('30');
  expect(bar?.getAttribute('max')).toBe('120');
  expect(byTestId(root, 'job-rate')[0]?.textContent).toBe('12.5/s');
  expect(byTestId(root, 'job-eta')[0]?.textContent).toBe('1 min 30 s left');
  expect(group('Running')?.textContent).toContain('another Packshot process (4242)');

  await press(button('Close jobs'));
  expect(root.querySelector('[aria-label="Jobs"]')).toBeNull();
});

it('cancels a live job and retries a failed one', async () => {
  const { transport, button } = await start([running, failed]);
  await press(button('Jobs (1) · failed'));
  await press(button('Cancel Export 1'));
  expect(transport.callsOf('jobs.cancel')).toEqual([{ id: 1 }]);
  await press(button('Retry Export 3'));
  expect(transport.callsOf('jobs.retry')).toEqual([{ id: 3 }]);
  // The retried job waits again; nothing has failed now.
  expect(button('Jobs (2)').getAttribute('aria-expanded')).toBe('true');
});

it('follows jobs.changed: a job moves on, a null change reads the list again', async () => {
  const { transport, root, button, setListed } = await start([running]);
  await press(button('Jobs (1)'));
  act(() =>
    transport.emit('jobs.changed', {
      job: { ...running, progress: { done: 60, total: 120, rate: 10, etaSeconds: 6 } },
    }),
  );
  const bar = root.querySelector('progress[aria-label="Export 1: progress"]');
  expect(bar?.getAttribute('value')).toBe('60');

  setListed([{ ...running, state: 'done' }, waiting]);
  act(() => transport.emit('jobs.changed', { job: null }));
  await flush();
  expect(transport.callsOf('jobs.list')).toHaveLength(2);
  expect(byTestId(root, 'job').map((j) => j.dataset.state)).toEqual(['queued', 'done']);
});
