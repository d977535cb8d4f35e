// The AI's parts, built once for an engine (create-engine wires them): the results
// repository, the AI process, the `ai` job, suggestion edits, and when live engines queue it.
import type { JobProgress } from '../../../shared/dto';
import type { AiTask } from '../../../shared/ai-dto';
import type { Db } from '../db/open-database';
import type { EditLog } from '../edit/edit-log';
import type { EventBus } from '../events/event-bus';
import type { InteractiveGate } from '../jobs/interactive-gate';
import type { JobRegistry } from '../jobs/job-registry';
import { AiResultsRepo, type TaskModel } from '../repositories/ai-results-repo';
import type { TagRepo } from '../repositories/tag-repo';
import { clipModelId } from '../tools/ai/clip-files';
import { clipFolder } from './semantic-search';
import { AiWorker } from '../tools/ai/run-ai-worker';
// The names only: the models' code (onnxruntime, tfjs, tesseract) loads in the AI process.
import { OBJECTS_MODEL, FACES_MODEL, TEXT_MODEL } from '../tools/ai/model-names';
import { defineAiJob, type AiJobArgs } from './ai-job';
import { analysisSource, type SourceDeps } from './ai-source';
import { SuggestionEdits } from './suggestion-edits';

export interface AiPartsDeps extends SourceDeps {
  dataDir: string;
  db: Db;
  jobs: JobRegistry;
  edits: EditLog;
  tags: TagRepo;
  idsFor: (query: string) => number[];
  indexBusy: () => boolean;
  /** Someone is browsing: the AI waits before its next image. */
  interactive?: Pick<InteractiveGate, 'held'>;
  bus: EventBus;
  /** Queue the job after indexing and at start (the app, serve); one-shot commands do not. */
  live: boolean;
}

export interface AiParts {
  readonly repo: AiResultsRepo;
  readonly suggestions: SuggestionEdits;
  readonly clipDir: string;
  /** The tasks that can run now, with the model each would use. */
  tasks(): TaskModel[];
  /** The model that would run a task now (null: none, or any counts). */
  modelOf: (task: AiTask) => string | null;
  enqueue(args: AiJobArgs): number;
  /** Live engines: after each burst of indexing, what it added is analysed. */
  afterIndex(progress: JobProgress): void;
  /** Start-up is done: a live engine queues the job when something is not analysed yet. */
  started(): void;
  close(): Promise<void>;
}

const FIXED: Record<Exclude<AiTask, 'embedding'>, string> = {
  objects: OBJECTS_MODEL,
  faces: FACES_MODEL,
  text: TEXT_MODEL,
};

export function aiParts(deps: AiPartsDeps): AiParts {
  const repo = new AiResultsRepo(deps.db);
  const worker = new AiWorker();
  const clipDir = clipFolder(deps.dataDir);
  // The model's id names its files' sizes and times: a new model embeds again.
  const clip = (): { available: boolean; id: string | null } => {
    const id = clipModelId(clipDir);
    return { available: id !== null, id };
  };
  const tasks = (): TaskModel[] => {
    const fixed = (Object.keys(FIXED) as (keyof typeof FIXED)[]).map((task) => ({
      task,
      model: FIXED[task],
    }));
    const c = clip();
    return c.available ? [...fixed, { task: 'embedding', model: c.id }] : fixed;
  };
  const job = defineAiJob(deps.jobs, {
    db: deps.db,
    repo,
    tasks,
    clipDir,
    analyse: (request, signal) => worker.analyse(request, signal),
    source: (id) => analysisSource(deps, id),
    idsFor: deps.idsFor,
    indexBusy: deps.indexBusy,
    interactive: deps.interactive,
    changed: (assetIds, faces) => {
      deps.bus.emit('analyses.changed', { assetIds });
      // ai: terms and free words find them now; releases that followed a face group change
      // the rights check (release:, a photo's rights), so that event is a plain one.
      deps.bus.emit(
        'assets.changed',
        faces.linked > 0 ? { catalogId: null } : { catalogId: null, only: 'ai' },
      );
      if (faces.grouped > 0) deps.bus.emit('faceGroups.changed', {});
    },
  });
  let indexing = false;
  const queue = (): void => {
    try {
      job.enqueue({});
    } catch {
      // The engine is closing: the next start queues it.
    }
  };
  return {
    repo,
    suggestions: new SuggestionEdits(deps.db, deps.edits, deps.tags),
    clipDir,
    tasks,
    modelOf: (task) => (task === 'embedding' ? clip().id : FIXED[task]),
    enqueue: (args) => job.enqueue(args),
    started() {
      if (deps.live && repo.dueIds(tasks(), null).length > 0) queue();
    },
    afterIndex(progress) {
      if (!deps.live) return;
      const ended = indexing && !progress.running;
      indexing = progress.running;
      if (ended && progress.done > 0) queue();
    },
    close: () => worker.close(),
  };
}
