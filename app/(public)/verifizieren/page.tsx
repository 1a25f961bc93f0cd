import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { VerificationResult } from '@/components/certificates/VerificationResult';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { Field } from '@/components/ui/Field';
import { verifyCodeSchema } from '@/lib/certificates/schema';
import { verifyCode } from '@/lib/certificates/verify';
import { requestMeta } from '@/lib/http/request-meta';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('verification');
  return { title: t('title') };
}

/**
 * Public check of a certificate's code, without login: typed in, or opened from the QR code with
 * ?code=. A plain GET form, so it works without JavaScript on any device.
 */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const t = await getTranslations('verification');
  const raw = (await searchParams).code;
  const code = typeof raw === 'string' ? raw : undefined;
  const parsed = code === undefined ? null : verifyCodeSchema.safeParse({ code });
  const inputError = parsed && !parsed.success ? t(parsed.error.issues[0]?.message ?? 'errors.required') : undefined;
  const result = parsed?.success ? await verifyCode(parsed.data.code, (await requestMeta()).ip) : null;
  const format = await getFormatter();
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-2xl font-bold text-brand-dark">{t('title')}</h1>
      <p className="mt-2 text-ink-muted">{t('lead')}</p>
      <form method="get" action="/verifizieren" className="mt-6 flex flex-col gap-4">
        <Field
          id="code"
          name="code"
          label={t('code')}
          hint={t('codeHint')}
          defaultValue={code ?? ''}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          required
          error={inputError}
          className="font-mono uppercase tracking-wider"
        />
        <Button type="submit" className="w-full">
          {t('submit')}
        </Button>
      </form>
      <div className="mt-6" aria-live="polite">
        {result && <VerificationResult result={result} format={format} />}
      </div>
      <p className="mt-6 text-sm text-ink-muted">{t('privacy')}</p>
    </Card>
  );
}
