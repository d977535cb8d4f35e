// The names of what finds results (ai_runs.model), apart from the models' code: the engine
// reads them to know what is due without loading tfjs or tesseract into its process.

/** Objects and faces (@vladmandic/human): a new model version runs again. */
export const OBJECTS_MODEL = 'human-3.3/centernet-coco';
export const FACES_MODEL = 'human-3.3/blazeface+faceres';

/** Text in images (tesseract.js, English). */
export const TEXT_MODEL = 'tesseract-7/eng-4.0.0-best-int';
