// The page shell every view shares: landmarks (header, nav, main), a skip link, the signed-in
// user with a sign-out button, and one stylesheet (served from /console.css: the Content Security
// Policy allows no inline style or script). Readable on a phone (tables scroll sideways inside
// their own box) and at high contrast (text at least 7:1, focus always visible).
import { type Html, html } from './html.ts';

export type View = 'catalog' | 'usage' | 'fleet' | 'access';

export const VIEWS: { view: View; title: string }[] = [
  { view: 'catalog', title: 'Catalog' },
  { view: 'usage', title: 'Usage' },
  { view: 'fleet', title: 'Fleet' },
  { view: 'access', title: 'Access' },
];

export interface PageContext {
  username: string;
  /** The session's CSRF token (forms that change something carry it). */
  csrf: string;
}

export function page(o: { title: string; view?: View; ctx?: PageContext; body: Html }): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} &middot; AIMesh console</title>
<link rel="stylesheet" href="/console.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <span class="brand">AIMesh</span>
  ${
    o.ctx
      ? html`<nav aria-label="Console">
    <ul>${VIEWS.map(
      (v) =>
        html`<li><a href="/${v.view}"${v.view === o.view ? html` aria-current="page"` : ''}>${v.title}</a></li>`,
    )}</ul>
  </nav>
  <form class="who" method="post" action="/logout">
    <span>Signed in as <strong>${o.ctx.username}</strong></span>
    <input type="hidden" name="_csrf" value="${o.ctx.csrf}">
    <button type="submit">Sign out</button>
  </form>`
      : ''
  }
</header>
<main id="main">
<h1>${o.title}</h1>
${o.body}
</main>
</body>
</html>
`;
}

/** A notice: role=alert for errors (read out at once), role=status for confirmations. */
export function notice(kind: 'error' | 'ok', text: string): Html {
  return kind === 'error'
    ? html`<p class="notice error" role="alert">${text}</p>`
    : html`<p class="notice ok" role="status">${text}</p>`;
}

/** The namespace filter: a plain GET form (no script). */
export function namespacePicker(view: View, namespaces: string[], selected?: string): Html {
  if (namespaces.length < 2) return html``;
  return html`<form class="picker" method="get" action="/${view}">
  <label for="ns">Namespace</label>
  <select id="ns" name="namespace">
    <option value="">All you may see (${namespaces.length})</option>
    ${namespaces.map((n) => html`<option${n === selected ? html` selected` : ''}>${n}</option>`)}
  </select>
  <button type="submit">Show</button>
</form>`;
}

/** A table in a box that scrolls sideways on a narrow screen. */
export function table(caption: string, head: string[], rows: Html[][]): Html {
  return html`<div class="scroll" role="region" aria-label="${caption}" tabindex="0"><table>
  <caption>${caption}</caption>
  <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
  <tbody>${
    rows.length === 0
      ? html`<tr><td colspan="${head.length}">None.</td></tr>`
      : rows.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)
  }</tbody>
</table></div>`;
}

export const CSS = `
:root { color-scheme: light; --fg: #111; --muted: #444; --bg: #fff; --line: #c8c8c8; --accent: #0b4fa8;
  --ok: #0a5c2a; --bad: #9b1111; --warn: #6b4a00; --soft: #f3f5f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid #e07b00; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 1; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; padding: 8px 16px; background: #10243e; color: #fff; }
.top a { color: #fff; } .brand { font-weight: 700; letter-spacing: .02em; }
.top nav ul { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; margin: 0; padding: 0; }
.top nav a { text-decoration: none; padding: 4px 2px; } .top nav a[aria-current="page"] { border-bottom: 3px solid #ffd166; }
.who { margin-left: auto; display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
main { padding: 16px; max-width: 1200px; margin: 0 auto; }
h1 { font-size: 1.6rem; margin: .2em 0 .6em; } h2 { font-size: 1.3rem; margin: 1.4em 0 .4em; } h3 { font-size: 1.1rem; margin: 1em 0 .3em; }
.scroll { overflow-x: auto; margin: .5em 0 1em; border: 1px solid var(--line); border-radius: 4px; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
caption { text-align: left; padding: 6px 8px; font-weight: 600; background: var(--soft); }
th, td { text-align: left; padding: 6px 8px; border-top: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); white-space: nowrap; }
td.num, .num { display: block; text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9rem; }
details { margin: .6em 0; } summary { cursor: pointer; font-weight: 600; }
pre { background: #0f1720; color: #f1f5f9; padding: 10px 12px; border-radius: 4px; overflow-x: auto; white-space: pre; }
.badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: .85rem; font-weight: 600; border: 1px solid currentColor; }
.SYNCED, .Approved, .True { color: var(--ok); } .NACK, .Denied, .Revoked, .False { color: var(--bad); } .STALE, .Pending { color: var(--warn); }
.notice { padding: 8px 12px; border-left: 4px solid; background: var(--soft); }
.notice.error { border-color: var(--bad); color: var(--bad); } .notice.ok { border-color: var(--ok); color: var(--ok); }
.muted { color: var(--muted); }
form.decide input[type=text] { width: 11rem; }
form.picker, form.decide { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; margin: .5em 0; }
input[type=text], input[type=password], select, textarea { font: inherit; padding: 6px 8px; border: 1px solid #767676; border-radius: 3px; max-width: 100%; }
button { font: inherit; padding: 5px 12px; border: 1px solid #10243e; border-radius: 3px; background: #10243e; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #10243e; }
.who button { background: #fff; color: #10243e; }
.login { max-width: 32rem; } .login label { display: block; font-weight: 600; margin: .6em 0 .2em; } .login input { width: 100%; }
meter { width: 100px; height: 14px; }
svg.spark { width: 160px; height: 32px; } svg.spark polyline { fill: none; stroke: var(--accent); stroke-width: 2; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 34rem), 1fr)); gap: 16px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 4px 14px 10px; }
@media (max-width: 600px) { main { padding: 10px; } th, td { padding: 5px 6px; } .who { margin-left: 0; } }
`;

/** A timestamp as people read it (UTC, minutes); the exact value stays in the JSON API. */
export function when(iso: string | undefined): string {
  if (!iso) return '\u2014';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
