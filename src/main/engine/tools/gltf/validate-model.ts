import { createRequire } from 'node:module';

// The Khronos glTF validator (gltf-validator, Apache-2.0: the reference validator compiled
// from Dart to JS). It reads the bytes itself; external files come from the same map the
// reader filled, so the validator never opens a path either.

interface ValidatorMessage {
  code: string;
  message: string;
  severity: number;
  pointer?: string;
}

interface ValidatorReport {
  issues: {
    numErrors: number;
    numWarnings: number;
    numInfos: number;
    numHints: number;
    messages: ValidatorMessage[];
  };
  info?: { totalTriangleCount?: number; generator?: string };
}

interface GltfValidator {
  version(): string;
  validateBytes(
    data: Uint8Array,
    options: {
      uri?: string;
      maxIssues?: number;
      writeTimestamp?: boolean;
      externalResourceFunction?: (uri: string) => Promise<Uint8Array>;
    },
  ): Promise<ValidatorReport>;
}

const requireValidator = createRequire(import.meta.url);
let loaded: GltfValidator | null = null;

export interface ModelValidation {
  validator: string;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /** The first messages, errors first: `CODE: message (pointer)`. */
  messages: { severity: 'error' | 'warning' | 'info' | 'hint'; code: string; text: string }[];
}

const SEVERITY = ['error', 'warning', 'info', 'hint'] as const;
const MESSAGES_KEPT = 5;

/** The validator's counts and first messages; `resource` answers the external files it asks. */
export async function validateModel(
  bytes: Uint8Array,
  name: string,
  resource: (uri: string) => Promise<Uint8Array>,
): Promise<ModelValidation> {
  loaded ??= requireValidator('gltf-validator') as GltfValidator;
  const report = await loaded.validateBytes(bytes, {
    uri: name,
    maxIssues: 200,
    writeTimestamp: false,
    externalResourceFunction: resource,
  });
  const sorted = [...report.issues.messages].sort((a, b) => a.severity - b.severity);
  return {
    validator: `gltf-validator ${loaded.version()}`,
    errors: report.issues.numErrors,
    warnings: report.issues.numWarnings,
    infos: report.issues.numInfos,
    hints: report.issues.numHints,
    messages: sorted.slice(0, MESSAGES_KEPT).map((m) => ({
      severity: SEVERITY[m.severity] ?? 'info',
      code: m.code,
      text: `${m.code}: ${m.message}${m.pointer ? ` (${m.pointer})` : ''}`,
    })),
  };
}
