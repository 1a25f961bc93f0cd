-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "passwordResetRequiredAt" TIMESTAMPTZ(3);
