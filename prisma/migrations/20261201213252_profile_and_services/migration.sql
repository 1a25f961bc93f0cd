-- CreateEnum
CREATE TYPE "DataExportStatus" AS ENUM ('PENDING', 'RUNNING', 'READY', 'FAILED');

-- CreateEnum
CREATE TYPE "NameChangeStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "BilledServiceKind" AS ENUM ('DOCTOR_VISIT', 'PRESCRIPTION', 'HOSPITAL_STAY');

-- CreateEnum
CREATE TYPE "SupportMessageStatus" AS ENUM ('OPEN', 'ANSWERED', 'CLOSED');

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "country" VARCHAR(2) NOT NULL DEFAULT 'DE',
ALTER COLUMN "postalCode" SET DATA TYPE VARCHAR(10);

-- CreateTable
CREATE TABLE "BankAccount" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "iban" VARCHAR(34) NOT NULL,
    "bic" VARCHAR(11),
    "bankName" VARCHAR(120),
    "accountHolder" VARCHAR(120) NOT NULL,
    "validFrom" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestKey" UUID NOT NULL,

    CONSTRAINT "BankAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataExport" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "status" "DataExportStatus" NOT NULL DEFAULT 'PENDING',
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "readyAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "archive" BYTEA,
    "size" INTEGER,
    "error" TEXT,

    CONSTRAINT "DataExport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailChangeRequest" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "newEmail" TEXT NOT NULL,
    "oldEmail" TEXT NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),

    CONSTRAINT "EmailChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NameChangeRequest" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "firstName" VARCHAR(100) NOT NULL,
    "lastName" VARCHAR(100) NOT NULL,
    "reason" VARCHAR(20) NOT NULL,
    "documentName" VARCHAR(255) NOT NULL,
    "documentType" TEXT NOT NULL,
    "documentData" BYTEA NOT NULL,
    "status" "NameChangeStatus" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedByStaffId" TEXT,
    "decisionNote" TEXT,
    "requestKey" UUID NOT NULL,

    CONSTRAINT "NameChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BabyCareEnrolment" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "expectedBirthDate" DATE NOT NULL,
    "enrolledAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "step" INTEGER NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "BabyCareEnrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AumioCode" (
    "id" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "requestedBy" UUID NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AumioCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BilledService" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "kind" "BilledServiceKind" NOT NULL,
    "serviceDate" DATE NOT NULL,
    "endDate" DATE,
    "provider" VARCHAR(200) NOT NULL,
    "description" VARCHAR(300) NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BilledService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportMessage" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "subject" VARCHAR(200) NOT NULL,
    "text" TEXT NOT NULL,
    "kvnr" VARCHAR(10),
    "technicalData" JSONB,
    "status" "SupportMessageStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "answerReadAt" TIMESTAMPTZ(3),
    "requestKey" UUID NOT NULL,

    CONSTRAINT "SupportMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportAnswer" (
    "id" UUID NOT NULL,
    "messageId" UUID NOT NULL,
    "authorStaffId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BankAccount_memberId_validFrom_createdAt_idx" ON "BankAccount"("memberId", "validFrom", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BankAccount_memberId_requestKey_key" ON "BankAccount"("memberId", "requestKey");

-- CreateIndex
CREATE INDEX "DataExport_memberId_requestedAt_idx" ON "DataExport"("memberId", "requestedAt");

-- CreateIndex
CREATE INDEX "DataExport_status_requestedAt_idx" ON "DataExport"("status", "requestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "EmailChangeRequest_tokenHash_key" ON "EmailChangeRequest"("tokenHash");

-- CreateIndex
CREATE INDEX "EmailChangeRequest_memberId_createdAt_idx" ON "EmailChangeRequest"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "NameChangeRequest_memberId_status_idx" ON "NameChangeRequest"("memberId", "status");

-- CreateIndex
CREATE INDEX "NameChangeRequest_status_createdAt_idx" ON "NameChangeRequest"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "NameChangeRequest_memberId_requestKey_key" ON "NameChangeRequest"("memberId", "requestKey");

-- CreateIndex
CREATE UNIQUE INDEX "BabyCareEnrolment_memberId_key" ON "BabyCareEnrolment"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "AumioCode_childId_key" ON "AumioCode"("childId");

-- CreateIndex
CREATE UNIQUE INDEX "AumioCode_code_key" ON "AumioCode"("code");

-- CreateIndex
CREATE INDEX "AumioCode_requestedBy_idx" ON "AumioCode"("requestedBy");

-- CreateIndex
CREATE INDEX "BilledService_memberId_serviceDate_idx" ON "BilledService"("memberId", "serviceDate");

-- CreateIndex
CREATE INDEX "SupportMessage_memberId_createdAt_idx" ON "SupportMessage"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "SupportMessage_status_createdAt_idx" ON "SupportMessage"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SupportMessage_memberId_requestKey_key" ON "SupportMessage"("memberId", "requestKey");

-- CreateIndex
CREATE INDEX "SupportAnswer_messageId_createdAt_idx" ON "SupportAnswer"("messageId", "createdAt");

-- AddForeignKey
ALTER TABLE "BankAccount" ADD CONSTRAINT "BankAccount_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataExport" ADD CONSTRAINT "DataExport_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailChangeRequest" ADD CONSTRAINT "EmailChangeRequest_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NameChangeRequest" ADD CONSTRAINT "NameChangeRequest_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BabyCareEnrolment" ADD CONSTRAINT "BabyCareEnrolment_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AumioCode" ADD CONSTRAINT "AumioCode_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AumioCode" ADD CONSTRAINT "AumioCode_requestedBy_fkey" FOREIGN KEY ("requestedBy") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BilledService" ADD CONSTRAINT "BilledService_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportMessage" ADD CONSTRAINT "SupportMessage_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportAnswer" ADD CONSTRAINT "SupportAnswer_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "SupportMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
