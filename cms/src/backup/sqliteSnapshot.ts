import { createClient } from '@libsql/client'

/** SQLite's name quoting: double quotes, with inner quotes doubled. */
function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/**
 * Copies a live SQLite database with `VACUUM INTO`: one read transaction,
 * so the copy is the database as it was at one instant, whatever editors
 * save meanwhile (their writes wait at most that long). Uses libsql, the
 * driver Payload's SQLite adapter uses, so the file format is the same.
 */
export async function snapshotSqlite(sourceFile: string, targetFile: string): Promise<void> {
  const client = createClient({ url: `file:${sourceFile}` })
  try {
    await client.execute({ sql: 'VACUUM INTO ?', args: [targetFile] })
  } finally {
    client.close()
  }
}

/** Rows in every table of a SQLite file (SQLite's own tables left out): the manifest's counts. */
export async function countSqliteRows(file: string): Promise<Record<string, number>> {
  const client = createClient({ url: `file:${file}` })
  try {
    const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    const counts: Record<string, number> = {}
    for (const row of tables.rows) {
      const name = String(row.name)
      const result = await client.execute(`SELECT count(*) AS n FROM ${quoteName(name)}`)
      counts[name] = Number(result.rows[0]?.n ?? 0)
    }
    return counts
  } finally {
    client.close()
  }
}
