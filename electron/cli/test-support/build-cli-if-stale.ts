import { buildCliIfStale } from '../../../scripts/app-launch.ts';

/**
 * Vitest global setup: `bin/azcred.js` runs dist/cli whenever it exists, so CLI tests run after a
 * source edit would test the old bundle and could pass on code that is gone. Rebuilds it first
 * when any source is newer (about 20 ms to check when it is not; `npm test` has just built it).
 */
export default function setup(): void {
  buildCliIfStale();
}
