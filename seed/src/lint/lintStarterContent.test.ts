import { describe, expect, it } from 'vitest'
import { grades } from '@gongyu/contract'
import { readStarterContent, type ContentFile, type StarterContent } from '../content/readContent.ts'
import { lintStarterContent } from './lintStarterContent.ts'

const themes = [
  'communication',
  'habits',
  'emotions',
  'safety',
  'reading',
  'labor-education',
  'physical-health',
  'peer-relations',
  'home-school',
  'mental-health',
  'life-education',
  'digital-literacy',
  'career-planning',
  'family-values',
  'school-transition',
  'grandparenting',
  'learning-support',
].map((slug) => ({
  slug,
  name: slug,
  description: slug,
}))

/** Unique filler: every sentence names its item and position, so none repeats by accident. */
function prose(tag: string, sentences: number): string {
  return `${Array.from({ length: sentences }, (_, index) => `这是${tag}的第${index + 1}句话，用来说明一件具体的小事情`).join('。')}。`
}

function lesson(grade: string, sequence: number, overrides: Partial<ContentFile['data']> = {}, body?: string): ContentFile {
  const tag = `${grade}-${sequence}`
  const slug = `${grade}-${String(sequence).padStart(2, '0')}-topic`
  return {
    kind: 'lesson',
    slug,
    file: `lessons/${grade}/${slug}.md`,
    data: {
      title: `课程标题${tag}`,
      grade,
      sequence,
      category: 'basic',
      themes: [themes[sequence % themes.length]?.slug],
      audience: ['parents'],
      durationMinutes: 30,
      summary: prose(`${tag}摘要`, 4),
      objectives: [`目标一${tag}`, `目标二${tag}`, `目标三${tag}`],
      reflectionQuestions: [`反思问题一${tag}？`, `反思问题二${tag}？`],
      ...overrides,
    },
    body:
      body ??
      ['为什么重要', '常见误区', '家长可以这样做', '亲子练习']
        .map((heading, index) => `## ${heading}\n\n${prose(`${tag}节${index}`, index === 2 ? 10 : 6)}`)
        .join('\n\n'),
  }
}

function fullBank(): StarterContent {
  const files = grades.flatMap((grade) => Array.from({ length: 20 }, (_, index) => lesson(grade.code, index + 1)))
  return { themes, files }
}

function problemsFor(content: StarterContent) {
  return lintStarterContent(content).map((problem) => `${problem.file} ${problem.field} ${problem.message}`)
}

describe('content lint rules', () => {
  it('accepts a well-formed bank', () => {
    expect(problemsFor(fullBank())).toEqual([])
  })

  it('fails when a grade has other than 20 lessons', () => {
    const bank = fullBank()
    bank.files = bank.files.filter((item) => item.slug !== 'p3-07-topic')
    expect(problemsFor(bank).join('\n')).toContain('三年级有 19 课，应为 20 课')
  })

  it('fails when a sequence repeats within a grade', () => {
    const bank = fullBank()
    bank.files.push(lesson('p3', 7, { title: '另一个标题' }))
    expect(problemsFor(bank).join('\n')).toMatch(/序号 7 与 .* 重复/)
  })

  it('fails when a grade has more than 20 core lessons, and takes a lesson marked core: false past them', () => {
    const bank = fullBank()
    bank.files.push(lesson('p3', 21, { title: '三年级第二十一课' }))
    const coreProblems = () => problemsFor(bank).filter((problem) => problem.includes('核心课'))
    expect(coreProblems()).toEqual(['lessons/p3/ core 三年级有 21 节核心课，最多 20 节：其余的写 core: false'])
    bank.files[bank.files.length - 1] = lesson('p3', 21, { title: '三年级第二十一课', core: false })
    expect(coreProblems()).toEqual([])
  })

  it('refuses a core mark that is not true or false', () => {
    const bank = fullBank()
    bank.files[0] = lesson('k1', 1, { core: 'yes' })
    expect(problemsFor(bank).join('\n')).toMatch(/core .*应为 true 或 false/)
  })

  it('fails when a section is missing or too short', () => {
    const bank = fullBank()
    const index = bank.files.findIndex((item) => item.slug === 'k1-01-topic')
    bank.files[index] = lesson('k1', 1, {}, '## 为什么重要\n\n太短了。\n\n## 家长可以这样做\n\n也太短。')
    const problems = problemsFor(bank).join('\n')
    expect(problems).toContain('小节应依次为')
    expect(problems).toMatch(/正文 › 为什么重要 .*至少 120 字/)
    expect(problems).toMatch(/共 \d+ 字，至少 600 字/)
  })

  it('fails when a summary is outside 80–200 字', () => {
    const bank = fullBank()
    bank.files[0] = lesson('k1', 1, { summary: '太短的摘要。' })
    expect(problemsFor(bank).join('\n')).toMatch(/summary .*至少 80 字/)
  })

  it('fails when two titles are equal', () => {
    const bank = fullBank()
    bank.files[1] = lesson('k1', 2, { title: '课程标题k1-1' })
    expect(problemsFor(bank).join('\n')).toContain('标题与 lessons/k1/k1-01-topic.md 相同')
  })

  it('fails when a sentence of 15 字 or more appears in more than 3 items', () => {
    const bank = fullBank()
    const stock = '孩子的成长需要家长用心陪伴和耐心等待'
    for (const slug of ['k1-01-topic', 'k1-02-topic', 'k1-03-topic', 'k1-04-topic']) {
      const item = bank.files.find((file) => file.slug === slug)!
      item.body += `\n\n${stock}。`
    }
    const repeated = problemsFor(bank).filter((problem) => problem.includes(stock))
    expect(repeated).toHaveLength(4)
  })

  it('allows the same sentence in up to 3 items', () => {
    const bank = fullBank()
    for (const slug of ['k1-01-topic', 'k1-02-topic', 'k1-03-topic']) {
      bank.files.find((file) => file.slug === slug)!.body += '\n\n孩子的成长需要家长用心陪伴和耐心等待。'
    }
    expect(problemsFor(bank)).toEqual([])
  })

  it.each([
    ['p3', '高考'],
    ['j2', '选科'],
    ['p2', '中考'],
    ['p1', '入园'],
    ['p2', '小升初'],
    ['p3', '幼小衔接'],
    ['p4', '早恋'],
  ])('fails when a %s lesson names %s', (grade, term) => {
    const bank = fullBank()
    const item = bank.files.find((file) => file.slug === `${grade}-01-topic`)!
    item.body += `\n\n家长不必过早担心${term}的事情。`
    expect(problemsFor(bank).join('\n')).toContain(`「${term}」不适合`)
  })

  it.each([
    ['s3', '高考'],
    ['j3', '中考'],
    ['k1', '入园'],
    ['p6', '小升初'],
    ['k3', '幼小衔接'],
    ['special', '高考'],
  ])('allows %s lessons to name %s', (grade, term) => {
    const bank = fullBank()
    bank.files.find((file) => file.slug === `${grade}-01-topic`)!.body += `\n\n家长可以提前了解${term}的安排。`
    expect(problemsFor(bank)).toEqual([])
  })

  it('does not take 期中考试 for 中考', () => {
    const bank = fullBank()
    bank.files.find((file) => file.slug === 'p4-01-topic')!.body += '\n\n期中考试前一周，作息照常。'
    expect(problemsFor(bank)).toEqual([])
  })

  it('fails on unknown codes and bad references', () => {
    const bank = fullBank()
    bank.files[0] = lesson('k1', 1, { category: 'premium', themes: ['no-such-theme'] })
    bank.files.push({
      kind: 'micro-lesson',
      slug: 'micro-k1-orphan',
      file: 'micro-lessons/micro-k1-orphan.md',
      data: { title: '孤立的微课', lesson: 'k1-99-missing', grades: ['k1'], themes: ['habits'], durationSeconds: 200, presenter: '县家长学校讲师团' },
      body: prose('微课逐字稿', 20),
    })
    const problems = problemsFor(bank).join('\n')
    expect(problems).toContain('未知取值 "premium"')
    expect(problems).toContain('themes[0]: 未知取值'.replace(': ', ' '))
    expect(problems).toContain('找不到课程 k1-99-missing')
  })

  it('checks the theme list itself', () => {
    const bank = fullBank()
    bank.themes = [...bank.themes, { slug: 'habits', name: '习惯', description: '重复的主题' }, { slug: 'Bad Slug', name: '', description: '说明' }]
    const problems = problemsFor(bank)
    expect(problems).toContain(`themes.yaml [${themes.length}].slug slug habits 重复`)
    expect(problems).toContain(`themes.yaml [${themes.length + 1}].name 必填`)
    expect(problems.join('\n')).toContain(`themes.yaml [${themes.length + 1}].slug "Bad Slug" 不是 slug`)
  })
})

describe('the starter bank', () => {
  it('passes the content lint', () => {
    const problems = lintStarterContent(readStarterContent())
    expect(problems.map((problem) => `${problem.file} › ${problem.field}: ${problem.message}`)).toEqual([])
  })
})
