// Feeds the store from a snapshot file and reloads it on change. It watches the directory, not
// the file, so editors' and ConfigMaps' atomic renames (write temp, rename over; ..data symlink
// swaps) are seen too; events are debounced and a reload only applies when the text changed.
import { type FSWatcher, readFileSync, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Logger } from '../log.ts';
import type { SnapshotStore } from './store.ts';

export interface FileSource {
  /** Reads the file now (also what the watcher calls). */
  reload(): void;
  close(): void;
}

export function watchSnapshotFile(
  file: string,
  store: SnapshotStore,
  log: Logger,
  opts: { debounceMs?: number; pollMs?: number } = {},
): FileSource {
  const path = resolve(file);
  const name = basename(path);
  let lastText: string | undefined;
  let timer: NodeJS.Timeout | undefined;

  const reload = () => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      log.warn({ file: path, code }, 'snapshot file unreadable; keeping the current snapshot');
      return;
    }
    if (text === lastText) return;
    lastText = text;
    const result = store.apply(text);
    if (result.ok) {
      if (result.changed) log.info({ file: path, version: result.version }, 'snapshot loaded');
    } else {
      log.error(
        { file: path, reason: result.reason, serving: store.current?.version ?? null },
        'snapshot refused; the last good snapshot keeps serving',
      );
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(reload, opts.debounceMs ?? 100);
  };

  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
      // ConfigMap volumes swap a ..data symlink: any change in the directory may be ours.
      if (!changed || changed === name || changed.startsWith('..')) schedule();
    });
    watcher.on('error', (err) => log.warn({ err: err.message }, 'snapshot watcher failed; polling only'));
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'cannot watch the snapshot directory; polling only');
  }
  // A slow poll as a safety net: file systems without inotify (some network mounts) never notify.
  const poll = setInterval(reload, opts.pollMs ?? 5000);
  poll.unref();

  reload();
  return {
    reload,
    close() {
      clearTimeout(timer);
      clearInterval(poll);
      watcher?.close();
    },
  };
}
