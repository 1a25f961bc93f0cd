-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('SUPPORT_AGENT', 'SUPERVISOR', 'ADMINISTRATOR');

-- CreateTable
CREATE TABLE "StaffAccount" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "role" "StaffRole" NOT NULL,
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "StaffAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffPasskey" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "credentialId" TEXT NOT NULL,
    "publicKey" BYTEA NOT NULL,
    "counter" BIGINT NOT NULL DEFAULT 0,
    "transports" TEXT[],
    "credentialDeviceType" TEXT NOT NULL,
    "credentialBackedUp" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "StaffPasskey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffEnrolment" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffEnrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffChallenge" (
    "id" UUID NOT NULL,
    "challenge" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "staffId" UUID,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StaffChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" UUID NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "staffId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedReason" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Impersonation" (
    "id" UUID NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "staffId" UUID NOT NULL,
    "staffSessionId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "reference" VARCHAR(120) NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "endedReason" TEXT,
    "endedById" TEXT,

    CONSTRAINT "Impersonation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffAuditEntry" (
    "seq" BIGINT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "actorType" TEXT NOT NULL,
    "staffId" UUID,
    "staffName" TEXT,
    "subjectMemberId" UUID,
    "impersonationId" UUID,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "reason" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "canonical" TEXT NOT NULL,
    "prevHash" VARCHAR(64) NOT NULL,
    "hash" VARCHAR(64) NOT NULL,

    CONSTRAINT "StaffAuditEntry_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "StaffAuditHead" (
    "id" INTEGER NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" VARCHAR(64) NOT NULL,
    "prevHash" VARCHAR(64) NOT NULL,

    CONSTRAINT "StaffAuditHead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffLetterReview" (
    "letterId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffLetterReview_pkey" PRIMARY KEY ("letterId")
);

-- CreateTable
CREATE TABLE "HealthCardOrderProcessing" (
    "orderId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "oldCardBlockedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HealthCardOrderProcessing_pkey" PRIMARY KEY ("orderId")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffAccount_email_key" ON "StaffAccount"("email");

-- CreateIndex
CREATE UNIQUE INDEX "StaffPasskey_credentialId_key" ON "StaffPasskey"("credentialId");

-- CreateIndex
CREATE INDEX "StaffPasskey_staffId_idx" ON "StaffPasskey"("staffId");

-- CreateIndex
CREATE UNIQUE INDEX "StaffEnrolment_tokenHash_key" ON "StaffEnrolment"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "StaffChallenge_challenge_key" ON "StaffChallenge"("challenge");

-- CreateIndex
CREATE INDEX "StaffChallenge_expiresAt_idx" ON "StaffChallenge"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "StaffSession_tokenHash_key" ON "StaffSession"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffSession_staffId_revokedAt_idx" ON "StaffSession"("staffId", "revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Impersonation_tokenHash_key" ON "Impersonation"("tokenHash");

-- CreateIndex
CREATE INDEX "Impersonation_memberId_startedAt_idx" ON "Impersonation"("memberId", "startedAt");

-- CreateIndex
CREATE INDEX "Impersonation_endedAt_endsAt_idx" ON "Impersonation"("endedAt", "endsAt");

-- CreateIndex
CREATE INDEX "StaffAuditEntry_subjectMemberId_seq_idx" ON "StaffAuditEntry"("subjectMemberId", "seq");

-- CreateIndex
CREATE INDEX "StaffAuditEntry_staffId_seq_idx" ON "StaffAuditEntry"("staffId", "seq");

-- CreateIndex
CREATE INDEX "StaffAuditEntry_action_seq_idx" ON "StaffAuditEntry"("action", "seq");

-- AddForeignKey
ALTER TABLE "StaffPasskey" ADD CONSTRAINT "StaffPasskey_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffEnrolment" ADD CONSTRAINT "StaffEnrolment_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffChallenge" ADD CONSTRAINT "StaffChallenge_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Impersonation" ADD CONSTRAINT "Impersonation_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Impersonation" ADD CONSTRAINT "Impersonation_staffSessionId_fkey" FOREIGN KEY ("staffSessionId") REFERENCES "StaffSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Impersonation" ADD CONSTRAINT "Impersonation_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The chain starts from a fixed genesis hash, and every append updates this single row (lib/audit/chain.ts).
INSERT INTO "StaffAuditHead" ("id", "seq", "hash", "prevHash") VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', '0000000000000000000000000000000000000000000000000000000000000000');
