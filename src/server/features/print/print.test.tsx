// Pure pieces of printing: the QR SVG (parsed, cached, never a style attribute), hours in few lines, short texts,
// the city folding and the share links.
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n.js';
import { renderToString } from 'preact-render-to-string';
import { foldName, shorten } from './print.service.js';
import { hoursLines, Qr } from './print.view.js';
import { parseQrSvg, qrCacheSize, qrFor } from './qr.js';
import { smsLink, whatsappLink } from './share.view.js';

describe('QR codes', () => {
  it('renders the library SVG as presentation attributes only, with an accessible name', async () => {
    const url = 'https://rumbo.example.org/es/services/0b7e3c1e-4f7a-4c53-9a7e-2b1d6c5e8f90';
    const raw = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    const shape = await qrFor(url);
    expect(shape).toEqual(parseQrSvg(raw));
    const html = renderToString(<Qr qr={shape} label="QR code to the page of X" />);
    expect(html).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="qr" viewBox="0 0 \d+ \d+"/);
    expect(html).toContain('role="img" aria-label="QR code to the page of X"');
    expect(html).not.toContain('style');
  });

  it('caches by URL and refuses an SVG it does not understand', async () => {
    const before = qrCacheSize();
    const a = await qrFor('https://example.org/a');
    expect(await qrFor('https://example.org/a')).toBe(a);
    expect(qrCacheSize()).toBe(before + 1);
    expect(() => parseQrSvg('<svg viewBox="0 0 5 5"><path style="x" d="M0 0"/></svg>')).toThrow();
    expect(() => parseQrSvg('<svg viewBox="0 0 5 5"><path stroke="#000000" d="M0 0&quot;/>"/></svg>')).toThrow();
  });
});

describe('printed text', () => {
  const t = translator('en');
  it('groups days with the same hours', () => {
    const week = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens_at: '09:00', closes_at: '17:00' }));
    expect(hoursLines(t, week)).toEqual(['Monday–Friday: 09:00–17:00']);
    expect(hoursLines(t, [...week, { weekday: 7, opens_at: '10:00', closes_at: '12:00' }])).toEqual([
      'Monday–Friday: 09:00–17:00',
      'Sunday: 10:00–12:00',
    ]);
    expect(
      hoursLines(t, [
        { weekday: 1, opens_at: '08:00', closes_at: '12:00' },
        { weekday: 1, opens_at: '14:00', closes_at: '18:00' },
        { weekday: 3, opens_at: '08:00', closes_at: '12:00' },
      ]),
    ).toEqual(['Monday: 08:00–12:00, 14:00–18:00', 'Wednesday: 08:00–12:00']);
    expect(hoursLines(t, [])).toEqual([]);
  });

  it('shortens descriptions at a word', () => {
    const long = { text: 'Una frase larga '.repeat(30), locale: 'es' as const };
    const short = shorten(long, 50);
    expect(short?.text.length).toBeLessThanOrEqual(51);
    expect(short?.text.endsWith('…')).toBe(true);
    expect(shorten({ text: ' Breve.\n', locale: 'es' })?.text).toBe('Breve.');
  });

  it('folds city names for matching', () => {
    expect(foldName('  TECÚN   umán ')).toBe(foldName('Tecun Uman'));
    expect(foldName('São Paulo')).toBe('sao paulo');
  });

  it('encodes the share links', () => {
    const url = 'https://r.example/es/services/1';
    expect(whatsappLink('Comedor & ducha', url)).toBe(
      'https://wa.me/?text=Comedor%20%26%20ducha%20https%3A%2F%2Fr.example%2Fes%2Fservices%2F1',
    );
    expect(smsLink('A?b#c', url)).toBe('sms:?&body=A%3Fb%23c%20https%3A%2F%2Fr.example%2Fes%2Fservices%2F1');
  });
});
