// Device commands go through the shared helper (confirmation, server-truthful result).
export { runCommand } from '@/components/station/command'
