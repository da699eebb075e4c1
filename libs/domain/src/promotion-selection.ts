import { seededKey } from './seeded-order';

/**
 * Who gets the slots of a trade-promotion event (a fair, a livestream session, a sales week) when more producers apply
 * than it has room for. The order is explainable and anyone can repeat it:
 * 1. fairness, by the event's rule: `FEWEST_SLOTS_FIRST` (default: producers given fewer slots in the province's
 *    events this year come first, so a series of six livestreams spreads its slots over every applicant) or
 *    `NO_SLOT_FIRST` (only whether a producer already had a slot this year counts);
 * 2. then the best stars among the products it brings (a product shown as OCOP has a valid 3★–5★ certificate; one in
 *    another category counts as 0);
 * 3. ties broken by a seeded draw (SHA-256 of the seed and the producer id): the same seed, the same order.
 */
export const FAIRNESS_RULES = ['FEWEST_SLOTS_FIRST', 'NO_SLOT_FIRST'] as const;
export type FairnessRule = (typeof FAIRNESS_RULES)[number];

export interface SelectionCandidate {
  applicationId: string;
  producerId: string;
  /** Slots the producer holds in the province's other events this year (selected, not withdrawn). */
  slotsThisYear: number;
  /** The best stars among its OCOP products (0 when it brings none). */
  stars: number;
}

export interface SelectionReason {
  code: 'SLOTS_THIS_YEAR' | 'STARS' | 'DRAW' | 'WITHIN_CAPACITY' | 'BEYOND_CAPACITY';
  detailVi: string;
}

export interface SelectionOutcome {
  applicationId: string;
  producerId: string;
  status: 'SELECTED' | 'WAITLISTED';
  /** 1-based place in the whole order (a waitlisted producer's place on the waiting list is position − capacity). */
  position: number;
  reasons: SelectionReason[];
}

/** The order and its outcome for `capacity` slots. Deterministic: the same candidates, rule and seed, the same result. */
export function selectParticipants(
  candidates: readonly SelectionCandidate[],
  capacity: number,
  rule: { fairness: FairnessRule; seed: string },
): SelectionOutcome[] {
  const fairnessKey = (c: SelectionCandidate) => (rule.fairness === 'NO_SLOT_FIRST' ? Math.min(c.slotsThisYear, 1) : c.slotsThisYear);
  const keyed = candidates.map((c) => ({ c, draw: seededKey(rule.seed, c.producerId) }));
  keyed.sort(
    (a, b) =>
      fairnessKey(a.c) - fairnessKey(b.c) ||
      b.c.stars - a.c.stars ||
      a.draw.localeCompare(b.draw) ||
      a.c.applicationId.localeCompare(b.c.applicationId),
  );
  return keyed.map(({ c, draw }, i) => {
    const selected = i < capacity;
    const slots =
      rule.fairness === 'NO_SLOT_FIRST'
        ? c.slotsThisYear
          ? 'đã có suất tham gia trong năm'
          : 'chưa có suất tham gia nào trong năm'
        : `đã có ${c.slotsThisYear} suất tham gia trong năm`;
    return {
      applicationId: c.applicationId,
      producerId: c.producerId,
      status: selected ? 'SELECTED' : 'WAITLISTED',
      position: i + 1,
      reasons: [
        { code: 'SLOTS_THIS_YEAR', detailVi: `Chủ thể ${slots}` },
        { code: 'STARS', detailVi: c.stars ? `Sản phẩm OCOP hạng cao nhất: ${c.stars} sao` : 'Không có sản phẩm OCOP được chứng nhận' },
        { code: 'DRAW', detailVi: `Thứ tự bốc thăm theo mã ${draw.slice(0, 12)}` },
        selected
          ? { code: 'WITHIN_CAPACITY', detailVi: `Xếp thứ ${i + 1}, trong ${capacity} suất của sự kiện` }
          : { code: 'BEYOND_CAPACITY', detailVi: `Xếp thứ ${i + 1}, ngoài ${capacity} suất: danh sách chờ thứ ${i + 1 - capacity}` },
      ],
    };
  });
}
