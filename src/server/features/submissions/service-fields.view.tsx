// One service of the listing form: names and translations, kinds of help, who it is for, languages, cost, hours,
// documents, phones, contact, and at which of the listing's places it is offered.
import { COSTS, LOCALES, POPULATIONS, type Locale } from '../../db/schema.js';
import type { Translate } from '../../i18n/i18n.js';
import { languageName, weekdayName } from '../../i18n/names.js';
import type { SubmissionErrors } from './submission-check.js';
import { WEEKDAYS, type LocationForm, type ServiceForm } from './submission-form.js';
import { Checks, Choice, Field, Problem } from './listing-fields.view.js';
import type { CategoryChoice } from './submission-form.view.js';

export function ServiceFields(props: {
  t: Translate;
  errors?: SubmissionErrors | undefined;
  service: ServiceForm;
  index: number;
  locations: LocationForm[];
  categories: CategoryChoice[];
  own: string;
  removable: boolean;
}) {
  const { t, errors, service: s, index, locations, categories, own, removable } = props;
  const p = `services.${index}`;
  const standard = ['es', 'en', 'fr', 'ht', 'pt'];
  return (
    <fieldset>
      <legend>{t('submissions.form.service', { n: index + 1 })}</legend>
      <input type="hidden" name={`${p}.key`} value={s.key} />
      <Field t={t} errors={errors} name={`${p}.name`} label={t('submissions.form.serviceName')} value={s.name} />
      <Field
        t={t}
        errors={errors}
        name={`${p}.description`}
        label={t('submissions.form.serviceDescription')}
        value={s.description}
        multiline
      />
      <details>
        <summary>{t('submissions.form.translations')}</summary>
        <p class="hint">{t('submissions.form.translationsHint')}</p>
        {LOCALES.filter((l) => l !== own).map((l: Locale) => (
          <div lang={l}>
            <Field
              t={t}
              errors={errors}
              name={`${p}.name.${l}`}
              label={t('submissions.form.nameIn', { language: languageName(t, l) })}
              value={s.translations[l]?.name ?? ''}
            />
            <Field
              t={t}
              errors={errors}
              name={`${p}.description.${l}`}
              label={t('submissions.form.descriptionIn', { language: languageName(t, l) })}
              value={s.translations[l]?.description ?? ''}
              multiline
            />
          </div>
        ))}
      </details>
      <Checks
        t={t}
        errors={errors}
        name={`${p}.categories`}
        legend={t('submissions.form.categories')}
        checked={s.categories}
        options={categories.map((c) => ({ value: c.code, label: c.name }))}
      />
      <Checks
        t={t}
        errors={errors}
        name={`${p}.populations`}
        legend={t('submissions.form.populations')}
        hint={t('submissions.form.populationsHint')}
        checked={s.populations}
        options={POPULATIONS.map((v) => ({ value: v, label: t(`population.${v}`) }))}
      />
      <Checks
        t={t}
        errors={errors}
        name={`${p}.languages`}
        legend={t('submissions.form.languages')}
        checked={s.languages}
        options={standard.map((code) => ({ value: code, label: languageName(t, code) }))}
      >
        <Field
          t={t}
          errors={errors}
          name={`${p}.other_languages`}
          label={t('submissions.form.otherLanguages')}
          hint={t('submissions.form.otherLanguagesHint')}
          value={s.other_languages}
        />
      </Checks>
      <Choice
        t={t}
        errors={errors}
        name={`${p}.cost`}
        label={t('submissions.form.cost')}
        value={s.cost}
        options={COSTS.map((c) => ({ value: c, label: t(`cost.${c}`) }))}
      />
      <Field
        t={t}
        errors={errors}
        name={`${p}.fees_description`}
        label={t('submissions.form.fees')}
        value={s.fees_description}
        multiline
      />
      <Field
        t={t}
        errors={errors}
        name={`${p}.application_process`}
        label={t('submissions.form.howToApply')}
        value={s.application_process}
        multiline
      />
      <fieldset>
        <legend>{t('submissions.form.hours')}</legend>
        <p class="hint">{t('submissions.form.hoursHint')}</p>
        {WEEKDAYS.map((d) => (
          <div>
            <Problem t={t} errors={errors} name={`${p}.hours.${d}`} />
            <div class="field-row">
              <Field
                t={t}
                errors={errors}
                type="time"
                name={`${p}.hours.${d}.opens`}
                label={t('submissions.form.opens', { day: weekdayName(t, d) })}
                value={s.hours[d - 1]?.opens ?? ''}
              />
              <Field
                t={t}
                errors={errors}
                type="time"
                name={`${p}.hours.${d}.closes`}
                label={t('submissions.form.closes', { day: weekdayName(t, d) })}
                value={s.hours[d - 1]?.closes ?? ''}
              />
            </div>
          </div>
        ))}
      </fieldset>
      <Field
        t={t}
        errors={errors}
        name={`${p}.schedule_notes`}
        label={t('submissions.form.scheduleNotes')}
        value={s.schedule_notes}
        multiline
      />
      <Field
        t={t}
        errors={errors}
        name={`${p}.documents`}
        label={t('submissions.form.documents')}
        hint={t('submissions.form.documentsHint')}
        value={s.documents}
        multiline
      />
      <fieldset>
        <legend>{t('submissions.form.phones')}</legend>
        {s.phones.map((phone, n) => (
          <div class="field-row">
            <Field
              t={t}
              errors={errors}
              type="tel"
              name={`${p}.phones.${n}.number`}
              label={t('submissions.form.phone', { n: n + 1 })}
              value={phone.number}
            />
            <ul class="checks">
              <li>
                <label>
                  <input type="checkbox" name={`${p}.phones.${n}.whatsapp`} value="on" checked={phone.whatsapp} />
                  {t('submissions.form.whatsapp')}
                </label>
              </li>
            </ul>
          </div>
        ))}
      </fieldset>
      <div class="field-row">
        <Field
          t={t}
          errors={errors}
          type="email"
          name={`${p}.email`}
          label={t('submissions.form.serviceEmail')}
          value={s.email}
        />
        <Field
          t={t}
          errors={errors}
          type="url"
          name={`${p}.url`}
          label={t('submissions.form.serviceUrl')}
          value={s.url}
          hint={t('submissions.form.urlHint')}
        />
      </div>
      <Checks
        t={t}
        errors={errors}
        name={`${p}.location_keys`}
        legend={t('submissions.form.offeredAt')}
        checked={s.location_keys}
        options={locations.map((l, i) => ({
          value: l.key,
          label: l.name || l.city || t('submissions.form.location', { n: i + 1 }),
        }))}
      />
      {removable && (
        <div class="actions">
          <button type="submit" name="action" value={`remove-service-${index}`} class="button button-danger">
            {t('submissions.form.removeService', { n: index + 1 })}
          </button>
        </div>
      )}
    </fieldset>
  );
}
