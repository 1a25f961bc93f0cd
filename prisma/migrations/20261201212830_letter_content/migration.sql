-- AlterTable
ALTER TABLE "Letter" ADD COLUMN     "content" JSONB;
