// The widgets script (/widgets/v1/gongyu-widgets.<hash>.js): registers the
// elements (course list, search box, lesson card, event list) and sizes iframe embeds. No framework, no dependencies;
// site/src/integrations/widgetBundle.ts bundles it and holds it to its size budget.
import { defineCourseList } from './gongyu-course-list/define.ts'
import { defineEventList } from './gongyu-event-list/define.ts'
import { defineLessonCard } from './gongyu-lesson-card/define.ts'
import { defineSearchBox, SEARCH_BOX_TAG } from './gongyu-search-box/define.ts'
import { listenForFrameHeights } from './frames/listenForFrameHeights.ts'
import { scriptBase } from './shared/scriptSource.ts'

// Two snippets on one page load this script twice: only the first copy listens for frame heights.
if (scriptBase && !customElements.get(SEARCH_BOX_TAG)) listenForFrameHeights(scriptBase.origin)
defineCourseList()
defineSearchBox()
defineLessonCard()
defineEventList()
