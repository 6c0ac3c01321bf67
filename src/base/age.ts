/** A duration as people say it: `2 s`, `14 min`, `3 h`, `2 d`. One rule for every "… ago" keel prints. */
export function formatAge(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs < 120_000) return `${Math.round(abs / 1000)} s`;
  if (abs < 2 * 3_600_000) return `${Math.round(abs / 60_000)} min`;
  if (abs < 2 * 86_400_000) return `${Math.round(abs / 3_600_000)} h`;
  return `${Math.round(abs / 86_400_000)} d`;
}
