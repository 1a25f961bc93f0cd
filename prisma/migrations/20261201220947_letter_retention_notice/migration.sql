-- CreateTable
CREATE TABLE "LetterRetentionNotice" (
    "letterId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "deleteOn" DATE NOT NULL,
    "notifiedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LetterRetentionNotice_pkey" PRIMARY KEY ("letterId")
);

-- CreateIndex
CREATE INDEX "LetterRetentionNotice_deleteOn_idx" ON "LetterRetentionNotice"("deleteOn");

-- CreateIndex
CREATE INDEX "Letter_retentionUntil_idx" ON "Letter"("retentionUntil");

-- AddForeignKey
ALTER TABLE "LetterRetentionNotice" ADD CONSTRAINT "LetterRetentionNotice_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE CASCADE ON UPDATE CASCADE;
