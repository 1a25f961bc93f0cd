'use server';

import { notFound, redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { requestMeta } from '@/lib/http/request-meta';
import type { UploadedFile } from '@/lib/files/upload';
import { archiveLetter, markLetterRead, sendToInsurer } from '@/lib/mailbox/commands';
import type { ComposeState } from '@/lib/mailbox/form-state';
import { replySchema, submissionSchema } from '@/lib/mailbox/schema';
import { requireSmartMember } from '@/lib/auth/access';

// Thin endpoints: each checks its caller, then hands over to lib/mailbox.

// After marking unread or archiving, the list says what happened and offers to undo it
// (?erledigt=<what>&schreiben=<id>); the undo itself lands on the list without a notice.

export async function setLetterReadAction(letterId: string, read: boolean): Promise<void> {
  const { memberId } = await requireSmartMember();
  const id = String(letterId);
  if (!(await markLetterRead(memberId, id, Boolean(read)))) notFound();
  revalidatePath('/postfach', 'layout');
  // Back to the list: showing the letter again would read it again.
  redirect(read ? '/postfach' : `/postfach?erledigt=unread&schreiben=${encodeURIComponent(id)}`);
}

export async function archiveLetterAction(letterId: string, archived: boolean, from: 'letter' | 'list'): Promise<void> {
  const { memberId } = await requireSmartMember();
  const id = String(letterId);
  if (!(await archiveLetter(memberId, id, Boolean(archived)))) notFound();
  revalidatePath('/postfach', 'layout');
  redirect(String(from) === 'list' ? '/postfach' : `/postfach?erledigt=${archived ? 'archived' : 'unarchived'}&schreiben=${encodeURIComponent(id)}`);
}

async function filesOf(formData: FormData): Promise<UploadedFile[]> {
  const files = formData.getAll('files').filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ''));
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

export async function replyAction(_previous: ComposeState, formData: FormData): Promise<ComposeState> {
  const { memberId } = await requireSmartMember();
  const parsed = replySchema.safeParse({ letterId: formData.get('letterId'), text: formData.get('text') ?? '', idempotencyKey: formData.get('idempotencyKey') });
  if (!parsed.success) return { errors: parsed.error.flatten().fieldErrors, message: 'compose.failed' };
  const result = await sendToInsurer(memberId, { kind: 'REPLY', ...parsed.data }, await filesOf(formData), await requestMeta());
  if (!result.ok && result.error === 'not_found') notFound();
  if (!result.ok) return { message: 'compose.notSent', refused: result.refused, tooMany: result.tooMany };
  revalidatePath('/postfach', 'layout');
  redirect(`/postfach/${result.letterId}?gesendet=1`);
}

export async function submitDocumentsAction(_previous: ComposeState, formData: FormData): Promise<ComposeState> {
  const { memberId } = await requireSmartMember();
  const parsed = submissionSchema.safeParse({
    category: formData.get('category'),
    subject: formData.get('subject') ?? '',
    text: formData.get('text') ?? '',
    idempotencyKey: formData.get('idempotencyKey'),
  });
  if (!parsed.success) return { errors: parsed.error.flatten().fieldErrors, message: 'compose.failed' };
  const result = await sendToInsurer(memberId, { kind: 'SUBMISSION', ...parsed.data }, await filesOf(formData), await requestMeta());
  if (!result.ok && result.error === 'not_found') notFound();
  if (!result.ok) {
    const needFile = result.refused.length === 0 && !result.tooMany;
    return { message: needFile ? 'compose.needFile' : 'compose.notSent', refused: result.refused, tooMany: result.tooMany, needFile };
  }
  revalidatePath('/postfach', 'layout');
  redirect(`/postfach/${result.letterId}?gesendet=1`);
}
