'use client';

// The same screen as the app's: a failure here keeps the root layout around it.
export { default } from '../../error';
