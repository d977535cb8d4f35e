// The command line: `packshot [--data DIR] <command>`. Every command calls the engine
// through the contract; exit 0 on success, 2 on a usage error, 1 on failure.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PackshotError } from '../../../shared/errors';
import { armFaults, createEngine, VERSION, type Engine } from '../../engine';
import { leanHeap } from './lean-heap';
import { coreCount } from '../boot/thread-pool.cjs';
import { defaultDataDir } from '../data-dir';
import { UsageError, type CliContext } from './cli-context';
import { API_ACCESS_OPTIONS } from './api-access-flags';
import { aiCommand } from './commands/ai-command';
import { assetsCommand } from './commands/assets-command';
import { catalogCommand } from './commands/catalog-command';
import { collectionsCommand } from './commands/collections-command';
import { checkCommand } from './commands/check-command';
import { approvalCommand, releaseCommand, rightsCommand } from './commands/rights-commands';
import { RIGHTS_OPTIONS, rightsFlags } from './rights-flags';
import { doctorCommand } from './commands/doctor-command';
import { exportCommand } from './commands/export-command';
import { jobsCommand } from './commands/jobs-command';
import { presetsCommand } from './commands/presets-command';
import { flagCommand, rateCommand, tagCommand } from './commands/edit-commands';
import { linkCommand } from './commands/link-command';
import { productsCommand } from './commands/products-command';
import { scanCommand } from './commands/scan-command';
import { spinsCommand } from './commands/spins-command';
import { versionsCommand } from './commands/versions-command';
import { auditCommand, takedownCommand, usageCommand } from './commands/usage-commands';
import { webhooksCommand } from './commands/webhooks-command';

const USAGE = `Packshot ${VERSION}: offline manager for product media.

usage: packshot [--data DIR] <command>

  catalog add PATH        register a folder and list its files
  catalog list [--json]   registered folders with counts
  catalog remove ID       forget a folder (files on disk are untouched)
  catalog config ID --xmp off|sidecar|embedded
                          write keywords, rating and label back to XMP (RAW: sidecar)
  catalog rules ID [--set FILE.json] [--apply] [--json]
                          intake rules (tags from folders, names, EXIF; naming
                          convention): print, replace, apply to indexed files
  scan [--json]           index every catalog to completion
  assets --json [--query Q]
                          every asset (or those Q finds) as one JSON array
  tag add|remove TAG --query Q
                          tag every asset Q finds (one undoable step)
  rate 0-5 --query Q      rate every asset Q finds (one undoable step)
  flag pick|reject|none --query Q
                          flag every asset Q finds
  collections list [--json]
                          saved searches and manual collections, with counts
  collections save NAME [--query Q]
                          save a search (without --query: an empty manual collection)
  spins list [--json]     360° spins with their frame counts and warnings
  spins create --query Q --name NAME | spins create --rule TEMPLATE [--query Q]
                          a spin of the images Q finds (ordered by the numbers in their
                          names), or one per key of a naming rule: '{sku}_spin_{frame}'
  spins export --out DIR [--channel PRESET]
                          each spin's frames at the preset's size (default amazon-main),
                          a sprite sheet with its layout, Amazon's 360 zip per SKU
  products import FILE [--map JSON]
                          create or update products by SKU from a CSV (Shopify, Akeneo
                          or any; --map '{"sku":"Article","name":"Title"}')
  products list [--json]  products with their linked files by role and order
  link rules apply [--rule REGEX] [--dry-run]
                          link files to products by name (default: the app's rules, or
                          {sku}_{position}); one undoable step
  export --channel ID[,ID] --out DIR [--query Q] [--dry-run] [--failures skip|warn]
         [--base-url URL] [--approved-only] [--territory XX] [--json]
                          write channel packs (IDs: presets or channels, e.g. amazon);
                          Q picks products by SKU or name, or by one of their own files:
                          'sku:AB-1 OR sku:AB-2', 'tag:Summer rating>=4'
  check --channel ID[,ID] [--query Q] [--approved-only] [--territory XX] [--json]
                          pre-flight: every product's images against the channel's rules
                          and the rights check (Q picks products as export's does)
  rights set --query Q --licensor NAME --type TYPE [--starts DATE] [--ends DATE]
         [--channels a,b] [--territories XX,YY | --exclude-territories XX,YY]
         [--credit TEXT]
                          the assets Q finds hold exactly this licence (TYPE: owned,
                          work-for-hire, royalty-free, rights-managed, editorial,
                          creative-commons; dates YYYY-MM-DD; territories ISO
                          3166-1 alpha-2, UK read as GB)
  rights list [--expiring DAYS]
                          licences (those ending within DAYS, or ended)
  release add --query Q --kind model|property|minor --signed DATE [--expires DATE]
         [--file PATH]    record a release and attach it to the assets Q finds
  approval set approved|rejected|in-review --query Q [--comment TEXT] [--who NAME]
                          a decision on each file's current content
  presets list [--json] | presets show ID
                          the channel presets (built in and yours)
  versions list ID | versions replace ID FILE | versions restore ID N [--json]
                          an asset's versions (which can be restored); replace its
                          file keeping the old bytes; restore one as a new version
  usage ID [--json]       where an asset went: every pack file, now and before
  takedown [--days N] [--csv FILE] [--force] [--json]
                          files still in packs whose licence ends within N days
                          (default 30) or has ended; --csv writes them (never over an
                          existing file without --force)
  audit [--since DATE] [--after-id N] [--json] | audit verify [--json]
                          the hash-chained log of changes (all of it, or the rows after
                          id N); verify exits 1 when a row was edited, moved or deleted
  ai run [--query Q] [--only objects,faces,text,embedding] [--again] [--json]
                          the offline AI over the assets Q finds (those not analysed
                          for their current content; --again: all of them), here
  ai status | pause | resume | threshold N
                          models, what is left, the pause (kept), the confidence shown
  ai accept|reject --query Q [--tag PATH]
                          suggested tags (AI|Object|Cup) of the assets Q finds: accept
                          makes them real tags (one undo step); reject keeps them away
  jobs [--json]           durable jobs (exports, XMP writes…), whichever process runs them
  webhooks add URL --events a,b [--json]
                          POST signed events to URL (product.media.changed, asset.indexed,
                          export.finished, rights.expiring, webhook.test); prints the
                          secret once
  webhooks list | remove ID | test ID | deliveries [ID] [--json]
                          subscriptions; send webhook.test now; the delivery log
  serve [--port N]        browser mode on 127.0.0.1 (prints the address to open)
  serve --host ADDRESS --api-keys FILE [--port N]
                          also serve the headless API (/api/v1/) on ADDRESS, to API
                          keys only; the app and editing stay on this machine
  api-keys add NAME --scopes read[,render] [--rate N] --file FILE
                          a new API key (printed once; the file keeps its SHA-256)
  api-keys list [--json] --file FILE | api-keys remove NAME --file FILE
  sign-url PATH --expires 1h|ISO --key NAME --file FILE
                          a /api/v1/ GET path signed with the keys file's secret
  doctor [--full] [--salvage] [--json]
                          check the library (integrity, keys, schema, WAL, folders,
                          temp files) without changing it, and say what to do;
                          --salvage copies what reads into packshot.db.salvaged

options:
  --data DIR   data folder (default: the desktop app's, or $PACKSHOT_DATA)
  --json       machine-readable output
  --query Q    the search language: red sneaker tag:Shoes format:raw width>=2000
               taken:2026-05 camera:canon missing error dupes, AND OR NOT ( )
               sku:AB-12 product:sneaker no:product kind:spin
               rights:expired|expiring|none licence:"NAME" approval:approved
               kind:video|document|model duration>30 (s; 2m) pages>10 fps>=50
               codec:h264 audio:yes triangles<100000 text:"quick start"
               ai:cup ai:"wine glass" ai:pending ai:none ai:analysed ai:error
               people:yes|no release:missing|ok face:"NAME" (a face group)
               ~"red shoe on rocks" (by meaning) like:123 (looks like asset 123)
  -h, --help   this text
`;

const COMMANDS: Record<string, (ctx: CliContext) => Promise<void>> = {
  catalog: catalogCommand,
  scan: scanCommand,
  assets: assetsCommand,
  rate: rateCommand,
  tag: tagCommand,
  flag: flagCommand,
  collections: collectionsCommand,
  spins: spinsCommand,
  products: productsCommand,
  link: linkCommand,
  // The HTTP host and the headless API's schemas load only for the commands that use them.
  serve: async (ctx) => (await import('./commands/serve-command')).serveCommand(ctx),
  export: exportCommand,
  check: checkCommand,
  rights: rightsCommand,
  release: releaseCommand,
  approval: approvalCommand,
  presets: presetsCommand,
  jobs: jobsCommand,
  ai: aiCommand,
  versions: versionsCommand,
  usage: usageCommand,
  takedown: takedownCommand,
  audit: auditCommand,
  webhooks: webhooksCommand,
};

async function main(argv: string[]): Promise<number> {
  let engine: Engine | undefined;
  let dataDir: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
        port: { type: 'string' },
        query: { type: 'string' },
        xmp: { type: 'string' },
        // products and channel packs
        map: { type: 'string' },
        rule: { type: 'string' },
        name: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        channel: { type: 'string' },
        out: { type: 'string' },
        // intake rules
        set: { type: 'string' },
        apply: { type: 'boolean', default: false },
        failures: { type: 'string' },
        'base-url': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
        // doctor
        full: { type: 'boolean', default: false },
        salvage: { type: 'boolean', default: false },
        // where used and audit
        days: { type: 'string' },
        csv: { type: 'string' },
        force: { type: 'boolean', default: false },
        since: { type: 'string' },
        'after-id': { type: 'string' },
        events: { type: 'string' }, // webhooks add
        only: { type: 'string' }, // ai run
        again: { type: 'boolean', default: false },
        tag: { type: 'string' }, // ai accept / reject
        ...RIGHTS_OPTIONS,
        ...API_ACCESS_OPTIONS,
      },
    });
    if (values.version) {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const [name, ...rest] = positionals;
    if (values.help || !name) {
      process.stdout.write(USAGE);
      return values.help ? 0 : 2;
    }
    // Before any engine: opening one migrates the library, and fails on a damaged one.
    if (name === 'doctor') {
      return doctorCommand({
        dataDir: values.data ?? defaultDataDir(),
        json: values.json ?? false,
        full: values.full ?? false,
        salvage: values.salvage ?? false,
        out: process.stdout,
      });
    }
    // The keys file only: no library is opened.
    if (name === 'api-keys' || name === 'sign-url') {
      const { apiKeysCommand } = await import('./commands/api-keys-command');
      return await apiKeysCommand({
        command: name,
        positionals: rest,
        file: values.file,
        scopes: values.scopes,
        rate: values.rate,
        key: values.key,
        expires: values.expires,
        json: values.json ?? false,
        out: process.stdout,
        err: process.stderr,
      });
    }
    // Own keys only: `packshot constructor` is no command.
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`unknown command '${name}' (see packshot --help)`);
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
      throw new UsageError(`--port takes a number from 0 to 65535, not '${values.port}'`);
    }
    // Only the long-running command watches folders; one-shot commands reconcile on `scan`.
    dataDir = values.data ?? defaultDataDir();
    if (name === 'serve') leanHeap(); // before the engine's start-up reconcile
    // As many cores as the entry sized the thread pool for (bin/packshot.cjs, out/main/cli.cjs).
    engine = createEngine({
      dataDir,
      watch: name === 'serve',
      concurrency: coreCount(process.env),
    });
    await command({
      engine,
      positionals: rest,
      flags: {
        json: values.json ?? false,
        port,
        query: values.query,
        xmp: values.xmp,
        map: values.map,
        rule: values.rule,
        name: values.name,
        dryRun: values['dry-run'] ?? false,
        channel: values.channel,
        out: values.out,
        set: values.set,
        apply: values.apply ?? false,
        failures: values.failures,
        baseUrl: values['base-url'],
        days: values.days,
        csv: values.csv,
        force: values.force ?? false,
        since: values.since,
        afterId: values['after-id'],
        events: values.events,
        only: values.only,
        again: values.again ?? false,
        tag: values.tag,
        rights: rightsFlags(values),
        host: values.host,
        apiKeys: values['api-keys'],
      },
      rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
      out: process.stdout,
      err: process.stderr,
    });
    return 0;
  } catch (error) {
    const usage =
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const invalid = error instanceof PackshotError && error.code === 'invalid_argument';
    process.stderr.write(`packshot: ${error instanceof Error ? error.message : String(error)}\n`);
    // A bad page met mid-command: the engine's message cannot know which data folder.
    if (dataDir && error instanceof Error && error.message.startsWith('The library is damaged')) {
      process.stderr.write(
        `packshot: library: ${dataDir}; run: packshot --data "${dataDir}" doctor\n`,
      );
    }
    return usage || invalid ? 2 : 1;
  } finally {
    await engine?.close();
  }
}

// `packshot assets --json | head` closes the pipe early: that is not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// A test hook, read once here: kill points for the crash suite (engine/faults). The app
// never arms them.
try {
  armFaults(process.env.PACKSHOT_FAULT);
} catch (error) {
  process.stderr.write(`packshot: ${(error as Error).message}\n`);
  process.exit(2);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`packshot: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
