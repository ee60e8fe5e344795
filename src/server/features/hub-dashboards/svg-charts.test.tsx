// The server-drawn charts: labels that fit the narrowest chart (a 360px phone) at the stylesheet's text size, the
// full name kept in a <title>, and no viewBox, so the text is not shrunk with the chart.
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { Shown } from '../hub-reports/suppression.js';
import { BarChart, ColumnChart, NARROWEST_PX, textWidth, wrapLabel, type ChartDatum } from './svg-charts.js';

const format = (shown: Shown) => (shown.kind === 'value' ? shown.value.toLocaleString('es') : '<5');
const value = (n: number): Shown => ({ kind: 'value', value: n }) as Shown;
const LONG = 'Punto de Orientación Migrante Buen Vecino — Ciudad de Guatemala (Guatemala)';
const LONGER = 'Centro de Atención a Personas Retornadas Flor de Mayo de Esquipulas — Esquipulas (Guatemala)';

/** The label lines drawn, one array per bar. */
function labelLines(svg: string): string[][] {
  return [...svg.matchAll(/<text class="chart-label"[^>]*>(.*?)<\/text>/g)].map((m) => {
    const spans = [...m[1]!.matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((s) => s[1]!);
    return spans.length > 0 ? spans : [m[1]!];
  });
}

describe('wrapLabel', () => {
  it('keeps short labels on one line and breaks long ones between words', () => {
    expect(wrapLabel('Honduras', 300)).toEqual(['Honduras']);
    const lines = wrapLabel(LONG, 300);
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe(LONG);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(300);
  });
  it('cuts what does not fit on two lines with "…", from the end', () => {
    const lines = wrapLabel(`${LONGER} ${LONGER}`, 300);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(LONGER.slice(0, lines[0]!.length));
    expect(lines[1]).toMatch(/…$/);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(300);
    expect(wrapLabel('Supercalifragilisticoespialidosamentelargoynuncaterminaba', 100)[0]).toMatch(/^Super.*…$/);
  });
});

describe('BarChart', () => {
  const data: ChartDatum[] = [
    { label: LONG, shown: value(1681) },
    { label: LONGER, shown: value(448) },
    { label: 'Belice', shown: { kind: 'small' } as Shown },
  ];
  const svg = renderToString(<BarChart id="svg-hubs" title="Personas por centro" data={data} format={format} />);

  it('draws in CSS pixels, so the text keeps its size on a phone', () => {
    expect(svg).not.toContain('viewBox');
    expect(svg).toMatch(
      /^<svg class="chart-svg" width="100%" height="\d+" role="img" aria-labelledby="svg-hubs-title"/,
    );
    expect(svg).not.toMatch(/\sstyle=/);
  });

  it('fits every label line in the narrowest chart, and keeps the full name in a <title>', () => {
    const lines = labelLines(svg);
    expect(lines.map((l) => l.length)).toEqual([2, 2, 1]);
    for (const line of lines.flat()) expect(textWidth(line)).toBeLessThanOrEqual(NARROWEST_PX);
    expect(lines[0]).toEqual(['Punto de Orientación Migrante Buen Vecino', '— Ciudad de Guatemala (Guatemala)']);
    expect(svg).toContain(`<title>${LONG}: 1681</title>`);
    expect(svg).toContain(`<title>${LONGER}: 448</title>`);
    // No label is cut at its start (the old "nto de Orientación…").
    for (const [i, label] of [LONG, LONGER].entries()) expect(label.startsWith(lines[i]![0]!)).toBe(true);
  });

  it('sizes bars by the shown figures only, the longest within the width', () => {
    expect(svg).toContain('width="78%"');
    expect(svg).toContain('width="20.79%"');
    expect(svg).toMatch(/class="chart-value chart-hidden" x="0%" dx="6"[^>]*>&lt;5</);
  });
});

describe('ColumnChart', () => {
  const months = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];
  const chart = (values: number[], labels = months) =>
    renderToString(
      <ColumnChart
        id="svg-trend"
        title="Personas por mes"
        data={values.map((v, i) => ({ label: `${labels[i]} 2021`, shortLabel: labels[i], shown: value(v) }))}
        format={format}
      />,
    );

  it('keeps figures and month names level when they fit a column on a phone', () => {
    const svg = chart(
      [10, 20, 30, 40, 50, 60, 70, 80, 90, 99, 5, 7],
      ['e', 'f', 'm', 'a', 'm', 'j', 'j', 'a', 's', 'o', 'n', 'd'],
    );
    expect(svg).not.toContain('rotate(');
    expect(svg).not.toContain('viewBox');
    expect(svg).toContain('x="4.17%"');
  });

  it('turns figures and month names upright when they are too wide for a column on a phone', () => {
    const svg = chart(
      [4303, 4117, 4588, 4292, 4214, 3993, 4150, 4465, 4508, 4214, 4075, 2233],
      ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    );
    expect((svg.match(/transform="rotate\(-90\)"/g) ?? []).length).toBe(24);
    // Figures stay the plain text of their element (the pages test reads them there).
    expect(svg).toMatch(/class="chart-value"[^>]*>4303</);
    expect(svg).toContain('<title>janv. 2021: 4303</title>');
  });
});
