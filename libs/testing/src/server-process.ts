import { spawn, type ChildProcess } from 'node:child_process';

/** A server binary a test starts, SIGKILLs and starts again on the same arguments. */
export interface ServerProcess {
  /** Starts the server and waits until `answers()` says it serves (10 s at most). */
  start(): Promise<void>;
  /** SIGKILLs the server and waits until the process is gone. */
  kill(): Promise<void>;
}

export function serverProcess(bin: string, args: string[], answers: () => Promise<boolean>, label: string): ServerProcess {
  let child: ChildProcess | undefined;
  return {
    async start() {
      const p = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      child = p;
      let stderr = '';
      p.stderr?.on('data', (b: Buffer) => {
        stderr = (stderr + b.toString()).slice(-4_000);
      });
      let failure: Error | undefined;
      p.once('error', (err) => {
        failure = err;
      });
      p.once('exit', (code) => {
        failure ??= new Error(`${label} exited (${code}): ${stderr}`);
      });
      const until = Date.now() + 10_000;
      for (;;) {
        if (failure) throw failure;
        if (await answers()) return;
        if (Date.now() > until) throw new Error(`${label} did not answer within 10 s: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async kill() {
      const p = child;
      child = undefined;
      if (!p || p.exitCode !== null || p.signalCode !== null) return;
      const gone = new Promise<void>((r) => p.once('exit', () => r()));
      p.kill('SIGKILL');
      await gone;
    },
  };
}
