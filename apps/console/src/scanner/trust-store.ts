import type { JSONWebKeySet } from 'jose';

/** What the scanner keeps for offline checks: the issuer keys and the signed list of revoked certificates, with their age. */
export interface TrustStore {
  keys: JSONWebKeySet;
  keysFetchedAt: string;
  revoked: { n: string; c: string }[];
  revokedFetchedAt: string | null;
}

const KEY = 'ocop.trust-store';

export function loadTrustStore(): TrustStore | null {
  const raw = localStorage.getItem(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as TrustStore;
  } catch {
    return null;
  }
}

/** Refreshes both lists when the network answers; keeps the cached ones (and says how old they are) when it does not. */
export async function refreshTrustStore(): Promise<TrustStore | null> {
  const cached = loadTrustStore();
  try {
    const [keys, status] = await Promise.all([
      fetch('/api/public/certification/keys').then((r) => (r.ok ? (r.json() as Promise<JSONWebKeySet>) : Promise.reject(r.status))),
      fetch('/api/public/certification/status-list').then((r) =>
        r.ok ? (r.json() as Promise<{ revoked: { n: string; c: string }[] }>) : Promise.reject(r.status),
      ),
    ]);
    const now = new Date().toISOString();
    const store: TrustStore = { keys, keysFetchedAt: now, revoked: status.revoked, revokedFetchedAt: now };
    localStorage.setItem(KEY, JSON.stringify(store));
    return store;
  } catch {
    return cached;
  }
}
