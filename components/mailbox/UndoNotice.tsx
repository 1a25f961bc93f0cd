import { getTranslations } from 'next-intl/server';
import { archiveLetterAction, setLetterReadAction } from '@/app/(member)/(smart)/postfach/actions';

export type UndoKind = 'archived' | 'unread' | 'unarchived';

/** Says what an action on a letter did, with "Rückgängig" as a small form (works without JavaScript). */
export async function UndoNotice({ kind, letterId, subject }: { kind: UndoKind; letterId: string; subject: string }) {
  const t = await getTranslations('mailbox.undo');
  const undo = kind === 'archived' ? archiveLetterAction.bind(null, letterId, false, 'list') : kind === 'unarchived' ? archiveLetterAction.bind(null, letterId, true, 'list') : setLetterReadAction.bind(null, letterId, true);
  return (
    <div role="status" className="flex flex-wrap items-center justify-between gap-2 rounded-lg border-l-4 border-success bg-success-light px-4 py-2">
      <p>{t(kind, { subject })}</p>
      <form action={undo}>
        <button type="submit" className="min-h-11 px-2 font-semibold text-brand underline">
          {t('undo')}
        </button>
      </form>
    </div>
  );
}
