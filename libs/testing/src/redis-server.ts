import { connect } from 'node:net';
import { freePort } from './ports';
import { serverProcess } from './server-process';

/** A redis-server of a test's own, without persistence, that the test may kill and start again on the same port. */
export interface OwnRedisServer {
  port: number;
  url: string;
  /** SIGKILLs the server and waits until the process is gone (its keys are lost: no persistence). */
  kill(): Promise<void>;
  /** Starts a fresh, empty server on the same port and waits until it answers. */
  start(): Promise<void>;
  /** Kills the server if it runs (afterAll). */
  stop(): Promise<void>;
}

/** Whether a Redis answers PING on the port (plain RESP over a socket, closed at once). */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (b) => {
      reply += b.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/** Starts `redis-server --port <free> --save "" --appendonly no` (Debian's redis-server on the PATH, or the binary given). */
export async function startOwnRedisServer(bin = 'redis-server'): Promise<OwnRedisServer> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const { start, kill } = serverProcess(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    () => pong(port),
    `redis-server on port ${port}`,
  );

  await start();
  return { port, url, kill, start, stop: kill };
}
