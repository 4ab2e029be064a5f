/** A refusal in Payload's error shape (`{ errors: [{ message }] }`), which the admin and GraphQL clients both read. */
export function refusal(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ errors: [{ message }] }, { status, headers })
}
