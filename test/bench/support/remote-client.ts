/**
 * The test harness's client shape (test/support/http.ts) over real sockets to a gateway started from the build, so the
 * helpers the end-to-end tests drive the platform with (test/support/scoring.ts) drive a bench platform too. Node's
 * fetch keeps its connections alive.
 */
import { bodyOf, clientOf, requestOf, type PlatformClient } from '../../support/http';

export function remoteClient(base: string): PlatformClient {
  return clientOf(async (method, url, o = {}) => {
    const { headers, payload } = requestOf(o);
    const res = await fetch(`${base}${url}`, { method, headers, body: payload });
    return { status: res.status, body: bodyOf(await res.text()), headers: Object.fromEntries(res.headers) };
  });
}
