/** How a measurement is judged: its ratio to the same-run reference, or its own value, against a ceiling. */
export type Goal = { ratio: number } | { max: number } | { ratio: number; max: number };

/** One line of `npm run bench`: a value beside the reference measured in the same run. */
export interface Measurement {
  section: string;
  name: string;
  unit: string;
  value: number;
  /** What the value is compared with, measured in the same run (null where nothing comparable exists). */
  reference: { name: string; value: number } | null;
  goal: Goal | null;
  /** Extra numbers worth printing (p95, samples, runs). */
  detail?: Record<string, number | string>;
}

export const ratioOf = (m: Measurement): number | null =>
  m.reference && m.reference.value > 0 ? m.value / m.reference.value : null;

/** Whether the goal is met; null when there is no goal. */
export function goalMet(m: Measurement): boolean | null {
  if (!m.goal) return null;
  const ratio = ratioOf(m);
  if ('ratio' in m.goal && (ratio === null || ratio > m.goal.ratio)) return false;
  if ('max' in m.goal && m.value > m.goal.max) return false;
  return true;
}

export function goalLabel(m: Measurement): string {
  if (!m.goal) return '—';
  const parts: string[] = [];
  if ('ratio' in m.goal) parts.push(`≤ ${m.goal.ratio}×`);
  if ('max' in m.goal) parts.push(`≤ ${m.goal.max} ${m.unit}`);
  return parts.join(', ');
}

export const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);

/** The nearest-rank percentile (p in 0…1) of the values. */
export function percentile(values: readonly number[], p: number): number {
  const ordered = sorted(values);
  if (ordered.length === 0) return NaN;
  return ordered[Math.min(ordered.length - 1, Math.max(0, Math.ceil(p * ordered.length) - 1))]!;
}

export const median = (values: readonly number[]) => percentile(values, 0.5);

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));
