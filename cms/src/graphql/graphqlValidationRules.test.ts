import { createRequire } from 'node:module'
import type { ExecutionArgs } from 'graphql'
import { describe, expect, it } from 'vitest'
import { graphqlValidationRules } from './graphqlValidationRules'

// Node loads graphql's CommonJS build for the rule libraries (graphql has no "exports" map), while
// Vite would give this file the ES-module build; build the schema with the copy the libraries use,
// as Payload does at run time.
const { buildSchema, parse, specifiedRules, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql')

// A small stand-in for Payload's schema: a paginated list with documents that link to each other.
const schema = buildSchema(`
  type Doc { id: Int title: String body: String related: Doc }
  type Docs { docs: [Doc] totalDocs: Int }
  type Query { Docs(limit: Int, page: Int, pagination: Boolean): Docs Doc(id: Int): Doc }
`)

function errorsOf(query: string, options: { signedIn?: boolean; variables?: Record<string, unknown> } = {}): string[] {
  const args = {
    schema,
    document: parse(query),
    variableValues: options.variables,
    contextValue: { req: { user: options.signedIn ? { id: 1 } : null } },
  } as unknown as ExecutionArgs
  return validate(schema, args.document, [...specifiedRules, ...graphqlValidationRules(args)]).map((error) => error.message)
}

describe('graphqlValidationRules', () => {
  it('accepts ordinary queries', () => {
    expect(errorsOf('{ Docs(limit: 20) { totalDocs docs { id title body } } }')).toEqual([])
    expect(errorsOf('{ a: Docs(limit: 100) { docs { id title } } b: Doc(id: 1) { title } }')).toEqual([])
  })

  it('refuses whole-collection reads, inline, by variable or by default value', () => {
    expect(errorsOf('{ Docs(limit: 0) { docs { id } } }')).toEqual([expect.stringMatching(/不能一次读取全部/)])
    expect(errorsOf('{ Docs(pagination: false) { docs { id } } }')).toEqual([expect.stringMatching(/不能关闭分页/)])
    expect(errorsOf('query($l: Int) { Docs(limit: $l) { docs { id } } }', { variables: { l: -5 } })).toEqual([expect.stringMatching(/不能一次读取全部/)])
    expect(errorsOf('query($p: Boolean = false) { Docs(pagination: $p) { docs { id } } }')).toEqual([expect.stringMatching(/不能关闭分页/)])
    expect(errorsOf('{ Docs(page: 0) { docs { id } } }')).toEqual([expect.stringMatching(/page/)])
  })

  it('counts list sizes into the cost', () => {
    const field = 'Docs(limit: 100) { docs { id title body } }'
    expect(errorsOf(`{ a: ${field} b: ${field} c: ${field} d: ${field} e: ${field} }`)).toEqual([])
    const many = Array.from({ length: 8 }, (_, index) => `a${index}: ${field}`).join(' ')
    expect(errorsOf(`{ ${many} }`)).toEqual([expect.stringMatching(/查询太大：估算要读取 \d+ 项/)])
    // A limit above the page size costs like the page size, since it is lowered to it.
    expect(errorsOf('{ Docs(limit: 100000) { docs { id } } }')).toEqual([])
  })

  it('caps aliases and depth, through fragments too', () => {
    const aliases = Array.from({ length: 11 }, (_, index) => `a${index}: Doc(id: ${index}) { id }`).join(' ')
    expect(errorsOf(`{ ${aliases} }`)).toEqual([expect.stringMatching(/最多 10 个别名/)])
    const deep = '{ Doc(id: 1) { related { related { related { related { related { related { related { related { id } } } } } } } } } }'
    expect(errorsOf(deep)).toEqual([expect.stringMatching(/嵌套太深/)])
    const viaFragment =
      'query { Doc(id: 1) { ...R } } fragment R on Doc { related { related { related { related { related { related { related { related { id } } } } } } } } }'
    expect(errorsOf(viaFragment)).toEqual([expect.stringMatching(/嵌套太深/)])
  })

  it('allows introspection to signed-in users only', () => {
    expect(errorsOf('{ __schema { queryType { name } } }')).toEqual([expect.stringMatching(/introspection/)])
    expect(errorsOf('{ __type(name: "Doc") { name } }')).toEqual([expect.stringMatching(/introspection/)])
    expect(errorsOf('{ __schema { queryType { name } } }', { signedIn: true })).toEqual([])
    expect(errorsOf('{ Doc(id: 1) { __typename id } }')).toEqual([])
  })
})
