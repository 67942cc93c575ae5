// Keep-alive agents per provider, shared by every snapshot so a config reload keeps the warm
// connections. noDelay: a small SSE chunk or request must not wait for Nagle (~40 ms stalls).
import http from 'node:http';
import https from 'node:https';
import type { ProviderConfig } from '../snapshot/index.ts';

export class AgentPool {
  readonly #agents = new Map<string, http.Agent>();
  readonly #gatewayCA: string | undefined;

  /** gatewayCA: what an https egress gateway's certificate must chain to (default: system CAs). */
  constructor(opts: { gatewayCA?: string } = {}) {
    this.#gatewayCA = opts.gatewayCA;
  }

  /** The agent for a provider; maxConcurrentRequests bounds its sockets, extra requests queue. */
  get(provider: ProviderConfig): http.Agent {
    // Gateway credential mode: the connections go to the egress gateway, not to the provider.
    const secure = (provider.gateway?.url ?? provider.endpoint).startsWith('https:');
    const maxSockets = provider.maxConcurrentRequests ?? Number.POSITIVE_INFINITY;
    const key = `${provider.id}|${secure ? 'https' : 'http'}|${maxSockets}|${provider.gateway?.url ?? ''}`;
    let agent = this.#agents.get(key);
    if (!agent) {
      // noDelay reaches net.connect through the agent's options (missing from AgentOptions' type).
      const options: https.AgentOptions & { noDelay: boolean } = {
        ...(provider.gateway && this.#gatewayCA ? { ca: this.#gatewayCA } : {}),
        keepAlive: true,
        keepAliveMsecs: 1000,
        noDelay: true,
        maxSockets,
        maxFreeSockets: 64,
        scheduling: 'lifo',
        timeout: 120_000,
      };
      agent = secure ? new https.Agent(options) : new http.Agent(options);
      this.#agents.set(key, agent);
    }
    return agent;
  }

  destroy(): void {
    for (const agent of this.#agents.values()) agent.destroy();
    this.#agents.clear();
  }
}
