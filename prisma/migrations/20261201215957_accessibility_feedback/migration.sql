-- CreateEnum
CREATE TYPE "AccessibilityFeedbackStatus" AS ENUM ('NEW', 'IN_PROGRESS', 'ANSWERED', 'CLOSED');

-- CreateTable
CREATE TABLE "AccessibilityFeedback" (
    "id" UUID NOT NULL,
    "memberId" UUID,
    "name" VARCHAR(200),
    "email" VARCHAR(254),
    "page" VARCHAR(200),
    "message" TEXT NOT NULL,
    "locale" VARCHAR(5) NOT NULL,
    "status" "AccessibilityFeedbackStatus" NOT NULL DEFAULT 'NEW',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMPTZ(3),

    CONSTRAINT "AccessibilityFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccessibilityFeedback_status_createdAt_idx" ON "AccessibilityFeedback"("status", "createdAt");
