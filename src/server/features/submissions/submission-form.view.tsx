// The listing form (new listings, drafts, editor edits): plain HTML that works with JavaScript off. Blocks are
// added and removed by buttons that post the form (name="action"), so nothing typed is lost either way.
import { LOCALES, ORGANIZATION_KINDS } from '../../db/schema.js';
import { islandAssets } from '../../http/assets.js';
import type { Translate } from '../../i18n/i18n.js';
import { countryName, languageName } from '../../i18n/names.js';
import { CsrfField } from '../../ui/form.view.js';
import type { SubmissionErrors } from './submission-check.js';
import { Checks, Choice, Field, fieldId, Problem } from './listing-fields.view.js';
import { ServiceFields } from './service-fields.view.js';
import { OutboxFields } from './outbox-form.view.js';
import { COUNTRY_CHOICES, HONEYPOT, type ListingForm, type LocationForm } from './submission-form.js';

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
  const hasErrors = Boolean(errors && Object.keys(errors).length > 0);
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
      {hasErrors && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <p>{t('form.errors.summary')}</p>
          <Problem t={t} errors={errors} name="form" />
        </div>
      )}
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
