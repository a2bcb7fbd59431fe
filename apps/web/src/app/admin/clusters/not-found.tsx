// The administration's own "not found", under its title and tabs.
export { default, metadata } from '../not-found';
