// The operator's CA bundle, published for egress gateways. A gateway runs in a provider
// namespace (not the operator's), so it cannot mount the operator's certificate Secret; the
// chart creates a ConfigMap there (no data) and lets the operator get and patch only that one
// by name; the operator writes the bundle into it at start and whenever it changes.

import type { Logger } from '../log.ts';
import { isNotFound, type KubeApi, RESOURCES, resourcePath } from './api.ts';

export const CA_CONFIGMAP = 'aimesh-operator-ca';
export const CA_KEY = 'ca.crt';

export async function publishCaBundle(
  kube: KubeApi,
  log: Logger,
  namespaces: readonly string[],
  caBundle: string,
): Promise<void> {
  for (const namespace of namespaces) {
    const path = resourcePath(RESOURCES.ConfigMap, namespace, CA_CONFIGMAP);
    try {
      const current = await kube.get<{ data?: Record<string, string> }>(path);
      if (current.data?.[CA_KEY] === caBundle) continue;
      await kube.patch(path, { data: { [CA_KEY]: caBundle } }, 'merge');
      log.info({ namespace, configMap: CA_CONFIGMAP }, 'published the CA bundle for the egress gateway');
    } catch (err) {
      log.warn(
        { namespace, configMap: CA_CONFIGMAP, err: (err as Error).message },
        isNotFound(err)
          ? 'the egress gateway CA ConfigMap is missing (the chart creates it)'
          : 'could not publish the CA bundle for the egress gateway',
      );
    }
  }
}
