-- CreateEnum
CREATE TYPE "CertificateKind" AS ENUM ('MEMBERSHIP', 'INSURANCE_PERIODS');

-- CreateTable
CREATE TABLE "InsurancePeriod" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "kind" "MembershipType" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "payerName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InsurancePeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WageReport" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "employerName" TEXT NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "grossPayCents" INTEGER NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WageReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "kind" "CertificateKind" NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verificationCode" VARCHAR(12) NOT NULL,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthCardReplacement" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "readyAt" TIMESTAMP(3) NOT NULL,
    "validFrom" DATE NOT NULL,
    "validUntil" DATE NOT NULL,
    "verificationCode" VARCHAR(12) NOT NULL,
    "requestKey" VARCHAR(64) NOT NULL,

    CONSTRAINT "HealthCardReplacement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthCardQuota" (
    "memberId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "used" INTEGER NOT NULL,

    CONSTRAINT "HealthCardQuota_pkey" PRIMARY KEY ("memberId","year")
);

-- CreateTable
CREATE TABLE "HealthCardOrder" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "requestKey" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HealthCardOrder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InsurancePeriod_memberId_startsOn_idx" ON "InsurancePeriod"("memberId", "startsOn");

-- CreateIndex
CREATE INDEX "WageReport_memberId_year_idx" ON "WageReport"("memberId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_verificationCode_key" ON "Certificate"("verificationCode");

-- CreateIndex
CREATE INDEX "Certificate_memberId_issuedAt_idx" ON "Certificate"("memberId", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "HealthCardReplacement_verificationCode_key" ON "HealthCardReplacement"("verificationCode");

-- CreateIndex
CREATE INDEX "HealthCardReplacement_memberId_requestedAt_idx" ON "HealthCardReplacement"("memberId", "requestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "HealthCardReplacement_memberId_year_ordinal_key" ON "HealthCardReplacement"("memberId", "year", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "HealthCardReplacement_memberId_requestKey_key" ON "HealthCardReplacement"("memberId", "requestKey");

-- CreateIndex
CREATE INDEX "HealthCardOrder_memberId_createdAt_idx" ON "HealthCardOrder"("memberId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "HealthCardOrder_memberId_requestKey_key" ON "HealthCardOrder"("memberId", "requestKey");

-- AddForeignKey
ALTER TABLE "InsurancePeriod" ADD CONSTRAINT "InsurancePeriod_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WageReport" ADD CONSTRAINT "WageReport_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthCardReplacement" ADD CONSTRAINT "HealthCardReplacement_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthCardQuota" ADD CONSTRAINT "HealthCardQuota_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthCardOrder" ADD CONSTRAINT "HealthCardOrder_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
