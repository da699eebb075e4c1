import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';

/** A nats-server of a test's own, started with the configuration the test gives (operator mode, accounts, ...). */
export interface OwnNatsServer {
  port: number;
  url: string;
  /** The server's own folder (its configuration, and a resolver's or JetStream's store if the configuration puts them there). */
  dir: string;
  /** Stops the server and removes its folder (afterAll). */
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
  const child: ChildProcess = spawn(bin, ['-c', file, '-a', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4_000);
  });
  let failure: Error | undefined;
  child.once('error', (err) => {
    failure = err;
  });
  child.once('exit', (code) => {
    failure ??= new Error(`nats-server on port ${port} exited (${code}): ${stderr}`);
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGKILL');
      await gone;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const until = Date.now() + 10_000;
  for (;;) {
    if (failure) {
      await stop();
      throw failure;
    }
    if (await greets(port)) break;
    if (Date.now() > until) {
      await stop();
      throw new Error(`nats-server on port ${port} did not answer within 10 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, url: `nats://127.0.0.1:${port}`, dir, stop };
}
