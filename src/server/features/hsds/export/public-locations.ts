// Every location as published (hidden addresses without coordinates or street), batch by batch.
import type { Db } from '../../../db/db.js';
import { locationRowsAfter } from '../hsds-places.repository.js';
import { presentLocation, type HsdsObject } from '../hsds.presenter.js';
import { STREAM_BATCH } from '../hsds.service.js';

export async function* publicLocations(db: Db): AsyncGenerator<HsdsObject> {
  let after: string | null = null;
  for (;;) {
    const { locations, addresses } = await locationRowsAfter(db, after, STREAM_BATCH);
    for (const location of locations) {
      const own = addresses.filter((a) => a.location_id === location.id);
      yield presentLocation(location, own, undefined, 'es');
    }
    if (locations.length < STREAM_BATCH) return;
    after = locations[locations.length - 1]?.id ?? null;
  }
}
