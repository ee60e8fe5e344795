// Every location as published (hidden addresses without coordinates or street), batch by batch.
import type { Db } from '../../../db/db.js';
import { locationRowsAfter } from '../hsds-places.repository.js';
import { presentLocation, type HsdsObject } from '../hsds.presenter.js';
import { STREAM_BATCH } from '../hsds.service.js';

export async function* publicLocations(db: Db): AsyncGenerator<HsdsObject> {
  let after: string | null = null;
  for (;;) {
    const { locations, addresses } = await locationRowsAfter(db, after, STREAM_BATCH);
    const byLocation = new Map<string, typeof addresses>();
    for (const address of addresses) {
      const own = byLocation.get(address.location_id);
      if (own) own.push(address);
      else byLocation.set(address.location_id, [address]);
    }
    for (const location of locations)
      yield presentLocation(location, byLocation.get(location.id) ?? [], undefined, 'es');
    if (locations.length < STREAM_BATCH) return;
    after = locations[locations.length - 1]?.id ?? null;
  }
}
