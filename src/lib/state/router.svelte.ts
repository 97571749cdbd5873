// Hash-based routing: the app is a static bundle that must work from any folder and offline,
// so routes live after '#' and need no server support.

export type Route =
  | { page: 'ask' }
  | { page: 'history'; runId: string | null }
  | { page: 'principles'; principleId: string | null }
  | { page: 'rubrics'; reviewId: string | null; runId: string | null }
  | { page: 'evaluate'; evaluationId: string | null }
  | { page: 'settings' };

/** Parses a location hash such as "#/history/abc" into a route (unknown → Ask). */
export function parseRoute(hash: string): Route {
  const [page, id] = hash.replace(/^#\/?/, '').split('/');
  switch (page) {
    case 'history':
      return { page: 'history', runId: id ? decodeURIComponent(id) : null };
    case 'principles':
      return { page: 'principles', principleId: id ? decodeURIComponent(id) : null };
    case 'rubrics': {
      // "#/rubrics/run/<runId>" opens (or starts) the review of that run.
      const runId = id === 'run' ? hash.replace(/^#\/?/, '').split('/')[2] : undefined;
      return { page: 'rubrics', reviewId: id && id !== 'run' ? decodeURIComponent(id) : null, runId: runId ? decodeURIComponent(runId) : null };
    }
    case 'evaluate':
      return { page: 'evaluate', evaluationId: id ? decodeURIComponent(id) : null };
    case 'settings':
      return { page: 'settings' };
    default:
      return { page: 'ask' };
  }
}

/** The hash for a route. */
export function routeHref(route: Route): string {
  if (route.page === 'history') return route.runId ? `#/history/${encodeURIComponent(route.runId)}` : '#/history';
  if (route.page === 'principles') return route.principleId ? `#/principles/${encodeURIComponent(route.principleId)}` : '#/principles';
  if (route.page === 'rubrics') {
    if (route.runId) return `#/rubrics/run/${encodeURIComponent(route.runId)}`;
    return route.reviewId ? `#/rubrics/${encodeURIComponent(route.reviewId)}` : '#/rubrics';
  }
  if (route.page === 'evaluate') return route.evaluationId ? `#/evaluate/${encodeURIComponent(route.evaluationId)}` : '#/evaluate';
  return `#/${route.page}`;
}

export class Router {
  #route = $state<Route>(parseRoute(location.hash));

  constructor() {
    window.addEventListener('hashchange', () => (this.#route = parseRoute(location.hash)));
  }

  get route(): Route {
    return this.#route;
  }

  go(route: Route): void {
    location.hash = routeHref(route);
  }
}
