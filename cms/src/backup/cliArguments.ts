import path from 'node:path'

/** The command's own arguments: positional paths and `--flag`s. */
export interface CliArguments {
  paths: string[]
  flags: Set<string>
}

/**
 * Reads the arguments `payload run` passes on. Paths are resolved against
 * the folder the operator ran npm in (`INIT_CWD`), not `cms/`, where npm
 * runs the workspace script.
 */
export function cliArguments(argv: string[] = process.argv.slice(2), env: Record<string, string | undefined> = process.env): CliArguments {
  const base = env.INIT_CWD ?? process.cwd()
  const flags = new Set(argv.filter((arg) => arg.startsWith('--')).map((arg) => arg.slice(2)))
  const paths = argv.filter((arg) => !arg.startsWith('--')).map((arg) => path.resolve(base, arg))
  return { paths, flags }
}
