/**
 * ROC AUC by the Mann-Whitney statistic: the probability that a randomly chosen positive scores above a
 * randomly chosen negative, ties counting half. Equal to the area under the ROC curve, without building it.
 */
export function rocAuc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) throw new RangeError('AUC needs both classes');
  // Rank all scores together (ties get their average rank), then U = rank sum of positives - n1(n1+1)/2.
  const all = [
    ...positives.map((score) => ({ score, positive: true })),
    ...negatives.map((score) => ({ score, positive: false })),
  ].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]?.score === all[i]?.score) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (all[k]?.positive) rankSum += averageRank;
    i = j + 1;
  }
  const n1 = positives.length;
  const u = rankSum - (n1 * (n1 + 1)) / 2;
  return u / (n1 * negatives.length);
}
