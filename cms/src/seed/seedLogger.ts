import { type Config, defaultLoggerOptions } from 'payload'
import { isDatabaseBusy } from './databaseBusy'

/**
 * Payload's usual log for `npm run seed`, less its "database is locked"
 * errors: the seed says what to do in one Chinese line, where Payload's entry
 * would repeat the failure with its stack and SQL (kilobytes). Other entries,
 * such as the first admin being created, still show.
 */
export const seedLogger: Config['logger'] = {
  options: {
    hooks: {
      logMethod(args, method, level) {
        const [first] = args as unknown[]
        // pino's error level is 50; Payload logs `{ err, msg }` or the error itself.
        if (level >= 50 && isDatabaseBusy((first as { err?: unknown } | undefined)?.err ?? first)) return
        method.apply(this, args)
      },
    },
  },
  destination: defaultLoggerOptions,
}
