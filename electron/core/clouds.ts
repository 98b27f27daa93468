import { builtInClouds, type CloudProfileView } from '../../shared/clouds.ts';

/** The cloud profiles the app knows: for now the three built-in Azure clouds. */
export function listClouds(): CloudProfileView[] {
  return builtInClouds.map((cloud) => ({ ...cloud, builtIn: true }));
}
