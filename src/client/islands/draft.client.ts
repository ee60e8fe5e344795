// Keeps a copy of the listing form on this device while it is typed (localStorage), so that a page reloaded with no
// connection, or a tab closed before "save", loses nothing. The server-side draft stays the real one; this is a
// safety net that offers to put back what was typed when it differs from what the page shows. No network, no
// third party; nothing happens without JavaScript (the server-side draft link still works).
const form = document.querySelector<HTMLFormElement>('form[data-draft-key]');
const prompt = document.querySelector<HTMLElement>('[data-draft-restore]');

type Saved = { savedAt: number; fields: [string, string][] };
const SKIP = new Set(['_csrf', 'action']);

function fieldsOf(target: HTMLFormElement): [string, string][] {
  const fields: [string, string][] = [];
  for (const element of Array.from(target.elements)) {
    if (!(
      element instanceof HTMLInputElement ||
      element instanceof HTMLTextAreaElement ||
      element instanceof HTMLSelectElement
    ))
      continue;
    if (!element.name || SKIP.has(element.name) || element.closest('.trap')) continue;
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
      if (element.checked) fields.push([element.name, element.value]);
    } else if (!(element instanceof HTMLInputElement && (element.type === 'hidden' || element.type === 'submit'))) {
      fields.push([element.name, element.value]);
    }
  }
  return fields;
}

function restore(target: HTMLFormElement, fields: [string, string][]): void {
  const checked = new Set(fields.map(([name, value]) => `${name}\u0000${value}`));
  const values = new Map<string, string>();
  for (const [name, value] of fields) if (!values.has(name)) values.set(name, value);
  for (const element of Array.from(target.elements)) {
    if (!(
      element instanceof HTMLInputElement ||
      element instanceof HTMLTextAreaElement ||
      element instanceof HTMLSelectElement
    ))
      continue;
    if (!element.name || SKIP.has(element.name)) continue;
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
      element.checked = checked.has(`${element.name}\u0000${element.value}`);
    } else if (values.has(element.name) && !(element instanceof HTMLInputElement && element.type === 'hidden')) {
      element.value = values.get(element.name)!;
    }
  }
}

function read(key: string): Saved | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Saved) : null;
  } catch {
    return null;
  }
}

if (form) {
  const key = `rumbo-draft:${form.dataset.draftKey}`;
  const same = (a: [string, string][], b: [string, string][]) => JSON.stringify(a) === JSON.stringify(b);
  const saved = read(key);
  if (saved && !same(saved.fields, fieldsOf(form)) && prompt) {
    const when = prompt.querySelector<HTMLElement>('[data-draft-time]');
    if (when) when.textContent = new Date(saved.savedAt).toLocaleString(document.documentElement.lang);
    prompt.hidden = false;
    prompt.querySelector('[data-draft-apply]')?.addEventListener('click', () => {
      restore(form, saved.fields);
      prompt.hidden = true;
    });
    prompt.querySelector('[data-draft-discard]')?.addEventListener('click', () => {
      localStorage.removeItem(key);
      prompt.hidden = true;
    });
  } else if (saved) {
    // The page already shows what this device had: the server has it.
    localStorage.removeItem(key);
  }
  let timer: number | undefined;
  const remember = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      try {
        localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), fields: fieldsOf(form) } satisfies Saved));
      } catch {
        // Storage full or disabled: the server-side draft still works.
      }
    }, 400);
  };
  form.addEventListener('input', remember);
  form.addEventListener('change', remember);
}
