/**
 * Counts written for people: `12,345`, as `countText(n)` writes them, without `Intl`.
 *
 * Why not `Intl`: the first `Intl` call of a page loads ICU's number data, 30–50 ms of main
 * thread on a cold load in Chromium (measured, BENCHMARKS.md), and the first load formats the
 * parser's limits and messages. The app's counts are always written the English way (DESIGN.md's
 * contracts quote them so), so a digit grouping is all that is needed.
 */
export function countText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  // toLocaleString('en') rounds to at most three decimals and drops trailing zeros.
  const [whole = '0', fraction = ''] = Math.abs(n).toFixed(3).split('.');
  const decimals = fraction.replace(/0+$/, '');
  const sign = n < 0 && (whole !== '0' || decimals !== '') ? '-' : '';
  return sign + groupThousands(whole) + (decimals ? `.${decimals}` : '');
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
