// A synthetic directory of `services` services all given in one country, for the pack budget test and benchmark:
// the search benchmark's deterministic generator (demo/synthetic-directory.ts) with every place moved into
// `country` (names and cities stay as generated, so texts and addresses keep their realistic variety).
import { buildSyntheticDirectory } from '../demo/synthetic-directory.js';
import type { DemoDirectory } from '../demo/demo-directory.js';

export function syntheticCountryDirectory(services: number, country = 'MX', seed = 1): DemoDirectory {
  const directory = buildSyntheticDirectory(services, seed);
  return {
    ...directory,
    locations: directory.locations.map((l) => ({ ...l, country_code: country })),
    addresses: directory.addresses.map((a) => ({ ...a, country_code: country })),
  };
}
