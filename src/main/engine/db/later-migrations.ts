// Migrations from 15 on, one file of SQL each (described beside it), listed here so that
// migrations.ts stays a readable size. Same rules: never edit a shipped step, add one.
import { AI_SCHEMA } from './ai-schema';
import { APPROVAL_UNDONE_SCHEMA } from './approval-undone-schema';
import { AUDIT_ASSETS_SCHEMA } from './audit-assets-schema';
import { FILE_IDENTITY_SCHEMA } from './file-identity-schema';
import { JOBS_SCHEMA } from './jobs-schema';
import { MEDIA_FACTS_SCHEMA } from './media-facts-schema';
import type { Migration } from './migrations';
import { RIGHTS_SCHEMA } from './rights-schema';
import { SPINS_SCHEMA } from './spins-schema';
import { USAGE_AUDIT_SCHEMA } from './usage-audit-schema';
import { VERSION_STORE_SCHEMA } from './version-store-schema';
import { WEBHOOKS_SCHEMA } from './webhooks-schema';
import { WHITE_BORDER_SCHEMA } from './white-border-schema';

export const LATER_MIGRATIONS: Migration[] = [
  { version: 15, sql: JOBS_SCHEMA }, // durable jobs (jobs/)
  { version: 16, sql: FILE_IDENTITY_SCHEMA }, // inode and device of each file
  { version: 17, sql: RIGHTS_SCHEMA }, // licences, releases, approvals, claims, settings
  { version: 18, sql: VERSION_STORE_SCHEMA }, // clone support, versions by hash
  { version: 19, sql: USAGE_AUDIT_SCHEMA }, // where used, audit log
  { version: 20, sql: AUDIT_ASSETS_SCHEMA }, // the assets each audit row names
  { version: 21, sql: APPROVAL_UNDONE_SCHEMA }, // undone decisions stay, marked
  { version: 22, sql: MEDIA_FACTS_SCHEMA }, // facts of video, documents, models, spins
  { version: 23, sql: SPINS_SCHEMA }, // 360° spins: ordered frames, one tile
  { version: 24, sql: WEBHOOKS_SCHEMA }, // webhook subscriptions, deliveries, media seen
  { version: 25, sql: AI_SCHEMA }, // what offline models found: objects, faces, text, embeddings
  { version: 26, sql: WHITE_BORDER_SCHEMA }, // the thumbnail's border all pure white (export)
];
