#!/usr/bin/env node
// aimesh-operator: the control plane binary (and its `compile`, `status`, `usage` and `access` commands).
import { runAccess } from './cli/access.ts';
import { runCompile } from './cli/compile.ts';
import { runStatus } from './cli/status.ts';
import { runUsage } from './cli/usage.ts';
import type { KubeApi } from './kube/api.ts';
import { createKubeApi, loadKubeConfig, userKubeApis } from './kube/client.ts';
import { createLogger } from './log.ts';
import { parseOptions, type RunOptions, USAGE, UsageError } from './options.ts';
import { runOperator } from './run.ts';

const io = { stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t) };

async function run(opts: RunOptions): Promise<void> {
  const log = createLogger(opts.logLevel);
  let kube: KubeApi;
  let asUser: (token: string) => KubeApi;
  try {
    const kc = loadKubeConfig(opts.kubeconfig);
    kube = createKubeApi(kc);
    asUser = userKubeApis(kc);
  } catch (err) {
    log.fatal({ err: (err as Error).message }, 'cannot load the Kubernetes configuration');
    process.exitCode = 1;
    return;
  }
  let shutdown: (() => Promise<void>) | undefined;
  let signalled = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      signalled = true;
      log.info({ signal }, 'shutting down');
      // Releasing the lease lets another replica lead at once instead of after leaseDuration.
      const done = shutdown ? shutdown() : Promise.resolve();
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      done.then(
        () => process.exit(0),
        (err) => {
          log.error({ err: (err as Error).message }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  try {
    const operator = await runOperator(opts, kube, log, { asUser });
    shutdown = operator.shutdown;
    if (signalled) await operator.shutdown();
  } catch (err) {
    log.fatal({ err: (err as Error).message }, 'cannot start');
    process.exit(1);
  }
}

try {
  const opts = parseOptions(process.argv.slice(2));
  if (opts.command === 'help') {
    io.stdout(`${USAGE}\n`);
  } else if (opts.command === 'compile') {
    process.exitCode = runCompile(opts, io);
  } else if (opts.command === 'status') {
    process.exitCode = await runStatus(opts, io);
  } else if (opts.command === 'usage') {
    process.exitCode = await runUsage(opts, io);
  } else if (opts.command === 'access') {
    let kube: ReturnType<typeof createKubeApi> | undefined;
    try {
      kube = createKubeApi(loadKubeConfig(opts.kubeconfig));
    } catch (err) {
      io.stderr(`error: cannot load the Kubernetes configuration: ${(err as Error).message}\n`);
      process.exitCode = 1;
    }
    if (kube) process.exitCode = await runAccess(opts, io, kube);
  } else {
    await run(opts);
  }
} catch (err) {
  if (!(err instanceof UsageError) && !(err instanceof TypeError)) throw err;
  io.stderr(`error: ${err.message}\n${USAGE}\n`);
  process.exitCode = 2;
}
