-- CreateEnum
CREATE TYPE "ClaimType" AS ENUM ('SICKNESS_BENEFIT', 'CHILD_SICKNESS_BENEFIT', 'MATERNITY_BENEFIT');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('RECEIVED', 'DOCUMENTS_MISSING', 'IN_REVIEW', 'APPROVED', 'DECLINED', 'PAYMENT_INITIATED');

-- CreateEnum
CREATE TYPE "ClaimEventKind" AS ENUM ('RECEIVED', 'DOCUMENTS_REQUESTED', 'DOCUMENTS_RECEIVED', 'IN_REVIEW', 'MEDICAL_SERVICE', 'APPROVED', 'DECLINED', 'SICK_NOTE_RECEIVED', 'PAYMENT_INITIATED');

-- CreateEnum
CREATE TYPE "SickNoteChannel" AS ENUM ('EAU', 'UPLOAD', 'POST');

-- CreateEnum
CREATE TYPE "UploadReceiptSource" AS ENUM ('APPLICATION', 'CASE_DOCUMENT', 'REPLY', 'SUBMISSION');

-- CreateTable
CREATE TABLE "ClaimCase" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "type" "ClaimType" NOT NULL,
    "status" "ClaimStatus" NOT NULL DEFAULT 'RECEIVED',
    "reference" VARCHAR(20) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "medicalService" BOOLEAN NOT NULL DEFAULT false,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionLetterId" UUID,
    "missingDocuments" TEXT[],
    "federalState" VARCHAR(2),
    "title" VARCHAR(200),
    "childId" UUID,
    "childName" VARCHAR(200),
    "periodStart" DATE,
    "periodEnd" DATE,
    "hospitalStart" DATE,
    "hospitalEnd" DATE,
    "singleParent" BOOLEAN NOT NULL DEFAULT false,
    "expectedBirthDate" DATE,
    "employment" VARCHAR(40),
    "idempotencyKey" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimEvent" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "ClaimEventKind" NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "note" VARCHAR(500),
    "letterId" UUID,

    CONSTRAINT "ClaimEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SickNote" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "channel" "SickNoteChannel" NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SickNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenefitPayment" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "days" INTEGER NOT NULL,
    "dailyAmountCents" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "paidOn" DATE NOT NULL,
    "ibanMasked" VARCHAR(40) NOT NULL,

    CONSTRAINT "BenefitPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimDraft" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "type" "ClaimType" NOT NULL,
    "step" INTEGER NOT NULL DEFAULT 1,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ClaimDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UploadReceipt" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "reference" VARCHAR(20) NOT NULL,
    "source" "UploadReceiptSource" NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "sentLetterId" UUID NOT NULL,
    "letterId" UUID NOT NULL,
    "caseId" UUID,
    "files" JSONB NOT NULL,

    CONSTRAINT "UploadReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ClaimCase_reference_key" ON "ClaimCase"("reference");

-- CreateIndex
CREATE INDEX "ClaimCase_memberId_receivedAt_idx" ON "ClaimCase"("memberId", "receivedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ClaimCase_memberId_idempotencyKey_key" ON "ClaimCase"("memberId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "ClaimEvent_caseId_occurredAt_idx" ON "ClaimEvent"("caseId", "occurredAt");

-- CreateIndex
CREATE INDEX "SickNote_caseId_startDate_idx" ON "SickNote"("caseId", "startDate");

-- CreateIndex
CREATE INDEX "BenefitPayment_caseId_paidOn_idx" ON "BenefitPayment"("caseId", "paidOn");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimDraft_memberId_type_key" ON "ClaimDraft"("memberId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "UploadReceipt_reference_key" ON "UploadReceipt"("reference");

-- CreateIndex
CREATE INDEX "UploadReceipt_memberId_receivedAt_idx" ON "UploadReceipt"("memberId", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "UploadReceipt_sentLetterId_idx" ON "UploadReceipt"("sentLetterId");

-- AddForeignKey
ALTER TABLE "ClaimCase" ADD CONSTRAINT "ClaimCase_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimEvent" ADD CONSTRAINT "ClaimEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ClaimCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SickNote" ADD CONSTRAINT "SickNote_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ClaimCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenefitPayment" ADD CONSTRAINT "BenefitPayment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ClaimCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimDraft" ADD CONSTRAINT "ClaimDraft_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UploadReceipt" ADD CONSTRAINT "UploadReceipt_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
