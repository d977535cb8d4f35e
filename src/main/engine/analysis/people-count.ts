// How many people are in a frame: every face, plus each body the object detector is sure
// of (a `person` at PERSON_CONFIDENCE or more) that holds no face's centre, such as someone
// with their back turned. Pure: the AI's result writer and its readers share it.
import { PERSON_CONFIDENCE } from '../../../shared/ai-dto';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const holds = (body: Box, face: Box): boolean => {
  const cx = face.x + face.w / 2;
  const cy = face.y + face.h / 2;
  return cx >= body.x && cx <= body.x + body.w && cy >= body.y && cy <= body.y + body.h;
};

export function countPeople(
  objects: readonly (Box & { label: string; confidence: number })[],
  faces: readonly Box[],
): number {
  const bodies = objects.filter(
    (o) =>
      o.label === 'person' && o.confidence >= PERSON_CONFIDENCE && !faces.some((f) => holds(o, f)),
  );
  return faces.length + bodies.length;
}
