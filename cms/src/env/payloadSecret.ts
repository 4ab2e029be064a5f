import { randomBytes } from 'node:crypto'
import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseEnv } from 'node:util'
import { cmsRoot } from './paths.ts'
import { cmsSettings } from './settings.ts'

/** Raised at start-up when configuration is missing or wrong; the message says how to fix it. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigurationError'
  }
}

/** The git-ignored file of local settings; Next.js, Payload's CLI and `npm start` (env/loadEnvFiles.ts) load it. */
export const LOCAL_ENV_FILE = path.join(cmsRoot, '.env.local')

/**
 * The secret Payload signs sessions with. Production must set
 * `PAYLOAD_SECRET`; in development one is generated once into the
 * git-ignored `cms/.env.local`, so a newcomer needs no set-up.
 */
export function resolvePayloadSecret(env: NodeJS.ProcessEnv = process.env, localEnvFile: string = LOCAL_ENV_FILE): string {
  const settings = cmsSettings(env)
  if (settings.payloadSecret) return settings.payloadSecret
  if (settings.nodeEnv === 'production') {
    throw new ConfigurationError('缺少环境变量 PAYLOAD_SECRET。生产环境必须设置一个至少 32 位的随机字符串，例如：PAYLOAD_SECRET=$(openssl rand -hex 32)')
  }
  if (existsSync(localEnvFile)) {
    // Node's own .env parser (the one process.loadEnvFile uses), read into `env` rather than process.env.
    const saved = parseEnv(readFileSync(localEnvFile, 'utf8')).PAYLOAD_SECRET?.trim()
    if (saved) {
      env.PAYLOAD_SECRET = saved
      return saved
    }
  }
  const secret = randomBytes(32).toString('hex')
  appendFileSync(localEnvFile, `# Generated for local development; production sets its own.\nPAYLOAD_SECRET=${secret}\n`)
  env.PAYLOAD_SECRET = secret
  return secret
}
