// Order statistics for the browser benchmarks' printed figures; knows nothing of pages or browsers.

// The q-quantile of xs by the nearest rank below (q = 0.5: the median; for an even count, the upper middle).
export const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
export const median = (xs) => quantile(xs, 0.5);
