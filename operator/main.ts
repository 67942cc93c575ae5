#!/usr/bin/env node
// aimesh-operator: the control plane binary (and its offline `compile` command).
import { runCompile } from './cli/compile.ts';
import { parseOptions, USAGE, UsageError } from './options.ts';

const io = { stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t) };

try {
  const opts = parseOptions(process.argv.slice(2));
  if (opts.command === 'help') {
    io.stdout(`${USAGE}\n`);
  } else if (opts.command === 'compile') {
    process.exitCode = runCompile(opts, io);
  }
} catch (err) {
  if (!(err instanceof UsageError) && !(err instanceof TypeError)) throw err;
  io.stderr(`error: ${err.message}\n${USAGE}\n`);
  process.exitCode = 2;
}
