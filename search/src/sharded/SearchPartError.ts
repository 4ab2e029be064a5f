/** Why a part of the sharded index could not be used. */
export type SearchPartProblem = 'missing' | 'corrupt' | 'stale'

const MESSAGES: Record<SearchPartProblem, (name: string) => string> = {
  missing: (name) => `搜索索引的一部分（${name}）没能加载，这次的结果可能不全。请检查网络后刷新页面再试。`,
  corrupt: (name) => `搜索索引的一部分（${name}）已损坏，这次的结果可能不全。请刷新页面；如果一直这样，请告诉网站管理员重新生成网站。`,
  stale: (name) => `搜索索引刚刚更新过（${name} 与其他部分不是同一次生成的），请刷新页面再搜。`,
}

/** A part of the sharded index is missing, corrupt or from another build; the message says so in Chinese, for the page. */
export class SearchPartError extends Error {
  override readonly name = 'SearchPartError'
  readonly problem: SearchPartProblem
  readonly part: string

  constructor(problem: SearchPartProblem, part: string) {
    super(MESSAGES[problem](part))
    this.problem = problem
    this.part = part
  }
}
