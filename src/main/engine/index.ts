// The engine's entry point: the one module hosts import (lint enforces it).
export { createEngine, type Engine, type EngineOptions } from './create-engine';
export { VERSION } from './version';
export type { RenditionAnswer, RenditionRequest } from './renditions/rendition-service';
export { diagnoseLibrary, type LibraryReport } from './db/library-health';
export { isDamage } from './db/damaged-library';
export { salvageLibrary, type SalvageResult } from './db/library-salvage';
export { armFaults } from './faults/fault-points';
export { mediumOf } from './rights/channel-medium';
