'use client';

// The same screen as the app's.
export { default } from '../../error';
