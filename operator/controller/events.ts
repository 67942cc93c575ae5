// Kubernetes Events (events.k8s.io/v1) on AIMesh resources, so `kubectl describe` and
// `kubectl get events` tell the story. Recording is best effort: a failure is logged, never fatal.
import { API_VERSION } from '../../crds/api.ts';
import { type KubeApi, type KubeObject, microTime, RESOURCES, resourcePath } from '../kube/api.ts';
import type { Logger } from '../log.ts';
import type { StatusEvent } from './status.ts';

export const REPORTING_CONTROLLER = 'aimesh.io/operator';

export class EventRecorder {
  readonly #kube: KubeApi;
  readonly #log: Logger;
  readonly #instance: string;

  constructor(kube: KubeApi, log: Logger, instance: string) {
    this.#kube = kube;
    this.#log = log;
    this.#instance = instance.slice(0, 128);
  }

  async record(kind: string, object: KubeObject, event: StatusEvent): Promise<void> {
    const { name, namespace = 'default', uid, resourceVersion } = object.metadata;
    try {
      await this.#kube.create(resourcePath(RESOURCES.Event, namespace), {
        apiVersion: 'events.k8s.io/v1',
        kind: 'Event',
        metadata: { generateName: `${name.slice(0, 200)}-`, namespace },
        eventTime: microTime(new Date()),
        reportingController: REPORTING_CONTROLLER,
        reportingInstance: this.#instance,
        action: 'Reconcile',
        type: event.type,
        reason: event.reason.slice(0, 128),
        note: event.note.slice(0, 1024),
        regarding: { apiVersion: API_VERSION, kind, namespace, name, uid, resourceVersion },
      });
    } catch (err) {
      this.#log.warn(
        { kind, namespace, name, reason: event.reason, err: (err as Error).message },
        'event not recorded',
      );
    }
  }
}
