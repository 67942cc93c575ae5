// What an app's sidecar and an egress gateway agree on. The sidecar sends the request its
// adapter built (no credential) to the gateway with the path below the provider's endpoint,
// names the provider in x-aimesh-provider and proves who it is with its projected
// ServiceAccount token (audience aimesh) in proxy-authorization: the standard header for
// authenticating to an intermediary, so it never collides with the provider's own authorization.
// Refusals by the gateway itself carry x-aimesh-gateway-error (the code), so the sidecar can tell
// them apart from the provider's answers.
export const PROVIDER_HEADER = 'x-aimesh-provider';
export const TOKEN_HEADER = 'proxy-authorization';
export const GATEWAY_ERROR_HEADER = 'x-aimesh-gateway-error';
