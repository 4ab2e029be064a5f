/** A Meilisearch task that ended without succeeding (the client does not throw for these). */
export class MeiliTaskError extends Error {
  readonly taskUid: number
  readonly status: string
  readonly code: string | undefined
  constructor(taskUid: number, status: string, code: string | undefined, message: string | undefined) {
    super(`Meilisearch 任务 ${taskUid} 未成功（${status}${code ? `，${code}` : ''}）：${message ?? '没有错误信息'}`)
    this.name = 'MeiliTaskError'
    this.taskUid = taskUid
    this.status = status
    this.code = code
  }
}
