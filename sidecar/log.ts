// Structured JSON logs (pino). The sidecar logs ids, names, statuses and timings, never prompt
// content or credentials; the redact list is a second line of defence should a header object or
// provider config ever be passed to a log call by mistake.
import { pino } from 'pino';

export type Logger = pino.Logger;

/** Paths pino censors wherever a log call passes them (tested in test/unit/telemetry/audit.test.ts). */
export const REDACT_PATHS = [
  'headers.authorization',
  'headers["x-api-key"]',
  'headers["api-key"]',
  'headers["proxy-authorization"]',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
  '*.headers["api-key"]',
  '*.headers["proxy-authorization"]',
  '*.headers.cookie',
  'credentials',
  '*.credentials',
  '*.*.credentials',
  'apiKey',
  '*.apiKey',
  'secretAccessKey',
  '*.secretAccessKey',
  'sessionToken',
  '*.sessionToken',
];

/** destination: where lines go (default stdout); tests pass a stream to read them. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      name: 'aimesh-sidecar',
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: REDACT_PATHS,
        censor: '<redacted>',
      },
    },
    destination,
  );
}
