'use client'

import { FieldError, useFormFields, useFormProcessing } from '@payloadcms/ui'
import { useEffect, useRef, useState } from 'react'

interface Shown {
  message: string
  value: unknown
}

/**
 * A field's error that stays until the field is edited or saved again. The
 * server's reasons for refusing a draft (课序号 taken, personal information,
 * a title missing on submission) reach the form as field errors, but Payload
 * shows field errors only on a "submitted" form, which a draft save never is,
 * and its next form-state refresh marks every field valid again: the reason
 * flashed in a toast under the field's English name and was gone (issue 14).
 */
export function FieldErrorUntilEdited({ path }: { path: string }) {
  const field = useFormFields(([fields]) => fields[path])
  const processing = useFormProcessing()
  const [shown, setShown] = useState<Shown | null>(null)
  const saving = useRef(false)
  // The field's message and value when the last save began, kept until the field is edited: the refusal can
  // reach the form after the save has ended, in its own render.
  const lastSave = useRef<{ messageBefore: string | undefined; value: unknown } | null>(null)

  useEffect(() => {
    if (processing) {
      if (!saving.current) {
        saving.current = true
        lastSave.current = { messageBefore: field?.errorMessage, value: field?.value }
        setShown(null)
      }
      return
    }
    saving.current = false
    if (lastSave.current && lastSave.current.value !== field?.value) lastSave.current = null
    // A form-state refresh sent just before the save can land in the same render as the refusal and mark the
    // field valid again; Payload keeps the message, so a message new since the save began is the refusal too.
    const message = field?.errorMessage
    if (message && (field?.valid === false || (lastSave.current && message !== lastSave.current.messageBefore))) setShown({ message, value: field?.value })
    else setShown((current) => (current && current.value !== field?.value ? null : current))
  }, [processing, field?.valid, field?.errorMessage, field?.value])

  return <FieldError path={path} message={shown?.message} showError={shown !== null} />
}
