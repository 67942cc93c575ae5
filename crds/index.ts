// The AIMesh API: the three kinds and the helpers that read them from manifests.
import { aiprovider } from './aiprovider.ts';
import { aiquota } from './aiquota.ts';
import { airoute } from './airoute.ts';

export { API_VERSION, GROUP, VERSION } from './api.ts';
export const KINDS = [aiprovider, airoute, aiquota];
export { aiprovider, aiquota, airoute };
