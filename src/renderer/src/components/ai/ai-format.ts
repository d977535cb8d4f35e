// How AI results read in the UI: confidences as whole percents, suggested tag paths by
// their last level, objects one line per label, tasks by name.
import type { AiObject, AiTask } from '../../../../shared/ai-dto';

export function formatConfidence(confidence: number): string {
  return `${Math.round(confidence * 100)} %`;
}

/** `AI|Object|Wine Glass` → `Wine Glass`. */
export function tagLeaf(path: string): string {
  return path.split('|').at(-1)?.trim() ?? path;
}

export const TASK_LABELS: Record<AiTask, string> = {
  objects: 'Objects',
  faces: 'Faces',
  text: 'Text',
  embedding: 'Semantic search',
};

export interface ObjectLine {
  label: string;
  count: number;
  /** The best detection of the label. */
  confidence: number;
}

/** Detections at or above the threshold, one line per label, most confident first. */
export function objectLines(objects: readonly AiObject[], threshold: number): ObjectLine[] {
  const lines = new Map<string, ObjectLine>();
  for (const o of objects) {
    if (o.confidence < threshold) continue;
    const line = lines.get(o.label);
    if (line === undefined)
      lines.set(o.label, { label: o.label, count: 1, confidence: o.confidence });
    else {
      line.count++;
      line.confidence = Math.max(line.confidence, o.confidence);
    }
  }
  return [...lines.values()].sort(
    (a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label),
  );
}

export function peopleText(people: number): string {
  if (people === 0) return 'No one';
  return people === 1 ? '1 person' : `${people} people`;
}
