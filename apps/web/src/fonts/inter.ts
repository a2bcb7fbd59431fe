import localFont from 'next/font/local';

/**
 * Inter from npm (@fontsource-variable/inter), served by this app: next/font/google would
 * download it at build time, and the build must not touch the network.
 */
export const inter = localFont({
  src: [
    {
      path: '../../../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
      weight: '100 900',
      style: 'normal',
    },
    {
      path: '../../../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-italic.woff2',
      weight: '100 900',
      style: 'italic',
    },
  ],
  variable: '--font-inter',
  display: 'swap',
  fallback: ['system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'sans-serif'],
});
