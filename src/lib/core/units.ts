// Sizes in user words, one rule for every screen and message: GB to two decimals, MB to one, kB
// whole, trailing zeros dropped ("950 kB", "1.7 MB", "640 MB", "2.3 GB", "4.29 GB", "17.21 GB").

/** Formats a byte count (decimal units, as downloads and disks are quoted). */
export function formatBytes(bytes: number): string {
  const [value, unit, decimals] = bytes >= 1e9 ? [bytes / 1e9, 'GB', 2] : bytes >= 1e6 ? [bytes / 1e6, 'MB', 1] : [bytes / 1e3, 'kB', 0];
  return `${Number(Math.max(0, value).toFixed(decimals))} ${unit}`;
}

const englishCount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A count in English digit grouping ("35,513"), for the English wording of errors and CLI lines. */
export function formatCount(n: number): string {
  return englishCount.format(n);
}
