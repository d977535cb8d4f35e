import type { HandlerGroup, NamespaceMethods } from './engine-context';
import type { Webhooks } from '../webhooks/webhooks';

export function webhookHandlers(hooks: Webhooks): HandlerGroup<NamespaceMethods<'webhooks'>> {
  return {
    'webhooks.add': ({ url, events }) => Promise.resolve(hooks.add(url, events)),
    'webhooks.list': () => Promise.resolve(hooks.list()),
    'webhooks.remove': ({ id }) => Promise.resolve({ removed: hooks.remove(id) }),
    'webhooks.test': ({ id }) => hooks.test(id),
    'webhooks.deliveries': ({ subscriptionId, limit }) =>
      Promise.resolve(hooks.deliveries(subscriptionId ?? null, limit)),
  };
}
