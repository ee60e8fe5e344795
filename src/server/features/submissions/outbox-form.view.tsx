// What a form needs to be kept on the device when there is no network and sent exactly once later (issue 7): the
// one-time client key, the status line the outbox island writes into (role="status"; its words come from here, in
// the page's language) and the island itself. The <form> also gets `data-offline-outbox` and `data-outbox-label`.
// With JavaScript off the form posts as always; the key still makes a second post of it harmless.
import { islandAssets } from '../../http/assets.js';
import type { Translate } from '../../i18n/i18n.js';
import { CLIENT_KEY_FIELD, newClientKey } from './client-keys.service.js';

export function OutboxFields({ t, clientKey }: { t: Translate; clientKey?: string | undefined }) {
  return (
    <>
      <input type="hidden" name={CLIENT_KEY_FIELD} value={clientKey ?? newClientKey()} />
      <div
        class="outbox-status"
        role="status"
        data-outbox-status
        data-saved={t('outbox.saved')}
        data-sent={t('outbox.sent')}
        data-open={t('outbox.open')}
        data-rejected={t('outbox.rejected')}
        data-fix={t('outbox.fix')}
        data-nostore={t('outbox.noStore')}
        data-signin={t('outbox.signIn')}
      />
      <script type="module" src={islandAssets('outbox').script} />
    </>
  );
}
