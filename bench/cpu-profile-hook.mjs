// Preload for profiling a child process where --cpu-prof is refused in NODE_OPTIONS:
//   NODE_OPTIONS="--import /abs/path/bench/cpu-profile-hook.mjs" CPU_PROFILE_DIR=/tmp/prof
// Writes a .cpuprofile (open in Chrome DevTools) when the process exits.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const dir = process.env.CPU_PROFILE_DIR ?? '.';
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.start');
process.on('exit', () => {
  session.post('Profiler.stop', (err, result) => {
    if (err) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/${process.pid}.cpuprofile`, JSON.stringify(result.profile));
  });
});
