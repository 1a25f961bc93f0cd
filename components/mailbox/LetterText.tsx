import type { LetterBlock } from '@/lib/mailbox/templates';

/**
 * The letter's text as HTML: it reflows on a phone, a screen reader reads it, the browser's zoom and
 * translation work. Headings of the letter are h2 under the page's h1 (the subject). German text gets
 * `lang="de"`, so the browser hyphenates long compound words in the member's language setting too.
 */
export function LetterText({ blocks, label }: { blocks: LetterBlock[]; label: string }) {
  return (
    <article aria-label={label} lang="de" className="hyphens-auto break-words rounded-card border border-surface-line bg-surface p-5 text-base leading-relaxed shadow-sm sm:p-8">
      {blocks.map((block, i) =>
        block.type === 'heading' ? (
          <h2 key={i} className="mt-6 text-lg font-semibold text-brand-dark first:mt-0">
            {block.text}
          </h2>
        ) : (
          <p key={i} className="mt-3 max-w-prose first:mt-0">
            {block.text}
          </p>
        ),
      )}
    </article>
  );
}
