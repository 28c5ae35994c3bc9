/**
 * LexRank (Erkan & Radev, 2004): sentences are nodes, edges are the cosine
 * similarity of their TF-IDF vectors above a threshold, and a sentence is
 * central when central sentences resemble it (PageRank's power iteration).
 */

export type TermVector = Map<string, number>;

/** TF-IDF vectors of tokenized documents (here: sentences), smoothed so every idf is positive. */
export function tfIdfVectors(documents: readonly string[][]): TermVector[] {
  const documentFrequency = new Map<string, number>();
  for (const words of documents) {
    for (const word of new Set(words)) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }
  const n = documents.length;
  return documents.map((words) => {
    const vector: TermVector = new Map();
    for (const word of words) vector.set(word, (vector.get(word) ?? 0) + 1);
    for (const [word, tf] of vector)
      vector.set(word, tf * (Math.log((n + 1) / ((documentFrequency.get(word) ?? 0) + 1)) + 1));
    return vector;
  });
}

export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [word, weight] of a) {
    normA += weight * weight;
    dot += weight * (b.get(word) ?? 0);
  }
  for (const weight of b.values()) normB += weight * weight;
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

export interface LexRankOptions {
  /** Similarities below this are no edge. */
  threshold?: number;
  damping?: number;
  iterations?: number;
}

/** Centrality scores (summing to 1) of the vectors, by continuous LexRank. */
export function lexRank(vectors: readonly TermVector[], options: LexRankOptions = {}): number[] {
  const { threshold = 0.1, damping = 0.85, iterations = 100 } = options;
  const n = vectors.length;
  if (n === 0) return [];
  const weights = vectors.map((a, i) =>
    vectors.map((b, j) => {
      if (i === j) return 0;
      const similarity = cosine(a, b);
      return similarity >= threshold ? similarity : 0;
    }),
  );
  // Row-normalised transition matrix; a sentence like no other spreads its weight evenly.
  const transitions = weights.map((row) => {
    const total = row.reduce((sum, weight) => sum + weight, 0);
    return total === 0 ? row.map(() => 1 / n) : row.map((weight) => weight / total);
  });
  let scores = vectors.map(() => 1 / n);
  for (let step = 0; step < iterations; step++) {
    const next = vectors.map(() => (1 - damping) / n);
    for (let i = 0; i < n; i++) {
      const row = transitions[i] ?? [];
      const score = scores[i] ?? 0;
      for (let j = 0; j < n; j++) next[j] = (next[j] ?? 0) + damping * score * (row[j] ?? 0);
    }
    const change = next.reduce((sum, value, index) => sum + Math.abs(value - (scores[index] ?? 0)), 0);
    scores = next;
    if (change < 1e-9) break;
  }
  return scores;
}
