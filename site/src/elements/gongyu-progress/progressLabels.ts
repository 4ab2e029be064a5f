import type { StoreProblem } from '../../lib/myLearning/learningStore.ts'

/** The words the element changes, rendered into the page as JSON so the Traditional copy converts them with the page. */
export interface ProgressLabels {
  done: string
  doneAlready: string
  practised: string
  practisedAlready: string
  savedDone: string
  savedPractice: string
  undone: string
  practisedBefore: string
  problems: Record<StoreProblem, string>
}

/** The Simplified words; ProgressActions.astro writes them into every lesson and micro-lesson page. */
export const PROGRESS_LABELS: ProgressLabels = {
  done: '学完了',
  doneAlready: '✓ 已学完（再点一下可取消）',
  practised: '今天练习了',
  practisedAlready: '✓ 今天练习过了',
  savedDone: '已记下：学完了这一课。记录只在这部手机上。',
  savedPractice: '已记下：今天练习了。每天点一次就好。',
  undone: '已取消“学完了”。',
  practisedBefore: '今天已经记过这项练习了。',
  problems: {
    blocked: '这个浏览器不让网站保存数据（可能开了无痕模式，或在设置里禁止了网站数据），所以记不下来。换个浏览器打开就可以记。',
    full: '手机存储空间满了，这次没有记下。清理一些空间后再点一次。',
    unreadable: '这部手机上的学习记录读不出来了，为了不弄丢，这次没有改动。可以到“我的学习”页面清空后重新记录。',
    invalid: '这一页缺少课程编号，没有记下。',
  },
}
