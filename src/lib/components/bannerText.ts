// Error banners show a title ("Drafting the answer failed") over a message. Runs saved by earlier
// builds stored the message with the title already in it; it must not be said twice.

/** The message without a leading copy of the title (and the separator after it). */
export function withoutRepeatedTitle(title: string, message: string): string {
  const head = title.trim();
  const body = message.trimStart();
  if (!head || !body.toLocaleLowerCase().startsWith(head.toLocaleLowerCase())) return message;
  const rest = body.slice(head.length).replace(/^\s*[:：—–-]\s*/, '');
  return rest || message;
}
