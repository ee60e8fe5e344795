// The listing form (new listings, drafts, editor edits): plain HTML that works with JavaScript off. Blocks are
// added and removed by buttons that post the form (name="action"), so nothing typed is lost either way.
import { LOCALES, ORGANIZATION_KINDS } from '../../db/schema.js';
import { islandAssets } from '../../http/assets.js';
import type { Translate } from '../../i18n/i18n.js';
import { countryName, languageName, weekdayName } from '../../i18n/names.js';
import { CsrfField, errorId } from '../../ui/form.view.js';
import type { SubmissionErrors } from './submission-check.js';
import { Checks, Choice, errorText, Field, fieldId } from './listing-fields.view.js';
import { ServiceFields } from './service-fields.view.js';
import { OutboxFields } from './outbox-form.view.js';
import { COUNTRY_CHOICES, HONEYPOT, WEEKDAYS, type ListingForm, type LocationForm } from './submission-form.js';

export interface CategoryChoice {
  code: string;
  name: string;
}

export interface ListingFormProps {
  t: Translate;
  action: string;
  csrf: string;
  form: ListingForm;
  errors?: SubmissionErrors | undefined;
  categories: CategoryChoice[];
  /** Signed-in editors submit under their account: no submitter email field. */
  signedIn?: boolean;
  /** The form's one-time key (client-keys.service.ts); a fresh one when not given. */
  clientKey?: string;
}

export function ListingFormView(props: ListingFormProps) {
  const { t, action, csrf, form, errors, categories, signedIn, clientKey } = props;
  return (
    <form
      method="post"
      action={action}
      class="form"
      novalidate
      data-draft-key={action}
      data-offline-outbox
      data-outbox-label={t('outbox.label.listing')}
      data-outbox-name="organization.name"
    >
      <CsrfField token={csrf} />
      <ErrorSummary t={t} errors={errors} form={form} signedIn={signedIn} />
      {/* Shown by the draft island (JavaScript on) when this device holds typing the page does not show. */}
      <div class="notice notice-warn" data-draft-restore hidden>
        <p>
          {t('submissions.device.found')} <span data-draft-time />
        </p>
        <div class="actions">
          <button type="button" class="button" data-draft-apply>
            {t('submissions.device.restore')}
          </button>
          <button type="button" class="button button-secondary" data-draft-discard>
            {t('submissions.device.discard')}
          </button>
        </div>
      </div>
      {/* The first button is what pressing Enter in a field does: save, never remove a block. */}
      <div class="actions">
        <button type="submit" name="action" value="save" class="button button-secondary">
          {t('submissions.form.save')}
        </button>
      </div>
      <OrganizationFields t={t} errors={errors} form={form} />
      {form.locations.map((location, i) => (
        <LocationFields t={t} errors={errors} location={location} index={i} removable={form.locations.length > 1} />
      ))}
      <div class="actions">
        <button type="submit" name="action" value="add-location" class="button button-secondary">
          {t('submissions.form.addLocation')}
        </button>
      </div>
      {form.services.map((service, i) => (
        <ServiceFields
          t={t}
          errors={errors}
          service={service}
          index={i}
          locations={form.locations}
          categories={categories}
          own={form.organization.original_locale}
          removable={form.services.length > 1}
        />
      ))}
      <div class="actions">
        <button type="submit" name="action" value="add-service" class="button button-secondary">
          {t('submissions.form.addService')}
        </button>
      </div>
      {!signedIn && (
        <fieldset>
          <legend>{t('submissions.form.aboutYou')}</legend>
          <Field
            t={t}
            errors={errors}
            name="submitter_email"
            type="email"
            autocomplete="email"
            label={t('submissions.form.submitterEmail')}
            hint={t('submissions.form.submitterEmailHint')}
            value={form.submitter_email}
          />
        </fieldset>
      )}
      <div class="trap" aria-hidden="true">
        <label for={fieldId(HONEYPOT)}>{t('submissions.form.trap')}</label>
        <input id={fieldId(HONEYPOT)} name={HONEYPOT} type="text" tabIndex={-1} autocomplete="off" value="" />
      </div>
      <div class="actions">
        <button type="submit" name="action" value="save" class="button button-secondary">
          {t('submissions.form.save')}
        </button>
        <button type="submit" name="action" value="submit" class="button">
          {t('submissions.form.submit')}
        </button>
      </div>
      <OutboxFields t={t} clientKey={clientKey} />
      <script type="module" src={islandAssets('draft').script} />
    </form>
  );
}

/** A field of the form as the error summary names it: its label (with its place or service when there are
 *  several) and the id to link to (the control, or for a group of checkboxes its error message). */
interface SummaryField {
  name: string;
  label: string;
  target: string | undefined;
}

/** Every field of the form that can carry an error, in the order the form shows them. */
function summaryFields(t: Translate, form: ListingForm, signedIn: boolean | undefined): SummaryField[] {
  const fields: SummaryField[] = [];
  const control = (name: string, label: string) => fields.push({ name, label, target: fieldId(name) });
  const group = (name: string, label: string) => fields.push({ name, label, target: errorId(name) });
  const o = 'organization';
  control(`${o}.name`, t('submissions.form.orgName'));
  control(`${o}.original_locale`, t('submissions.form.originalLocale'));
  control(`${o}.description`, t('submissions.form.orgDescription'));
  control(`${o}.kind`, t('submissions.form.orgKind'));
  control(`${o}.email`, t('submissions.form.publicEmail'));
  control(`${o}.website`, t('submissions.form.website'));
  form.locations.forEach((_, i) => {
    const p = `locations.${i}`;
    const block = form.locations.length > 1 ? t('submissions.form.location', { n: i + 1 }) : undefined;
    const name = (label: string) => (block ? t('submissions.summary.inBlock', { field: label, block }) : label);
    control(`${p}.name`, name(t('submissions.form.locationName')));
    control(`${p}.country_code`, name(t('submissions.form.country')));
    control(`${p}.admin_area`, name(t('submissions.form.adminArea')));
    control(`${p}.city`, name(t('submissions.form.city')));
    control(`${p}.address_1`, name(t('submissions.form.street')));
    control(`${p}.postal_code`, name(t('submissions.form.postalCode')));
    group(`${p}.address_visibility`, name(t('submissions.form.visibility')));
    control(`${p}.transportation`, name(t('submissions.form.transportation')));
    control(`${p}.latitude`, name(t('submissions.form.latitude')));
    control(`${p}.longitude`, name(t('submissions.form.longitude')));
  });
  form.services.forEach((service, i) => {
    const p = `services.${i}`;
    const block = form.services.length > 1 ? t('submissions.form.service', { n: i + 1 }) : undefined;
    const name = (label: string) => (block ? t('submissions.summary.inBlock', { field: label, block }) : label);
    control(`${p}.name`, name(t('submissions.form.serviceName')));
    control(`${p}.description`, name(t('submissions.form.serviceDescription')));
    for (const locale of LOCALES) {
      const language = languageName(t, locale);
      control(`${p}.name.${locale}`, name(t('submissions.form.nameIn', { language })));
      control(`${p}.description.${locale}`, name(t('submissions.form.descriptionIn', { language })));
    }
    group(`${p}.categories`, name(t('submissions.form.categories')));
    group(`${p}.populations`, name(t('submissions.form.populations')));
    group(`${p}.languages`, name(t('submissions.form.languages')));
    control(`${p}.other_languages`, name(t('submissions.form.otherLanguages')));
    control(`${p}.cost`, name(t('submissions.form.cost')));
    control(`${p}.fees_description`, name(t('submissions.form.fees')));
    control(`${p}.application_process`, name(t('submissions.form.howToApply')));
    for (const d of WEEKDAYS) {
      const label = name(t('submissions.summary.hours', { day: weekdayName(t, d) }));
      fields.push({ name: `${p}.hours.${d}`, label, target: fieldId(`${p}.hours.${d}.opens`) });
    }
    control(`${p}.schedule_notes`, name(t('submissions.form.scheduleNotes')));
    control(`${p}.documents`, name(t('submissions.form.documents')));
    service.phones.forEach((_, n) =>
      control(`${p}.phones.${n}.number`, name(t('submissions.form.phone', { n: n + 1 }))),
    );
    control(`${p}.email`, name(t('submissions.form.serviceEmail')));
    control(`${p}.url`, name(t('submissions.form.serviceUrl')));
    group(`${p}.location_keys`, name(t('submissions.form.offeredAt')));
  });
  fields.push({
    name: 'submitter_email',
    label: t('submissions.form.submitterEmail'),
    target: signedIn ? undefined : fieldId('submitter_email'),
  });
  return fields;
}

/** The errors first thing in the form, GOV.UK style: focused on load (autofocus on an element with tabindex=-1,
 *  which also scrolls it into view, with JavaScript off too), and each field in error a link to that field. The
 *  messages next to the fields stay. */
function ErrorSummary(props: {
  t: Translate;
  errors: SubmissionErrors | undefined;
  form: ListingForm;
  signedIn: boolean | undefined;
}) {
  const { t, errors, form, signedIn } = props;
  if (!errors || Object.keys(errors).length === 0) return null;
  const known = summaryFields(t, form, signedIn);
  const named = new Set(known.map((field) => field.name));
  const fields = [
    ...known.filter((field) => errors[field.name]),
    // Anything else (the form as a whole, a field this list does not know) by its message alone.
    ...Object.keys(errors)
      .filter((name) => !named.has(name))
      .map((name) => ({ name, label: undefined, target: undefined })),
  ].sort((a, b) => Number(b.name === 'form') - Number(a.name === 'form'));
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autofocus>
      <h2 id="error-summary-title">{t('form.errors.summary')}</h2>
      <ul>
        {fields.map(({ name, label, target }) => {
          const message = errorText(t, errors[name] ?? 'invalid');
          const text = label ? t('submissions.summary.item', { field: label, message }) : message;
          return (
            <li id={name === 'form' ? errorId('form') : undefined}>
              {target ? <a href={`#${target}`}>{text}</a> : text}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function OrganizationFields({
  t,
  errors,
  form,
}: {
  t: Translate;
  errors?: SubmissionErrors | undefined;
  form: ListingForm;
}) {
  const o = form.organization;
  return (
    <fieldset>
      <legend>{t('submissions.form.organization')}</legend>
      <Field t={t} errors={errors} name="organization.name" label={t('submissions.form.orgName')} value={o.name} />
      <Choice
        t={t}
        errors={errors}
        name="organization.original_locale"
        label={t('submissions.form.originalLocale')}
        hint={t('submissions.form.originalLocaleHint')}
        value={o.original_locale}
        options={LOCALES.map((l) => ({ value: l, label: languageName(t, l) }))}
      />
      <Field
        t={t}
        errors={errors}
        name="organization.description"
        label={t('submissions.form.orgDescription')}
        value={o.description}
        multiline
      />
      <Choice
        t={t}
        errors={errors}
        name="organization.kind"
        label={t('submissions.form.orgKind')}
        value={o.kind}
        options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`organizationKind.${k}`) }))}
      />
      <div class="field-row">
        <Field
          t={t}
          errors={errors}
          name="organization.email"
          type="email"
          label={t('submissions.form.publicEmail')}
          value={o.email}
        />
        <Field
          t={t}
          errors={errors}
          name="organization.website"
          type="url"
          label={t('submissions.form.website')}
          value={o.website}
          hint={t('submissions.form.urlHint')}
        />
      </div>
    </fieldset>
  );
}

function LocationFields(props: {
  t: Translate;
  errors?: SubmissionErrors | undefined;
  location: LocationForm;
  index: number;
  removable: boolean;
}) {
  const { t, errors, location: l, index, removable } = props;
  const p = `locations.${index}`;
  return (
    <fieldset>
      <legend>{t('submissions.form.location', { n: index + 1 })}</legend>
      <input type="hidden" name={`${p}.key`} value={l.key} />
      <Field t={t} errors={errors} name={`${p}.name`} label={t('submissions.form.locationName')} value={l.name} />
      <Choice
        t={t}
        errors={errors}
        name={`${p}.country_code`}
        label={t('submissions.form.country')}
        value={l.country_code}
        options={COUNTRY_CHOICES.map((c) => ({ value: c, label: countryName(t, c) }))}
      />
      <div class="field-row">
        <Field
          t={t}
          errors={errors}
          name={`${p}.admin_area`}
          label={t('submissions.form.adminArea')}
          value={l.admin_area}
        />
        <Field t={t} errors={errors} name={`${p}.city`} label={t('submissions.form.city')} value={l.city} />
      </div>
      <div class="field-row">
        <Field
          t={t}
          errors={errors}
          name={`${p}.address_1`}
          label={t('submissions.form.street')}
          value={l.address_1}
          autocomplete="off"
        />
        <Field
          t={t}
          errors={errors}
          name={`${p}.postal_code`}
          label={t('submissions.form.postalCode')}
          value={l.postal_code}
        />
      </div>
      <Checks
        t={t}
        errors={errors}
        type="radio"
        name={`${p}.address_visibility`}
        legend={t('submissions.form.visibility')}
        hint={t('submissions.form.visibilityHint')}
        checked={[l.address_visibility]}
        options={['full', 'city', 'hidden'].map((v) => ({ value: v, label: t(`submissions.visibility.${v}`) }))}
      />
      <Field
        t={t}
        errors={errors}
        name={`${p}.transportation`}
        label={t('submissions.form.transportation')}
        value={l.transportation}
        multiline
      />
      <p class="hint">{t('submissions.form.coordinatesHint')}</p>
      <div class="field-row">
        <Field t={t} errors={errors} name={`${p}.latitude`} label={t('submissions.form.latitude')} value={l.latitude} />
        <Field
          t={t}
          errors={errors}
          name={`${p}.longitude`}
          label={t('submissions.form.longitude')}
          value={l.longitude}
        />
      </div>
      {removable && (
        <div class="actions">
          <button type="submit" name="action" value={`remove-location-${index}`} class="button button-danger">
            {t('submissions.form.removeLocation', { n: index + 1 })}
          </button>
        </div>
      )}
    </fieldset>
  );
}
