/**
 * The ids of events a consumer handled successfully, the most recent `capacity` of them (least recently seen dropped
 * first): a redelivery of one of them — an ack lost, a second delivery while the first was being acked — is acked
 * without calling the handler again. Memory only: after a restart the same event may be handled again.
 */
export class HandledEventIds {
  private readonly ids = new Map<string, true>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('HandledEventIds needs a capacity ≥ 1');
  }

  get size(): number {
    return this.ids.size;
  }

  /** Whether the id was handled; a hit counts as recent use. */
  has(id: string): boolean {
    if (!this.ids.has(id)) return false;
    this.ids.delete(id);
    this.ids.set(id, true);
    return true;
  }

  add(id: string): void {
    this.ids.delete(id);
    this.ids.set(id, true);
    while (this.ids.size > this.capacity) this.ids.delete(this.ids.keys().next().value!);
  }
}
