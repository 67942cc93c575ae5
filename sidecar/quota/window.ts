// Quota windows. "Nm", "Nh", "Nd" are fixed windows aligned to the UTC epoch (a 1h window always
// starts on the hour, a 1d window at 00:00 UTC), so every sidecar and the operator agree on the
// current window from the clock alone; "calendarMonth" runs from the 1st 00:00 UTC to the next 1st.

export interface WindowBounds {
  /** ms since the epoch, inclusive. */
  start: number;
  /** ms since the epoch, exclusive: when the window resets. */
  end: number;
}

export interface Window {
  readonly text: string;
  bounds(now: number): WindowBounds;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

const calendarMonth: Window = {
  text: 'calendarMonth',
  bounds(now) {
    const d = new Date(now);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    return { start: Date.UTC(y, m, 1), end: Date.UTC(y, m + 1, 1) };
  },
};

/** Throws on a window the API would have rejected. */
export function parseWindow(text: string): Window {
  if (text === 'calendarMonth') return calendarMonth;
  const m = /^([1-9][0-9]{0,3})(m|h|d)$/.exec(text);
  if (!m) throw new Error(`invalid quota window "${text}" (want Nm, Nh, Nd or calendarMonth)`);
  const len = Number(m[1]) * UNIT_MS[m[2]];
  return {
    text,
    bounds(now) {
      const start = Math.floor(now / len) * len;
      return { start, end: start + len };
    },
  };
}

/** "23s", "4m10s", "3h12m", "12d4h": for the 429 message. */
export function humanDuration(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s < 60) return `${s}s`;
  const units: [number, string][] = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'm'],
    [1, 's'],
  ];
  let rest = s;
  const parts: string[] = [];
  for (const [size, unit] of units) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
    if (parts.length === 2) break;
  }
  return parts.join('');
}
