import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../../..');

/** A TypeScript entry run in its own node process (tools/run-node.js), that says `ready` on stdout. */
export class ChildNode {
  private stdout = '';
  private stderr = '';
  private readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly proc: ChildProcess;

  constructor(entry: string, env: Record<string, string>) {
    this.proc = spawn(process.execPath, ['tools/run-node.js', entry], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc.stdout?.setEncoding('utf8').on('data', (d: string) => {
      this.stdout += d;
    });
    this.proc.stderr?.setEncoding('utf8').on('data', (d: string) => {
      this.stderr += d;
    });
    this.exit = new Promise((res) => this.proc.once('exit', (code, signal) => res({ code, signal })));
  }

  get pid(): number {
    if (this.proc.pid === undefined) throw new Error('the child process did not start');
    return this.proc.pid;
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** What the child wrote, for failure messages. */
  output(): string {
    return `stdout:\n${this.stdout}\nstderr:\n${this.stderr}`;
  }

  /** Resolves when the child printed `ready`; rejects if it exits first or takes longer than timeoutMs. */
  ready(timeoutMs = 30_000): Promise<void> {
    return new Promise((res, rej) => {
      const check = (): void => {
        if (/^ready$/m.test(this.stdout)) done();
      };
      const onExit = (): void => done(new Error(`child exited before it was ready\n${this.output()}`));
      const timer = setTimeout(() => done(new Error(`child not ready after ${timeoutMs} ms\n${this.output()}`)), timeoutMs);
      const done = (err?: Error): void => {
        clearTimeout(timer);
        this.proc.stdout?.off('data', check);
        this.proc.off('exit', onExit);
        if (err) rej(err);
        else res();
      };
      this.proc.stdout?.on('data', check);
      this.proc.once('exit', onExit);
      if (!this.alive) onExit();
      check();
    });
  }

  /** Sends the signal (if the child still runs) and waits for it to be gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.alive) this.proc.kill(signal);
    return this.exit;
  }
}
