// The service page's "Copy link" and "Share…" buttons and the card's "Print" button. Without JavaScript they stay
// hidden: the address is in a read-only field to copy by hand, and the browser's own menu prints. No network.
const field = document.querySelector<HTMLInputElement>('[data-share-url]');
const status = document.querySelector<HTMLElement>('[data-share-status]');
const copy = document.querySelector<HTMLButtonElement>('[data-share-copy]');
const native = document.querySelector<HTMLButtonElement>('[data-share-native]');
const print = document.querySelector<HTMLButtonElement>('[data-print]');

const say = (key: 'copied' | 'failed') => {
  if (status) status.textContent = status.dataset[key] ?? '';
};

if (field && copy) {
  copy.hidden = false;
  copy.addEventListener('click', () => {
    const fallback = () => {
      field.focus();
      field.select();
      say(document.execCommand?.('copy') ? 'copied' : 'failed');
    };
    if (navigator.clipboard?.writeText) {
      navigator.clipboard.writeText(field.value).then(() => say('copied'), fallback);
    } else fallback();
  });
}

if (field && native && typeof navigator.share === 'function') {
  native.hidden = false;
  native.addEventListener('click', () => {
    navigator.share({ title: native.dataset.shareTitle ?? document.title, url: field.value }).catch(() => undefined);
  });
}

if (print) {
  print.hidden = false;
  print.addEventListener('click', () => window.print());
}
