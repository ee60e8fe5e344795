// Charts drawn on the server as inline SVG: they show without JavaScript, fit the page, and take their look from
// classes in the stylesheet (the CSP forbids inline style). Each has a <title> and is labelled; the figures
// themselves are in the table next to it. A hidden figure gets no bar, only its mark ("<5" or "—"), and the scale
// is set by the shown figures only, so no length hints at a hidden value.
//
// The charts have no viewBox: their units are CSS pixels, so the text keeps the stylesheet's size (13px) on a phone
// as on a desktop, and only the bars stretch, placed in percentages of the chart's width. What must fit is sized for
// the narrowest chart (a 360px phone): bar labels get a line of their own above the bar, wrapped to two lines and
// cut with "…" beyond; a column chart whose month names or figures are too wide for its columns turns them upright.
import type { Shown } from '../hub-reports/suppression.js';

export interface ChartDatum {
  label: string;
  /** A shorter label for a crowded axis. */
  shortLabel?: string | undefined;
  shown: Shown;
  /** Drawn in the accent colour (the selected period's months). */
  current?: boolean | undefined;
}

interface ChartProps {
  id: string;
  title: string;
  data: ChartDatum[];
  /** The text for a figure: a number in the page's locale, "<5", or the mark of a withheld figure. */
  format: (shown: Shown) => string;
}

/** The chart text's size in CSS pixels (.chart-label and .chart-value in the stylesheet). */
export const FONT_PX = 13;
/** The narrowest a chart is drawn: a 360px-wide phone less the page's padding. */
export const NARROWEST_PX = 328;

// Advance widths in em of the sans-serif fonts the page uses, rounded up (DejaVu Sans, the widest of them), so an
// estimate errs on the long side.
const NARROW = new Set(" fijlrtI!'(),./:;[]|·");
const WIDE = new Set('mwMW—…');
function charEm(char: string): number {
  if (NARROW.has(char)) return 0.36;
  if (WIDE.has(char)) return 1;
  if (/\d/.test(char)) return 0.64;
  if (char !== char.toLowerCase()) return 0.75;
  return 0.62;
}

/** The width in CSS pixels a text takes at the given size, estimated on the long side. */
export function textWidth(text: string, fontPx = FONT_PX): number {
  let em = 0;
  for (const char of text.normalize('NFC')) em += charEm(char.normalize('NFD')[0] ?? char);
  return em * fontPx;
}

/** The longest start of the text that fits the width with a "…" after it. */
function cut(text: string, maxPx: number): string {
  if (textWidth(text) <= maxPx) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('').trimEnd()}…`) > maxPx) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** The text broken between words into lines no wider than maxPx; the last line takes the rest, cut with "…". */
export function wrapLabel(text: string, maxPx: number, maxLines = 2): string[] {
  // A dash between a hub's name and its place starts a line rather than ends one.
  const words = text
    .trim()
    .split(/\s+/)
    .reduce<string[]>((all, word) => {
      const previous = all[all.length - 1];
      if (previous === '—' || previous === '–') all[all.length - 1] = `${previous} ${word}`;
      else all.push(word);
      return all;
    }, []);
  const lines: string[] = [];
  let i = 0;
  while (i < words.length && lines.length < maxLines - 1) {
    let line = words[i++]!;
    while (i < words.length && textWidth(`${line} ${words[i]}`) <= maxPx) line += ` ${words[i++]}`;
    lines.push(line);
  }
  if (i < words.length) lines.push(words.slice(i).join(' '));
  return lines.map((line) => cut(line, maxPx));
}

const scaleOf = (data: ChartDatum[]) => Math.max(0, ...data.map((d) => (d.shown.kind === 'value' ? d.shown.value : 0)));
const pct = (fraction: number) => `${Math.round(fraction * 10000) / 100}%`;
const barClass = (datum: ChartDatum) => (datum.current ? 'chart-bar chart-bar-current' : 'chart-bar');
const valueClass = (datum: ChartDatum) => (datum.shown.kind === 'value' ? 'chart-value' : 'chart-value chart-hidden');

// Horizontal bars: a label of one or two lines, then the bar with its figure after it.
const LINE = 16;
const BAR = 14;
const ROW_GAP = 10;
/** The longest bar's share of the width; the rest is room for its figure. */
const BAR_SPAN = 0.78;
const LABEL_PX = NARROWEST_PX - 8;

/** One horizontal bar per category (breakdowns, countries, hubs). */
export function BarChart({ id, title, data, format }: ChartProps) {
  const max = scaleOf(data);
  let y = 4;
  const rows = data.map((datum) => {
    const lines = wrapLabel(datum.label, LABEL_PX);
    const top = y;
    y += lines.length * LINE + 4 + BAR + ROW_GAP;
    return { datum, lines, top };
  });
  const height = y - ROW_GAP + 4;
  return (
    <svg
      class="chart-svg"
      width="100%"
      height={height}
      role="img"
      aria-labelledby={`${id}-title`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      {rows.map(({ datum, lines, top }) => {
        const share = datum.shown.kind === 'value' && max > 0 ? Math.max(0.002, datum.shown.value / max) : 0;
        const text = format(datum.shown);
        const barTop = top + lines.length * LINE + 4;
        return (
          <g>
            <title>{`${datum.label}: ${text}`}</title>
            <text class="chart-label" x={0} y={top + FONT_PX}>
              {lines.length === 1
                ? lines[0]
                : lines.map((line, k) => (
                    <tspan x={0} y={top + FONT_PX + k * LINE}>
                      {line}
                    </tspan>
                  ))}
            </text>
            <line class="chart-axis" x1={0.5} x2={0.5} y1={barTop - 2} y2={barTop + BAR + 2} />
            {share > 0 && <rect class={barClass(datum)} x={0} y={barTop} width={pct(share * BAR_SPAN)} height={BAR} />}
            <text
              class={valueClass(datum)}
              x={pct(share * BAR_SPAN)}
              dx={6}
              y={barTop + BAR / 2}
              dominant-baseline="middle"
            >
              {text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

// Columns: figures above the columns, month names under the axis; both upright when too wide for a column.
const PLOT = 150;
const GAP = 6;

/** One column per period, in order (the trend by month). */
export function ColumnChart({ id, title, data, format }: ChartProps) {
  const max = scaleOf(data);
  const slot = 1 / Math.max(1, data.length);
  const room = NARROWEST_PX * slot - 4;
  const texts = data.map((datum) => format(datum.shown));
  const labels = data.map((datum) => datum.shortLabel ?? datum.label);
  const widest = (list: string[]) => Math.max(0, ...list.map((text) => textWidth(text)));
  const valuesUpright = widest(texts) > room;
  const labelsUpright = widest(labels) > room;
  const top = (valuesUpright ? widest(texts) : FONT_PX) + GAP + 2;
  const bottom = (labelsUpright ? widest(labels) : FONT_PX) + GAP + 6;
  const base = top + PLOT;
  const height = base + bottom;
  return (
    <svg
      class="chart-svg"
      width="100%"
      height={height}
      role="img"
      aria-labelledby={`${id}-title`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      {data.map((datum, i) => {
        const columnHeight =
          datum.shown.kind === 'value' && max > 0 ? Math.max(1, Math.round((datum.shown.value / max) * PLOT)) : 0;
        const centre = pct((i + 0.5) * slot);
        const valueY = base - columnHeight - GAP;
        return (
          <g>
            <title>{`${datum.label}: ${texts[i]}`}</title>
            {columnHeight > 0 && (
              <rect
                class={barClass(datum)}
                x={pct((i + 0.15) * slot)}
                y={base - columnHeight}
                width={pct(0.7 * slot)}
                height={columnHeight}
              />
            )}
            {valuesUpright ? (
              // A nested <svg> puts the origin at the column's top centre, where the text turns (a rotation
              // cannot take a percentage).
              <svg x={centre} y={valueY} width={1} height={1} overflow="visible">
                <text class={valueClass(datum)} transform="rotate(-90)" dominant-baseline="middle">
                  {texts[i]}
                </text>
              </svg>
            ) : (
              <text class={valueClass(datum)} x={centre} y={valueY} text-anchor="middle">
                {texts[i]}
              </text>
            )}
            {labelsUpright ? (
              <svg x={centre} y={base + GAP} width={1} height={1} overflow="visible">
                <text class="chart-label" transform="rotate(-90)" text-anchor="end" dominant-baseline="middle">
                  {labels[i]}
                </text>
              </svg>
            ) : (
              <text class="chart-label" x={centre} y={base + GAP + FONT_PX} text-anchor="middle">
                {labels[i]}
              </text>
            )}
          </g>
        );
      })}
      <line class="chart-axis" x1={0} x2="100%" y1={base} y2={base} />
    </svg>
  );
}
