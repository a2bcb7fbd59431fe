'use client';

// The same screen as the app's: a failure here keeps the administration title and tabs around it.
export { default } from '../../error';
