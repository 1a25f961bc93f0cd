export { createMember, randomKvnr } from '@/lib/testing/members';
