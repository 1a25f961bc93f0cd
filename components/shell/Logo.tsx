export function Logo({ label }: { label: string }) {
  return (
    <span className="flex items-center gap-2">
      <svg aria-hidden="true" viewBox="0 0 48 32" className="h-8 w-12">
        <rect width="48" height="32" rx="6" fill="#00457d" />
        <text x="24" y="22" textAnchor="middle" fontFamily="system-ui, sans-serif" fontWeight="800" fontSize="15" fill="#ffffff">
          HEK
        </text>
      </svg>
      <span className="text-lg font-bold text-brand-dark">{label}</span>
    </span>
  );
}
