/**
 * A changes cursor: the database's id and a version, opaque to clients. A cursor of another database
 * (the service was pointed at a new file, or its fields changed) does not decode for this one.
 */
export function encodeCursor(databaseId: string, version: number): string {
  return `${databaseId}.${version}`;
}

/** The version a cursor stands for in this database, or undefined if it is not one of its cursors. */
export function decodeCursor(cursor: string, databaseId: string): number | undefined {
  const dot = cursor.lastIndexOf('.');
  if (dot < 0 || cursor.slice(0, dot) !== databaseId) return undefined;
  const digits = cursor.slice(dot + 1);
  return /^\d{1,15}$/.test(digits) ? Number(digits) : undefined;
}
