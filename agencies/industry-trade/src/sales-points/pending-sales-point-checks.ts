/** A sales point the department is to check, from the platform's `trade-promotion.sales-point-registered.v1`. */
export interface PendingSalesPointCheck {
  salesPointId: string;
  provinceCode: string;
  level: string;
  locationType: string;
  districtCode: string | null;
  /** A day `YYYY-MM-DD`. */
  openedOn: string;
  upgraded: boolean;
  /** The event's time: when the point was registered on the platform. */
  registeredAt: string;
  /** The event's id. */
  eventId: string;
  /** The criteria the check applies. */
  basis: '950/QĐ-BCT';
}

/** Points kept at most (the oldest go first): a province has tens of points, not thousands. */
export const PENDING_CHECKS_CAPACITY = 10_000;

/**
 * The checks the department has scheduled, in this process's memory only: a restart forgets them (the consumer does not
 * deliver acknowledged events again). One per sales point. Provided as a value (SalesPointsModule).
 */
export class PendingSalesPointChecks {
  private readonly checks = new Map<string, PendingSalesPointCheck>();

  constructor(private readonly capacity = PENDING_CHECKS_CAPACITY) {}

  /** False when the point's check is already scheduled. */
  add(check: PendingSalesPointCheck): boolean {
    if (this.checks.has(check.salesPointId)) return false;
    this.checks.set(check.salesPointId, check);
    while (this.checks.size > this.capacity) this.checks.delete(this.checks.keys().next().value!);
    return true;
  }

  /** In the order the points were registered (as their events came). */
  list(): PendingSalesPointCheck[] {
    return [...this.checks.values()];
  }
}
