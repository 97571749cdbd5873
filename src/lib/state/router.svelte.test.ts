import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from './router.svelte';

describe('rubrics routes', () => {
  it('parses and writes the list, one review and a run to review', () => {
    expect(parseRoute('#/rubrics')).toEqual({ page: 'rubrics', reviewId: null, runId: null });
    expect(parseRoute('#/rubrics/hr-1%2Fx')).toEqual({ page: 'rubrics', reviewId: 'hr-1/x', runId: null });
    expect(parseRoute('#/rubrics/run/abc-1')).toEqual({ page: 'rubrics', reviewId: null, runId: 'abc-1' });
    for (const route of [parseRoute('#/rubrics'), parseRoute('#/rubrics/hr-1'), parseRoute('#/rubrics/run/abc-1')]) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
  });
});
