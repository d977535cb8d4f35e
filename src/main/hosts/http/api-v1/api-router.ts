// Matches a request to the route table (src/shared/api-v1/api-routes.ts) and parses its
// path and query with the route's own schemas: what the document says is what is enforced.
import type { z } from 'zod';
import { API_ROUTES, type ApiRoute } from '../../../../shared/api-v1/api-routes';

/** Query keys the access check reads (signed URLs); never a route's own parameter. */
const ACCESS_KEYS = new Set(['expires', 'key', 'sig']);

export interface RouteMatch {
  route: ApiRoute;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
}

export type RouteOutcome =
  | { ok: true; match: RouteMatch }
  | { ok: false; status: 400 | 404; message: string; reasons?: unknown[] };

interface Compiled {
  route: ApiRoute;
  pattern: RegExp;
  names: string[];
}

function compile(route: ApiRoute): Compiled {
  const names: string[] = [];
  const source = route.path
    .split(/(\{[a-zA-Z]+\})/)
    .map((part) => {
      const name = /^\{([a-zA-Z]+)\}$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  return { route, pattern: new RegExp(`^${source}$`), names };
}

const COMPILED = API_ROUTES.map(compile);

function issues(error: z.ZodError, where: string): unknown[] {
  return error.issues.map((i) => ({
    field: [where, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
}

/** `rest`: the path after `/api/v1` (starting with '/'). */
export function matchRoute(rest: string, searchParams: URLSearchParams): RouteOutcome {
  for (const { route, pattern, names } of COMPILED) {
    const found = pattern.exec(rest);
    if (!found) continue;
    const raw: Record<string, string> = {};
    try {
      names.forEach((name, i) => (raw[name] = decodeURIComponent(found[i + 1] ?? '')));
    } catch {
      return { ok: false, status: 400, message: 'A path segment is not valid URL encoding' };
    }
    // No prototype: `toString` or `__proto__` in a query is a name like any other.
    const rawQuery = Object.create(null) as Record<string, string>;
    for (const [key, value] of searchParams) {
      if (ACCESS_KEYS.has(key)) continue;
      if (Object.hasOwn(rawQuery, key))
        return { ok: false, status: 400, message: `Query parameter ${key} given twice` };
      rawQuery[key] = value;
    }
    const params = route.params
      ? route.params.safeParse(raw)
      : { success: true as const, data: {} };
    if (!params.success)
      return {
        ok: false,
        status: 400,
        message: 'Bad path parameter',
        reasons: issues(params.error, 'path'),
      };
    if (!route.query && Object.keys(rawQuery).length > 0)
      return {
        ok: false,
        status: 400,
        message: `Unknown query parameter: ${Object.keys(rawQuery).join(', ')}`,
      };
    const query = route.query
      ? route.query.safeParse(rawQuery)
      : { success: true as const, data: {} };
    if (!query.success)
      return {
        ok: false,
        status: 400,
        message: 'Bad query parameter',
        reasons: issues(query.error, 'query'),
      };
    return {
      ok: true,
      match: {
        route,
        params: params.data,
        query: query.data,
      },
    };
  }
  return { ok: false, status: 404, message: `No such endpoint: /api/v1${rest.slice(0, 200)}` };
}

/** The route a path names (for the no-credentials routes, matched before access). */
export function publicRoute(rest: string): ApiRoute | undefined {
  return COMPILED.find((c) => c.route.scope === 'none' && c.pattern.test(rest))?.route;
}
