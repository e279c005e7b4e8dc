/** Whether two lists hold the same records (same ids, same fields), whatever their order. */
export function sameRecords<T extends { id: string }>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  const byId = new Map(b.map((record) => [record.id, record]));
  return a.every((record) => sameRecord(record, byId.get(record.id)));
}

/** Whether two records have the same fields and values (records are flat objects of strings and numbers). */
export function sameRecord<T extends object>(a: T, b: T | undefined): boolean {
  if (!b) return false;
  const keys = Object.keys(a) as Array<keyof T>;
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
