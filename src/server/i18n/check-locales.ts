// CI check: every locale file has every key, and every message parses as ICU MessageFormat.
import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, loadLocaleMessages } from './i18n.js';

const catalogues = LOCALES.map((locale) => ({ locale, messages: loadLocaleMessages(locale) }));
const allKeys = new Set(catalogues.flatMap(({ messages }) => [...messages.keys()]));
const problems: string[] = [];
for (const { locale, messages } of catalogues) {
  for (const key of allKeys) if (!messages.has(key)) problems.push(`${locale}: missing ${key}`);
  for (const [key, source] of messages) {
    try {
      new IntlMessageFormat(source, locale === 'ht' ? 'fr' : locale);
    } catch (error) {
      problems.push(`${locale}: ${key} does not parse: ${(error as Error).message}`);
    }
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`locales ok: ${LOCALES.length} locales × ${allKeys.size} keys`);
