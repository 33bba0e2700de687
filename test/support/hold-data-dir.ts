// Another process holding a data directory, for the lock's tests: locks `argv[2]` with short timings, prints
// "locked", and keeps the lock fresh until killed.
import { lockDataDir } from '../../src/db/data-dir-lock.ts';

await lockDataDir(process.argv[2] as string, {
  onLost: () => process.exit(3),
  timing: { staleMs: 2_000, updateMs: 1_000 },
});
console.log('locked');
setInterval(() => {}, 1_000);
