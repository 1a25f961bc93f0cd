import type { Config } from 'tailwindcss';

// Theme tokens of the portal. Colours are chosen for WCAG 2.1 AA contrast on white
// (brand 7.9:1, muted text 7:1, danger 6.5:1, success 5.9:1) and are used through these names only.
const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}', './lib/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        brand: {
          DEFAULT: '#00457d',
          dark: '#00305a',
          light: '#e6f0f8',
          accent: '#007a87',
        },
        ink: { DEFAULT: '#1a1a1a', muted: '#4a4a4a' },
        surface: { DEFAULT: '#ffffff', subtle: '#f4f6f8', line: '#c9d1d9' },
        danger: { DEFAULT: '#b3261e', light: '#fdecea' },
        success: { DEFAULT: '#1e6b34', light: '#e7f4ea' },
        warning: { DEFAULT: '#7a4d00', light: '#fff4de' },
        focus: '#ffbf47',
      },
      fontFamily: {
        sans: ['system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'Helvetica Neue', 'Arial', 'sans-serif'],
      },
      borderRadius: { card: '0.75rem' },
    },
  },
};

export default config;
