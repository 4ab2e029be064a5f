import type { StoreProblem } from '../../lib/myLearning/learningStore.ts'
import type { ImportProblem } from '../../lib/myLearning/transferText.ts'

/** The words the 我的学习 element fills in, as JSON in the page so the Traditional copy converts them. `{name}` marks a value. */
export interface MyLearningLabels {
  lessons: string
  days: string
  hours: string
  stamps: string
  stampLine: string
  doneOn: string
  exported: string
  codeReady: string
  copied: string
  copyFailed: string
  imported: string
  cleared: string
  confirmClear: string
  /** A lesson's stated length on the printed 自学记录. */
  sheetMinutes: string
  /** The stamps line of the printed 自学记录's session table. */
  sheetStampHours: string
  importProblems: Record<ImportProblem, string>
  storeProblems: Record<StoreProblem, string>
  /** The site section of each record type (`lesson` → `lessons`), from the contract at build time, so the script needs none of it. */
  sections: Record<string, string>
}

const NOTHING_CHANGED = '手机上的记录没有任何改动。'

/** The Simplified words; MyLearningPanel.astro adds the sections. */
export const MY_LEARNING_LABELS: Omit<MyLearningLabels, 'sections'> = {
  lessons: '{count} 节',
  days: '{count} 天',
  hours: '{hours} 小时',
  stamps: '参加活动签到 {count} 次，共 {hours} 学时（由活动二维码签名证明）。',
  stampLine: '{on}　{title}（{organization}，{hours} 学时）',
  doneOn: '{on} 学完',
  exported: '已生成文件“{name}”。请把它发到新手机上，在新手机的“我的学习”里选择这个文件导入。',
  codeReady: '迁移码已生成。点“复制迁移码”，发给自己（比如微信“文件传输助手”），再在新手机的“我的学习”里粘贴导入。',
  copied: '迁移码已复制。',
  copyFailed: '没能自动复制。请长按上面的迁移码，选“全选”，再选“复制”。',
  imported: '导入成功：新添了学完的课 {done} 节、练习 {practised} 次、签到 {stamps} 次。',
  cleared: '已清空这部手机上的学习记录。',
  confirmClear: '确定清空这部手机上的全部学习记录吗？清空后找不回来（除非之前导出过）。',
  sheetMinutes: '{minutes} 分钟',
  sheetStampHours: '{hours} 学时',
  importProblems: {
    empty: '请先选择导出的文件，或粘贴迁移码。',
    tooLarge: `这个文件太大，不是“我的学习”导出的记录。${NOTHING_CHANGED}`,
    damaged: `迁移码或文件不完整、已损坏，读不出来。请重新复制完整的迁移码（从 GYL1- 开始到最后），或重新导出文件。${NOTHING_CHANGED}`,
    foreign: `这不是共育“我的学习”导出的记录（可能选错了文件，或粘贴了别的内容）。${NOTHING_CHANGED}`,
    newerVersion: `这份记录来自更新版本的共育，请先刷新这一页（连上网络）再导入。${NOTHING_CHANGED}`,
    invalid: `这份记录里有不对的内容（可能被改动过），无法导入。${NOTHING_CHANGED}`,
  },
  storeProblems: {
    blocked: '这个浏览器不让网站保存数据（可能开了无痕模式，或在设置里禁止了网站数据），学习记录无法保存。换个浏览器打开就可以使用。',
    full: `手机存储空间满了，没能保存。清理一些空间后再试。${NOTHING_CHANGED}`,
    unreadable: '这部手机上的学习记录读不出来了（可能被别的程序改动过），为了不弄丢，没有做任何改动。可以点下面的“清空学习记录”，再导入之前导出的记录。',
    invalid: `合并后的记录超出了能保存的范围，没有导入。${NOTHING_CHANGED}`,
  },
}
