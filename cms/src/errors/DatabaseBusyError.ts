import { APIError } from 'payload'

/** A save that waited too long for the database's single writer (HTTP 503, message in Chinese). */
export class DatabaseBusyError extends APIError {
  constructor() {
    super('数据库正忙，保存没有完成，也没有改动任何内容。请稍后再试。', 503, undefined, true)
    this.name = 'DatabaseBusyError'
  }
}
