'use client';

// The same screen as the app's: an unexpected failure, with a way to try again.
export { default } from '../error';
