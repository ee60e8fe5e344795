// The settings page: the lite-mode switch as a plain form (works without JavaScript), with what it changes.
import { Layout, type PageContext } from '../../ui/layout.view.js';
import type { LiteState } from './settings.service.js';

export function SettingsPage(props: { ctx: PageContext; state: LiteState; csrf: string; saved: boolean }) {
  const { ctx, state, csrf, saved } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('settings.title')}>
      <h1>{t('settings.title')}</h1>
      {saved && (
        <p class="notice" role="status">
          {t(state.on ? 'settings.savedOn' : 'settings.savedOff')}
        </p>
      )}
      <form method="post" action={`/${locale}/settings`} class="settings-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <fieldset>
          <legend>{t('settings.lite.legend')}</legend>
          <p id="lite-help">{t('settings.lite.help')}</p>
          {state.saveData && state.choice === null && <p>{t('settings.lite.saveData')}</p>}
          <p>
            <label>
              <input type="radio" name="lite" value="on" checked={state.on} aria-describedby="lite-help" />{' '}
              {t('settings.lite.on')}
            </label>
          </p>
          <p>
            <label>
              <input type="radio" name="lite" value="off" checked={!state.on} /> {t('settings.lite.off')}
            </label>
          </p>
          <div class="actions">
            <button type="submit">{t('settings.save')}</button>
          </div>
        </fieldset>
      </form>
      <p class="note">{t('settings.privacy')}</p>
    </Layout>
  );
}
