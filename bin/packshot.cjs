#!/usr/bin/env node
// Launcher for `npx packshot`: sizes libuv's thread pool to the cores first (CommonJS, so
// nothing has started the pool yet: src/main/hosts/boot/thread-pool.cjs), builds the app
// when the build is missing or stale (a fresh clone after `npm install`), then runs the
// command line. Node ≥ 20.19 loads the ES modules below with a synchronous require.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const sizer = join(root, 'src', 'main', 'hosts', 'boot', 'thread-pool.cjs');
// An installed package ships its build only.
require(existsSync(sizer) ? sizer : join(root, 'out', 'main', 'thread-pool.cjs')).sizeThreadPool(
  process.env,
);

const { ensureBuild } = require('../scripts/ensure-build.mjs');
if (!ensureBuild(root)) process.exit(1);
require(join(root, 'out', 'main', 'cli.js'));
