// Bundles one AIMesh binary (operator or sidecar) and its npm dependencies into a single ESM file
// with esbuild, for the container images (images/*.Dockerfile run it in their build stage):
//
//   node images/bundle.ts <operator|sidecar> <out dir>
//     -> <out dir>/aimesh-<name>.mjs (the sidecar also aimesh-sidecar-worker.mjs, its worker
//        threads' entry; + node_modules/ holding only files loaded at run time
//        through createRequire, e.g. the tokenizer ranks) and an empty, world-writable
//        <out dir>/.compile-cache for the image's warm-up run as the runtime user (V8's compile
//        cache is keyed by uid, so it must be written by uid 65532)
//   node images/bundle.ts --seal <out dir>
//     -> every file read-only for everyone but root (after the warm-up)
//
// A bundle starts faster than the same code loaded file by file from node_modules (one file
// read, no resolution, no type stripping) and drops devDependencies and unused code.
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { type BuildOptions, build } from 'esbuild';

const [name, outArg] = process.argv.slice(2);
if (name === '--seal' && outArg) {
  seal(resolve(outArg));
  process.exit(0);
}
if ((name !== 'operator' && name !== 'sidecar') || !outArg) {
  console.error('usage: node images/bundle.ts <operator|sidecar> <out dir> | --seal <out dir>');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const out = resolve(outArg);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const outfile = join(out, `aimesh-${name}.mjs`);

const options = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  // Readable stack traces: identifiers are not renamed (only whitespace and dead code dropped).
  minifyWhitespace: true,
  minifySyntax: true,
  // keepNames wraps every function expression in a runtime __name() call (Object.defineProperty):
  // in the sidecar that was 8-10% of its CPU per call (closures made per call). Only a name esbuild
  // had to rename for a clash (none of ours) shows differently; the operator keeps them.
  keepNames: name !== 'sidecar',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  // Optional native add-ons some dependencies try (ws, undici): absent at run time by design.
  external: ['bufferutil', 'utf-8-validate', 'cpu-features', 'ssh2'],
  // CommonJS dependencies inside an ESM bundle still call require() and read __dirname.
  banner: {
    js: [
      "import { createRequire as __aimeshCreateRequire } from 'node:module';",
      "import { fileURLToPath as __aimeshFileURLToPath } from 'node:url';",
      'const require = __aimeshCreateRequire(import.meta.url);',
      'const __filename = __aimeshFileURLToPath(import.meta.url);',
      "const __dirname = __aimeshFileURLToPath(new URL('.', import.meta.url));",
    ].join('\n'),
  },
  define: { 'process.env.NODE_ENV': '"production"' },
} satisfies BuildOptions;
const result = await build({ ...options, entryPoints: [join(root, name, 'main.ts')], outfile });
// The sidecar's worker threads (sidecar/offload) load their own entry, next to the bundle.
const workerFile = join(out, 'aimesh-sidecar-worker.mjs');
if (name === 'sidecar')
  await build({ ...options, entryPoints: [join(root, 'sidecar/offload/worker.ts')], outfile: workerFile });

// V8 keeps a source with one non-ASCII character as a two-byte string for the process's life:
// the whole bundle would cost twice its size in every pod. esbuild escapes most of them, not
// those inside regular-expression literals; write those as \u escapes.
for (const file of name === 'sidecar' ? [outfile, workerFile] : [outfile]) {
  const code = readFileSync(file, 'latin1');
  const nonAscii = code.search(/[\u0080-\u00ff]/);
  if (nonAscii >= 0) {
    console.error(
      `bundle: non-ASCII source near ${JSON.stringify(code.slice(nonAscii - 60, nonAscii + 20))}`,
    );
    process.exit(1);
  }
}

// Files our own code loads with createRequire(import.meta.url)('<package>/<path>') are not
// bundled (on purpose: loaded lazily); ship exactly those files, at their package-relative path.
const runtime: string[] = [];
// Resolved paths are real paths: compare with node_modules' real path (a symlinked node_modules,
// as in git worktrees, sent the copies outside the out dir).
const modulesDir = realpathSync(join(root, 'node_modules'));
for (const input of Object.keys(result.metafile.inputs)) {
  if (input.includes('node_modules')) continue;
  const file = resolve(root, input);
  const text = readFileSync(file, 'utf8');
  if (!text.includes('createRequire(')) continue;
  // require('<pkg>/<path>') and require.resolve('<pkg>/<path>') both name a file to ship.
  for (const m of text.matchAll(/\brequire(?:\.resolve)?\(\s*['"]([^'"./][^'"]*)['"]\s*\)/g)) {
    const spec = m[1];
    if (spec.startsWith('node:')) continue;
    const resolved = createRequire(file).resolve(spec);
    const pkgDir = packageDir(resolved);
    for (const f of [resolved, join(pkgDir, 'package.json')]) {
      const rel = relative(modulesDir, f);
      const dest = join(out, 'node_modules', rel);
      mkdirSync(dirname(dest), { recursive: true });
      copyFileSync(f, dest);
    }
    runtime.push(`${spec} (${relative(root, resolved)})`);
  }
}

const size = (p: string) => `${(statSync(p).size / 1e6).toFixed(1)} MB`;
const summary = {
  binary: `aimesh-${name}`,
  bundle: `${basename(outfile)} ${size(outfile)}`,
  inputs: Object.keys(result.metafile.inputs).length,
  runtimeRequires: runtime,
};
mkdirSync(join(out, '.compile-cache'));
chmodSync(join(out, '.compile-cache'), 0o777);
writeFileSync(join(out, 'bundle.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(JSON.stringify(summary));

function packageDir(file: string): string {
  const parts = file.split(sep);
  const nm = parts.lastIndexOf('node_modules');
  if (nm < 0) throw new Error(`${file} is not inside node_modules`);
  const depth = parts[nm + 1].startsWith('@') ? 3 : 2; // node_modules/@scope/name or node_modules/name
  return parts.slice(0, nm + depth).join(sep);
}

/** Directories 0755, files 0644 (0755 for the bundle), owned by whoever built them (root). */
function seal(dir: string): void {
  chmodSync(dir, 0o755);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) seal(p);
    else chmodSync(p, e.name.endsWith('.mjs') ? 0o755 : 0o644);
  }
}
