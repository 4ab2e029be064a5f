import { describe, expect, it } from 'vitest'
import { graphqlAuthFields } from './graphqlAuthFields'

describe('graphqlAuthFields', () => {
  it('counts login and forgot-password fields, aliases and fragments included', () => {
    const query = `mutation { a: loginUser(email: "x", password: "1") { token } b: loginUser(email: "x", password: "2") { token } forgotPasswordUser(email: "x") ...More }
      fragment More on Mutation { c: loginUser(email: "x", password: "3") { token } }`
    expect(graphqlAuthFields(query, ['User'])).toEqual({ login: 3, forgotPassword: 1 })
  })

  it('counts nothing for other queries, unparsable text or a missing query', () => {
    expect(graphqlAuthFields('{ Lessons { docs { id } } }', ['User'])).toEqual({ login: 0, forgotPassword: 0 })
    expect(graphqlAuthFields('mutation { loginUser(', ['User'])).toEqual({ login: 0, forgotPassword: 0 })
    expect(graphqlAuthFields(undefined, ['User'])).toEqual({ login: 0, forgotPassword: 0 })
  })
})
