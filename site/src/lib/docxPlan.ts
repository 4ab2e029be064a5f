import type { PublicRecord, PublicSection } from '@gongyu/contract'
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, type ParagraphChild } from 'docx'
import { type DocxBlock, docxBlocksFromHtml, run, xmlText } from './docxFromHtml.ts'
import { gradesLabel, minutesLabel } from './labels.ts'
import { planParts } from './planParts.ts'
import { qrPng } from './qrCode.ts'

/** What the Word copies of a plan need besides the plan: the absolute address its handout's QR code opens. */
export interface PlanDocxOptions {
  /** Absolute URL of the lesson the plan teaches (the parents' page), printed as text and as a QR code. */
  lessonUrl: string
}

// Ideographic spaces, underlined: a line a teacher fills in by typing over it in Word or by hand on paper.
const BLANK = '　'.repeat(14)

/** The line with blanks for the school's name and contact, which each school fills in before printing. */
function schoolBlanks(): Paragraph {
  const label = (text: string) => run(text)
  const blank = () => run(BLANK, { underline: true })
  return new Paragraph({ children: [label('学校名称：'), blank(), label('　联系人及电话：'), blank()], spacing: { after: 200 } })
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], pageBreakBefore = false): Paragraph {
  return new Paragraph({ children: [run(text)], heading: level, pageBreakBefore })
}

function sectionBlocks(section: PublicSection): DocxBlock[] {
  return [heading(section.heading, HeadingLevel.HEADING_2), ...docxBlocksFromHtml(section.html)]
}

/** The parents' sheet: its heading, the plan's title, the school's blanks, the handout and a QR code of the lesson. */
async function handoutBlocks(record: PublicRecord, handout: PublicSection, options: PlanDocxOptions, pageBreakBefore: boolean): Promise<DocxBlock[]> {
  const png = await qrPng(options.lessonUrl)
  const qr: ParagraphChild = new ImageRun({
    type: 'png',
    data: png,
    transformation: { width: 96, height: 96 },
    altText: { name: '二维码', title: '扫码看这一课', description: xmlText(options.lessonUrl) },
  })
  return [
    heading('家长学习单', HeadingLevel.HEADING_1, pageBreakBefore),
    new Paragraph({ children: [run(record.title)] }),
    schoolBlanks(),
    ...docxBlocksFromHtml(handout.html),
    new Paragraph({ children: [qr], alignment: AlignmentType.LEFT, spacing: { before: 240 } }),
    new Paragraph({ children: [run('扫码看这一课：'), run(options.lessonUrl)] }),
  ]
}

function wordDocument(title: string, children: DocxBlock[]): Document {
  return new Document({
    title: xmlText(title),
    creator: '共育课程资源库',
    // 宋体 is on every Chinese Windows and in WPS; Word falls back to its own East Asian font elsewhere.
    styles: { default: { document: { run: { font: { eastAsia: 'SimSun' }, size: 24 } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 907, bottom: 1020, left: 907, right: 907 } } }, children }],
  })
}

/** The whole lesson plan as a Word file: the teacher's parts, then the parents' handout on its own page. */
export async function planDocx(record: PublicRecord, options: PlanDocxOptions): Promise<Buffer> {
  const { teacher, handout } = planParts(record)
  const facts = [gradesLabel(record), minutesLabel(record.durationMinutes)].filter(Boolean).join(' · ')
  const children: DocxBlock[] = [
    heading(record.title, HeadingLevel.TITLE),
    new Paragraph({ children: [run(`教案 · 给老师${facts ? ` · ${facts}` : ''}`)] }),
    schoolBlanks(),
    ...teacher.flatMap(sectionBlocks),
    ...(handout ? await handoutBlocks(record, handout, options, true) : []),
  ]
  return Packer.toBuffer(wordDocument(record.title, children))
}

/** The parents' handout alone as a Word file; undefined when the plan has none. */
export async function handoutDocx(record: PublicRecord, options: PlanDocxOptions): Promise<Buffer | undefined> {
  const { handout } = planParts(record)
  if (!handout) return undefined
  return Packer.toBuffer(wordDocument(`家长学习单：${record.title}`, await handoutBlocks(record, handout, options, false)))
}
