/**
 * What a test or a bench needs to talk to the platform over HTTP, whether through Fastify's injector (platform.ts)
 * or over a socket to a gateway started from the build (test/bench/support/remote-client.ts): one call shape, login,
 * and the upload bodies.
 */
import { DEMO } from '@ocop/contracts';

export interface HttpOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  payload?: string | Buffer;
}

export interface PlatformClient {
  /** One HTTP call: a JSON body when `body` is given, the parsed JSON answer (or its text). */
  http(method: string, url: string, o?: HttpOptions): Promise<{ status: number; body: any; headers: Record<string, unknown> }>; // response bodies are asserted field by field
  login(username: string, password?: string): Promise<string>;
}

/** A client from its `http`: login is the same call whatever carries it. */
export function clientOf(http: PlatformClient['http']): PlatformClient {
  return {
    http,
    async login(username, password = DEMO.password) {
      const res = await http('POST', '/api/auth/login', { body: { username, password } });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
  };
}

/** The request's headers and payload: a JSON body when `body` is given, the bearer token when `token` is. */
export function requestOf(o: HttpOptions): { headers: Record<string, string>; payload: string | Buffer | undefined } {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  let payload = o.payload;
  if (o.body !== undefined) {
    payload = JSON.stringify(o.body);
    headers['content-type'] ??= 'application/json';
  }
  return { headers, payload };
}

/** An answer's body: parsed JSON, or its text when it is not JSON. */
export function bodyOf(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

/** A minimal valid PDF for uploads. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A multipart/form-data body with a `type` field then a `file` part. */
export function multipartBody(
  type: string,
  file: Buffer,
  fileName = 'doc.pdf',
  contentType = 'application/pdf',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----ocop${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\n${type}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
