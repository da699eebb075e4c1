import { createHash } from 'node:crypto';

/**
 * A seeded, reproducible order key: SHA-256 of seed and id, in hex. Sorting by it is a draw anyone can repeat: the same
 * seed and ids give the same order (inspection's random selection, trade promotion's ties).
 */
export const seededKey = (seed: string, id: string): string => createHash('sha256').update(`${seed}:${id}`).digest('hex');
