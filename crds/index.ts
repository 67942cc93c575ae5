// The AIMesh API: the four kinds and the helpers that read them from manifests.
import { aiaccessrequest } from './aiaccessrequest.ts';
import { aiprovider } from './aiprovider.ts';
import { aiquota } from './aiquota.ts';
import { airoute } from './airoute.ts';

export { API_VERSION, GROUP, VERSION } from './api.ts';
export const KINDS = [aiprovider, airoute, aiquota, aiaccessrequest];
export { aiaccessrequest, aiprovider, aiquota, airoute };
