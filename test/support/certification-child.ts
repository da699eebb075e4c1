// A certification process of its own (test child): `ready` once it runs. CHILD_CRASH_AFTER_CHUNKS makes it
// kill itself in the middle of an expiry sweep, the way a worker dies mid-job.
import { createCertificationApp } from '../../services/certification/src/certification.app';
import { loadCertificationConfig } from '../../services/certification/src/config/certification.config';
import { loadToolConfig } from '../../tools/config';

async function main(): Promise<void> {
  const { env } = loadToolConfig();
  const config = loadCertificationConfig(env);
  const app = await createCertificationApp({
    ...config,
    schedulerOwner: false,
    relayPollIntervalMs: 200,
    jobLockDurationMs: 1_000,
    jobStalledIntervalMs: 500,
    crashAfterSweepChunks: Number(env.CHILD_CRASH_AFTER_CHUNKS ?? 0) || undefined,
  });
  await app.init();
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
