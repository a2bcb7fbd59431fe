'use client';

// The app's error screen (what failed, the server log's reference, a retry), inside the
// cluster's header and tabs.
export { default } from '../../../../../../error';
