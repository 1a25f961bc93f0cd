import 'server-only';
import { prisma } from '@/lib/db';
import { isUuid } from './ids';
import { parseLetterBlocks, type LetterBlock } from './templates';

/** The text of one of the member's letters as blocks, or null (no text stored, or not this member's). */
export async function getLetterText(memberId: string, letterId: string): Promise<LetterBlock[] | null> {
  if (!isUuid(letterId)) return null;
  const row = await prisma.letter.findFirst({ where: { id: letterId, memberId }, select: { content: true } });
  return parseLetterBlocks(row?.content);
}
