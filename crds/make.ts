// `make crds`: writes crds/<plural>.yaml and the README's API reference from the zod schemas.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crdPath, renderCrd } from './generate.ts';
import { KINDS } from './index.ts';
import { withReference } from './reference.ts';

export const readmePath = join(import.meta.dirname, '..', 'README.md');

for (const k of KINDS) {
  writeFileSync(crdPath(k), renderCrd(k));
  console.log(`wrote ${crdPath(k)}`);
}
writeFileSync(readmePath, withReference(readFileSync(readmePath, 'utf8')));
console.log(`updated the API reference in ${readmePath}`);
