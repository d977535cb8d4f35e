// One asset's analysis written in one transaction: each task's run (with its error, if
// any) and rows, the suggested tags (decisions kept), the free-words row, and the link
// suggestions for the text it read. Written only while the asset still has the content that
// was analysed: a file changed meanwhile is due again, and its stale results are dropped.
import type { AiTask } from '../../../shared/ai-dto';
import type { Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import { AGAIN, type AiResultsRepo, type TaskModel } from '../repositories/ai-results-repo';
import { aiThreshold } from '../repositories/ai-settings';
import type { ImageAnalysis } from '../tools/ai/analyse-image';
import { suggestLinks } from './link-suggestions';

/** What one asset gave, for the job's summary. */
export interface WrittenCounts {
  objects: number;
  faces: number;
  text: boolean;
  errors: number;
}

export function writeResults(
  db: Db,
  repo: AiResultsRepo,
  input: { assetId: number; hash: string; tasks: readonly TaskModel[]; analysis: ImageAnalysis },
): WrittenCounts | null {
  const { assetId: id, hash, analysis } = input;
  return writeTransaction(db, () => {
    if (repo.hashOf(id) !== hash) return null;
    const counts: WrittenCounts = { objects: 0, faces: 0, text: false, errors: 0 };
    const before = new Map(repo.runsOf(id).map((r) => [r.task, r.content_hash]));
    const sameContent = (task: AiTask): boolean =>
      before.get(task) === hash || before.get(task) === `${AGAIN}${hash}`;
    for (const { task, model } of input.tasks) {
      const error = analysis.errors[task] ?? missing(task, analysis) ?? notNumbers(task, analysis);
      const used = task === 'embedding' ? (analysis.embedding?.model ?? model) : model;
      repo.writeRun(id, task, hash, used ?? 'unknown', error);
      if (error) counts.errors++;
      switch (task) {
        case 'objects':
          repo.replaceObjects(id, error ? [] : (analysis.objects ?? []));
          counts.objects = error ? 0 : (analysis.objects?.length ?? 0);
          break;
        case 'faces':
          repo.replaceFaces(id, error ? [] : (analysis.faces ?? []), sameContent('faces'));
          counts.faces = error ? 0 : (analysis.faces?.length ?? 0);
          break;
        case 'text': {
          const text = error ? null : (analysis.text ?? null);
          repo.replaceText(id, text);
          counts.text = (text?.text ?? '') !== '';
          suggestLinks(db, id, text?.text ?? '');
          break;
        }
        case 'embedding':
          repo.replaceEmbedding(
            id,
            used ?? '',
            error ? null : (analysis.embedding?.vector ?? null),
          );
          break;
      }
    }
    repo.writeWords(id, aiThreshold(db));
    return counts;
  });
}

/** A task asked for that came back with neither a result nor an error. */
function missing(task: AiTask, analysis: ImageAnalysis): string | null {
  const present =
    task === 'objects'
      ? analysis.objects
      : task === 'faces'
        ? analysis.faces
        : task === 'text'
          ? analysis.text
          : analysis.embedding;
  return present === undefined ? 'the model gave no answer' : null;
}

/** An image vector holding NaN or Infinity (a brought model that overflowed): not kept. */
function notNumbers(task: AiTask, analysis: ImageAnalysis): string | null {
  if (task !== 'embedding' || !analysis.embedding) return null;
  return analysis.embedding.vector.every(Number.isFinite)
    ? null
    : 'the model gave an image vector that is not a number (NaN or Infinity)';
}
