import { describe, expect, it } from 'vitest'
import { handoutAddress, planParts } from './planParts.ts'

describe('planParts', () => {
  it('puts the handout after every teacher part and leaves out empty parts', () => {
    const parts = planParts({
      sections: [
        { key: 'steps', heading: '活动流程', html: '<ol><li>一</li></ol>' },
        { key: 'handout', heading: '家长学习单', html: '<p>给家长</p>' },
        { key: 'evaluation', heading: '效果评估', html: '<p>给老师</p>' },
        { key: 'materials', heading: '材料', html: ' ' },
      ],
    })
    expect(parts.teacher.map((section) => section.key)).toEqual(['steps', 'evaluation'])
    expect(parts.handout?.html).toBe('<p>给家长</p>')
  })

  it('has no handout when the plan has none or it is empty', () => {
    expect(planParts({ sections: [{ key: 'handout', heading: '家长学习单', html: '' }] }).handout).toBeUndefined()
  })
})

describe('handoutAddress', () => {
  it('is the absolute address of the plan’s lesson, or of the plan without one', () => {
    expect(handoutAddress({ url: '/plans/p2/' }, [{ url: '/lessons/p2-01/' }], 'https://gongyu.example.cn')).toBe('https://gongyu.example.cn/lessons/p2-01/')
    expect(handoutAddress({ url: '/plans/p2/' }, [], new URL('https://gongyu.example.cn/'))).toBe('https://gongyu.example.cn/plans/p2/')
  })
})
