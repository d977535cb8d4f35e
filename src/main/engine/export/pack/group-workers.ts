// Hands a queue of source groups to `count` workers. Each worker takes its first group
// before any worker takes a second: a worker takes its next group as soon as it starts
// (to read that source while it renders), so workers started one by one let the first
// take two groups before the second had one, and a pack of two sources at concurrency 2
// ran on one worker.
export async function runGroupWorkers<G>(
  queue: G[],
  count: number,
  worker: (first: G | undefined) => Promise<void>,
): Promise<void> {
  const firsts = Array.from({ length: Math.max(1, count) }, () => queue.shift());
  await Promise.all(firsts.map(worker));
}
