// What an export leaves in the library beside its pack: the usage rows of every file the
// committed manifest lists (synced under the pack's lock, so two exports into one folder
// sync in the order they committed), and its start and finish in the audit log.
import type { ExportSummary } from '../../../shared/export-dto';
import type { Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import type { AuditLog } from '../repositories/audit-log-repo';
import { UsageRepo, type SyncCounts } from '../repositories/usage-repo';
import type { ExportArgs } from './export-jobs';
import type { PackEntry } from './pack/manifest';

export class ExportRecords {
  private readonly usage: UsageRepo;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {
    this.usage = new UsageRepo(db);
  }

  /** The pack's files as its manifest now lists them (adopted and unchanged ones too). */
  packed(pack: string, files: readonly PackEntry[]): SyncCounts {
    return writeTransaction(this.db, () =>
      this.usage.sync(
        pack,
        // A poster is the video's picture, not another use of it: the video's row covers it.
        files
          .filter((e) => e.kind !== 'poster')
          .map((e) => ({
            file: e.file,
            assetId: e.sourceAssetId,
            versionHash: e.sourceHash,
            channel: e.channel,
            presetId: e.presetId,
            productId: e.productId,
            sku: e.sku,
          })),
      ),
    );
  }

  started(jobId: number, args: ExportArgs): void {
    if (args.dryRun) return;
    this.audit.record({
      action: 'export.start',
      subject: { kind: 'export', id: jobId },
      after: {
        channels: args.channels,
        out: args.out,
        query: args.query ?? null,
        productIds: args.productIds ?? null,
        failures: args.failures,
      },
    });
  }

  /** A run that threw (a lock held elsewhere, a folder that cannot be written). */
  failed(jobId: string, args: ExportArgs, error: unknown): void {
    if (args.dryRun) return;
    this.audit.record({
      action: 'export.finish',
      subject: { kind: 'export', id: jobId },
      after: {
        state: 'failed',
        out: args.out,
        error: error instanceof Error ? error.message : String(error),
      },
    });
  }

  finished(summary: ExportSummary): void {
    if (summary.dryRun) return;
    this.audit.record({
      action: 'export.finish',
      subject: { kind: 'export', id: summary.jobId },
      after: {
        state: summary.state,
        out: summary.out,
        presets: summary.presets,
        products: summary.products,
        rendered: summary.rendered,
        unchanged: summary.unchanged,
        skipped: summary.skipped,
        warned: summary.warned,
        failed: summary.failed,
        removed: summary.removed,
      },
    });
  }
}
