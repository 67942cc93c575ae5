// The shipped binaries bundle on every run, not only when images are built: esbuild escapes
// non-ASCII characters in strings but not in regex literals, and images/bundle.ts refuses a
// non-ASCII bundle (V8 would hold the whole source as UTF-16). A guard pattern with "§" in a
// regex literal once broke the image, the bench and the node tests at once.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../support/procs.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('the binaries bundle', () => {
  for (const binary of ['sidecar', 'operator']) {
    it(`aimesh-${binary}: builds, ASCII only`, () => {
      const dir = tempDir(`aimesh-bundle-${binary}`);
      try {
        const r = spawnSync(process.execPath, [join(ROOT, 'images/bundle.ts'), binary, dir.path], {
          encoding: 'utf8',
          timeout: 120_000,
        });
        assert.equal(r.status, 0, `${r.stderr}\n${r.stdout}`);
        const bundle = readFileSync(join(dir.path, `aimesh-${binary}.mjs`));
        assert.equal(
          bundle.findIndex((b) => b > 0x7f),
          -1,
          'every byte ASCII',
        );
      } finally {
        dir.remove();
      }
    });
  }
});
