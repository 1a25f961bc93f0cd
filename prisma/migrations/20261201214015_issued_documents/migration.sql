-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "coverage" JSONB,
ADD COLUMN     "documentId" UUID;

-- AlterTable
ALTER TABLE "HealthCardReplacement" ADD COLUMN     "documentId" UUID;

-- CreateIndex
CREATE INDEX "Certificate_documentId_idx" ON "Certificate"("documentId");

-- CreateIndex
CREATE INDEX "HealthCardReplacement_documentId_idx" ON "HealthCardReplacement"("documentId");

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthCardReplacement" ADD CONSTRAINT "HealthCardReplacement_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;
