// "Save for offline" on a country page: downloads the country's pack into IndexedDB, stores the map page and its
// files in the cache, and says how old the saved copy is. Refreshes a stale copy by itself when online.
import { cacheOfflineKit } from '../offline/kit.js';
import { getPack, removePack, savePack, STALE_AFTER_MS, type SavedPack } from '../offline/packs.js';
import { age, fill, numberLocale, readStrings } from '../offline/text.js';

type Strings = Record<
  'saving' | 'savedOne' | 'savedOther' | 'unchanged' | 'failed' | 'removed' | 'unsupported',
  string
>;

const section = document.querySelector<HTMLElement>('[data-offline-pack]');

function start(root: HTMLElement): void {
  const { country = '', locale = 'es' } = root.dataset;
  const strings = readStrings<Strings>('[data-pack-strings]', root);
  const save = root.querySelector<HTMLButtonElement>('[data-pack-save]')!;
  const remove = root.querySelector<HTMLButtonElement>('[data-pack-remove]')!;
  const open = root.querySelector<HTMLElement>('[data-pack-open]')!;
  const status = root.querySelector<HTMLElement>('[data-pack-status]')!;
  root.querySelector('[data-pack-noscript]')?.setAttribute('hidden', '');

  const show = (pack: SavedPack | undefined, message?: string) => {
    const saved = pack
      ? fill(pack.services.length === 1 ? strings.savedOne : strings.savedOther, {
          count: pack.services.length.toLocaleString(numberLocale(locale)),
          age: age(pack.checkedAt, locale),
        })
      : '';
    status.textContent = [message, saved].filter(Boolean).join(' ');
    remove.hidden = !pack;
    open.hidden = !pack;
    root.dataset.state = pack ? 'saved' : 'idle';
  };

  if (!('indexedDB' in window) || !('caches' in window)) {
    status.textContent = strings.unsupported;
    return;
  }
  save.hidden = false;

  const download = async () => {
    save.disabled = true;
    root.dataset.state = 'saving';
    status.textContent = strings.saving;
    try {
      const outcome = await savePack(country, locale);
      // Ask the browser not to evict what the user chose to keep; the map page and files for offline use.
      await navigator.storage?.persist?.().catch(() => false);
      await cacheOfflineKit(locale).catch(() => 0);
      show(outcome.pack, outcome.state === 'unchanged' ? strings.unchanged : undefined);
    } catch {
      show(await getPack(country, locale), strings.failed);
      if (root.dataset.state !== 'saved') root.dataset.state = 'failed';
    } finally {
      save.disabled = false;
    }
  };

  save.addEventListener('click', () => void download());
  remove.addEventListener('click', () => {
    void removePack(country, locale).then(() => show(undefined, strings.removed));
  });

  void getPack(country, locale).then((pack) => {
    show(pack);
    if (pack && navigator.onLine && Date.now() - pack.checkedAt > STALE_AFTER_MS) void download();
  });
}

if (section) start(section);
