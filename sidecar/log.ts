// Structured JSON logs (pino). The sidecar logs ids, names, statuses and timings, never prompt
// content or credentials; the redact list is a second line of defence should a header object or
// provider config ever be passed to a log call by mistake.
import { pino } from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    name: 'aimesh-sidecar',
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'headers.authorization',
        'headers["x-api-key"]',
        'headers["api-key"]',
        '*.headers.authorization',
        '*.headers["x-api-key"]',
        '*.headers["api-key"]',
        'credentials',
        '*.credentials',
        'apiKey',
        '*.apiKey',
      ],
      censor: '<redacted>',
    },
  });
}
