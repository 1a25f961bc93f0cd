-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "boundDeviceId" UUID;

-- CreateTable
CREATE TABLE "EmailConfirmation" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "EmailConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityRequest" (
    "id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "memberId" UUID,
    "sessionId" UUID,
    "browserBindingHash" VARCHAR(64),
    "stateHash" VARCHAR(64) NOT NULL,
    "nonce" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "deviceBoundAt" TIMESTAMP(3),

    CONSTRAINT "IdentityRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsedIdentityToken" (
    "jti" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsedIdentityToken_pkey" PRIMARY KEY ("jti")
);

-- CreateTable
CREATE TABLE "BoundDevice" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "publicKeyJwk" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "BoundDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeviceChallenge" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "deviceId" UUID,
    "challenge" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "DeviceChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdpSigningKey" (
    "provider" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "privateJwk" JSONB NOT NULL,
    "publicJwk" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdpSigningKey_pkey" PRIMARY KEY ("provider")
);

-- CreateTable
CREATE TABLE "IdpTransaction" (
    "id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "redirectUri" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "codeChallenge" TEXT NOT NULL,
    "loginHint" TEXT,
    "pinVerifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "codeHash" VARCHAR(64),
    "codeExpiresAt" TIMESTAMP(3),
    "codeUsedAt" TIMESTAMP(3),
    "claims" JSONB,
    "outcome" TEXT,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "IdpTransaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SimulatedIdCard" (
    "kvnr" TEXT NOT NULL,
    "pinFailures" INTEGER NOT NULL DEFAULT 0,
    "pinBlockedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SimulatedIdCard_pkey" PRIMARY KEY ("kvnr")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailConfirmation_tokenHash_key" ON "EmailConfirmation"("tokenHash");

-- CreateIndex
CREATE INDEX "EmailConfirmation_memberId_idx" ON "EmailConfirmation"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "IdentityRequest_stateHash_key" ON "IdentityRequest"("stateHash");

-- CreateIndex
CREATE INDEX "IdentityRequest_memberId_createdAt_idx" ON "IdentityRequest"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "IdentityRequest_expiresAt_idx" ON "IdentityRequest"("expiresAt");

-- CreateIndex
CREATE INDEX "BoundDevice_memberId_revokedAt_idx" ON "BoundDevice"("memberId", "revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeviceChallenge_challenge_key" ON "DeviceChallenge"("challenge");

-- CreateIndex
CREATE INDEX "DeviceChallenge_expiresAt_idx" ON "DeviceChallenge"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdpTransaction_codeHash_key" ON "IdpTransaction"("codeHash");

-- CreateIndex
CREATE INDEX "IdpTransaction_expiresAt_idx" ON "IdpTransaction"("expiresAt");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_boundDeviceId_fkey" FOREIGN KEY ("boundDeviceId") REFERENCES "BoundDevice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailConfirmation" ADD CONSTRAINT "EmailConfirmation_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityRequest" ADD CONSTRAINT "IdentityRequest_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoundDevice" ADD CONSTRAINT "BoundDevice_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeviceChallenge" ADD CONSTRAINT "DeviceChallenge_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeviceChallenge" ADD CONSTRAINT "DeviceChallenge_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "BoundDevice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
