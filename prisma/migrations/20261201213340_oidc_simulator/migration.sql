-- AlterTable
ALTER TABLE "IdpTransaction" ADD COLUMN     "pinBlockedAt" TIMESTAMPTZ(3),
ADD COLUMN     "pinFailures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pukFailures" INTEGER NOT NULL DEFAULT 0;

-- DropTable
DROP TABLE "SimulatedIdCard";

-- DropTable
DROP TABLE "UsedIdentityToken";
