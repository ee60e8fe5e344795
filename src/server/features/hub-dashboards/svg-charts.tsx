// Charts drawn on the server as inline SVG: they show without JavaScript, scale with the page, and take their look
// from classes in the stylesheet (the CSP forbids inline style). Each has a <title> and is labelled; the figures
// themselves are in the table next to it. A hidden figure gets no bar, only its mark ("<5" or "—"), and the scale
// is set by the shown figures only, so no length hints at a hidden value.
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

const WIDTH = 640;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 70;
const ROW = 26;
const MAX_LABEL = 34;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const scaleOf = (data: ChartDatum[]) => Math.max(0, ...data.map((d) => (d.shown.kind === 'value' ? d.shown.value : 0)));

/** One horizontal bar per category (breakdowns, countries, hubs). */
export function BarChart({ id, title, data, format }: ChartProps) {
  const max = scaleOf(data);
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = data.length * ROW + 8;
  return (
    <svg
      class="chart-svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      {data.map((datum, i) => {
        const y = 4 + i * ROW;
        const length =
          datum.shown.kind === 'value' && max > 0 ? Math.max(1, Math.round((datum.shown.value / max) * plot)) : 0;
        const text = format(datum.shown);
        return (
          <g>
            <title>{`${datum.label}: ${text}`}</title>
            <text class="chart-label" x={LABEL_WIDTH - 8} y={y + ROW / 2} text-anchor="end" dominant-baseline="middle">
              {clip(datum.label, MAX_LABEL)}
            </text>
            {length > 0 && (
              <rect
                class={datum.current ? 'chart-bar chart-bar-current' : 'chart-bar'}
                x={LABEL_WIDTH}
                y={y + 4}
                width={length}
                height={ROW - 8}
              />
            )}
            <text
              class={datum.shown.kind === 'value' ? 'chart-value' : 'chart-value chart-hidden'}
              x={LABEL_WIDTH + length + 6}
              y={y + ROW / 2}
              dominant-baseline="middle"
            >
              {text}
            </text>
          </g>
        );
      })}
      <line class="chart-axis" x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={2} y2={height - 2} />
    </svg>
  );
}

const COLUMNS_HEIGHT = 220;
const TOP = 22;
const BOTTOM = 30;

/** One column per period, in order (the trend by month). */
export function ColumnChart({ id, title, data, format }: ChartProps) {
  const max = scaleOf(data);
  const slot = (WIDTH - 20) / Math.max(1, data.length);
  const plot = COLUMNS_HEIGHT - TOP - BOTTOM;
  const base = COLUMNS_HEIGHT - BOTTOM;
  return (
    <svg
      class="chart-svg"
      viewBox={`0 0 ${WIDTH} ${COLUMNS_HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      {data.map((datum, i) => {
        const x = 10 + i * slot;
        const height =
          datum.shown.kind === 'value' && max > 0 ? Math.max(1, Math.round((datum.shown.value / max) * plot)) : 0;
        const text = format(datum.shown);
        return (
          <g>
            <title>{`${datum.label}: ${text}`}</title>
            {height > 0 && (
              <rect
                class={datum.current ? 'chart-bar chart-bar-current' : 'chart-bar'}
                x={x + slot * 0.15}
                y={base - height}
                width={slot * 0.7}
                height={height}
              />
            )}
            <text
              class={datum.shown.kind === 'value' ? 'chart-value' : 'chart-value chart-hidden'}
              x={x + slot / 2}
              y={base - height - 6}
              text-anchor="middle"
            >
              {text}
            </text>
            <text class="chart-label" x={x + slot / 2} y={base + 18} text-anchor="middle">
              {datum.shortLabel ?? datum.label}
            </text>
          </g>
        );
      })}
      <line class="chart-axis" x1={10} x2={WIDTH - 10} y1={base} y2={base} />
    </svg>
  );
}
