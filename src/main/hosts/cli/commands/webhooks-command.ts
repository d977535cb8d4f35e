import {
  WEBHOOK_EVENTS,
  type WebhookDelivery,
  type WebhookEvent,
} from '../../../../shared/webhook-dto';
import { call, UsageError, writeJson, type CliContext } from '../cli-context';

const USAGE = `usage: packshot webhooks add URL --events ${WEBHOOK_EVENTS.join(',')} [--json]
       packshot webhooks list | remove ID | test ID | deliveries [ID] [--json]`;

/** `webhooks add|list|remove|test|deliveries`: subscriptions and their delivery log. */
export async function webhooksCommand(ctx: CliContext): Promise<void> {
  const [verb, arg, ...extra] = ctx.positionals;
  if (extra.length > 0) throw new UsageError(USAGE);
  const { engine, out } = ctx;
  const json = ctx.flags.json;
  if (verb === 'add') {
    if (!arg || !ctx.flags.events) throw new UsageError(USAGE);
    const events = ctx.flags.events.split(',').map((e) => e.trim());
    const unknown = events.filter((e) => !(WEBHOOK_EVENTS as readonly string[]).includes(e));
    if (unknown.length > 0)
      throw new UsageError(
        `unknown event ${unknown.join(', ')}; events: ${WEBHOOK_EVENTS.join(', ')}`,
      );
    const sub = await call(engine, 'webhooks.add', { url: arg, events: events as WebhookEvent[] });
    if (json) return writeJson(out, sub);
    out.write(`webhook ${sub.id}: ${sub.url} (${sub.events.join(', ')})\n`);
    out.write(`secret: ${sub.secret}\n(shown this once: keep it to verify x-packshot-signature)\n`);
    return;
  }
  if (verb === 'list') {
    if (arg) throw new UsageError(USAGE);
    const subs = await call(engine, 'webhooks.list', {});
    if (json) return writeJson(out, subs);
    if (subs.length === 0) out.write('No webhooks.\n');
    for (const s of subs)
      out.write(`${s.id}  ${s.active ? 'active' : 'paused'}  ${s.url}  ${s.events.join(',')}\n`);
    return;
  }
  if (verb === 'remove' || verb === 'test') {
    const id = idOf(arg);
    if (verb === 'remove') {
      const outcome = await call(engine, 'webhooks.remove', { id });
      if (json) return writeJson(out, outcome);
      if (!outcome.removed) throw new Error(`No webhook ${id}`);
      out.write(`removed webhook ${id}\n`);
      return;
    }
    const delivery = await call(engine, 'webhooks.test', { id });
    if (json) writeJson(out, delivery);
    else out.write(`${line(delivery)}\n`);
    if (delivery.state !== 'delivered') process.exitCode = 1;
    return;
  }
  if (verb === 'deliveries') {
    const subscriptionId = arg === undefined ? undefined : idOf(arg);
    const log = await call(engine, 'webhooks.deliveries', { subscriptionId, limit: 200 });
    if (json) return writeJson(out, log);
    if (log.length === 0) out.write('No deliveries.\n');
    for (const d of log) out.write(`${line(d)}\n`);
    return;
  }
  throw new UsageError(USAGE);
}

function idOf(text: string | undefined): number {
  const id = Number(text);
  if (!text || !Number.isInteger(id) || id <= 0) throw new UsageError(USAGE);
  return id;
}

function line(d: WebhookDelivery): string {
  const parts = [d.id, `webhook ${d.subscriptionId}`, d.event, d.state, `attempts ${d.attempts}`];
  if (d.lastStatus !== null) parts.push(`HTTP ${d.lastStatus}`);
  if (d.state !== 'delivered' && d.lastError) parts.push(d.lastError);
  if (d.nextAttemptAt) parts.push(`next ${d.nextAttemptAt}`);
  return parts.join('  ');
}
