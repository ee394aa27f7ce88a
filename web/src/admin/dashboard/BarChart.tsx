import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";
import { useEffect, useRef } from "react";
import { useIntl } from "react-intl";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface Series {
  readonly label: string;
  readonly values: readonly number[];
}

/** Colour-blind-safe pair (blue, orange), dark enough against white. */
const COLOURS = ["#1f5fa8", "#b35c00"];

/**
 * A bar chart (Chart.js on a canvas). The canvas is an image with a summary for screen readers
 * (`label`) and points at the table that holds the same figures (`tableId`); values are formatted
 * with Intl in the page's language, mirrored for right-to-left languages.
 */
export function BarChart(props: {
  label: string;
  /** The table with the same figures, when there is one. */
  tableId?: string;
  categories: readonly string[];
  series: readonly Series[];
  format: (n: number) => string;
  horizontal?: boolean;
  /** Whole numbers only on the value axis (counts). */
  integer?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const intl = useIntl();
  const { categories, series, format, horizontal, integer } = props;
  useEffect(() => {
    if (!canvas.current) return;
    const rtl = document.documentElement.dir === "rtl";
    const valueAxis = {
      beginAtZero: true,
      reverse: Boolean(horizontal && rtl),
      ticks: { callback: (v: number | string) => format(Number(v)), ...(integer ? { precision: 0 } : {}) },
    };
    const chart = new Chart(canvas.current, {
      type: "bar",
      data: {
        labels: [...categories],
        datasets: series.map((s, i) => ({
          label: s.label,
          data: [...s.values],
          backgroundColor: COLOURS[i % COLOURS.length],
        })),
      },
      options: {
        locale: intl.locale,
        animation: false,
        maintainAspectRatio: false,
        indexAxis: horizontal ? "y" : "x",
        scales: horizontal
          ? { x: valueAxis, y: { position: rtl ? "right" : "left" } }
          : { y: valueAxis, x: { reverse: rtl } },
        plugins: {
          legend: { display: series.length > 1, rtl },
          tooltip: {
            rtl,
            callbacks: { label: (c) => `${c.dataset.label ?? ""}: ${format(Number(c.raw))}` },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [categories, series, format, horizontal, integer, intl.locale]);
  const height = horizontal ? Math.max(160, categories.length * 28 * Math.max(1, series.length) + 60) : 280;
  return (
    <div className="chart" style={{ blockSize: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={props.label} aria-describedby={props.tableId} />
    </div>
  );
}
