import { describe, expect, it } from 'vitest'
import { deploymentProblems } from './deploymentShape'

const MONGODB = 'mongodb://db.example.internal:27017/gongyu'
const MEILI = { MEILI_HOST: 'http://search.example.internal:7700', MEILI_ADMIN_KEY: 'admin-key' }
const env = (values: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: 'production', ...values })

describe('deploymentProblems', () => {
  it('lets one machine start on SQLite with the embedded search engine', () => {
    expect(deploymentProblems({ NODE_ENV: 'production' })).toEqual([])
  })

  it('refuses several instances without Meilisearch, in Chinese and English', () => {
    const problems = deploymentProblems(env({ GONGYU_INSTANCES: '2', DATABASE_URI: MONGODB }))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain('MEILI_HOST')
    expect(problems[0]).toContain('内置搜索索引')
    expect(problems[0]).toContain('embedded index')
  })

  it('refuses several instances on a SQLite file', () => {
    const problems = deploymentProblems(env({ GONGYU_INSTANCES: '3', ...MEILI }))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain('DATABASE_URI=mongodb://')
    expect(problems[0]).toContain('GONGYU_INSTANCES=3')
  })

  it('refuses a worker without MongoDB and Meilisearch, even beside a single instance', () => {
    const problems = deploymentProblems(env({ GONGYU_PROCESS_ROLE: 'worker' }))
    expect(problems).toHaveLength(2)
    expect(problems.join('\n')).toContain('npm run worker')
  })

  it('lets several instances and the worker start with MongoDB and Meilisearch', () => {
    expect(deploymentProblems(env({ GONGYU_INSTANCES: '2', DATABASE_URI: MONGODB, ...MEILI }))).toEqual([])
    expect(deploymentProblems(env({ GONGYU_PROCESS_ROLE: 'worker', DATABASE_URI: MONGODB, ...MEILI }))).toEqual([])
  })
})
