/**
 * The identity of a request for replay: method, path, and the multiset of query
 * parameters, so that `?a=1&b=2` and `?b=2&a=1` are the same request.
 */
export function requestKey(method: string, pathAndQuery: string): string {
  const url = new URL(pathAndQuery, "http://replay.invalid");
  const pairs = [...url.searchParams.entries()].sort(([ka, va], [kb, vb]) => (ka === kb ? compare(va, vb) : compare(ka, kb)));
  return JSON.stringify([method.toUpperCase(), url.pathname, pairs]);
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
