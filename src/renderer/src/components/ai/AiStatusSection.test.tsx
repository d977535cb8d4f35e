// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AiStatus } from '../../../../shared/ai-dto';
import type { JobInfo } from '../../../../shared/job-dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { makeStatus } from '../../test-support/fake-ai';
import { fakeEngine } from '../../test-support/fake-engine';
import { button, setValue } from '../../test-support/form-events';
import { labelled, press } from '../../test-support/interact';
import { byTestId, flush, oneByTestId } from '../../test-support/render';
import { JobsPanel } from '../jobs/JobsPanel';
import { AiStatusSection } from './AiStatusSection';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

const aiJob: JobInfo = {
  id: 7,
  name: 'ai',
  label: 'AI: objects, faces, text',
  state: 'running',
  progress: { done: 3, total: 10, rate: 1.5, etaSeconds: 5 },
  error: null,
  attempts: 1,
  cancelRequested: false,
  createdAt: '2026-01-01T00:00:00Z',
  startedAt: null,
  finishedAt: null,
  owner: 'this',
  ownerPid: 1,
};

/** The AI section (and the Jobs panel, open) on an engine whose status `status` holds. */
async function start(initial: Partial<AiStatus> = {}, jobs: JobInfo[] = []) {
  let status = makeStatus({ analysed: 1234, pending: 56, ...initial });
  const transport = fakeEngine()
    .handle('analyses.status', () => status)
    .handle('analyses.configure', ({ threshold }) => (status = { ...status, threshold }))
    .handle('analyses.pause', () => (status = { ...status, paused: true }))
    .handle('analyses.resume', () => (status = { ...status, paused: false }))
    .handle('analyses.run', () => ({ jobId: 7 }))
    .handle('jobs.list', () => jobs);
  harness = await startUi(
    <>
      <AiStatusSection />
      <JobsPanel />
    </>,
    transport,
  );
  act(() => harness!.stores.jobList.getState().toggle());
  await flush();
  const section = () => oneByTestId(harness!.root, 'ai-status');
  const setStatus = (next: Partial<AiStatus>) => (status = { ...status, ...next });
  return { transport, section, setStatus, root: harness.root };
}

describe('the AI section of the sidebar', () => {
  it('shows the counts, and which models are here with the reason one is not', async () => {
    const { section } = await start();
    expect(oneByTestId(section(), 'ai-counts').textContent).toBe('1,234 analysed · 56 to do');
    expect(section().querySelector('summary')?.textContent).toBe('Models: 3 of 4 here');
    const models = byTestId(section(), 'ai-model');
    expect(models.map((m) => m.dataset.available)).toEqual(['true', 'true', 'true', 'false']);
    expect(models[3]?.textContent).toBe(
      'Semantic search missing: no CLIP model in /data/models/clip',
    );
    expect(models[0]?.textContent).toBe('Objects CenterNet (COCO) (MIT)');
  });

  it('sends the threshold when the slider is let go, not on every move', async () => {
    const { transport, section } = await start();
    const slider = labelled(section(), 'Suggest from') as HTMLInputElement;
    expect(slider.value).toBe('40');
    setValue(slider, '55', 'input');
    expect(oneByTestId(section(), 'ai-threshold-value').textContent).toBe('55 %');
    expect(transport.callsOf('analyses.configure')).toEqual([]);
    await act(async () => {
      slider.dispatchEvent(new Event('change', { bubbles: true }));
      await Promise.resolve();
    });
    await flush();
    expect(transport.callsOf('analyses.configure')).toEqual([{ threshold: 0.55 }]);
    expect(harness!.stores.ai.getState().status?.threshold).toBe(0.55);
    expect((labelled(section(), 'Suggest from') as HTMLInputElement).value).toBe('55');
  });

  it('runs all, and pauses and resumes from the section', async () => {
    const { transport, section } = await start();
    await press(oneByTestId(section(), 'ai-run-all'));
    expect(transport.callsOf('analyses.run')).toEqual([{}]);
    await press(button(section(), 'Pause the AI'));
    expect(transport.callsOf('analyses.pause')).toEqual([{}]);
    expect(oneByTestId(section(), 'ai-paused').textContent).toBe('Paused');
    await press(button(section(), 'Resume the AI'));
    expect(transport.callsOf('analyses.resume')).toEqual([{}]);
    expect(byTestId(section(), 'ai-paused')).toHaveLength(0);
  });

  it('the ai job in the Jobs panel has Pause/Resume beside its progress; others do not', async () => {
    const other: JobInfo = { ...aiJob, id: 8, name: 'export', label: 'Export 8' };
    const { transport, root } = await start({}, [aiJob, other]);
    const jobs = byTestId(root, 'job');
    expect(jobs).toHaveLength(2);
    const [ai, exportJob] = jobs as [HTMLElement, HTMLElement];
    expect(ai.querySelector('progress')?.getAttribute('value')).toBe('3');
    expect(exportJob.textContent).not.toContain('Pause');
    await press(button(ai, 'Pause the AI'));
    expect(transport.callsOf('analyses.pause')).toEqual([{}]);
    // Both places follow the one status.
    expect(byTestId(root, 'ai-paused')).toHaveLength(2);
    await press(button(ai, 'Resume the AI'));
    expect(transport.callsOf('analyses.resume')).toEqual([{}]);
  });

  it('reads the status again once the AI job has moved on', async () => {
    const { transport, section, setStatus } = await start();
    setStatus({ analysed: 1240, pending: 50 });
    act(() => transport.emit('jobs.changed', { job: aiJob }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    await flush();
    expect(oneByTestId(section(), 'ai-counts').textContent).toBe('1,240 analysed · 50 to do');
    // Another job's progress is not the AI's business.
    const reads = transport.callsOf('analyses.status').length;
    act(() => transport.emit('jobs.changed', { job: { ...aiJob, name: 'export' } }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(transport.callsOf('analyses.status')).toHaveLength(reads);
  });

  it('every control is labelled and reachable by keyboard', async () => {
    const { section } = await start();
    const controls = [...section().querySelectorAll<HTMLElement>('button, input, summary')];
    expect(controls.length).toBe(4);
    for (const c of controls) {
      expect(c.tabIndex).toBe(0);
      const named =
        c.getAttribute('aria-label') ??
        (c instanceof HTMLInputElement ? c.labels?.[0]?.textContent : c.textContent);
      expect((named ?? '').trim()).not.toBe('');
    }
  });
});
