import { selectParticipants, type SelectionCandidate } from './promotion-selection';

const producers = Array.from({ length: 11 }, (_, i) => ({ producerId: `p${String(i + 1).padStart(2, '0')}`, stars: [3, 4, 5][i % 3]! }));

/** Six events of four slots, each selected after the last, every producer applying to each. */
function series(seed: string, fairness: 'FEWEST_SLOTS_FIRST' | 'NO_SLOT_FIRST') {
  const slots = new Map(producers.map((p) => [p.producerId, 0]));
  const picks: string[][] = [];
  for (let e = 0; e < 6; e++) {
    const candidates: SelectionCandidate[] = producers.map((p) => ({
      applicationId: `e${e}-${p.producerId}`,
      producerId: p.producerId,
      slotsThisYear: slots.get(p.producerId)!,
      stars: p.stars,
    }));
    const selected = selectParticipants(candidates, 4, { fairness, seed: `${seed}-${e}` }).filter((o) => o.status === 'SELECTED');
    for (const o of selected) slots.set(o.producerId, slots.get(o.producerId)! + 1);
    picks.push(selected.map((o) => o.producerId));
  }
  return { picks, slots };
}

describe('selectParticipants', () => {
  it('spreads a series of six four-slot livestreams over eleven applicants: two or three slots each', () => {
    const { picks, slots } = series('cho-phien-2026', 'FEWEST_SLOTS_FIRST');
    expect(picks.every((p) => p.length === 4 && new Set(p).size === 4)).toBe(true);
    expect([...slots.values()].sort()).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3]);
  });

  it('gives the same result for the same seed, and another tie order for another seed', () => {
    expect(series('cho-phien-2026', 'FEWEST_SLOTS_FIRST').picks).toEqual(series('cho-phien-2026', 'FEWEST_SLOTS_FIRST').picks);
    expect(series('cho-phien-2026', 'FEWEST_SLOTS_FIRST').picks).not.toEqual(series('another-seed', 'FEWEST_SLOTS_FIRST').picks);
  });

  it('orders by fairness, then stars, then the draw, and says why', () => {
    const out = selectParticipants(
      [
        { applicationId: 'a', producerId: 'p1', slotsThisYear: 1, stars: 5 },
        { applicationId: 'b', producerId: 'p2', slotsThisYear: 0, stars: 3 },
        { applicationId: 'c', producerId: 'p3', slotsThisYear: 0, stars: 4 },
        { applicationId: 'd', producerId: 'p4', slotsThisYear: 2, stars: 5 },
      ],
      2,
      { fairness: 'FEWEST_SLOTS_FIRST', seed: 's' },
    );
    expect(out.map((o) => [o.producerId, o.status, o.position])).toEqual([
      ['p3', 'SELECTED', 1],
      ['p2', 'SELECTED', 2],
      ['p1', 'WAITLISTED', 3],
      ['p4', 'WAITLISTED', 4],
    ]);
    expect(out[0]!.reasons.map((r) => r.code)).toEqual(['SLOTS_THIS_YEAR', 'STARS', 'DRAW', 'WITHIN_CAPACITY']);
    expect(out[3]!.reasons[3]).toEqual({ code: 'BEYOND_CAPACITY', detailVi: 'Xếp thứ 4, ngoài 2 suất: danh sách chờ thứ 2' });
    // NO_SLOT_FIRST: one slot or two is the same; then stars decide.
    const noSlot = selectParticipants(
      [
        { applicationId: 'a', producerId: 'p1', slotsThisYear: 1, stars: 3 },
        { applicationId: 'd', producerId: 'p4', slotsThisYear: 2, stars: 5 },
      ],
      1,
      { fairness: 'NO_SLOT_FIRST', seed: 's' },
    );
    expect(noSlot.map((o) => o.producerId)).toEqual(['p4', 'p1']);
  });
});
