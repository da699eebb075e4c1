import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

const TOKEN = 'ocop.token';

/** Signing in or out is announced (`ocop-session`), so the screens follow without a reload. */
export const SESSION_EVENT = 'ocop-session';

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN),
  set: (token: string): void => {
    sessionStorage.setItem(TOKEN, token);
    window.dispatchEvent(new Event(SESSION_EVENT));
  },
  clear: (): void => {
    sessionStorage.removeItem(TOKEN);
    window.dispatchEvent(new Event(SESSION_EVENT));
  },
};

/** Who is signed in, read from the token's claims (the API checks them; the screens only choose what to show). */
export function currentUser(): { role: string; producerId: string | null } | null {
  const token = session.token();
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as {
      role: string;
      scope?: { producerId?: string | null };
    };
    return { role: claims.role, producerId: claims.scope?.producerId ?? null };
  } catch {
    return null;
  }
}

/** The API's problem+json (RFC 9457), as every refusal comes. */
export interface Problem {
  status: number;
  code: string;
  detail?: string;
  field?: string;
}

export const isProblem = (x: unknown): x is Problem => typeof x === 'object' && x !== null && 'code' in x && 'status' in x;

/** A token that expires sends the user to the login page, back to where they were after it. */
const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && session.token()) {
      session.clear();
      const back = window.location.hash || '#/';
      window.location.hash = `#/login?next=${encodeURIComponent(back)}`;
    }
    return response;
  },
};

/** The typed client: generated from docs/openapi.json (`npm run console:api`), so a changed API breaks the build. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);
