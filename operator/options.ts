// The only module of aimesh-operator that reads argv and the environment.
import { parseArgs } from 'node:util';

export const USAGE = `Usage:
  aimesh-operator compile -f <file|dir>... [-R] [-n <namespace>] [-o <out.json>]
      Validate and compile AIMesh manifests offline (Secrets and Namespaces may be given as
      manifests too). Prints the snapshots as JSON: an array, or one snapshot with -n. Exit 1
      with one line per problem (file, kind namespace/name, field) when the input is invalid.
      The output contains provider credentials from the Secrets: treat it as a secret.
  aimesh-operator help`;

export interface CompileOptions {
  command: 'compile';
  files: string[];
  recursive: boolean;
  namespace?: string;
  out?: string;
}

export type Options = CompileOptions | { command: 'help' };

export function parseOptions(argv: string[]): Options {
  const [command, ...rest] = argv;
  if (command === 'compile') {
    const { values } = parseArgs({
      args: rest,
      options: {
        filename: { type: 'string', short: 'f', multiple: true },
        recursive: { type: 'boolean', short: 'R', default: false },
        namespace: { type: 'string', short: 'n' },
        output: { type: 'string', short: 'o' },
      },
      allowPositionals: false,
    });
    if (!values.filename?.length) throw new UsageError('compile needs at least one -f <file|dir>');
    return {
      command,
      files: values.filename,
      recursive: values.recursive ?? false,
      namespace: values.namespace,
      out: values.output,
    };
  }
  if (command === undefined || command === 'help' || command === '--help' || command === '-h')
    return { command: 'help' };
  throw new UsageError(`unknown command "${command}"`);
}

export class UsageError extends Error {}
