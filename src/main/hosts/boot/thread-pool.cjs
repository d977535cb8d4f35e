// How many cores Packshot uses, and libuv's thread pool sized to them. CommonJS on purpose:
// libuv reads UV_THREADPOOL_SIZE once, when its pool starts (4 threads by default), and
// Node reads an ES module entry through that pool, so by the time an ES module runs it is
// too late. The built entries (out/main/cli.cjs, out/main/index.cjs, bin/packshot.cjs)
// require this first, then the app.
'use strict';
const { availableParallelism } = require('node:os');

/** libuv's own limit. */
const POOL_MAX = 1024;
/** Threads kept for file reads beside one sharp pipeline per core (libuv's default size). */
const IO_THREADS = 4;

/**
 * Cores this process may use: what the OS allows it (taskset and cgroup affinity
 * included), or PACKSHOT_CORES when set (benches and tests).
 * @param {NodeJS.ProcessEnv} env
 */
function coreCount(env) {
  const forced = Number(env.PACKSHOT_CORES);
  return Number.isInteger(forced) && forced >= 1 ? forced : availableParallelism();
}

/**
 * One thread per core for sharp's pipelines (the index queue runs one per core), and four
 * more so reads, stats and hashing chunks never queue behind a decode.
 * @param {number} cores
 */
function threadPoolSize(cores) {
  return Math.min(POOL_MAX, cores + IO_THREADS);
}

/**
 * Sets UV_THREADPOOL_SIZE for this process unless the user set it; returns the size.
 * Call before any asynchronous fs, crypto, dns or sharp call.
 * @param {NodeJS.ProcessEnv} env
 */
function sizeThreadPool(env) {
  if (!env.UV_THREADPOOL_SIZE) env.UV_THREADPOOL_SIZE = String(threadPoolSize(coreCount(env)));
  return Number(env.UV_THREADPOOL_SIZE);
}

module.exports = { coreCount, threadPoolSize, sizeThreadPool };
