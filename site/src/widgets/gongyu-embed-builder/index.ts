// The embed builder page's own script (/widgets/v1/gongyu-embed-builder.<hash>.js); not part of the widgets budget.
import { defineEmbedBuilder } from './define.ts'

defineEmbedBuilder()
