// Decorative line icons; the text beside each icon is what assistive technology reads. Each is an empty
// element whose shape is drawn by app/globals.css (.icon and .icon-<name>, the paths as CSS masks).
export const iconNames = ['home', 'mail', 'shield', 'clipboard', 'user', 'chat', 'document', 'card', 'key', 'globe', 'logout', 'chevron', 'euro', 'sliders', 'search', 'mailOpen', 'bell'] as const;

export type IconName = (typeof iconNames)[number];

export function Icon({ name, className = 'h-6 w-6' }: { name: IconName; className?: string }) {
  return <span aria-hidden="true" className={`icon icon-${name} ${className}`} />;
}
