import { describe, expect, it } from 'vitest';
import type { ListingDocument } from '../listings/listing.schema.js';
import { checkSubmission, draftProblems, visibleErrors } from './submission-check.js';
import { applyBlockAction, blankForm, formFromListing, readAction, readForm } from './submission-form.js';
import { validFields } from './submissions.factories.js';

const CATEGORIES = new Set(['shelter', 'food']);
const LOC = '0b9e3a5e-1111-4a2b-9c3d-000000000001';
const SVC = '0b9e3a5e-2222-4a2b-9c3d-000000000002';

const live: ListingDocument = {
  organization: {
    name: 'Casa Refugio',
    description: { es: 'Acompañamos.', en: 'We accompany.' },
    kind: 'shelter',
    email: null,
    website: 'https://casa.example.org',
    original_locale: 'es',
  },
  locations: [
    {
      key: LOC,
      name: { es: 'Albergue', fr: 'Foyer' },
      country_code: 'GT',
      admin_area: null,
      city: 'Tecún Umán',
      latitude: 14.68,
      longitude: -92.14,
      address_1: null,
      postal_code: null,
      address_visibility: 'hidden',
      transportation: { es: 'Junto al río.' },
    },
  ],
  services: [
    {
      key: SVC,
      name: { es: 'Albergue', en: 'Shelter' },
      description: { es: 'Tres noches.' },
      categories: ['shelter'],
      populations: ['women'],
      languages: ['es', 'mam'],
      cost: 'free',
      fees_description: {},
      application_process: { es: 'Llegar temprano.', ht: 'Vini bonè.' },
      schedule_notes: {},
      hours: [
        { weekday: 1, opens: '08:00', closes: '18:00' },
        { weekday: 7, opens: '10:00', closes: '12:00' },
      ],
      documents: [{ es: 'Pasaporte', en: 'Passport' }],
      phones: [{ number: '+502 7776 0000', whatsapp: true }],
      email: 'albergue@casa.example.org',
      url: null,
      location_keys: [LOC],
    },
  ],
};

describe('the submission form and its checks', () => {
  it('turns a live listing into the form and back without change (other languages kept from the live one)', () => {
    const form = formFromListing(live, 'contact@casa.example.org');
    const result = checkSubmission(form, CATEGORIES, live);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.listing).toEqual(live);
      expect(result.email).toBe('contact@casa.example.org');
    }
    // Without the live listing to keep them from, texts shown only in Spanish lose their translations.
    const bare = checkSubmission(form, CATEGORIES);
    expect(bare.ok && bare.listing.locations[0]?.name).toEqual({ es: 'Albergue' });
  });

  it('reads a posted body the way a browser sends it, flagging what is not plain text', () => {
    const { form, shape } = readForm(
      {
        ...validFields(),
        'organization.name': ['a', 'b'],
        'organization.description': 'x\u0000y',
        'locations.0.city': '%C3%28',
        'services.0.location_keys': ['new-1', 'new-7'],
      },
      'es',
    );
    expect(shape).toEqual({ 'organization.name': 'invalid', 'locations.0.city': 'invalid' });
    expect(form.organization.description).toBe('x\uFFFDy');
    expect(form.services[0]?.location_keys).toEqual(['new-1']);
    expect(draftProblems(form)).toEqual({ 'organization.description': 'invalid' });
  });

  it('maps document errors to the fields the form shows', () => {
    const { form } = readForm(
      validFields({
        'services.0.phones.0.number': '',
        'services.0.phones.2.number': 'abc',
        'services.0.documents': 'ok\n' + 'd'.repeat(400),
        'services.0.other_languages': 'x1',
        'locations.0.latitude': '0x10',
        'locations.0.longitude': '-92.1',
      }),
      'es',
    );
    const result = checkSubmission(form, CATEGORIES);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual({
        'services.0.phones.2.number': 'invalid',
        'services.0.documents': 'tooLong',
        'services.0.languages': 'invalid',
        'locations.0.latitude': 'invalid',
      });
    }
    expect(visibleErrors({ 'locations.0.key': 'invalid', services: 'tooMany' }, form)).toEqual({ form: 'invalid' });
  });

  it('adds and removes blocks, never the last one', () => {
    const form = blankForm('ht');
    expect(form.organization.original_locale).toBe('ht');
    const two = applyBlockAction(form, readAction({ action: 'add-location' }));
    expect(two.locations.map((l) => l.key)).toEqual(['new-1', 'new-2']);
    const withService = applyBlockAction(two, readAction({ action: 'add-service' }));
    expect(withService.services.map((s) => s.key)).toEqual(['new-1', 'new-2']);
    const removed = applyBlockAction(withService, readAction({ action: 'remove-location-0' }));
    expect(removed.locations.map((l) => l.key)).toEqual(['new-2']);
    expect(removed.services[0]?.location_keys).toEqual([]);
    expect(applyBlockAction(removed, readAction({ action: 'remove-location-0' }))).toBe(removed);
    expect(readAction({ action: ['submit', 'save'] })).toEqual({ kind: 'none' });
    expect(readAction({ action: 'remove-service-9999' })).toEqual({ kind: 'none' });
    expect(readAction({})).toEqual({ kind: 'none' });
  });
});
