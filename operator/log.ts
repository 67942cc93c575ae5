// Structured JSON logs (pino). The operator logs names, reasons and versions, never Secret data
// or tokens; the redact list is a second line of defence.
import { pino } from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    name: 'aimesh-operator',
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'credentials',
        '*.credentials',
        'data',
        '*.data',
      ],
      censor: '<redacted>',
    },
  });
}

/** A silent logger for tests and library use. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
