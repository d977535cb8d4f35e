// The fault hook refuses what it cannot honour, and does nothing when not armed.
import { expect, it } from 'vitest';
import { armFaults, FAULT_POINTS, faultPoint } from './fault-points';

it('refuses unknown points and hits below 1, with the spec in the message', () => {
  expect(() => armFaults('export.nowhere:1')).toThrow(/'export.nowhere:1'/);
  expect(() => armFaults('export.before-rename:0')).toThrow(/point:N/);
  expect(() => armFaults('export.before-rename')).toThrow(/point:N/);
});

it('is inert when not armed: every point passes', () => {
  armFaults(undefined);
  armFaults('');
  for (const point of FAULT_POINTS) faultPoint(point);
  expect(FAULT_POINTS.length).toBeGreaterThan(15);
});
