import { readFile } from 'node:fs/promises'
import type { CollectionBeforeOperationHook } from 'payload'
import { UploadRefusedError } from '../errors/UploadRefusedError'
import { describeFindings, findPersonalInformation } from '../privacy/findPersonalInformation'

/** The words of a WebVTT file as viewers read them: cue text without timings and tags. */
function cueText(vtt: string): string {
  return vtt
    .split(/\r?\n/)
    .filter((line) => !line.includes('-->') && !/^WEBVTT/.test(line))
    .map((line) => line.replace(/<[^>]*>/g, ''))
    .join('\n')
}

/**
 * Refuses captions whose text holds a child's personal information: the
 * file is served to viewers as it is, so it gets the same check as the
 * micro-lesson's transcript. Runs after `refuseInvalidCaptions`, so the file
 * is known to be UTF-8.
 */
export const refuseCaptionPersonalInformation: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.file) return args
  const bytes = req.file.tempFilePath && req.file.data.length === 0 ? await readFile(req.file.tempFilePath) : req.file.data
  const findings = findPersonalInformation(cueText(new TextDecoder('utf-8').decode(bytes)))
  if (findings.length > 0) throw new UploadRefusedError(describeFindings('字幕文件', findings))
  return args
}
