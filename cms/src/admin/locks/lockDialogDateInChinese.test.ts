import { describe, expect, it } from 'vitest'
import { lockDialogDateInChinese } from './lockDialogDateInChinese'

describe('the lock dialog date in Chinese', () => {
  it('turns the en-US form Payload writes into the admin date format, in the same local time', () => {
    const instant = new Date(2026, 11, 3, 18, 5)
    const english = new Intl.DateTimeFormat('en-US', {
      day: 'numeric',
      hour: 'numeric',
      hour12: true,
      minute: 'numeric',
      month: 'short',
      year: 'numeric',
    }).format(instant)
    expect(lockDialogDateInChinese(english)).toBe('2026年12月3日 18:05')
    expect(lockDialogDateInChinese('Jan 9, 2027, 12:30 AM')).toBe('2027年1月9日 00:30')
  })

  it('leaves names, Chinese dates and other text alone', () => {
    for (const text of ['张老师（管理员）', '2026年12月3日 18:05', '', 'Dec 3, 2026', 'Mayday 3, 2026, 6:05 AM', 'Foo 99, 2026, 6:05 PM']) {
      expect(lockDialogDateInChinese(text)).toBeUndefined()
    }
  })
})
