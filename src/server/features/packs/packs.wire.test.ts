// The pack wire format is declared twice: by the server's schema (packs.schema.ts) and by the browser's code, which
// may import nothing from the server (src/client/offline/packs.ts). These are type checks: `npm run typecheck`
// fails when the two drift apart, before any pack reaches a device.
import { describe, expectTypeOf, it } from 'vitest';
import type {
  PackLocation as ClientLocation,
  PackResponse,
  PackService as ClientService,
} from '../../../client/offline/packs.js';
import type { CountryPack, PackLocation, PackService } from './packs.service.js';

describe('pack wire format', () => {
  it('a service and its places are the same on both sides', () => {
    expectTypeOf<ClientService>().toEqualTypeOf<PackService>();
    expectTypeOf<ClientLocation>().toEqualTypeOf<PackLocation>();
  });

  it('every pack the server builds is one the browser reads, field for field', () => {
    expectTypeOf<CountryPack>().toExtend<PackResponse>();
    expectTypeOf<keyof PackResponse>().toEqualTypeOf<keyof CountryPack>();
  });
});
