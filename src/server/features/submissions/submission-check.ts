// Checks a typed form: the light check a draft must pass to be saved (no oversized or malformed text), and the
// whole check a submission must pass (a valid ListingDocument, a resolvable place, a submitter email). Errors are
// keyed by the form's field names, so each shows next to its field.
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { LOCALES, type Locale, type Translated } from '../../db/schema.js';
import { checkForm, type FieldErrorKey } from '../../http/form.js';
import { CLEAN_TEXT, LIMITS, ListingDocument } from '../listings/listing.schema.js';
import { resolvePlace } from '../places/gazetteer.js';
import { COUNTRY_CHOICES, WEEKDAYS, type ListingForm } from './submission-form.js';

/** Errors of this form: the shared keys (form.errors.*) and a few of its own (submissions.errors.*). */
export type SubmissionErrorKey = 'cityNotFound' | 'hours' | 'emailLimit' | 'unknownCategory' | 'noAction';
export type SubmissionErrors = Record<string, FieldErrorKey | SubmissionErrorKey>;
export const OWN_ERROR_KEYS: ReadonlySet<string> = new Set([
  'cityNotFound',
  'hours',
  'emailLimit',
  'unknownCategory',
  'noAction',
]);

const SubmitterEmail = Type.String({
  minLength: 1,
  maxLength: 254,
  pattern: '^[^\\s@<>"]+@[^\\s@<>"]+\\.[^\\s@<>"]+$',
});
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const DEGREES = /^[+-]?[0-9]{1,3}(\.[0-9]{1,12})?$/;
const clean = new RegExp(CLEAN_TEXT, 'u');

/** Every text field of the form with its name, for the draft check. */
function textFields(form: ListingForm): [string, string][] {
  const fields: [string, string][] = [['submitter_email', form.submitter_email]];
  for (const [name, value] of Object.entries(form.organization)) fields.push([`organization.${name}`, value]);
  form.locations.forEach((location, i) => {
    for (const [name, value] of Object.entries(location)) fields.push([`locations.${i}.${name}`, value as string]);
  });
  form.services.forEach((s, i) => {
    const p = `services.${i}`;
    for (const name of [
      'key', 'name', 'description', 'other_languages', 'cost', 'fees_description', 'application_process',
      'schedule_notes', 'documents', 'email', 'url',
    ] as const) fields.push([`${p}.${name}`, s[name]]); // prettier-ignore
    for (const [locale, text] of Object.entries(s.translations)) {
      fields.push([`${p}.name.${locale}`, text.name], [`${p}.description.${locale}`, text.description]);
    }
    for (const name of ['categories', 'populations', 'languages', 'location_keys'] as const) {
      for (const value of s[name]) fields.push([`${p}.${name}`, value]);
    }
    s.hours.forEach((h, d) => fields.push([`${p}.hours.${d + 1}`, h.opens], [`${p}.hours.${d + 1}`, h.closes]));
    s.phones.forEach((phone, n) => fields.push([`${p}.phones.${n}.number`, phone.number]));
  });
  return fields;
}

/** What a draft must pass to be stored: no text beyond the longest a listing allows, no control characters. */
export function draftProblems(form: ListingForm): SubmissionErrors {
  const errors: SubmissionErrors = {};
  for (const [name, value] of textFields(form)) {
    if (value.length > LIMITS.longText) errors[name] ??= 'tooLong';
    else if (!clean.test(value)) errors[name] ??= 'invalid';
  }
  return errors;
}

export type ListingCheck =
  { ok: true; listing: ListingDocument; email: string } | { ok: false; errors: SubmissionErrors };

/** The whole check of a submission. `categories` are the taxonomy codes that exist; `base` is the listing being
 *  edited, whose texts in other languages the form does not show and so keeps. */
export function checkSubmission(
  form: ListingForm,
  categories: ReadonlySet<string>,
  base?: ListingDocument,
): ListingCheck {
  const errors: SubmissionErrors = {};
  /** Document path prefix → form field name, for errors on rows the form numbers differently. */
  const renames = new Map<string, string>();
  const own = (LOCALES as readonly string[]).includes(form.organization.original_locale)
    ? (form.organization.original_locale as Locale)
    : null;
  if (!own) errors['organization.original_locale'] = 'invalid';
  const locale = own ?? 'es';
  const inOwn = (value: string): Translated => (value ? { [locale]: value } : {});
  const orNull = (value: string) => (value === '' ? null : value);

  const locations = form.locations.map((l, i) => {
    const p = `locations.${i}`;
    if (!(COUNTRY_CHOICES as readonly string[]).includes(l.country_code)) {
      errors[`${p}.country_code`] = l.country_code ? 'invalid' : 'required';
    }
    const place = coordinates(l.latitude, l.longitude, l.city, l.country_code, p, errors);
    return {
      key: l.key,
      name: inOwn(l.name),
      country_code: l.country_code,
      admin_area: orNull(l.admin_area),
      city: l.city,
      latitude: place.latitude,
      longitude: place.longitude,
      address_1: orNull(l.address_1),
      postal_code: orNull(l.postal_code),
      address_visibility: l.address_visibility,
      transportation: inOwn(l.transportation),
    };
  });

  const services = form.services.map((s, i) => {
    const p = `services.${i}`;
    if (!s.name) errors[`${p}.name`] = 'required';
    if (s.location_keys.length === 0) errors[`${p}.location_keys`] = 'tooFew';
    if (s.categories.some((code) => !categories.has(code))) errors[`${p}.categories`] = 'unknownCategory';
    const name: Translated = inOwn(s.name);
    const description: Translated = inOwn(s.description);
    for (const [other, text] of Object.entries(s.translations) as [Locale, { name: string; description: string }][]) {
      if (other === locale) continue;
      if (text.name) name[other] = text.name;
      if (text.description) description[other] = text.description;
    }
    const hours = WEEKDAYS.flatMap((weekday) => {
      const h = s.hours[weekday - 1] ?? { opens: '', closes: '' };
      if (!h.opens && !h.closes) return [];
      if (!TIME.test(h.opens) || !TIME.test(h.closes) || h.opens >= h.closes) {
        errors[`${p}.hours.${weekday}`] = 'hours';
        return [];
      }
      return [{ weekday, opens: h.opens, closes: h.closes }];
    });
    const typedPhones = s.phones.map((phone, n) => ({ phone, n })).filter(({ phone }) => phone.number !== '');
    typedPhones.forEach(({ n }, index) => renames.set(`${p}.phones.${index}`, `${p}.phones.${n}.number`));
    const languages = [
      ...new Set([
        ...s.languages,
        ...s.other_languages
          .toLowerCase()
          .split(/[\s,;]+/)
          .filter(Boolean),
      ]),
    ];
    return {
      key: s.key,
      name,
      description,
      categories: s.categories,
      populations: s.populations,
      languages,
      cost: s.cost,
      fees_description: inOwn(s.fees_description),
      application_process: inOwn(s.application_process),
      schedule_notes: inOwn(s.schedule_notes),
      hours,
      documents: s.documents
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map(inOwn),
      phones: typedPhones.map(({ phone }) => ({ number: phone.number, whatsapp: phone.whatsapp })),
      email: orNull(s.email),
      url: orNull(s.url),
      location_keys: s.location_keys,
    };
  });

  const listing = {
    organization: {
      name: form.organization.name,
      description: inOwn(form.organization.description),
      kind: form.organization.kind,
      email: orNull(form.organization.email),
      website: orNull(form.organization.website),
      original_locale: locale,
    },
    locations,
    services,
  };
  const checked = checkForm(ListingDocument, listing);
  if (!checked.ok) {
    for (const [path, key] of Object.entries(checked.errors)) errors[formField(path, locale, renames)] ??= key;
  }
  const email = form.submitter_email.toLowerCase();
  if (!Value.Check(SubmitterEmail, email)) errors.submitter_email = email ? 'email' : 'required';
  if (Object.keys(errors).length > 0 || !checked.ok) return { ok: false, errors };
  return { ok: true, listing: base ? keepOtherLanguages(checked.value, base) : checked.value, email };
}

/** Texts the form shows only in the listing's own language keep their other languages from the edited listing
 *  (a service's name and description are edited in every language, so they are taken as typed). */
function keepOtherLanguages(listing: ListingDocument, base: ListingDocument): ListingDocument {
  const own = listing.organization.original_locale;
  const merge = (typed: Translated, before: Translated | undefined): Translated => {
    const kept = Object.fromEntries(Object.entries(before ?? {}).filter(([locale]) => locale !== own));
    return { ...kept, ...typed };
  };
  const baseLocations = new Map(base.locations.map((l) => [l.key, l]));
  const baseServices = new Map(base.services.map((s) => [s.key, s]));
  return {
    organization: {
      ...listing.organization,
      description: merge(listing.organization.description, base.organization.description),
    },
    locations: listing.locations.map((l) => {
      const before = baseLocations.get(l.key);
      return {
        ...l,
        name: merge(l.name, before?.name),
        transportation: merge(l.transportation, before?.transportation),
      };
    }),
    services: listing.services.map((s) => {
      const before = baseServices.get(s.key);
      if (!before) return s;
      return {
        ...s,
        fees_description: merge(s.fees_description, before.fees_description),
        application_process: merge(s.application_process, before.application_process),
        schedule_notes: merge(s.schedule_notes, before.schedule_notes),
        // Documents are lines in the own language; a line left unchanged keeps its translations.
        documents: s.documents.map((doc) => before.documents.find((d) => d[own] === doc[own]) ?? doc),
      };
    }),
  };
}

/** Typed coordinates, or the city's from the gazetteer; NaN-free numbers either way (errors say what is wrong). */
function coordinates(
  latitude: string,
  longitude: string,
  city: string,
  country: string,
  prefix: string,
  errors: SubmissionErrors,
): { latitude: number; longitude: number } {
  if (latitude === '' && longitude === '') {
    const place = city && country ? resolvePlace(`${city}, ${country}`) : null;
    if (!place) {
      if (city) errors[`${prefix}.city`] = 'cityNotFound';
      return { latitude: 0, longitude: 0 };
    }
    return { latitude: place.latitude, longitude: place.longitude };
  }
  // Plain decimal degrees only ("14.9067"): not "0x10", "1e2" or "Infinity", which Number() would take.
  const number = (typed: string, field: string) => {
    if (typed === '') errors[`${prefix}.${field}`] = 'required';
    else if (!DEGREES.test(typed)) errors[`${prefix}.${field}`] = 'invalid';
    return DEGREES.test(typed) ? Number(typed) : 0;
  };
  return { latitude: number(latitude, 'latitude'), longitude: number(longitude, 'longitude') };
}

/** The form field a document error belongs to. */
function formField(path: string, locale: Locale, renames: Map<string, string>): string {
  let field = path.endsWith(`.${locale}`) ? path.slice(0, -locale.length - 1) : path;
  const list = /^(services\.\d+\.(categories|populations|languages|location_keys|documents))\.\d+/.exec(field);
  if (list?.[1]) return list[1];
  const phone = /^(services\.\d+\.phones\.\d+)/.exec(field);
  if (phone?.[1]) return renames.get(phone[1]) ?? phone[1];
  if (/^services\.\d+\.hours/.test(field)) field = field.replace(/\.hours.*$/, '.hours.1');
  return field;
}

/** Errors on fields the form does not show (a hidden key, the number of blocks) move to the top of the form. */
export function visibleErrors(errors: SubmissionErrors, form: ListingForm): SubmissionErrors {
  const shown = new Set(
    textFields(form)
      .map(([name]) => name)
      .filter((name) => !name.endsWith('.key')),
  );
  form.services.forEach((_, i) => {
    for (const name of ['categories', 'populations', 'languages', 'location_keys']) shown.add(`services.${i}.${name}`);
    for (const locale of LOCALES) shown.add(`services.${i}.name.${locale}`).add(`services.${i}.description.${locale}`);
  });
  const visible: SubmissionErrors = {};
  for (const [name, key] of Object.entries(errors)) {
    if (shown.has(name)) visible[name] = key;
    else visible.form ??= key;
  }
  return visible;
}
