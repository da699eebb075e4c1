import { HandledEventIds } from './handled-event-ids';

describe('HandledEventIds', () => {
  it('remembers ids up to its capacity, dropping the least recently seen', () => {
    const ids = new HandledEventIds(3);
    ['a', 'b', 'c'].forEach((id) => ids.add(id));
    expect(ids.has('a')).toBe(true); // a is now the most recent: b is the oldest
    ids.add('d');
    expect(ids.size).toBe(3);
    expect(ids.has('b')).toBe(false);
    expect(['a', 'c', 'd'].every((id) => ids.has(id))).toBe(true);
  });

  it('adding an id twice keeps one entry', () => {
    const ids = new HandledEventIds(2);
    ids.add('a');
    ids.add('a');
    expect(ids.size).toBe(1);
  });

  it('needs a capacity of at least one', () => {
    expect(() => new HandledEventIds(0)).toThrow(/capacity/);
  });
});
