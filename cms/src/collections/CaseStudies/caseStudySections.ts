/** The four sections of a case, in the order readers meet them: each is a rich-text field and a part of the public page. */
export const caseStudySections = [
  { name: 'background', label: '背景', english: 'Background' },
  { name: 'problem', label: '问题描述', english: 'Problem' },
  { name: 'strategy', label: '解决策略', english: 'Strategy' },
  { name: 'outcome', label: '结果评估', english: 'Outcome evaluation' },
] as const
