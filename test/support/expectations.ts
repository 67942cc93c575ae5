import { readFileSync } from 'node:fs';

/** The `# expect: <text>` lines of an invalid example: what every validator must say about it. */
export function expectations(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^# expect: (.+)$/gm)].map((m) => m[1]!.trim());
}
