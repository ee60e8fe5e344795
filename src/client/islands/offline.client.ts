// The offline page's island. The service worker serves the offline page under the address the user asked for, so
// this reads that address and answers from the country packs saved on the device: /services?q=… is a search (same
// words and filters as the online list), /services/{id} a service, /countries/{cc} that country's services;
// anything else says the page is not kept and offers what is. All text comes from the page, in its language.
import { PAGES_CACHE } from '../offline/kit.js';
import { listPacks, type PackService, type SavedPack } from '../offline/packs.js';
import { foldTerm, PackSearch, type OfflineFilters, type OfflineHit } from '../offline/search.js';
import { age, countryName, fill, formatDay, languageName, numberLocale, readStrings } from '../offline/text.js';

type Strings = Record<
  | 'packOne'
  | 'packOther'
  | 'noPacks'
  | 'resultsOne'
  | 'resultsOther'
  | 'none'
  | 'didYouMean'
  | 'firstShown'
  | 'notSaved'
  | 'serviceNotSaved'
  | 'savedCopy'
  | 'all'
  | 'organization'
  | 'address'
  | 'phones'
  | 'email'
  | 'website'
  | 'hours'
  | 'fees'
  | 'languages'
  | 'categories'
  | 'verified'
  | 'onMap'
  | 'back',
  string
>;

const SHOWN = 50;
const root = document.querySelector<HTMLElement>('[data-offline-app]');

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** The text with words that match the query in <mark> (compared without accents or case). */
function highlighted(text: string, terms: string[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const wanted = terms.map((term) => foldTerm(term) ?? term).filter((term) => term.length > 1);
  for (const part of text.split(/([\p{L}\p{N}]+)/u)) {
    const folded = foldTerm(part);
    const hit = folded && wanted.some((term) => folded.startsWith(term) || term.startsWith(folded));
    fragment.append(hit && part.length > 1 ? el('mark', part) : document.createTextNode(part));
  }
  return fragment;
}

function snippet(text: string, max = 220): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

class OfflineApp {
  private readonly locale: string;
  private readonly numberLocale: string;
  private readonly strings: Strings;
  private readonly searches = new Map<SavedPack, PackSearch>();

  constructor(
    private readonly root: HTMLElement,
    private readonly packs: SavedPack[],
  ) {
    this.locale = root.dataset.locale ?? 'es';
    // Numbers and sorting only (see numberLocale).
    this.numberLocale = numberLocale(this.locale);
    this.strings = readStrings<Strings>('#offline-strings');
  }

  private part<T extends HTMLElement>(name: string): T {
    return this.root.querySelector<T>(`[data-offline-${name}]`)!;
  }

  private searchOf(pack: SavedPack): PackSearch {
    let search = this.searches.get(pack);
    if (!search) {
      search = new PackSearch(pack);
      this.searches.set(pack, search);
    }
    return search;
  }

  /** In the page's language (Haitian Creole from the island's own list: Intl has none). */
  private countryName(code: string): string {
    return countryName(code, this.locale);
  }

  run(): void {
    const [, , section, id] = window.location.pathname.split('/');
    const query = new URLSearchParams(window.location.search);
    if (section === 'services' && id && this.showService(decodeURIComponent(id))) return;
    this.listPacks();
    void this.listVisitedPages();
    if (section === 'countries' && id) query.set('country', id.toUpperCase());
    const isSearch = section === 'services' || section === 'countries' || section === 'offline';
    if (!isSearch) this.notice(this.strings.notSaved);
    this.search({
      q: query.get('q') ?? '',
      category: query.get('category') ?? '',
      city: query.get('city') ?? '',
      population: query.get('population') ?? '',
      country: (query.get('country') ?? '').toUpperCase(),
    });
  }

  private notice(text: string): void {
    const notice = this.part('notice');
    notice.textContent = text;
    notice.hidden = false;
  }

  private listPacks(): void {
    const list = this.part('packs');
    this.part('saved').hidden = false;
    if (this.packs.length === 0) {
      list.replaceWith(el('p', this.strings.noPacks));
      this.root.dataset.state = 'empty';
      return;
    }
    for (const pack of this.packs) {
      const count = pack.services.length;
      const text = fill(count === 1 ? this.strings.packOne : this.strings.packOther, {
        country: this.countryName(pack.country),
        count: count.toLocaleString(this.numberLocale),
        age: age(pack.checkedAt, this.locale),
      });
      const item = el('li');
      item.append(el('a', text, { href: `/${this.locale}/services?country=${pack.country}` }));
      list.append(item);
    }
  }

  private async listVisitedPages(): Promise<void> {
    if (!('caches' in window)) return;
    const cache = await caches.open(PAGES_CACHE);
    const keys = [...(await cache.keys())].reverse().slice(0, 30);
    const section = this.part('pages');
    const list = section.querySelector('ul')!;
    for (const request of keys) {
      const response = await cache.match(request);
      const html = response ? await response.text() : '';
      const url = new URL(request.url);
      // Parsing runs no script; the title is the page's own, in its language.
      const title = new DOMParser().parseFromString(html, 'text/html').title || url.pathname;
      const item = el('li');
      item.append(el('a', title, { href: url.pathname + url.search }));
      list.append(item);
    }
    section.hidden = keys.length === 0;
  }

  private search(filters: OfflineFilters & { country: string }): void {
    const packs = this.packs.filter((p) => !filters.country || p.country === filters.country);
    this.fillForm(filters, packs);
    if (this.packs.length === 0) return;
    const hits: OfflineHit[] = packs.flatMap((pack) => this.searchOf(pack).search(filters));
    const count = this.part('count');
    const total = hits.length;
    count.textContent =
      total === 0
        ? this.strings.none
        : fill(total === 1 ? this.strings.resultsOne : this.strings.resultsOther, {
            count: total.toLocaleString(this.numberLocale),
          });
    if (total === 0 && filters.q) {
      const suggestion = packs.map((pack) => this.searchOf(pack).suggest(filters.q!)).find(Boolean);
      if (suggestion) {
        const params = new URLSearchParams(window.location.search);
        params.set('q', suggestion);
        const hint = el('p');
        hint.append(
          el('a', fill(this.strings.didYouMean, { suggestion }), {
            href: `/${this.locale}/services?${params.toString()}`,
          }),
        );
        count.after(hint);
      }
    }
    const results = this.part('results');
    for (const { service, terms } of hits.slice(0, SHOWN)) results.append(this.resultItem(service, terms));
    if (total > SHOWN) results.after(el('p', fill(this.strings.firstShown, { shown: SHOWN })));
    this.root.dataset.results = String(total);
    this.root.dataset.state = 'ready';
  }

  private fillForm(filters: OfflineFilters & { country: string }, packs: SavedPack[]): void {
    const form = this.part<HTMLFormElement>('search');
    if (this.packs.length === 0) return;
    form.hidden = false;
    (form.elements.namedItem('q') as HTMLInputElement).value = filters.q ?? '';
    const options = (name: string, choices: [string, string][], selected: string) => {
      const select = form.elements.namedItem(name) as HTMLSelectElement;
      select.append(el('option', this.strings.all, { value: '' }));
      for (const [value, label] of choices) {
        const option = el('option', label, { value });
        if (value === selected) option.selected = true;
        select.append(option);
      }
    };
    options(
      'country',
      this.packs.map((p) => [p.country, this.countryName(p.country)]),
      filters.country,
    );
    const categories = new Map(packs.flatMap((p) => p.categories.map((c) => [c.code, c.name] as [string, string])));
    options(
      'category',
      [...categories].sort((a, b) => a[1].localeCompare(b[1], this.numberLocale)),
      filters.category ?? '',
    );
    const cities = packs.flatMap((p) =>
      this.searchOf(p)
        .cities()
        .map((c) => [c.name, c.name] as [string, string]),
    );
    options('city', cities.slice(0, 200), filters.city ?? '');
  }

  private resultItem(service: PackService, terms: string[]): HTMLElement {
    const item = el('li', undefined, { class: 'card' });
    const heading = el('h3');
    const link = el('a', undefined, { href: `/${this.locale}/services/${encodeURIComponent(service.id)}` });
    link.append(highlighted(service.name, terms));
    heading.append(link);
    item.append(heading, el('p', service.organization, { class: 'muted' }));
    const place = service.locations.map((l) => [l.address, l.city].filter(Boolean).join(', ')).find(Boolean);
    if (place) item.append(el('p', place));
    const description = el('p');
    description.append(highlighted(snippet(service.description), terms));
    item.append(description);
    return item;
  }

  /** Shows a saved service; false (with a notice) when no saved pack has it. */
  private showService(id: string): boolean {
    const pack = this.packs.find((p) => p.services.some((s) => s.id === id));
    const service = pack && this.searchOf(pack).get(id);
    if (!pack || !service) {
      this.notice(this.strings.serviceNotSaved);
      return false;
    }
    const s = this.strings;
    document.title = `${service.name} · Rumbo`;
    this.part('heading').textContent = service.name;
    this.root.querySelector('.lead')?.remove();
    const article = this.part('service');
    article.hidden = false;
    article.append(el('p', fill(s.savedCopy, { age: age(pack.checkedAt, this.locale) }), { class: 'notice' }));
    const facts = el('dl');
    const add = (label: string, value: Node | string | undefined) => {
      if (!value) return;
      facts.append(el('dt', label));
      const dd = el('dd');
      dd.append(value);
      facts.append(dd);
    };
    add(s.organization, service.organization);
    const categoryName = new Map(pack.categories.map((c) => [c.code, c.name]));
    add(s.categories, service.categories.map((code) => categoryName.get(code) ?? code).join(', '));
    for (const location of service.locations) {
      const where = el(
        'span',
        [location.name, location.address, location.city, location.region].filter(Boolean).join(', '),
      );
      if (location.lat !== null && location.lon !== null) {
        where.append(' ');
        where.append(el('a', s.onMap, { href: `/${this.locale}/map#at=${location.lon},${location.lat}` }));
      }
      add(s.address, where);
    }
    if (service.phones.length > 0) {
      const phones = el('span');
      service.phones.forEach((phone, index) => {
        if (index > 0) phones.append(', ');
        phones.append(el('a', phone, { href: `tel:${phone.replace(/[^\d+]/g, '')}` }));
      });
      add(s.phones, phones);
    }
    if (service.email) add(s.email, el('a', service.email, { href: `mailto:${service.email}` }));
    if (service.url && /^https?:\/\//.test(service.url)) add(s.website, el('a', service.url, { href: service.url }));
    add(s.hours, service.hours);
    add(s.fees, service.fees);
    if (service.languages.length > 0) {
      add(s.languages, service.languages.map((code) => languageName(code, this.locale)).join(', '));
    }
    article.append(el('p', service.description), facts);
    if (service.verified_at) {
      article.append(
        el('p', fill(s.verified, { date: formatDay(service.verified_at, this.locale) }), { class: 'muted' }),
      );
    }
    article.append(el('a', s.back, { href: `/${this.locale}/services?country=${pack.country}` }));
    this.root.dataset.state = 'service';
    return true;
  }
}

if (root) {
  void listPacks()
    .then((all) => {
      const locale = root.dataset.locale;
      const own = all.filter((pack) => pack.locale === locale);
      new OfflineApp(root, own.length > 0 ? own : all).run();
    })
    .catch(() => {
      root.dataset.state = 'error';
    });
}
