// The one rights check (rights.check → engine/rights/check-rights.ts) for the channel a
// request names: what product media withhold, and what an asset answers 451 for.
import type { MethodResult } from '../../../../shared/contract';
import type { RightsReason } from '../../../../shared/rights-dto';
import { mediumOf, type Engine } from '../../../engine';
import { invoke } from '../../dispatch';

export type ChannelVerdicts = Map<
  number,
  { verdict: 'allow' | 'warn' | 'block'; reasons: RightsReason[] }
>;

export async function checkChannel(
  engine: Engine,
  assetIds: readonly number[],
  channel: string,
): Promise<ChannelVerdicts> {
  const out: ChannelVerdicts = new Map();
  if (assetIds.length === 0) return out;
  const results: MethodResult<'rights.check'> = await invoke(engine.handlers, 'rights.check', {
    assetIds: [...assetIds],
    channel,
    // The channel's medium, as renditions and packs judge it (editorial never on amazon).
    medium: mediumOf({ channel, medium: null }),
  });
  for (const r of results) out.set(r.assetId, { verdict: r.verdict, reasons: r.reasons });
  return out;
}

/** A failure the API answers with its one error body. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly reasons?: readonly unknown[],
  ) {
    super(message);
  }
}

/** Throws 451 rights_blocked when the check blocks the asset on the channel. */
export async function requireAllowed(
  engine: Engine,
  assetId: number,
  channel: string | undefined,
): Promise<{ channel: string; verdict: 'allow' | 'warn'; reasons: RightsReason[] } | null> {
  if (channel === undefined) return null;
  const result = (await checkChannel(engine, [assetId], channel)).get(assetId);
  if (!result) throw new ApiFailure(404, 'not_found', `No asset with id ${assetId}`);
  if (result.verdict === 'block') {
    throw new ApiFailure(
      451,
      'rights_blocked',
      `The rights of asset ${assetId} block the channel ${channel}`,
      result.reasons,
    );
  }
  return { channel, verdict: result.verdict, reasons: result.reasons };
}
