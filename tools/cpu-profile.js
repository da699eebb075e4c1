// Preload (node -r ./tools/cpu-profile.js) for profiling a benchmark's processes (BENCH_PROFILE_DIR, docs/benchmarks.md):
// the first SIGUSR2 starts the V8 sampling profiler, the second writes <OCOP_CPU_PROFILE_DIR>/<name>-<pid>.cpuprofile
// (open it in Chrome DevTools, or summarise it with tools/profile-summary.js). `--cpu-prof` cannot serve here: it writes
// on a normal exit only, and a service stops on a signal.
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.OCOP_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (err, result) => {
      if (err) return console.error(`cpu profile not written: ${err.message}`);
      fs.mkdirSync(dir, { recursive: true });
      const name = process.env.OCOP_CPU_PROFILE_NAME ?? 'node';
      fs.writeFileSync(path.join(dir, `${name}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
