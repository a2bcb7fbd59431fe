'use client';

// The same screen as the app's: a failure here keeps the cluster's header and tabs around it.
export { default } from '../../../../error';
