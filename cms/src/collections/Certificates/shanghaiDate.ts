// Certificates are dated as a school in China would write them, whatever the server's time zone.
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The calendar day (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiDate(value: string | Date): string {
  return SHANGHAI_DAY.format(typeof value === 'string' ? new Date(value) : value)
}
