/** The one line `npm run seed` prints when another process (a running `npm start`) holds the SQLite database. */
export const DATABASE_BUSY_MESSAGE =
  '导入失败：数据库正被运行中的共育服务使用。请先停止服务（在运行 npm start 的窗口按 Ctrl+C），再运行 npm run seed，然后重新启动服务。'

/**
 * True when the error, or any error it wraps, is SQLite's "database is locked"
 * (SQLITE_BUSY). The seed's own errors keep only the message of the save that
 * failed, so the message is checked as well as the code.
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 10; current = (current as { cause?: unknown }).cause, depth += 1) {
    const { code, message } = current as { code?: unknown; message?: unknown }
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return true
    if (typeof message === 'string' && /SQLITE_BUSY|database is locked/i.test(message)) return true
  }
  return false
}
