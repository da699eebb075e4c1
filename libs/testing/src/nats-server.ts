import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';
import { serverProcess } from './server-process';

/** A nats-server of a test's own, started with the configuration the test gives (operator mode, accounts, ...). */
export interface OwnNatsServer {
  port: number;
  url: string;
  /** The server's own folder (its configuration, and a resolver's or JetStream's store if the configuration puts them there). */
  dir: string;
  /** SIGKILLs the server and waits until the process is gone; its folder (resolver, JetStream store) stays. */
  kill(): Promise<void>;
  /** Starts the server again on the same port with the same configuration and folder, and waits until it answers. */
  start(): Promise<void>;
  /** Kills the server and removes its folder (afterAll). */
  stop(): Promise<void>;
}

/** Whether a NATS server greets a client on the port (its INFO line). */
function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (b) => done(b.toString().startsWith('INFO')));
  });
}

/**
 * Starts Debian's nats-server (or the binary given) on a free port with `config(dir)` as its configuration file,
 * `dir` being a fresh temporary folder the configuration may keep its stores in.
 */
export async function startOwnNatsServer(config: (dir: string) => string, bin = 'nats-server'): Promise<OwnNatsServer> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'ocop-nats-'));
  const file = join(dir, 'nats-server.conf');
  await writeFile(file, config(dir));
  const { start, kill } = serverProcess(
    bin,
    ['-c', file, '-a', '127.0.0.1', '-p', String(port)],
    () => greets(port),
    `nats-server on port ${port}`,
  );
  const stop = async (): Promise<void> => {
    await kill();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await start();
  } catch (err) {
    await stop();
    throw err;
  }
  return { port, url: `nats://127.0.0.1:${port}`, dir, kill, start, stop };
}
