/**
 * A plain object with only these fields of an entity read with a partial select. TypeORM hydrates an entity
 * instance whose other class fields exist as undefined; readers (and the replies built from them) get exactly
 * the fields selected.
 */
export function pickFields<T extends object, K extends keyof T>(entity: T, fields: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const f of fields) out[f] = entity[f];
  return out;
}
